import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/workspace/migrate';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { tempDir } from '../../support/temp-workspace';

test('migration 5 splits the shared working copy into one per person, each with only their own done edits (4 → 5)', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 4 });
  db.exec(`
    INSERT INTO users (id, name, display_name, role, password_hash, created_at) VALUES (1, 'a', 'A', 'admin', 'x', 'now'), (2, 'b', 'B', 'agent', 'x', 'now');
    INSERT INTO datasets (id, name, created_at, updated_at, created_by, producer_id) VALUES (1, 'd', 'now', 'now', 1, 1);
    INSERT INTO versions (id, dataset_id, number, created_at, created_by, origin, row_count) VALUES (1, 1, 1, 'now', 1, 'import', 3);
    INSERT INTO version_columns (version_id, position, name, label, type) VALUES (1, 0, 'nom', 'Nom', 'text'), (1, 1, 'constructor', 'constructor', 'integer');
    CREATE TABLE rows_v1 ("_row" INTEGER PRIMARY KEY, "nom" TEXT, "constructor" INTEGER);
    INSERT INTO rows_v1 VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3);
    CREATE TABLE rows_v1_pending ("_row" INTEGER PRIMARY KEY, "nom" TEXT, "constructor" INTEGER);
    -- Everyone's edits mixed in one copy: a cut row 2 (user 1), X on row 1 (user 2), an added row 4 (user 2).
    INSERT INTO rows_v1_pending VALUES (1, 'X', 1), (3, 'z', 3), (4, 'neuf', NULL);
    INSERT INTO edit_groups (id, version_id, kind, user_id, at, state) VALUES
      (1, 1, 'delete_rows', 1, 'now', 'done'), (2, 1, 'cell', 2, 'now', 'done'), (3, 1, 'add_row', 2, 'now', 'done'),
      (4, 1, 'cell', 2, 'now', 'done'), (5, 1, 'cell', 1, 'now', 'undone');
    INSERT INTO edit_changes (group_id, seq, row_id, column_name, old_value, new_value) VALUES
      (1, 0, 2, NULL, '{"nom":"y","constructor":2}', 'null'),
      (2, 0, 1, 'nom', '"x"', '"X"'),
      (3, 0, 4, NULL, 'null', '{"nom":null,"constructor":null}'),
      (4, 0, 4, 'nom', 'null', '"neuf"'),
      (5, 0, 3, 'nom', '"z"', '"Z"');
  `);
  migrate(db, 5);
  expect(schemaVersion(db)).toBe(5);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rows_v1%' ORDER BY name").pluck().all();
  expect(tables).toEqual(['rows_v1', 'rows_v1_pending_u1', 'rows_v1_pending_u2']);
  const rows = (table: string) => db.prepare(`SELECT * FROM "${table}" ORDER BY _row`).raw().all();
  expect(rows('rows_v1_pending_u1')).toEqual([[1, 'x', 1], [3, 'z', 3]]);
  expect(rows('rows_v1_pending_u2')).toEqual([[1, 'X', 1], [2, 'y', 2], [3, 'z', 3], [4, 'neuf', null]]);
  // The copies keep the row id as their primary key.
  expect(() => db.prepare('INSERT INTO rows_v1_pending_u2 ("_row", nom) VALUES (4, ?)').run('double')).toThrow(/UNIQUE|PRIMARY/);
  db.prepare("INSERT INTO edit_resolutions (version_id, user_id, row_id, column_name, choice, latest_version_id) VALUES (1, 2, 1, 'nom', 'mine', 1)").run();
  expect(() =>
    db.prepare("INSERT INTO edit_resolutions (version_id, user_id, row_id, column_name, choice, latest_version_id) VALUES (1, 2, 1, 'nom', 'theirs', 1)").run(),
  ).toThrow(/UNIQUE/);
  db.close();
  cleanup();
});
