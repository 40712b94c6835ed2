// The grid's speed on a version of 1,000,000 rows × 12 columns, through the real API
// (in-process client: zod checks and JSON on each call, like a page gets), then in Chromium:
//   npx tsx test/bench/grid.bench.ts            (add --no-browser to skip Chromium)
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createApiClient } from '../../shared/api-client';
import type { SortModel } from '../../shared/contract';
import { startBrowserMode } from '../../electron/browser-mode';
import { inProcessTransport } from '../../electron/host/in-process-transport';
import { makeVersion, wideColumns, wideRows } from '../support/make-version';
import { adminPassword, tempDir } from '../support/temp-workspace';

const rowCount = 1_000_000;
const { dir, cleanup } = tempDir('atelier-grid-bench-');
const mode = await startBrowserMode({ workspacePath: join(dir, 'bench.atelier') });
const host = mode.service;
const db = host.services.db;
const api = createApiClient(inProcessTransport(host));
await api.call('session.setup', { name: 'admin', password: adminPassword });

const ms = (t0: number) => performance.now() - t0;
const p = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const fmt = (v: number) => v.toFixed(1).padStart(7) + ' ms';
const afterIndexBuilt = () => host.services.grid.idle();

const t = performance.now();
const { versionId } = makeVersion(db, { name: 'Banc 1M', columns: wideColumns, rows: wideRows(rowCount) });
console.log(`version of ${rowCount.toLocaleString('en')} rows × ${wideColumns.length} columns written in ${(ms(t) / 1000).toFixed(1)} s`);

const block = async (startRow: number, sortModel: SortModel = []) => {
  const t0 = performance.now();
  const { rows } = await api.call('grid.rows', { versionId, sortModel, startRow, endRow: startRow + 100 });
  if (rows.length === 0) throw new Error(`empty block at ${startRow}`);
  return ms(t0);
};

console.log('\n— blocks, no sort');
console.log(`first block                         ${fmt(await block(0))}`);
const top = [];
for (let i = 0; i < 200; i++) top.push(await block(i * 100));
console.log(`p95 of 200 blocks from the top      ${fmt(p(top, 0.95))}   (median ${fmt(p(top, 0.5))})`);
const randomJumps = [];
for (let i = 0; i < 100; i++) randomJumps.push(await block(Math.floor(Math.random() * (rowCount - 100))));
console.log(`p95 of 100 random jumps             ${fmt(p(randomJumps, 0.95))}`);

console.log('\n— sort on a column, then the first block, against SQLite running the same ORDER BY … LIMIT 100');
// Three rounds per column; between rounds the sort index is dropped, so each round is a
// first sort. Figures are medians of the rounds.
const ratios: number[] = [];
const dropSortIndex = (column: string) => {
  const names = db
    .prepare(
      `SELECT l.name FROM pragma_index_list('rows_v${versionId}') l WHERE l.name LIKE 'sort\\_%' ESCAPE '\\'
         AND (SELECT GROUP_CONCAT(i.name) FROM pragma_index_info(l.name) i) = ?`,
    )
    .pluck()
    .all(column) as string[];
  for (const name of names) db.exec(`DROP INDEX "${name}"`);
};
for (const column of wideColumns) {
  const direct: number[] = [];
  const ours: number[] = [];
  const builds: number[] = [];
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    db.prepare(`SELECT * FROM rows_v${versionId} ORDER BY "${column.name}" LIMIT 100`).all();
    direct.push(ms(t0));
    ours.push(await block(0, [{ colId: column.name, sort: 'asc' }]));
    const build = performance.now();
    await afterIndexBuilt();
    builds.push(ms(build));
    if (round < 2) dropSortIndex(column.name);
  }
  const ratio = p(ours, 0.5) / p(direct, 0.5);
  ratios.push(ratio);
  console.log(
    `${column.name.padEnd(12)} ${column.type.padEnd(9)} direct ${fmt(p(direct, 0.5))}   ours ${fmt(p(ours, 0.5))}   ratio ${ratio.toFixed(2)}   (index built right after: ${fmt(p(builds, 0.5))})`,
  );
}
console.log(`ratio: median ${p(ratios, 0.5).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)} (limit 1.3)`);

console.log('\n— deep in a sorted view (index built)');
for (const [colId, sort] of [['libelle', 'asc'], ['montant', 'desc'], ['date_debut', 'asc']] as const) {
  const sortModel: SortModel = [{ colId, sort }];
  const jump = await block(500_000, sortModel);
  const scroll = [];
  for (let i = 1; i <= 200; i++) scroll.push(await block(500_000 + i * 100, sortModel));
  const jumps = [];
  for (let i = 0; i < 50; i++) jumps.push(await block(Math.floor(Math.random() * (rowCount - 100)), sortModel));
  console.log(
    `${colId} ${sort}: jump to row 500,000 ${fmt(jump)}; p95 of the next 200 blocks ${fmt(p(scroll, 0.95))}; p95 of 50 random jumps ${fmt(p(jumps, 0.95))}`,
  );
}

console.log('\n— column profile (computed in SQL, then cached)');
for (const column of ['id', 'montant', 'libelle', 'date_debut', 'maj', 'categorie']) {
  const t0 = performance.now();
  await api.call('grid.profile', { versionId, column });
  const first = ms(t0);
  const t1 = performance.now();
  await api.call('grid.profile', { versionId, column });
  console.log(`${column.padEnd(12)} ${fmt(first)}   cached ${fmt(ms(t1))}`);
}

console.log('\n— edits on the million rows');
const timed = async (label: string, work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  console.log(`${label.padEnd(48)} ${fmt(ms(t0))}`);
};
await timed('first edit (makes the working copy)', () => api.call('edits.setCell', { versionId, rowId: 500_000, column: 'libelle', value: 'Corrigé' }));
await timed('second edit', () => api.call('edits.setCell', { versionId, rowId: 500_001, column: 'montant', value: '12,5' }));
await timed('first block of the edited view', () => block(0));
await timed('undo', () => api.call('edits.undo', { versionId }));
await timed('redo', () => api.call('edits.redo', { versionId }));
await timed('find & replace preview (libelle, 1M cells)', () =>
  api.call('edits.findReplace', { versionId, find: 'Opération 42', replace: 'Op. 42', column: 'libelle' }),
);
await timed('save as a new version', () => api.call('edits.save', { versionId }));

if (!process.argv.includes('--no-browser')) await browserFigures();
await mode.close();
cleanup();

// First rows visible after opening the dataset, and the page's JS heap while scrolling from
// top to bottom (Chromium's Performance.getMetrics through the DevTools protocol).
async function browserFigures() {
  console.log('\n— Chromium (browser mode, built page)');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
  await page.goto(mode.http.pageUrl);
  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Mot de passe').fill(adminPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Jeux de données' }).waitFor();
  // The first opening also mounts AG Grid for the first time (its code is preloaded by the
  // shell once someone is signed in); the second shows the cost of the data alone.
  for (const when of ['first opening', 'second opening']) {
    const open = performance.now();
    await page.getByRole('button', { name: 'Relire le jeu « Banc 1M »' }).click();
    // Placeholder rows show until the first block arrives: wait for its values.
    await page.waitForFunction(() => document.querySelector('.ag-row[row-index="0"] [role="gridcell"][col-id="id"]')?.textContent === '1');
    console.log(`first rows visible after opening (${when}): ${fmt(ms(open))} (limit 500 ms)`);
    if (when === 'first opening') {
      await page.getByRole('button', { name: 'Jeux de données' }).click();
      await page.getByRole('heading', { name: 'Jeux de données' }).waitFor();
    }
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
  };
  const viewport = page.locator('.ag-body-viewport, .ag-grid-viewport').first();
  const samples: string[] = [];
  const steps = 20;
  for (let i = 0; i <= steps; i++) {
    await viewport.evaluate((el, f) => (el.scrollTop = f * (el.scrollHeight - el.clientHeight)), i / steps);
    await page.waitForTimeout(300);
    if (i % 5 === 0) samples.push(`${Math.round((i / steps) * 100)}%: ${(await heap()).toFixed(1)} MB`);
  }
  const last = await page.locator('.ag-row[row-index="999999"]').count();
  console.log(`JS heap while scrolling top → bottom: ${samples.join(', ')}; last row rendered: ${last === 1}`);
  await browser.close();
}
