import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { importedVersion } from '../../support/import-helpers';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace | undefined;
let cleanup = () => {};
afterEach(async () => {
  await ws?.close();
  cleanup();
});

// The whole path: a French CSV imported by the pipeline, its type error flagged at import,
// then reviewed, fixed, saved and compared in the grid.
test('an imported file with a type error: flagged, sorted, filtered, fixed, saved, compared', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const temp = tempDir();
  cleanup = temp.cleanup;
  const lines = ['Code commune;Nom;Effectif;Date de mise à jour'];
  for (let i = 1; i <= 60; i++) lines.push(`${String(1000 + i).padStart(5, '0')};Commune ${i};${i === 7 ? 'douze' : i * 3};${String((i % 28) + 1).padStart(2, '0')}/03/2024`);
  const path = join(temp.dir, 'effectifs.csv');
  writeFileSync(path, lines.join('\r\n') + '\r\n', 'utf8');

  const { version } = await importedVersion(ws.host, agent, path, { columnTypes: { effectif: 'integer' } });
  const versionId = version.id;
  expect(version.columns.map((c) => [c.name, c.type])).toEqual([
    ['code_commune', 'text'],
    ['nom', 'text'],
    ['effectif', 'integer'],
    ['date_de_mise_a_jour', 'date'],
  ]);
  const found = await agent.call('findings.list', { versionId });
  expect(found.findings.map((f) => [f.rowId, f.column, f.source, f.code])).toEqual([[7, 'effectif', 'type', 'type.mismatch']]);

  const rows = (view: object = {}) => agent.call('grid.rows', { versionId, ...view, startRow: 0, endRow: 100 });
  const first = await rows();
  expect(first.rowCount).toBe(60);
  expect(first.rows[6]).toMatchObject({ values: ['01007', 'Commune 7', 'douze', '2024-03-08'], findings: [{ column: 'effectif', source: 'type', severity: 'warning' }] });
  // Kept as text, the bad cell sorts after every number and never matches a number range.
  const sorted = await rows({ sortModel: [{ colId: 'effectif', sort: 'desc' }] });
  expect(sorted.rows[0]!.values[2]).toBe('douze');
  const ranged = await rows({ filterModel: { effectif: { filterType: 'number', type: 'greaterThan', filter: 0 } } });
  expect(ranged.rowCount).toBe(59);
  const dated = await rows({ filterModel: { date_de_mise_a_jour: { filterType: 'date', type: 'equals', dateFrom: '2024-03-08 00:00:00' } } });
  expect(dated.rows.map((r) => r.values[0])).toEqual(['01007', '01035']);

  await agent.call('edits.setCell', { versionId, rowId: 7, column: 'effectif', value: '21' });
  expect((await rows()).rows[6]).toMatchObject({ values: ['01007', 'Commune 7', 21, '2024-03-08'], findings: [] });
  const saved = await agent.call('edits.save', { versionId });
  const { versions } = await agent.call('datasets.get', { datasetId: saved.datasetId });
  expect(versions.map((v) => [v.number, v.origin, v.columns.find((c) => c.name === 'effectif')!.errorCount])).toEqual([
    [1, 'import', 1],
    [2, 'edits', 0],
  ]);
  const diff = await agent.call('compare.versions', { fromVersionId: versionId, toVersionId: saved.versionId, keyColumn: 'code_commune' });
  expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 59 });
  expect(diff.rows[0]).toMatchObject({ changedColumns: ['effectif'], from: ['01007', 'Commune 7', 'douze', '2024-03-08'], to: ['01007', 'Commune 7', 21, '2024-03-08'] });
});
