import { z } from 'zod';
import { empty, id, isoDateTime, role, type MethodSpec } from './common';

// What the screens' hint states (app.setup.nameHint): letters, digits, dots, hyphens and
// underscores, no space. Names already stored under an older rule are still listed (the
// summary below takes any string).
export const userName = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u);
export const password = z.string().min(1).max(1024);
// The rule the services enforce (users.weak_password) and the screens state.
export const minPasswordLength = 12;
export const locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof locale>;

export const userSummary = z.object({
  id,
  name: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  createdAt: isoDateTime,
  lastSignInAt: isoDateTime.nullable(),
  // The password was set by an administrator: its owner must choose another before anything else.
  mustChangePassword: z.boolean(),
  // Set while too many failed sign-ins keep the account locked.
  lockedUntil: isoDateTime.nullable(),
  // The older account this one's name imitates (found when name keys were introduced).
  lookalikeOf: z.string().nullable(),
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
  'users.setRole': { input: z.object({ userId: id, role }), output: userSummary, access: 'admin' },
  // The new password is provisional: its owner changes it at the next sign-in.
  'users.resetPassword': { input: z.object({ userId: id, password }), output: userSummary, access: 'admin' },
  'users.unlock': { input: z.object({ userId: id }), output: userSummary, access: 'admin' },
} as const satisfies Record<string, MethodSpec>;
