import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/workspace/migrate';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { tempDir } from '../../support/temp-workspace';

test('migration 7 gives accounts their name key; look-alikes already there keep their data, the older keeps the name (6 → 7)', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 6 });
  const insert = db.prepare("INSERT INTO users (id, name, display_name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, 'h', ?, 'now')");
  insert.run(1, 'Élodie', 'Élodie M.', 'agent', 0);
  insert.run(2, 'admin', 'Admin', 'admin', 0);
  insert.run(3, 'elodie', 'Élodie B.', 'reviewer', 0);
  insert.run(4, 'аdmin', 'Faux admin', 'admin', 0); // Cyrillic а
  insert.run(5, 'paul', 'Paul', 'agent', 0);
  db.prepare(
    "INSERT INTO datasets (id, name, created_at, updated_at, created_by, producer_id) VALUES (1, 'd', 'now', 'now', 3, (SELECT MIN(id) FROM producers))",
  ).run();
  migrate(db, 7);
  expect(schemaVersion(db)).toBe(7);
  const rows = db.prepare('SELECT id, name, name_key, disabled, lookalike_of, must_change_password FROM users ORDER BY id').all();
  expect(rows).toEqual([
    { id: 1, name: 'Élodie', name_key: 'elodie', disabled: 0, lookalike_of: null, must_change_password: 0 },
    { id: 2, name: 'admin', name_key: 'admin', disabled: 0, lookalike_of: null, must_change_password: 0 },
    { id: 3, name: 'elodie', name_key: 'elodie#3', disabled: 1, lookalike_of: 1, must_change_password: 0 },
    { id: 4, name: 'аdmin', name_key: 'admin#4', disabled: 1, lookalike_of: 2, must_change_password: 0 },
    { id: 5, name: 'paul', name_key: 'paul', disabled: 0, lookalike_of: null, must_change_password: 0 },
  ]);
  // The newer look-alike's work stays hers; the key is unique from now on.
  expect(db.prepare('SELECT created_by FROM datasets').pluck().get()).toBe(3);
  expect(() => db.prepare("INSERT INTO users (name, name_key, display_name, role, password_hash, created_at) VALUES ('Paul2', 'paul', 'P', 'agent', 'h', 'now')").run()).toThrow(/UNIQUE/);
  db.close();
  cleanup();
});

test('a look-alike that is the only enabled administrator stays enabled', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 6 });
  const insert = db.prepare("INSERT INTO users (id, name, display_name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, 'h', ?, 'now')");
  insert.run(1, 'Chef', 'Ancien', 'admin', 1);
  insert.run(2, 'chéf', 'Nouveau', 'admin', 0);
  migrate(db, 7);
  expect(db.prepare('SELECT id, disabled, lookalike_of FROM users ORDER BY id').all()).toEqual([
    { id: 1, disabled: 1, lookalike_of: null },
    { id: 2, disabled: 0, lookalike_of: 1 },
  ]);
  db.close();
  cleanup();
});
