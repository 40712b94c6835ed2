import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/workspace/migrate';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { tempDir } from '../../support/temp-workspace';

test('migration 4 gives every dataset and every non-admin user the default producer, keeping data and keys (3 → 4)', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 3 });
  db.exec(`
    INSERT INTO users (id, name, display_name, role, password_hash, created_at) VALUES
      (1, 'admin', 'A', 'admin', 'x', 'now'), (2, 'agent', 'B', 'agent', 'x', 'now'), (3, 'relecteur', 'C', 'reviewer', 'x', 'now');
    INSERT INTO datasets (id, name, created_at, updated_at, created_by) VALUES (1, 'd1', 'now', 'now', 2), (7, 'd7', 'now', 'later', 3);
    INSERT INTO versions (id, dataset_id, number, created_at, created_by, origin, row_count) VALUES (1, 7, 1, 'now', 3, 'import', 2);
  `);
  migrate(db, 4);
  expect(schemaVersion(db)).toBe(4);
  const producers = db.prepare('SELECT id, name, kind, code FROM producers').all();
  expect(producers).toEqual([{ id: 1, name: 'Producteur par défaut', kind: 'other', code: null }]);
  expect(db.prepare('SELECT id, name, updated_at, created_by, producer_id FROM datasets ORDER BY id').all()).toEqual([
    { id: 1, name: 'd1', updated_at: 'now', created_by: 2, producer_id: 1 },
    { id: 7, name: 'd7', updated_at: 'later', created_by: 3, producer_id: 1 },
  ]);
  // Each keeps the role they had; the admin needs no membership.
  expect(db.prepare('SELECT user_id, role FROM producer_members WHERE producer_id = 1 ORDER BY user_id').all()).toEqual([
    { user_id: 2, role: 'agent' },
    { user_id: 3, role: 'reviewer' },
  ]);
  // The new column is required and checked; versions still point to their dataset.
  expect(() => db.prepare("INSERT INTO datasets (name, created_at, updated_at, created_by) VALUES ('x', 'now', 'now', 1)").run()).toThrow(/NOT NULL/);
  expect(() => db.prepare('UPDATE datasets SET producer_id = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  expect(() => db.prepare("INSERT INTO producer_members VALUES (1, 1, 'admin')").run()).toThrow(/CHECK/);
  expect(db.prepare('SELECT dataset_id FROM versions WHERE id = 1').pluck().get()).toBe(7);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'datasets'").pluck().all()).toContain('datasets_by_producer');
  db.close();
  cleanup();
});
