import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

// The workspace holds personal data before anonymization and password hashes, and the key
// folder holds the audit keys: both are for their owner's eyes only. Modes are set
// explicitly (not left to the umask), and fixed on folders and files made by older builds.
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  restrict(dir, privateDirMode);
}

// Creates the file empty and private when it does not exist yet, so that whatever opens it
// next (SQLite, which gives its -wal and -shm the mode of the database file) starts private.
export function ensurePrivateFile(path: string): void {
  if (!existsSync(path)) {
    try {
      closeSync(openSync(path, 'wx', privateFileMode));
    } catch (error) {
      // Another process created it in the meantime: restrict() below fixes its mode.
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  // Something else at that path (a folder) is for the caller to refuse, not to chmod.
  if (statSync(path).isFile()) restrict(path, privateFileMode);
}

// For a file that may or may not exist (a workspace's -wal and -shm).
export function restrictIfPresent(path: string): void {
  if (existsSync(path)) restrict(path, privateFileMode);
}

function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    // A file that belongs to someone else (a shared folder) keeps its mode: changing it is
    // its owner's call, and refusing to open it would lock the user out of their own work.
    const code = (error as { code?: string }).code;
    if (code !== 'EPERM' && code !== 'ENOENT') throw error;
  }
}
