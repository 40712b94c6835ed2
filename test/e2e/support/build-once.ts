import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const builtPage = join(root, 'dist', 'renderer', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function builtAt(): number {
  try {
    return statSync(builtPage).mtimeMs;
  } catch {
    return 0;
  }
}

// The tests drive the built page, as users get it: build it once if it is missing or older
// than what it is built from.
export default function setup(): void {
  const sources = Math.max(...['renderer', 'shared', 'vite.config.ts'].map((p) => newestChange(join(root, p))));
  if (builtAt() >= sources) return;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('scripts/build.mjs failed');
}
