import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/workspace/migrate';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { tempDir } from '../../support/temp-workspace';

test('migration 6 moves every flag into findings as an open warning and drops flags (5 → 6)', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 5 });
  db.exec(`
    INSERT INTO users (id, name, display_name, role, password_hash, created_at) VALUES (1, 'a', 'A', 'admin', 'x', 'now');
    INSERT INTO datasets (id, name, created_at, updated_at, created_by, producer_id) VALUES (1, 'd', 'now', 'now', 1, (SELECT MIN(id) FROM producers));
    INSERT INTO versions (id, dataset_id, number, created_at, created_by, origin, row_count)
      VALUES (1, 1, 1, '2026-01-02T03:04:05.000Z', 1, 'import', 3);
    INSERT INTO version_columns (version_id, position, name, label, type) VALUES (1, 0, 'n', 'N', 'integer');
    INSERT INTO flags (id, version_id, row_id, column_name, kind, code, params) VALUES
      (7, 1, 2, 'n', 'type', 'type.mismatch', '{"type":"integer"}'),
      (9, 1, 3, NULL, 'type', 'type.mismatch', '{}');
  `);
  migrate(db, 6);
  expect(schemaVersion(db)).toBe(6);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'flags'").get()).toBeUndefined();
  expect(db.prepare('SELECT id, version_id, source, scope, row_id, column_name, severity, code, params, status, created_at FROM findings ORDER BY id').all()).toEqual([
    {
      id: 7,
      version_id: 1,
      source: 'type',
      scope: 'cell',
      row_id: 2,
      column_name: 'n',
      severity: 'warning',
      code: 'type.mismatch',
      params: '{"type":"integer"}',
      status: 'open',
      created_at: '2026-01-02T03:04:05.000Z',
    },
    {
      id: 9,
      version_id: 1,
      source: 'type',
      scope: 'row',
      row_id: 3,
      column_name: null,
      severity: 'warning',
      code: 'type.mismatch',
      params: '{}',
      status: 'open',
      created_at: '2026-01-02T03:04:05.000Z',
    },
  ]);
  // Sources are an open list; scope, severity and status are checked, and so is their coherence.
  const insert = (values: string) =>
    db.exec(`INSERT INTO findings (version_id, source, scope, row_id, column_name, severity, code, created_at, status, decided_at, justification) VALUES ${values}`);
  insert("(1, 'anonymization', 'table', NULL, NULL, 'info', 'x', 'now', 'open', NULL, NULL)");
  expect(() => insert("(1, 'manual', 'cell', 1, NULL, 'info', 'x', 'now', 'open', NULL, NULL)")).toThrow(/CHECK/);
  expect(() => insert("(1, 'manual', 'table', NULL, NULL, 'fatal', 'x', 'now', 'open', NULL, NULL)")).toThrow(/CHECK/);
  expect(() => insert("(1, 'manual', 'table', NULL, NULL, 'info', 'x', 'now', 'dismissed', 'now', '  ')")).toThrow(/CHECK/);
  expect(() => insert("(1, 'manual', 'table', NULL, NULL, 'info', 'x', 'now', 'resolved', NULL, NULL)")).toThrow(/CHECK/);
  expect(() => insert("(99, 'manual', 'table', NULL, NULL, 'info', 'x', 'now', 'open', NULL, NULL)")).toThrow(/FOREIGN KEY/);
  db.close();
  cleanup();
});
