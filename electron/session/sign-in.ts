import type { UserSummary } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { Services, Session, SignedInUser } from '../host/handler-context';
import { verifyPassword } from '../users/password';
import { findUserForSignIn, getUser, userSummary, type UserRow } from '../users/user-store';
import { nowIso, type Db } from '../workspace/open-workspace';
import { lockAfter, lockMinutes, slowDownAfter, type Reservation } from './sign-in-guard';

// Same work whether the name exists or not, so timing does not reveal user names.
const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

// The order matters: the attempt is counted and the lock checked in one write transaction
// BEFORE the slow password check, so guesses sent at once are checked at most `lockAfter`
// times; the others are refused unverified. Unknown names go through the same steps.
export async function signIn(services: Services, session: Session, name: string, password: string): Promise<{ user: SignedInUser; summary: UserSummary }> {
  const { db, signIns } = services;
  const refund = signIns.reserveClient(session);
  const row = findUserForSignIn(db, name);
  const reservation = row ? reserveAttempt(db, row.id) : signIns.reserveUnknown(name);
  if ('lockedUntil' in reservation) {
    refund();
    throw lockedError(reservation.lockedUntil);
  }
  await slowDown(services, reservation.attempt);
  const matches = await verifyPassword(password, row?.password_hash ?? dummyHash);
  if (!row) {
    signIns.recordFailure(db, { action: 'session.sign_in_failed', target: null, details: { reason: 'unknown_user' } });
    const locked = signIns.failUnknown(name);
    throw locked ? lockedError(locked) : new AppError('auth.bad_credentials');
  }
  if (!matches) failAttempt(services, row);
  if (row.disabled) {
    refund();
    recordAudit(db, { actor: row.name, action: 'session.sign_in_refused', target: row.name, details: { reason: 'disabled' } });
    throw new AppError('auth.disabled');
  }
  const signedIn = db.transaction(() => {
    // A lock set while the password was being checked stays: the success does not clear it.
    const done = db
      .prepare('UPDATE users SET failed_attempts = 0, last_sign_in_at = ? WHERE id = ? AND locked_until IS NULL')
      .run(nowIso(), row.id).changes;
    if (done) recordAudit(db, { actor: row.name, action: 'session.sign_in', target: row.name });
    return getUser(db, row.id);
  }).immediate();
  if (signedIn.locked_until) throw lockedError(signedIn.locked_until);
  refund();
  return { user: signedInUser(signedIn), summary: userSummary(db, row.id) };
}

export function signedInUser(row: UserRow): SignedInUser {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    mustChangePassword: row.must_change_password === 1,
    credentialsVersion: row.credentials_version,
  };
}

// Checks a signed-in user's current password (before a change) under the same counters:
// a session left open is not a way around the lock.
export async function checkCurrentPassword(services: Services, session: Session, userId: number, password: string): Promise<void> {
  const { db, signIns } = services;
  const refund = signIns.reserveClient(session);
  const reservation = reserveAttempt(db, userId);
  if ('lockedUntil' in reservation) {
    refund();
    throw lockedError(reservation.lockedUntil);
  }
  await slowDown(services, reservation.attempt);
  const row = getUser(db, userId);
  if (!(await verifyPassword(password, row.password_hash))) failAttempt(services, row, 'users.wrong_current_password');
  refund();
}

// One write transaction: an expired lock is lifted, a running one refuses, a count already at
// the limit locks now (attempts still being checked), otherwise this attempt is counted.
function reserveAttempt(db: Db, userId: number): Reservation {
  return db.transaction((): Reservation => {
    const now = nowIso();
    const row = getUser(db, userId);
    if (row.locked_until && row.locked_until <= now) {
      db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(userId);
      row.failed_attempts = 0;
      row.locked_until = null;
    }
    if (row.locked_until) return { lockedUntil: row.locked_until };
    if (row.failed_attempts >= lockAfter) return { lockedUntil: lock(db, row) };
    const { attempt } = db
      .prepare('UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts AS attempt')
      .get(userId) as { attempt: number };
    return { attempt };
  }).immediate();
}

// The attempt was counted when reserved; a failure that reaches the limit locks the account.
function failAttempt(services: Services, row: UserRow, code: 'auth.bad_credentials' | 'users.wrong_current_password' = 'auth.bad_credentials'): never {
  const { db, signIns } = services;
  const locked = db.transaction(() => {
    const current = getUser(db, row.id);
    signIns.recordFailure(db, { action: 'session.sign_in_failed', target: row.name, details: { attempts: current.failed_attempts } });
    if (current.locked_until) return current.locked_until;
    return current.failed_attempts >= lockAfter ? lock(db, current) : null;
  }).immediate();
  throw locked ? lockedError(locked) : new AppError(code);
}

function lock(db: Db, row: UserRow): string {
  const until = new Date(Date.now() + lockMinutes * 60_000).toISOString();
  db.prepare('UPDATE users SET locked_until = ? WHERE id = ?').run(until, row.id);
  recordAudit(db, { actor: null, action: 'session.locked', target: row.name, details: { attempts: row.failed_attempts } });
  return until;
}

async function slowDown(services: Services, attempt: number): Promise<void> {
  if (attempt > slowDownAfter) await services.sleep(1000 * 2 ** (attempt - 1 - slowDownAfter));
}

function lockedError(iso: string): AppError {
  return new AppError('auth.locked', { until: formatTime(iso) });
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
}
