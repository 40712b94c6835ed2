import type Database from 'better-sqlite3';
import { nameKey } from '../../users/name-key';
import type { Migration } from '../migration';

// Accounts get the normalised name key they are unique under (look-alikes refused), a flag
// for the password change forced at next sign-in, and a credentials version that ends every
// session opened before a password change or reset.
//
// Look-alike names already in a workspace (`Élodie` and `élodie`) cannot both keep the key:
// the older account keeps it; each newer one gets a key of its own (`<key>#<id>`, never a key
// of a real name since `#` is not allowed in one), records which account it imitates, and is
// disabled, so an administrator looks at it before it is used again (its history stays).
// A newer one that is the only enabled administrator stays enabled: a workspace with no
// administrator left could not be repaired from the application.
export const migration007: Migration = {
  version: 7,
  name: 'account-keys',
  up: (db) => {
    db.exec(`
      ALTER TABLE users ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN lookalike_of INTEGER REFERENCES users(id);
    `);
    fillKeys(db);
    db.exec('CREATE UNIQUE INDEX users_by_name_key ON users (name_key)');
  },
};

function fillKeys(db: Database.Database): void {
  const users = db.prepare('SELECT id, name, role, disabled FROM users ORDER BY id').all() as {
    id: number;
    name: string;
    role: string;
    disabled: number;
  }[];
  const owners = new Map<string, number>();
  const setKey = db.prepare('UPDATE users SET name_key = ? WHERE id = ?');
  const markLookalike = db.prepare('UPDATE users SET name_key = ?, lookalike_of = ?, disabled = ? WHERE id = ?');
  const otherEnabledAdmins = db.prepare("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ?").pluck();
  for (const user of users) {
    const key = nameKey(user.name);
    const owner = owners.get(key);
    if (owner === undefined) {
      owners.set(key, user.id);
      setKey.run(key, user.id);
      continue;
    }
    const lastAdmin = user.role === 'admin' && user.disabled === 0 && otherEnabledAdmins.get(user.id) === 0;
    markLookalike.run(`${key}#${user.id}`, owner, lastAdmin ? 0 : 1, user.id);
  }
}
