import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { setSessionUser, type Handlers } from '../host/handler-context';
import { hashPassword } from '../users/password';
import { checkPasswordRule, countUsers, createUser, getUser, storePassword, userSummary } from '../users/user-store';
import { checkCurrentPassword, signedInUser, signIn } from './sign-in';

export const sessionHandlers = {
  'session.status': (_input, { services, session }) => {
    // A user disabled while signed in loses the session at the next call.
    const current = session.user ? getUser(services.db, session.user.id) : null;
    if (current?.disabled) setSessionUser(session, null);
    return {
      needsSetup: countUsers(services.db) === 0,
      user: current && !current.disabled ? userSummary(services.db, current.id) : null,
      workspaceName: basename(services.workspacePath),
    };
  },
  'session.setup': async (input, { services, session }) => {
    if (countUsers(services.db) > 0) throw new AppError('setup.already_done');
    // createUser checks again inside its write transaction: two setups at once make one admin.
    const admin = await createUser(services.db, null, { ...input, role: 'admin' });
    setSessionUser(session, signedInUser(getUser(services.db, admin.id)));
    recordAudit(services.db, { actor: admin.name, action: 'session.sign_in', target: admin.name, details: { firstRun: true } });
    return admin;
  },
  'session.signIn': async ({ name, password }, { services, session }) => {
    if (countUsers(services.db) === 0) throw new AppError('setup.required');
    const { user, summary } = await signIn(services, session, name, password);
    setSessionUser(session, user);
    return summary;
  },
  'session.signOut': (_input, { services, session, user }) => {
    recordAudit(services.db, { actor: user.name, action: 'session.sign_out', target: user.name });
    setSessionUser(session, null);
    return {};
  },
  'session.changePassword': async ({ currentPassword, newPassword }, { services, session, user }) => {
    const { db } = services;
    checkPasswordRule(newPassword);
    if (newPassword.normalize('NFC') === currentPassword.normalize('NFC')) throw new AppError('users.password_unchanged');
    await checkCurrentPassword(services, session, user.id, currentPassword);
    const passwordHash = await hashPassword(newPassword);
    const row = db.transaction(() => {
      storePassword(db, user.id, passwordHash, false);
      recordAudit(db, { actor: user.name, action: 'user.change_password', target: user.name });
      return getUser(db, user.id);
    }).immediate();
    // This session goes on under the new credentials; every other one of this user ends.
    setSessionUser(session, signedInUser(row));
    return userSummary(db, user.id);
  },
} satisfies Partial<Handlers>;
