// Run: npx tsx test/bench/xlsx-import.bench.ts
// The target: importing a 200,000 × 12 .xlsx takes at most the time LibreOffice takes to
// convert it to CSV, measured in the same run, with a peak under 500 MB. Also shown: the
// streaming reader alone, and the table finder with type inference (no storage). Each
// contender runs in its own process (twice; the faster run counts) so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openXlsxStream } from '../../electron/importing/readers/xlsx-stream-reader';
import { scanTable } from '../../electron/importing/scan-table';
import { timeFullImport } from './full-import';
import { benchXlsxPath, xlsxBenchRows, type StringLayout } from './xlsx-fixture';

interface Measure {
  seconds: number;
  peakMb: number;
  rows?: number;
}

const thisFile = fileURLToPath(import.meta.url);
const runs = 2;

async function child(kind: string, path: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  if (kind === 'reader') {
    const source = await openXlsxStream(path);
    for await (const batch of source.read(0)) rows += batch.length;
  } else if (kind === 'pipeline') {
    rows = (await scanTable(path, {})).rowCount;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-xlsx-import-'));
    const full = await timeFullImport(path, dir);
    rmSync(dir, { recursive: true, force: true });
    if (full.job.status !== 'done') throw new Error(JSON.stringify(full.job));
    console.log(JSON.stringify({ seconds: full.ms / 1000, rows: full.job.result?.['rowCount'], peakMb: full.maxRssMb }));
    return;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, rows, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

function inChild(kind: string, path: string): Measure {
  const run = spawnSync(process.execPath, [...process.execArgv, thisFile, '--child', kind, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${kind} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Measure;
}

function soffice(path: string): Measure {
  const outDir = mkdtempSync(join(tmpdir(), 'atelier-soffice-'));
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', 'soffice', '--headless', '--convert-to', 'csv', '--outdir', outDir, path], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
  return { seconds, peakMb: Number(/peak-kb (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024 };
}

function best(measure: () => Measure): Measure {
  const all = Array.from({ length: runs }, measure);
  return all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

async function compare(layout: StringLayout): Promise<boolean> {
  const path = await benchXlsxPath(layout);
  console.log(`\n${path}: ${xlsxBenchRows} rows × 12 columns, ${(statSync(path).size / 1024 ** 2).toFixed(1)} MB, ${layout} strings`);
  const office = best(() => soffice(path));
  const reader = best(() => inChild('reader', path));
  const line = (name: string, m: Measure) =>
    console.log(`${name.padEnd(34)} ${m.seconds.toFixed(2).padStart(6)} s  peak ${Math.round(m.peakMb).toString().padStart(4)} MB  ratio ${(m.seconds / office.seconds).toFixed(2)}`);
  const imported = best(() => inChild('import', path));
  line('soffice --convert-to csv', office);
  line(`streaming reader (${reader.rows} rows)`, reader);
  line('table finder + type inference', best(() => inChild('pipeline', path)));
  line(`full import (${imported.rows} rows stored)`, imported);
  return imported.seconds <= office.seconds && imported.peakMb < 500;
}

async function main(): Promise<void> {
  const ok = (await compare('inline')) && (await compare('shared'));
  console.log(ok ? '\ntarget met: full import ≤ soffice, peak < 500 MB' : '\nTARGET MISSED');
  process.exitCode = ok ? 0 : 1;
}

const [flag, kind, path] = process.argv.slice(2);
await (flag === '--child' && kind && path ? child(kind, path) : main());
