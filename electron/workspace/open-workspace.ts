import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { ensurePrivateFile, privateDirMode, restrictIfPresent } from '../platform/private-files';
import { isPackagedLocation, sqliteNativeBinding } from '../security/app-policy';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  // false: refuse a path where no workspace exists yet (CLI commands other than `init`).
  create?: boolean;
  // Tests of a single migration stop before the newest one.
  migrateTo?: number;
}

export function openWorkspace(path: string, options: OpenOptions = {}): Db {
  if (options.create === false && !existsSync(path)) {
    throw new AppError('workspace.not_found', { path });
  }
  let db: Db;
  try {
    makePrivate(path);
    // The desktop app in development loads a build of the SQLite addon made for Electron
    // (scripts/start.mjs); a packaged build ignores the variable (app-policy.ts).
    const nativeBinding = sqliteNativeBinding(process.env, isPackagedLocation(fileURLToPath(import.meta.url)));
    db = new Database(path, nativeBinding ? { nativeBinding } : {});
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw describeOpenError(error, path);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, options.migrateTo);
  } catch (error) {
    db.close();
    throw error instanceof AppError ? error : describeOpenError(error, path);
  }
  return db;
}

// The workspace holds personal data before anonymization and password hashes: the file is
// created 0600 before SQLite opens it (SQLite gives its -wal and -shm the database file's
// mode), and a workspace made by an older build, 0644, is fixed here, -wal and -shm included.
// A missing folder is created 0700; a folder the user chose is left as it is.
function makePrivate(path: string): void {
  if (!existsSync(path)) mkdirSync(dirname(path), { recursive: true, mode: privateDirMode });
  ensurePrivateFile(path);
  restrictIfPresent(`${path}-wal`);
  restrictIfPresent(`${path}-shm`);
}

function describeOpenError(error: unknown, path: string): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new AppError('workspace.locked', { path });
  return new AppError('workspace.unreadable', { path });
}

export function nowIso(): string {
  return new Date().toISOString();
}
