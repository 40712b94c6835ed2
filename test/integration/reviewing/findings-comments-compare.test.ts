import { afterEach, expect, test } from 'vitest';
import { addFindings } from '../../../electron/findings/finding-store';
import { makeVersion } from '../../support/make-version';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace | undefined;
afterEach(async () => ws?.close());

const columns = [
  { name: 'siret', type: 'text' as const, label: 'SIRET' },
  { name: 'nom', type: 'text' as const, label: 'Nom' },
  { name: 'effectif', type: 'integer' as const, label: 'Effectif' },
];

test('findings in the grid: listed in row order, shown on their cells, a fixed type error no longer shown', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const rows = [['1', 'Alpha', 3], ['2', 'Beta', 'beaucoup'], ['3', 'Gamma', 'n/a'], ['4', 'Delta', 9]];
  const { versionId } = makeVersion(ws.host.services.db, {
    columns,
    rows,
    typeErrors: [{ row: 3, column: 'effectif' }, { row: 2, column: 'effectif' }],
  });
  // Another capability writes its own findings through the same module.
  addFindings(ws.host.services.db, versionId, [
    { source: 'personal_data', severity: 'error', code: 'pii.person_name', params: { score: 0.9 }, rowId: 4, column: 'nom' },
  ]);
  const { total, findings } = await agent.call('findings.list', { versionId });
  expect(total).toBe(3);
  expect(findings.map((f) => [f.rowId, f.column, f.source, f.severity, f.code, f.scope])).toEqual([
    [2, 'effectif', 'type', 'warning', 'type.mismatch', 'cell'],
    [3, 'effectif', 'type', 'warning', 'type.mismatch', 'cell'],
    [4, 'nom', 'personal_data', 'error', 'pii.person_name', 'cell'],
  ]);
  expect(findings[0]!.params).toEqual({ type: 'integer' });
  expect((await agent.call('findings.list', { versionId, offset: 2, limit: 1 })).findings.map((f) => f.rowId)).toEqual([4]);
  const grid = async () =>
    (await agent.call('grid.rows', { versionId, startRow: 0, endRow: 10 })).rows.map((r) => r.findings.map((f) => [f.column, f.source, f.severity]));
  expect(await grid()).toEqual([
    [],
    [['effectif', 'type', 'warning']],
    [['effectif', 'type', 'warning']],
    [['nom', 'personal_data', 'error']],
  ]);
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'effectif', value: '12' });
  expect(await grid()).toEqual([[], [], [['effectif', 'type', 'warning']], [['nom', 'personal_data', 'error']]]);
  // The side list jumps to a cell with a finding: its row's index in the current view.
  const view = { versionId, sortModel: [{ colId: 'nom', sort: 'desc' as const }] };
  expect((await agent.call('grid.rowIndex', { ...view, rowId: 3 })).index).toBe(0);
  expect((await agent.call('grid.rowIndex', { ...view, rowId: 4 })).index).toBe(1);
});

test('comments on a cell, a row and a column, shown as markers, visible to every role', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent', 'agnes');
  const reviewer = await ws.signedIn('reviewer', 'rachid');
  const { versionId } = makeVersion(ws.host.services.db, { columns, rows: [['1', 'Alpha', 3], ['2', 'Beta', 4]] });
  await agent.call('comments.add', { versionId, rowId: 2, column: 'nom', body: 'Nom à vérifier' });
  await reviewer.call('comments.add', { versionId, rowId: 1, body: 'Doublon ?' });
  await reviewer.call('comments.add', { versionId, column: 'effectif', body: 'Source : DSN 2024' });
  expect(await agent.reply('comments.add', { versionId, body: 'nulle part' })).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
  expect(await agent.reply('comments.add', { versionId, rowId: 9, body: 'x' })).toMatchObject({ ok: false, error: { code: 'rows.not_found' } });
  expect(await agent.reply('comments.add', { versionId, column: 'x"--', body: 'x' })).toMatchObject({ ok: false, error: { code: 'columns.not_found' } });
  for (const client of [agent, reviewer]) {
    expect((await client.call('comments.list', { versionId })).map((c) => [c.rowId, c.column, c.body, c.author])).toEqual([
      [2, 'nom', 'Nom à vérifier', 'agnes'],
      [1, null, 'Doublon ?', 'rachid'],
      [null, 'effectif', 'Source : DSN 2024', 'rachid'],
    ]);
  }
  const { rows } = await agent.call('grid.rows', { versionId, startRow: 0, endRow: 10 });
  expect(rows.map((r) => r.commented)).toEqual([[''], ['nom']]);
});

test('compare two versions by a key column: added, removed, changed rows and cells', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const db = ws.host.services.db;
  const first = makeVersion(db, { columns, rows: [['1', 'Alpha', 3], ['2', 'Beta', 4], ['3', 'Gamma', 5], ['4', 'Delta', 6]] });
  const second = makeVersion(db, {
    datasetId: first.datasetId,
    columns: [...columns, { name: 'ville', type: 'text', label: 'Ville' }],
    rows: [['4', 'Delta', 7, 'Metz'], ['1', 'Alpha', 3, 'Lyon'], ['3', 'GAMMA', 5, 'Nice'], ['5', 'Epsilon', 1, 'Brest']],
  });
  const result = await agent.call('compare.versions', { fromVersionId: first.versionId, toVersionId: second.versionId, keyColumn: 'siret' });
  expect(result.summary).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 1 });
  expect(result.columnsAdded).toEqual(['ville']);
  expect(result.columnsRemoved).toEqual([]);
  expect(result.columns).toEqual(['siret', 'nom', 'effectif']);
  expect(result.rows.map((r) => [r.status, r.from?.[0] ?? r.to?.[0], r.changedColumns])).toEqual([
    ['removed', '2', []],
    ['changed', '3', ['nom']],
    ['changed', '4', ['effectif']],
    ['added', '5', []],
  ]);
  const changed = result.rows.find((r) => r.status === 'changed' && r.to?.[0] === '4')!;
  expect([changed.fromRowId, changed.toRowId, changed.from, changed.to]).toEqual([4, 1, ['4', 'Delta', 6], ['4', 'Delta', 7]]);
  const paged = await agent.call('compare.versions', { fromVersionId: first.versionId, toVersionId: second.versionId, keyColumn: 'siret', offset: 1, limit: 2 });
  expect([paged.total, paged.rows.length]).toEqual([4, 2]);
});

test('compare refuses a key that is not unique, and compares by position without a key', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const db = ws.host.services.db;
  const first = makeVersion(db, { columns, rows: [['1', 'Alpha', 3], ['1', 'Beta', 4], ['3', 'Gamma', 5]] });
  const second = makeVersion(db, { datasetId: first.datasetId, columns, rows: [['1', 'Alpha', 3], ['2', 'Beta', 4]] });
  expect(await agent.reply('compare.versions', { fromVersionId: first.versionId, toVersionId: second.versionId, keyColumn: 'siret' })).toEqual({
    ok: false,
    error: { code: 'compare.key_not_unique', params: { column: 'SIRET', count: 1 } },
  });
  expect(await agent.reply('compare.versions', { fromVersionId: first.versionId, toVersionId: second.versionId, keyColumn: 'nope' })).toMatchObject({
    ok: false,
    error: { code: 'columns.not_found' },
  });
  const byPosition = await agent.call('compare.versions', { fromVersionId: first.versionId, toVersionId: second.versionId });
  expect(byPosition.keyColumn).toBeNull();
  expect(byPosition.summary).toEqual({ added: 0, removed: 1, changed: 1, unchanged: 1 });
  expect(byPosition.rows.map((r) => [r.status, r.changedColumns])).toEqual([
    ['changed', ['siret']],
    ['removed', []],
  ]);
});

test('compare a version saved from edits with the one before', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const { versionId } = makeVersion(ws.host.services.db, { columns, rows: [['1', 'Alpha', 3], ['2', 'Beta', 4], ['3', 'Gamma', 5]] });
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'effectif', value: '40' });
  await agent.call('edits.deleteRows', { versionId, rowIds: [3] });
  const added = await agent.call('edits.addRow', { versionId });
  await agent.call('edits.setCell', { versionId, rowId: added.rowId, column: 'siret', value: '9' });
  const saved = await agent.call('edits.save', { versionId });
  const result = await agent.call('compare.versions', { fromVersionId: versionId, toVersionId: saved.versionId, keyColumn: 'siret' });
  expect(result.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
  expect(result.rows.find((r) => r.status === 'changed')!.changedColumns).toEqual(['effectif']);
});
