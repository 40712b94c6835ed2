import { z } from 'zod';
import { empty, id, isoDateTime, role, type MethodSpec } from './common';

export const userName = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u);
export const password = z.string().min(1).max(1024);
// The rule the services enforce (users.weak_password) and the screens state.
export const minPasswordLength = 12;
export const locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof locale>;

export const userSummary = z.object({
  id,
  name: userName,
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  createdAt: isoDateTime,
  lastSignInAt: isoDateTime.nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const usersMethods = {
  'users.list': { input: empty, output: z.array(userSummary), access: 'admin' },
  'users.create': {
    input: z.object({ name: userName, displayName: z.string().trim().max(120).optional(), password, role }),
    output: userSummary,
    access: 'admin',
  },
  'users.disable': { input: z.object({ userId: id }), output: userSummary, access: 'admin' },
  'users.enable': { input: z.object({ userId: id }), output: userSummary, access: 'admin' },
} as const satisfies Record<string, MethodSpec>;
