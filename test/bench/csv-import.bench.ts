// npx tsx test/bench/csv-import.bench.ts
// 1,000,000 rows × 12 columns: the sqlite3 shell's `.import` into an untyped table against our
// full import (format and dialect detection, whole-column type inference, typed storage,
// version commit), in the same run. Ours runs in a child process so that its peak memory
// (maxRSS, worker threads included) is its own: once from the sources through tsx (every
// thread then carries tsx's loader and compiles TypeScript), once bundled as the app ships it
// (esbuild, as scripts/build.mjs does).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { benchCsvPath, benchRows } from './french-csv-fixture';
import { timeFullImport, type FullImport } from './full-import';

async function importInThisProcess(csv: string, dir: string): Promise<void> {
  process.stdout.write(JSON.stringify(await timeFullImport(csv, dir)) + '\n');
}

function sqliteShellImport(csv: string, dir: string): number {
  const started = performance.now();
  const result = spawnSync('sqlite3', [join(dir, 'shell.db'), '.mode csv', '.separator ;', `.import ${csv} t`]);
  if (result.status !== 0) throw new Error(result.stderr.toString());
  return performance.now() - started;
}

function runChild(args: string[]): FullImport {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as FullImport;
  if (result.job.status !== 'done' || result.job.result?.['rowCount'] !== benchRows) throw new Error(JSON.stringify(result.job));
  return result;
}

// This file and the two import workers, bundled side by side (the workers are found next to
// the bundle that spawns them). Inside the repository so that packages resolve.
async function bundled(): Promise<string> {
  const root = join(import.meta.dirname, '..', '..');
  const outdir = join(root, 'dist', 'bench');
  await build({
    entryPoints: {
      'csv-import-bench': import.meta.filename,
      'import-worker': join(root, 'electron/importing/import-worker.ts'),
      'parse-worker': join(root, 'electron/importing/parse-worker.ts'),
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    outdir,
    logLevel: 'warning',
  });
  return join(outdir, 'csv-import-bench.mjs');
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return importInThisProcess(process.argv[3]!, process.argv[4]!);
  const csv = await benchCsvPath();
  const dir = mkdtempSync(join(tmpdir(), 'atelier-bench-'));
  const bundle = await bundled();
  try {
    const shellMs = sqliteShellImport(csv, dir);
    console.log(`sqlite3 shell .import (untyped): ${(shellMs / 1000).toFixed(2)} s`);
    const runs: [string, string[]][] = [
      ['from sources (tsx)', ['--import', 'tsx', import.meta.filename, '--child', csv, join(dir, 'sources')]],
      ['built (esbuild)', [bundle, '--child', csv, join(dir, 'built')]],
    ];
    for (const [label, args] of runs) {
      mkdirSync(args[args.length - 1]!);
      const ours = runChild(args);
      console.log(
        `atelier import ${label}, typed and inferred: ${(ours.ms / 1000).toFixed(2)} s, ratio ${(ours.ms / shellMs).toFixed(2)} × ` +
          `(target ≤ 2, aim 1.5), peak RSS ${ours.maxRssMb.toFixed(0)} MB (target < 400); then the WAL checkpoint, off the ` +
          `API thread: ${(ours.checkpointMs / 1000).toFixed(2)} s (ratio with it ${((ours.ms + ours.checkpointMs) / shellMs).toFixed(2)} ×)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
