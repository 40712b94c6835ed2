import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { Handlers } from '../host/handler-context';
import { countUsers, createUser, getUser, toSummary } from '../users/user-store';
import { signIn } from './sign-in';

export const sessionHandlers = {
  'session.status': (_input, { services, session }) => {
    // A user disabled while signed in loses the session at the next call.
    const current = session.user ? getUser(services.db, session.user.id) : null;
    if (current?.disabled) session.user = null;
    return {
      needsSetup: countUsers(services.db) === 0,
      user: current && !current.disabled ? toSummary(current) : null,
      workspaceName: basename(services.workspacePath),
    };
  },
  'session.setup': async (input, { services, session }) => {
    if (countUsers(services.db) > 0) throw new AppError('setup.already_done');
    const admin = await createUser(services.db, null, { ...input, role: 'admin' });
    session.user = { id: admin.id, name: admin.name, role: 'admin' };
    recordAudit(services.db, { actor: admin.name, action: 'session.sign_in', target: admin.name, details: { firstRun: true } });
    return admin;
  },
  'session.signIn': async ({ name, password }, { services, session }) => {
    if (countUsers(services.db) === 0) throw new AppError('setup.required');
    const { user, summary } = await signIn(services, name, password);
    session.user = user;
    return summary;
  },
  'session.signOut': (_input, { services, session, user }) => {
    recordAudit(services.db, { actor: user.name, action: 'session.sign_out', target: user.name });
    session.user = null;
    return {};
  },
} satisfies Partial<Handlers>;
