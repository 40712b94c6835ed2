import { afterEach, expect, test } from 'vitest';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../../shared/api-client';
import { inProcessTransport } from '../../../electron/host/in-process-transport';
import { createServiceHost, type ServiceHost } from '../../../electron/host/service-host';
import { makeVersion } from '../../support/make-version';
import { adminPassword, openTestWorkspace, tempDir, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace | undefined;
afterEach(async () => ws?.close());

const columns = [
  { name: 'code', type: 'text' as const, label: 'Code' },
  { name: 'nom', type: 'text' as const, label: 'Nom' },
  { name: 'montant', type: 'decimal' as const, label: 'Montant' },
  { name: 'nombre', type: 'integer' as const, label: 'Nombre' },
  { name: 'ouvert', type: 'boolean' as const, label: 'Ouvert' },
  { name: 'jour', type: 'date' as const, label: 'Jour' },
];
const rows = [
  ['A1', 'Mairie de Lyon', 12.5, 3, 1, '2024-01-31'],
  ['A2', 'Médiathèque', null, 7, 0, '2024-02-29'],
  ['A3', 'École Jean Moulin', 100, 'douze', 1, null],
  ['A4', 'mairie annexe', 8, 1, null, '2023-12-01'],
];

async function setup() {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent', 'camille');
  const v = makeVersion(ws.host.services.db, { columns, rows, typeErrors: [{ row: 3, column: 'nombre' }] });
  return { ws, agent, versionId: v.versionId, datasetId: v.datasetId };
}

async function values(client: ApiClient, versionId: number) {
  return (await client.call('grid.rows', { versionId, startRow: 0, endRow: 100 })).rows.map((r) => [r.id, ...r.values]);
}

test('a cell edit is checked against its column type, logged, and never alters the version table', async () => {
  const { ws, agent, versionId } = await setup();
  expect(await agent.reply('edits.setCell', { versionId, rowId: 1, column: 'montant', value: 'beaucoup' })).toEqual({
    ok: false,
    error: { code: 'edits.bad_value', params: { value: 'beaucoup', column: 'Montant', type: 'decimal' } },
  });
  expect(await agent.reply('edits.setCell', { versionId, rowId: 99, column: 'montant', value: '1' })).toMatchObject({ ok: false, error: { code: 'rows.not_found' } });
  expect(await agent.call('edits.setCell', { versionId, rowId: 1, column: 'montant', value: '1 234,50' })).toMatchObject({ pending: 1, canUndo: true, canRedo: false });
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'jour', value: '15/03/2024' });
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'ouvert', value: 'oui' });
  await agent.call('edits.setCell', { versionId, rowId: 4, column: 'nom', value: '' });
  const shown = await values(agent, versionId);
  expect(shown[0]![3]).toBe(1234.5);
  expect(shown[1]!.slice(5)).toEqual([true, '2024-03-15']);
  expect(shown[3]![2]).toBeNull();
  const base = ws.host.services.db.prepare(`SELECT montant FROM rows_v${versionId} WHERE "_row" = 1`).pluck().get();
  expect(base).toBe(12.5);
  const log = await agent.call('edits.log', { versionId });
  expect(log[log.length - 1]).toMatchObject({ kind: 'cell', by: 'camille', state: 'done', changes: [{ rowId: 1, column: 'montant', old: 12.5, new: 1234.5 }] });
  expect(log[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
});

test('undo and redo, a new edit clears the redo stack, and an empty stack says so', async () => {
  const { agent, versionId } = await setup();
  expect(await agent.reply('edits.undo', { versionId })).toEqual({ ok: false, error: { code: 'edits.nothing_to_undo', params: {} } });
  await agent.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Hôtel de ville' });
  await agent.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Hôtel de Ville' });
  expect(await agent.call('edits.undo', { versionId })).toMatchObject({ pending: 1, canUndo: true, canRedo: true });
  expect((await values(agent, versionId))[0]![2]).toBe('Hôtel de ville');
  await agent.call('edits.undo', { versionId });
  expect((await values(agent, versionId))[0]![2]).toBe('Mairie de Lyon');
  expect(await agent.call('edits.redo', { versionId })).toMatchObject({ pending: 1, canRedo: true });
  expect((await values(agent, versionId))[0]![2]).toBe('Hôtel de ville');
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'nombre', value: '8' });
  expect(await agent.call('edits.state', { versionId })).toMatchObject({ pending: 2, canRedo: false });
  expect(await agent.reply('edits.redo', { versionId })).toEqual({ ok: false, error: { code: 'edits.nothing_to_redo', params: {} } });
  expect((await agent.call('edits.log', { versionId })).map((e) => e.state)).toEqual(['done', 'discarded', 'done']);
});

test('pending edits, undo and redo survive a restart of the service host', async () => {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'w.atelier');
  const open = async (): Promise<{ host: ServiceHost; client: ApiClient }> => {
    const host = createServiceHost({ workspacePath: path, sleep: async () => {}, log: () => {} });
    const client = createApiClient(inProcessTransport(host));
    return { host, client };
  };
  try {
    let { host, client } = await open();
    await client.call('session.setup', { name: 'admin', password: adminPassword });
    const { versionId } = makeVersion(host.services.db, { columns, rows });
    await client.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Un' });
    await client.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Deux' });
    await client.call('edits.deleteRows', { versionId, rowIds: [4] });
    await client.call('edits.undo', { versionId });
    await host.close();

    ({ host, client } = await open());
    await client.call('session.signIn', { name: 'admin', password: adminPassword });
    expect(await client.call('edits.state', { versionId })).toEqual({ versionId, pending: 2, canUndo: true, canRedo: true, rowCount: 4 });
    expect((await values(client, versionId))[0]![2]).toBe('Deux');
    await client.call('edits.redo', { versionId });
    expect((await client.call('edits.state', { versionId })).rowCount).toBe(3);
    await client.call('edits.undo', { versionId });
    await client.call('edits.undo', { versionId });
    expect((await values(client, versionId))[0]![2]).toBe('Un');
    await host.close();
  } finally {
    cleanup();
  }
});

test('add and delete rows, undone and redone', async () => {
  const { agent, versionId } = await setup();
  const added = await agent.call('edits.addRow', { versionId });
  expect(added).toMatchObject({ rowId: 5, rowCount: 5 });
  await agent.call('edits.setCell', { versionId, rowId: 5, column: 'code', value: 'A5' });
  await agent.call('edits.deleteRows', { versionId, rowIds: [2, 3] });
  expect((await values(agent, versionId)).map((r) => r[1])).toEqual(['A1', 'A4', 'A5']);
  await agent.call('edits.undo', { versionId });
  expect(await values(agent, versionId)).toEqual([
    [1, ...rows[0]!.slice(0, 4), true, rows[0]![5]],
    [2, ...rows[1]!.slice(0, 4), false, rows[1]![5]],
    [3, ...rows[2]!.slice(0, 4), true, null],
    [4, ...rows[3]!],
    [5, 'A5', null, null, null, null, null],
  ]);
  await agent.call('edits.undo', { versionId });
  await agent.call('edits.undo', { versionId });
  expect((await agent.call('edits.state', { versionId })).rowCount).toBe(4);
  // A row added after an undone one never takes an id the log has seen.
  expect((await agent.call('edits.addRow', { versionId })).rowId).toBe(6);
  expect(await agent.reply('edits.deleteRows', { versionId, rowIds: [42] })).toMatchObject({ ok: false, error: { code: 'rows.not_found' } });
});

test('find & replace: preview count, then one undoable change; types are respected', async () => {
  const { agent, versionId } = await setup();
  const preview = await agent.call('edits.findReplace', { versionId, find: 'mairie', replace: 'Hôtel de ville' });
  expect(preview).toMatchObject({ matches: 2, skipped: 0, pending: 0 });
  expect((await values(agent, versionId))[0]![2]).toBe('Mairie de Lyon');
  expect(await agent.call('edits.findReplace', { versionId, find: 'mairie', replace: 'Hôtel de ville', matchCase: true })).toMatchObject({ matches: 1 });
  expect(await agent.call('edits.findReplace', { versionId, find: 'Médiathèque', replace: 'Bibliothèque', wholeCell: true })).toMatchObject({ matches: 1 });
  expect(await agent.call('edits.findReplace', { versionId, find: 'MÉDIATHÈQUE', replace: 'x' })).toMatchObject({ matches: 1 });
  expect(await agent.call('edits.findReplace', { versionId, find: 'de', replace: 'x', wholeCell: true })).toMatchObject({ matches: 0 });
  // In a number column the text of the number is edited, and must still be a number.
  expect(await agent.call('edits.findReplace', { versionId, find: '12', replace: 'douze', column: 'montant' })).toMatchObject({ matches: 0, skipped: 1 });
  expect(await agent.call('edits.findReplace', { versionId, find: '.5', replace: '.75', column: 'montant', apply: true })).toMatchObject({ matches: 1, pending: 1 });
  const applied = await agent.call('edits.findReplace', { versionId, find: 'mairie', replace: 'Hôtel de ville', apply: true });
  expect(applied).toMatchObject({ matches: 2, pending: 2 });
  const shown = await values(agent, versionId);
  expect([shown[0]![2], shown[3]![2], shown[0]![3]]).toEqual(['Hôtel de ville de Lyon', 'Hôtel de ville annexe', 12.75]);
  await agent.call('edits.undo', { versionId });
  expect((await values(agent, versionId)).map((r) => r[2])).toEqual(rows.map((r) => r[1]));
  expect(await agent.reply('edits.findReplace', { versionId, find: 'x', replace: 'y', column: 'nope' })).toMatchObject({ ok: false, error: { code: 'columns.not_found' } });
});

test('fill down copies the first row of the selection to the others, as one edit', async () => {
  const { agent, versionId } = await setup();
  await agent.call('edits.fillDown', { versionId, columns: ['nom', 'jour'], rowIds: [2, 4, 1] });
  const shown = await values(agent, versionId);
  expect(shown.map((r) => [r[2], r[6]])).toEqual([
    ['Médiathèque', '2024-02-29'],
    ['Médiathèque', '2024-02-29'],
    ['École Jean Moulin', null],
    ['Médiathèque', '2024-02-29'],
  ]);
  expect(await agent.call('edits.undo', { versionId })).toMatchObject({ pending: 0 });
  expect((await values(agent, versionId)).map((r) => r[2])).toEqual(rows.map((r) => r[1]));
});

test('"Enregistrer une version" turns pending edits into a new version, audited', async () => {
  const { ws, agent, versionId, datasetId } = await setup();
  expect(await agent.reply('edits.save', { versionId })).toEqual({ ok: false, error: { code: 'edits.nothing_to_save', params: {} } });
  await agent.call('edits.setCell', { versionId, rowId: 3, column: 'nombre', value: '12' });
  await agent.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Hôtel de ville' });
  await agent.call('edits.deleteRows', { versionId, rowIds: [2] });
  await agent.call('edits.addRow', { versionId });
  await agent.call('comments.add', { versionId, rowId: 1, column: 'nom', body: 'Vérifier' });
  const saved = await agent.call('edits.save', { versionId });
  expect(saved).toMatchObject({ number: 2, datasetId });
  const { versions } = await agent.call('datasets.get', { datasetId });
  expect(versions[1]).toMatchObject({
    origin: 'edits',
    createdBy: 'camille',
    rowCount: 4,
    changes: { rowsBefore: 4, rowsAfter: 4, rowsAdded: 1, rowsRemoved: 1, rowsChanged: 2 },
  });
  // The type error of row 3 was fixed by the edit: no finding, no error count in the new version.
  expect(versions[1]!.columns.find((c) => c.name === 'nombre')!.errorCount).toBe(0);
  expect((await agent.call('findings.list', { versionId: saved.versionId, filter: { statuses: [] } })).total).toBe(0);
  expect(await agent.call('comments.list', { versionId: saved.versionId })).toMatchObject([{ rowId: 1, column: 'nom', body: 'Vérifier' }]);
  expect((await values(agent, saved.versionId)).map((r) => r[0])).toEqual([1, 3, 4, 5]);
  // The old version is as imported, with no pending edits left.
  expect(await values(agent, versionId)).toHaveLength(4);
  expect(await agent.call('edits.state', { versionId })).toMatchObject({ pending: 0, canUndo: false, canRedo: false });
  expect(await agent.call('edits.state', { versionId: saved.versionId })).toMatchObject({ pending: 0, rowCount: 4 });
  const audit = await ws.admin.call('audit.list', { limit: 5 });
  expect(audit[0]).toMatchObject({ actor: 'camille', action: 'edits.saved', target: `dataset:${datasetId}`, details: { fromVersion: 1, toVersion: 2 } });
  expect((await ws.admin.call('audit.verify', {})).ok).toBe(true);
  // Editing the new version starts a fresh log.
  await agent.call('edits.setCell', { versionId: saved.versionId, rowId: 1, column: 'code', value: 'Z' });
  expect((await agent.call('edits.save', { versionId: saved.versionId })).number).toBe(3);
});

test('sorted and filtered views follow pending edits', async () => {
  const { agent, versionId } = await setup();
  const view = { versionId, sortModel: [{ colId: 'montant', sort: 'desc' as const }], startRow: 0, endRow: 10 };
  expect((await agent.call('grid.rows', view)).rows.map((r) => r.id)).toEqual([3, 1, 4, 2]);
  await new Promise((resolve) => setImmediate(resolve));
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'montant', value: '500' });
  expect((await agent.call('grid.rows', view)).rows.map((r) => r.id)).toEqual([2, 3, 1, 4]);
  await new Promise((resolve) => setImmediate(resolve));
  expect((await agent.call('grid.rows', view)).rows.map((r) => r.id)).toEqual([2, 3, 1, 4]);
  const filtered = { ...view, filterModel: { montant: { filterType: 'number' as const, type: 'greaterThan' as const, filter: 50 } } };
  expect(await agent.call('grid.rows', filtered)).toMatchObject({ rowCount: 2 });
  await agent.call('edits.undo', { versionId });
  expect(await agent.call('grid.rows', filtered)).toMatchObject({ rowCount: 1 });
  expect((await agent.call('grid.profile', { versionId, column: 'montant' })).max).toBe(100);
});
