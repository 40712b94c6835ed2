import type { UserSummary } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { Services, SignedInUser } from '../host/handler-context';
import { verifyPassword } from '../users/password';
import { findUserByName, getUser, toSummary, type UserRow } from '../users/user-store';
import { nowIso } from '../workspace/open-workspace';

// After 3 failures each further attempt waits a little longer; at 5 the account locks for
// 15 minutes. A successful sign-in resets the count.
export const slowDownAfter = 3;
export const lockAfter = 5;
export const lockMinutes = 15;

// Same work whether the name exists or not, so timing does not reveal user names.
const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function signIn(services: Services, name: string, password: string): Promise<{ user: SignedInUser; summary: UserSummary }> {
  const { db } = services;
  const row = findUserByName(db, name);
  if (row?.locked_until && row.locked_until > nowIso()) {
    throw new AppError('auth.locked', { until: formatTime(row.locked_until) });
  }
  if (row && row.failed_attempts >= slowDownAfter) {
    await services.sleep(1000 * 2 ** (row.failed_attempts - slowDownAfter));
  }
  const matches = await verifyPassword(password, row?.password_hash ?? dummyHash);
  if (!row || !matches) {
    if (row) recordFailure(services, row);
    else recordAudit(db, { actor: null, action: 'session.sign_in_failed', target: name.slice(0, 64), details: { reason: 'unknown_user' } });
    const locked = row ? getUser(db, row.id).locked_until : null;
    if (locked) throw new AppError('auth.locked', { until: formatTime(locked) });
    throw new AppError('auth.bad_credentials');
  }
  if (row.disabled) {
    recordAudit(db, { actor: row.name, action: 'session.sign_in_refused', target: row.name, details: { reason: 'disabled' } });
    throw new AppError('auth.disabled');
  }
  db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?').run(nowIso(), row.id);
  recordAudit(db, { actor: row.name, action: 'session.sign_in', target: row.name });
  return { user: { id: row.id, name: row.name, role: row.role }, summary: toSummary(getUser(db, row.id)) };
}

function recordFailure(services: Services, row: UserRow): void {
  const { db } = services;
  db.transaction(() => {
    // Counted in SQL: attempts made at the same time from several windows all count.
    const { attempts } = db
      .prepare('UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts AS attempts')
      .get(row.id) as { attempts: number };
    const lockedUntil = attempts >= lockAfter ? new Date(Date.now() + lockMinutes * 60_000).toISOString() : null;
    db.prepare('UPDATE users SET locked_until = ? WHERE id = ?').run(lockedUntil, row.id);
    recordAudit(db, {
      actor: null,
      action: lockedUntil ? 'session.locked' : 'session.sign_in_failed',
      target: row.name,
      details: { attempts },
    });
  }).immediate();
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
}
