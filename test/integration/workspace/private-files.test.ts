import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { tempDir } from '../../support/temp-workspace';

const mode = (path: string) => statSync(path).mode & 0o777;

test('a new workspace, its -wal and -shm are created 0600 in a folder created 0700', () => {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'nouveau', 'w.atelier');
  const db = openWorkspace(path);
  db.prepare('CREATE TABLE t (x)').run();
  expect(mode(join(dir, 'nouveau'))).toBe(0o700);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) expect({ file, mode: mode(file) }).toEqual({ file, mode: 0o600 });
  db.close();
  cleanup();
});

test('an existing workspace left 0644 by an older build is made private when it opens, -wal and -shm included', () => {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'ancien.atelier');
  closeSync(openSync(path, 'w', 0o644));
  chmodSync(path, 0o644);
  // Another connection holds it open, so its -wal and -shm exist, world-readable.
  const other = new Database(path);
  other.pragma('journal_mode = WAL');
  other.prepare('CREATE TABLE t (x)').run();
  for (const file of [`${path}-wal`, `${path}-shm`]) chmodSync(file, 0o644);
  const db = openWorkspace(path);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) expect({ file, mode: mode(file) }).toEqual({ file, mode: 0o600 });
  db.close();
  other.close();
  cleanup();
});
