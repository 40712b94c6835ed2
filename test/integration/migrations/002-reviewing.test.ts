import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/workspace/migrate';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { tempDir } from '../../support/temp-workspace';

test('migration 2 adds the reviewing tables to a workspace at version 1, keeping its data (1 → 2)', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 1 });
  expect(schemaVersion(db)).toBe(1);
  db.prepare("INSERT INTO users (name, display_name, role, password_hash, created_at) VALUES ('a', 'A', 'admin', 'x', 'now')").run();
  migrate(db, 2);
  expect(schemaVersion(db)).toBe(2);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
  expect(tables).toEqual(expect.arrayContaining(['edit_groups', 'edit_changes', 'column_profiles', 'comments', 'users']));
  expect(db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
  // The edit log refuses states and kinds it does not know.
  expect(() =>
    db.prepare("INSERT INTO edit_groups (version_id, kind, user_id, at, state) VALUES (1, 'cell', 1, 'now', 'lost')").run(),
  ).toThrow();
  db.close();
  cleanup();
});
