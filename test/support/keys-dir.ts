import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Audit keys go to the user's profile by default: a test run gets a folder of its own
// (ATELIER_KEYS_DIR, inherited by the CLI and browser-mode processes tests start), removed
// at the end.
export const testKeysDir = join(tmpdir(), `atelier-test-keys-${process.pid}`);

export default function setup(): () => void {
  return () => rmSync(testKeysDir, { recursive: true, force: true });
}
