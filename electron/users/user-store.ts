import type { Role, UserSummary } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { SignedInUser } from '../host/handler-context';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';
import { minPasswordLength } from '../../shared/contract';
import { hashPassword } from './password';

export interface UserRow {
  id: number;
  name: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  last_sign_in_at: string | null;
}

export function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

export function findUserByName(db: Db, name: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE name = ?').get(name.trim()) as UserRow | undefined;
}

export function getUser(db: Db, id: number): UserRow {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!row) throw new AppError('users.not_found', { userId: id });
  return row;
}

export function listUsers(db: Db): UserSummary[] {
  return (db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(toSummary);
}

export async function createUser(
  db: Db,
  actor: string | null,
  input: { name: string; displayName?: string | undefined; password: string; role: Role },
): Promise<UserSummary> {
  if (input.password.length < minPasswordLength) throw new AppError('users.weak_password', { min: minPasswordLength });
  if (findUserByName(db, input.name)) throw new AppError('users.name_taken', { name: input.name });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(() => {
    // Checked again inside the transaction: the hash above took time and yielded.
    if (findUserByName(db, input.name)) throw new AppError('users.name_taken', { name: input.name });
    const id = Number(
      db
        .prepare('INSERT INTO users (name, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.name, input.displayName || input.name, input.role, passwordHash, nowIso()).lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'user.create', target: input.name, details: { role: input.role } });
    return toSummary(getUser(db, id));
  }).immediate();
}

export function setDisabled(db: Db, actor: SignedInUser, userId: number, disabled: boolean): UserSummary {
  return db.transaction(() => {
    const target = getUser(db, userId);
    if (disabled && target.id === actor.id) throw new AppError('users.cannot_disable_self');
    if (disabled && target.role === 'admin' && target.disabled === 0) {
      const admins = (db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
      if (admins <= 1) throw new AppError('users.last_admin');
    }
    db.prepare('UPDATE users SET disabled = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(
      disabled ? 1 : 0,
      userId,
    );
    recordAudit(db, { actor: actor.name, action: disabled ? 'user.disable' : 'user.enable', target: target.name });
    return toSummary(getUser(db, userId));
  }).immediate();
}
