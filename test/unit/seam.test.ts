import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

// The platform seam, checked on every file: only the Electron shell imports 'electron',
// shared/ runs in both processes (no Node, no DOM libraries, no React), and the page never
// reaches into electron/.
const root = join(import.meta.dirname, '..', '..');
const shellFiles = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts']);

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    found.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return found;
}

const nodeBuiltin = /^(node:|fs$|path$|os$|crypto$|child_process$|worker_threads$|http$|https$|net$|url$|util$|stream$|zlib$|events$|readline$)/;

test('only the Electron shell imports electron', () => {
  const offenders = ['electron', 'shared', 'renderer', 'test', 'scripts']
    .flatMap(sources)
    .filter((f) => !shellFiles.has(f.split('\\').join('/')))
    .filter((f) => importsOf(f).some((s) => s === 'electron' || s.startsWith('electron/')));
  expect(offenders).toEqual([]);
});

test('shared/ imports neither Node, SQLite, React nor the DOM-side code', () => {
  const offenders = sources('shared').filter((f) =>
    importsOf(f).some((s) => nodeBuiltin.test(s) || s === 'better-sqlite3' || s.startsWith('react') || /\/(electron|renderer)\//.test(s)),
  );
  expect(offenders).toEqual([]);
});

test('renderer/ never imports electron/ nor Node', () => {
  const offenders = sources('renderer').filter((f) =>
    importsOf(f).some((s) => nodeBuiltin.test(s) || s === 'better-sqlite3' || /(^|\/)electron(\/|$)/.test(relative(root, s)) || s.includes('/electron/')),
  );
  expect(offenders).toEqual([]);
});

test('the seam check sees imports at all', () => {
  expect(importsOf('electron/host/dispatcher.ts')).toContain('../../shared/contract');
});
