import { z } from 'zod';
import { empty, type MethodSpec } from './common';
import { password, userName, userSummary } from './users';

export const sessionStatus = z.object({
  needsSetup: z.boolean(),
  user: userSummary.nullable(),
  workspaceName: z.string(),
});
export type SessionStatus = z.infer<typeof sessionStatus>;

export const sessionMethods = {
  'session.status': { input: empty, output: sessionStatus, access: 'public' },
  'session.setup': {
    input: z.object({ name: userName, displayName: z.string().trim().max(120).optional(), password }),
    output: userSummary,
    access: 'public',
  },
  'session.signIn': { input: z.object({ name: z.string().max(64), password }), output: userSummary, access: 'public' },
  'session.signOut': { input: empty, output: z.object({}), access: 'agent', beforePasswordChange: true },
  'session.changePassword': {
    input: z.object({ currentPassword: password, newPassword: password }),
    output: userSummary,
    access: 'agent',
    beforePasswordChange: true,
  },
} as const satisfies Record<string, MethodSpec>;
