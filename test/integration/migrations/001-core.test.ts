import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/workspace/migrate';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { tempDir } from '../../support/temp-workspace';

test('migration 1 from an empty file (0 → 1)', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 0 });
  expect(schemaVersion(db)).toBe(0);
  migrate(db, 1);
  expect(schemaVersion(db)).toBe(1);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  expect(tables).toEqual(expect.arrayContaining(['audit', 'datasets', 'flags', 'users', 'version_columns', 'versions']));
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  db.close();
  cleanup();
});

test('a file that is not SQLite is refused with a clear code and left as it was', () => {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'notes.atelier');
  writeFileSync(path, 'ceci n’est pas une base');
  expect(() => openWorkspace(path)).toThrow(expect.objectContaining({ code: 'workspace.unreadable' }));
  expect(readFileSync(path, 'utf8')).toBe('ceci n’est pas une base');
  cleanup();
});

test('a workspace from a newer version is refused, not damaged', () => {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'w.atelier');
  const raw = new Database(path);
  raw.pragma('user_version = 42');
  raw.exec('CREATE TABLE future (x)');
  raw.close();
  expect(() => openWorkspace(path)).toThrow(expect.objectContaining({ code: 'workspace.too_new' }));
  const check = new Database(path, { readonly: true });
  expect(check.pragma('user_version', { simple: true })).toBe(42);
  expect(check.prepare("SELECT name FROM sqlite_master WHERE name='users'").get()).toBeUndefined();
  check.close();
  cleanup();
});
