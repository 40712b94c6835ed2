import type { Role, UserSummary } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { SignedInUser } from '../host/handler-context';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';
import { minPasswordLength } from '../../shared/contract';
import { nameKey } from './name-key';
import { hashPassword } from './password';

export interface UserRow {
  id: number;
  name: string;
  name_key: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  must_change_password: number;
  credentials_version: number;
  lookalike_of: number | null;
  created_at: string;
  last_sign_in_at: string | null;
}

// Rows read with the name of the account a look-alike imitates (migration 007).
type ListedRow = UserRow & { lookalike_name: string | null };

const selectListed = 'SELECT u.*, o.name AS lookalike_name FROM users u LEFT JOIN users o ON o.id = u.lookalike_of';

function toSummaryOf(row: ListedRow): UserSummary {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until && row.locked_until > nowIso() ? row.locked_until : null,
    lookalikeOf: row.lookalike_name,
  };
}

export function userSummary(db: Db, id: number): UserSummary {
  const row = db.prepare(`${selectListed} WHERE u.id = ?`).get(id) as ListedRow | undefined;
  if (!row) throw new AppError('users.not_found', { userId: id });
  return toSummaryOf(row);
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

// The account a typed name signs in to: the exact name first (look-alikes kept by migration
// 004 still reach their own account), then the normalised key.
export function findUserForSignIn(db: Db, name: string): UserRow | undefined {
  return (db.prepare('SELECT * FROM users WHERE name = ?').get(name.trim()) ??
    db.prepare('SELECT * FROM users WHERE name_key = ?').get(nameKey(name))) as UserRow | undefined;
}

export function getUser(db: Db, id: number): UserRow {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!row) throw new AppError('users.not_found', { userId: id });
  return row;
}

export function listUsers(db: Db): UserSummary[] {
  return (db.prepare(`${selectListed} ORDER BY u.name`).all() as ListedRow[]).map(toSummaryOf);
}

export function checkPasswordRule(password: string): void {
  if (password.length < minPasswordLength) throw new AppError('users.weak_password', { min: minPasswordLength });
}

// Refuses a name whose key another account holds: the same name in other case, or one that
// only looks the same (accents, Cyrillic or Greek letters).
function checkNameFree(db: Db, name: string): void {
  const holder = db.prepare('SELECT name FROM users WHERE name_key = ? OR name = ?').get(nameKey(name), name.trim()) as
    | { name: string }
    | undefined;
  if (!holder) return;
  if (holder.name.toLowerCase() === name.trim().toLowerCase()) throw new AppError('users.name_taken', { name });
  throw new AppError('users.name_lookalike', { name, existing: holder.name });
}

export interface NewUser {
  name: string;
  displayName?: string | undefined;
  password: string;
  role: Role;
}

// `actor` is the administrator creating the account, or null for the first-run administrator.
// A password set by an administrator is provisional: its owner must change it at first sign-in.
export async function createUser(db: Db, actor: string | null, input: NewUser): Promise<UserSummary> {
  checkPasswordRule(input.password);
  checkNameFree(db, input.name);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(() => {
    // Checked again inside the write transaction: the hash above took time and yielded, and
    // two first-run setups at once must not both find the workspace empty.
    if (actor === null && countUsers(db) > 0) throw new AppError('setup.already_done');
    checkNameFree(db, input.name);
    const id = Number(
      db
        .prepare(
          `INSERT INTO users (name, name_key, display_name, role, password_hash, must_change_password, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.name, nameKey(input.name), input.displayName || input.name, input.role, passwordHash, actor === null ? 0 : 1, nowIso())
        .lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'user.create', target: input.name, details: { role: input.role } });
    return userSummary(db, id);
  }).immediate();
}

function enabledAdminsBesides(db: Db, userId: number): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ?").get(userId) as { n: number }).n;
}

export function setDisabled(db: Db, actor: SignedInUser, userId: number, disabled: boolean): UserSummary {
  return db.transaction(() => {
    const target = getUser(db, userId);
    if (disabled && target.id === actor.id) throw new AppError('users.cannot_disable_self');
    if (disabled && target.role === 'admin' && target.disabled === 0 && enabledAdminsBesides(db, userId) === 0) {
      throw new AppError('users.last_admin');
    }
    db.prepare('UPDATE users SET disabled = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(
      disabled ? 1 : 0,
      userId,
    );
    recordAudit(db, { actor: actor.name, action: disabled ? 'user.disable' : 'user.enable', target: target.name });
    return userSummary(db, userId);
  }).immediate();
}

export function setRole(db: Db, actor: SignedInUser, userId: number, role: Role): UserSummary {
  return db.transaction(() => {
    const target = getUser(db, userId);
    if (target.role === role) return userSummary(db, userId);
    if (target.role === 'admin' && target.disabled === 0 && enabledAdminsBesides(db, userId) === 0) {
      throw new AppError('users.last_admin');
    }
    db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId);
    recordAudit(db, { actor: actor.name, action: 'user.set_role', target: target.name, details: { before: target.role, after: role } });
    return userSummary(db, userId);
  }).immediate();
}

export function unlockUser(db: Db, actor: SignedInUser, userId: number): UserSummary {
  return db.transaction(() => {
    const target = getUser(db, userId);
    db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(userId);
    recordAudit(db, { actor: actor.name, action: 'user.unlock', target: target.name, details: { attempts: target.failed_attempts } });
    return userSummary(db, userId);
  }).immediate();
}

// Stores a new password hash. Every session opened with the old password ends (the
// credentials version moves on); `provisional` forces a change at the next sign-in.
export function storePassword(db: Db, userId: number, passwordHash: string, provisional: boolean): number {
  return (
    db
      .prepare(
        `UPDATE users SET password_hash = ?, must_change_password = ?, credentials_version = credentials_version + 1,
           failed_attempts = 0, locked_until = NULL
         WHERE id = ? RETURNING credentials_version AS version`,
      )
      .get(passwordHash, provisional ? 1 : 0, userId) as { version: number }
  ).version;
}

export async function resetPassword(db: Db, actor: SignedInUser, userId: number, password: string): Promise<UserSummary> {
  checkPasswordRule(password);
  getUser(db, userId);
  const passwordHash = await hashPassword(password);
  return db.transaction(() => {
    const target = getUser(db, userId);
    storePassword(db, userId, passwordHash, true);
    recordAudit(db, { actor: actor.name, action: 'user.reset_password', target: target.name });
    return userSummary(db, userId);
  }).immediate();
}
