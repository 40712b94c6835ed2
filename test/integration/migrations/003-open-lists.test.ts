import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/workspace/migrate';
import { migrations } from '../../../electron/workspace/migrations';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { tempDir } from '../../support/temp-workspace';

function seed(db: Database.Database): void {
  db.exec(`
    INSERT INTO users (id, name, display_name, role, password_hash, created_at) VALUES (1, 'a', 'A', 'admin', 'x', 'now');
    INSERT INTO datasets (id, name, created_at, updated_at, created_by) VALUES (1, 'd', 'now', 'now', 1);
    INSERT INTO versions (id, dataset_id, number, created_at, created_by, origin, row_count) VALUES (1, 1, 1, 'now', 1, 'import', 2);
    INSERT INTO version_columns (version_id, position, name, label, type) VALUES (1, 0, 'a', 'A', 'text');
    INSERT INTO edit_groups (id, version_id, kind, user_id, at, state) VALUES (1, 1, 'cell', 1, 'now', 'done');
    INSERT INTO edit_changes (group_id, seq, row_id, column_name, old_value, new_value) VALUES (1, 0, 1, 'a', '"x"', '"y"');
  `);
}

test('migration 3 rebuilds versions and edit_groups without closed lists, keeping data, keys and indexes (2 → 3)', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 2 });
  seed(db);
  expect(() => db.prepare("UPDATE versions SET origin = 'anonymization' WHERE id = 1").run()).toThrow(/CHECK/);
  migrate(db, 3);
  expect(schemaVersion(db)).toBe(3);
  expect(db.prepare('SELECT origin, row_count FROM versions WHERE id = 1').get()).toEqual({ origin: 'import', row_count: 2 });
  expect(db.prepare('SELECT COUNT(*) FROM edit_changes').pluck().get()).toBe(1);
  db.prepare("UPDATE versions SET origin = 'anonymization' WHERE id = 1").run();
  db.prepare("UPDATE edit_groups SET kind = 'column_rename' WHERE id = 1").run();
  // Closed lists keep their CHECK; foreign keys still hold after the rebuild.
  expect(() => db.prepare("UPDATE edit_groups SET state = 'lost' WHERE id = 1").run()).toThrow(/CHECK/);
  expect(() => db.prepare('UPDATE edit_groups SET version_id = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'edit_groups'").pluck().all();
  expect(indexes).toContain('edit_groups_by_version');
  db.close();
  cleanup();
});

test('a migration that would break a foreign key is rolled back whole', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 2 });
  seed(db);
  const list = [
    { version: 1, name: 'core', up: '' },
    { version: 2, name: 'reviewing', up: '' },
    { version: 3, name: 'bad', foreignKeysOff: true as const, up: 'DELETE FROM users' },
  ];
  const sums = new Map([[1, 'x'], [2, 'y'], [3, 'z']]);
  db.exec('DELETE FROM schema_migrations');
  expect(() => migrate(db, 3, list, sums)).toThrow(/foreign keys/);
  expect(schemaVersion(db)).toBe(2);
  expect(db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  db.close();
  cleanup();
});

test('a workspace is refused, untouched, when a migration it applied was changed since', () => {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'w.atelier');
  openWorkspace(path).close();
  const raw = new Database(path);
  raw.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2").run();
  raw.close();
  expect(() => openWorkspace(path)).toThrow(expect.objectContaining({ code: 'workspace.migration_changed', params: { version: 2, name: 'reviewing' } }));
  cleanup();
});

test('a workspace made before the ledger gets its applied migrations recorded at open', () => {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'w.atelier');
  const db = openWorkspace(path, { migrateTo: 2 });
  db.exec('DROP TABLE schema_migrations');
  db.close();
  const reopened = openWorkspace(path);
  expect(reopened.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(migrations.map((m) => m.version));
  reopened.close();
  cleanup();
});
