// Export of a large version as CSV and XLSX through export.start, with the peak RSS of the
// process while each runs. `npx tsx test/bench/export.bench.ts [rows]` (default 1,000,000).
import { statSync } from 'node:fs';
import { exportResult } from '../../shared/contract';
import { makeVersion, wideColumns, wideRows } from '../support/make-version';
import { openTestWorkspace } from '../support/temp-workspace';

const rows = Number(process.argv[2] ?? 1_000_000);
const ws = await openTestWorkspace();
const started = Date.now();
const { versionId } = makeVersion(ws.host.services.db, { columns: wideColumns, rows: wideRows(rows) });
console.log(`${rows} rows × ${wideColumns.length} columns made in ${Date.now() - started} ms`);
for (const format of ['csv', 'xlsx'] as const) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = Date.now();
  const { jobId } = await ws.admin.call('export.start', { versionId, format });
  const job = await ws.host.services.jobs.wait(jobId);
  clearInterval(sampler);
  const result = exportResult.parse(job.result);
  const size = statSync(ws.host.services.exports.get(result.exportId, 1).path).size;
  console.log(
    `${format}: ${Date.now() - t0} ms, ${(size / 1e6).toFixed(1)} MB, RSS before ${(base / 1e6).toFixed(0)} MB, peak ${(peak / 1e6).toFixed(0)} MB`,
  );
}
await ws.close();
