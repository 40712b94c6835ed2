import { homedir } from 'node:os';
import { join } from 'node:path';

// The platform's place for secrets kept outside the workspace: audit keys, later the portals'
// API keys. Two implementations of the same files (file-key-vault.ts): in browser mode and
// the CLI the key bytes sit in a file only its owner can read; in the desktop app they are
// also wrapped by the OS keychain (Electron safeStorage, reached through the main process).

export type KeyLookup =
  | { state: 'present'; key: Buffer }
  // No key under that name (never created here, or deleted).
  | { state: 'missing' }
  // A key exists but this process cannot unwrap it (kept by the desktop app's keychain and
  // read from the CLI, or a keychain that is locked).
  | { state: 'unavailable' };

export interface KeyVault {
  // `create: false` never makes a key: a workspace whose chain is already keyed must not get
  // a fresh key silently, or a deleted key would go unnoticed.
  key(name: string, options: { create: boolean }): Promise<KeyLookup>;
  // A secret (e.g. a portal API key) as text that can be stored anywhere, and back.
  encrypt(secret: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
  // Where the vault keeps its files: the audit head lives beside its key.
  readonly dir: string;
}

// Wraps key bytes with a secret the OS keeps for the user (safeStorage in the desktop app).
export interface KeyProtector {
  readonly name: string;
  protect(plain: Buffer): Promise<Buffer>;
  unprotect(sealed: Buffer): Promise<Buffer>;
}

// ATELIER_KEYS_DIR moves the folder (tests give each run its own).
export function defaultKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ATELIER_KEYS_DIR || join(homedir(), '.atelier-open-data', 'keys');
}

const keyName = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function checkKeyName(name: string): string {
  if (!keyName.test(name)) throw new Error(`bad key name: ${name}`);
  return name;
}
