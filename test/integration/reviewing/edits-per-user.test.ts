import { afterEach, expect, test } from 'vitest';
import type { ApiClient } from '../../../shared/api-client';
import { makeVersion } from '../../support/make-version';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace | undefined;
afterEach(async () => ws?.close());

const columns = [
  { name: 'code', type: 'text' as const, label: 'Code' },
  { name: 'nom', type: 'text' as const, label: 'Nom' },
  { name: 'nombre', type: 'integer' as const, label: 'Nombre' },
];
const rows = [
  ['A1', 'Mairie', 3],
  ['A2', 'Médiathèque', 7],
  ['A3', 'École', 12],
  ['A4', 'Piscine', 1],
];

async function setup() {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent', 'camille');
  const reviewer = await ws.signedIn('reviewer', 'dominique');
  const v = makeVersion(ws.host.services.db, { columns, rows });
  return { ws, agent, reviewer, ...v };
}

async function values(client: ApiClient, versionId: number) {
  return (await client.call('grid.rows', { versionId, startRow: 0, endRow: 100 })).rows.map((r) => [r.id, ...r.values]);
}

test("each person sees only their own pending edits, and undoes and saves only their own", async () => {
  const { agent, reviewer, versionId } = await setup();
  await reviewer.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Hôtel de ville' });
  await reviewer.call('edits.deleteRows', { versionId, rowIds: [4] });
  expect(await agent.call('edits.state', { versionId })).toMatchObject({ pending: 0, canUndo: false, rowCount: 4 });
  expect((await values(agent, versionId)).map((r) => r[2])).toEqual(['Mairie', 'Médiathèque', 'École', 'Piscine']);
  expect((await agent.call('edits.log', { versionId })).length).toBe(0);
  expect(await agent.reply('edits.undo', { versionId })).toEqual({ ok: false, error: { code: 'edits.nothing_to_undo', params: {} } });
  expect(await agent.reply('edits.save', { versionId })).toEqual({ ok: false, error: { code: 'edits.nothing_to_save', params: {} } });

  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'nombre', value: '8' });
  const added = await agent.call('edits.addRow', { versionId });
  expect(await agent.call('edits.state', { versionId })).toMatchObject({ pending: 2, rowCount: 5 });
  expect(await reviewer.call('edits.state', { versionId })).toMatchObject({ pending: 2, rowCount: 3 });
  expect((await values(reviewer, versionId)).map((r) => r.slice(0, 4))).toEqual([
    [1, 'A1', 'Hôtel de ville', 3],
    [2, 'A2', 'Médiathèque', 7],
    [3, 'A3', 'École', 12],
  ]);
  await agent.call('edits.undo', { versionId });
  expect(await reviewer.call('edits.state', { versionId })).toMatchObject({ pending: 2, canRedo: false });
  expect(await agent.call('edits.state', { versionId })).toMatchObject({ pending: 1, canRedo: true, rowCount: 4 });
  expect(added.rowId).toBe(5);

  // The agent saves their one edit; the reviewer's stay theirs, pending on the version.
  const saved = await agent.call('edits.save', { versionId });
  expect((await values(agent, saved.versionId)).map((r) => r.slice(1))).toEqual([
    ['A1', 'Mairie', 3],
    ['A2', 'Médiathèque', 8],
    ['A3', 'École', 12],
    ['A4', 'Piscine', 1],
  ]);
  expect(await reviewer.call('edits.state', { versionId })).toMatchObject({ pending: 2 });
});

test('the second to save is told which cells the first changed too, sees both values, chooses per cell, then saves', async () => {
  const { ws, agent, reviewer, versionId } = await setup();
  // Both change Nom of row 1 and row 2; only the agent changes row 3; the reviewer deletes row 4
  // that the agent changed, and adds a row.
  await agent.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Mairie centrale' });
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'nom', value: 'Bibliothèque' });
  await agent.call('edits.setCell', { versionId, rowId: 3, column: 'nombre', value: '13' });
  await agent.call('edits.setCell', { versionId, rowId: 4, column: 'nombre', value: '2' });
  await reviewer.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Hôtel de ville' });
  await reviewer.call('edits.setCell', { versionId, rowId: 2, column: 'nom', value: 'Bibliothèque' });
  await reviewer.call('edits.setCell', { versionId, rowId: 1, column: 'nombre', value: '4' });
  await reviewer.call('edits.deleteRows', { versionId, rowIds: [4] });
  const added = await reviewer.call('edits.addRow', { versionId });
  await reviewer.call('edits.setCell', { versionId, rowId: added.rowId, column: 'code', value: 'A9' });

  const first = await agent.call('edits.save', { versionId });
  expect(await reviewer.reply('edits.save', { versionId })).toEqual({
    ok: false,
    error: { code: 'edits.conflict', params: { count: 2, cells: '1 (Nom), 4' } },
  });
  const listed = await reviewer.call('edits.conflicts', { versionId });
  expect(listed).toMatchObject({ latestVersionId: first.versionId, latestNumber: 2, savedBy: 'camille', total: 2 });
  expect(listed.conflicts).toEqual([
    { rowId: 1, column: 'nom', label: 'Nom', base: 'Mairie', mine: 'Hôtel de ville', theirs: 'Mairie centrale', deleted: null, choice: null },
    { rowId: 4, column: null, label: null, base: null, mine: null, theirs: null, deleted: 'mine', choice: null },
  ]);
  expect(await reviewer.reply('edits.resolveConflicts', { versionId, choice: 'mine', cells: [{ rowId: 3, column: 'nom' }] })).toMatchObject({
    ok: false,
    error: { code: 'edits.no_such_conflict' },
  });
  const half = await reviewer.call('edits.resolveConflicts', { versionId, choice: 'mine', cells: [{ rowId: 1, column: 'nom' }] });
  expect(half.conflicts.map((c) => c.choice)).toEqual(['mine', null]);
  expect(await reviewer.reply('edits.save', { versionId })).toEqual({ ok: false, error: { code: 'edits.conflict', params: { count: 1, cells: '4' } } });
  await reviewer.call('edits.resolveConflicts', { versionId, choice: 'theirs', cells: [{ rowId: 4, column: null }] });

  const second = await reviewer.call('edits.save', { versionId });
  expect(second.number).toBe(3);
  expect(await values(reviewer, second.versionId)).toEqual([
    [1, 'A1', 'Hôtel de ville', 4],
    [2, 'A2', 'Bibliothèque', 7],
    [3, 'A3', 'École', 13],
    [4, 'A4', 'Piscine', 2],
    [added.rowId, 'A9', null, null],
  ]);
  const { versions } = await reviewer.call('datasets.get', { datasetId: second.datasetId });
  expect(versions.at(-1)!.changes).toMatchObject({ rowsBefore: 4, rowsAfter: 5, rowsAdded: 1, rowsRemoved: 0, rowsChanged: 1 });
  // Nothing is left pending for either, and no merge table stays behind.
  expect(await reviewer.call('edits.state', { versionId })).toMatchObject({ pending: 0 });
  const tables = ws.host.services.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%pending%' OR name LIKE '%merge%'").pluck().all();
  expect(tables).toEqual([]);
});

test('a row the other deleted comes back when the person keeps their change to it', async () => {
  const { agent, reviewer, versionId } = await setup();
  await agent.call('edits.deleteRows', { versionId, rowIds: [2] });
  await reviewer.call('edits.setCell', { versionId, rowId: 2, column: 'nombre', value: '70' });
  await agent.call('edits.save', { versionId });
  const listed = await reviewer.call('edits.conflicts', { versionId });
  expect(listed.conflicts).toEqual([{ rowId: 2, column: null, label: null, base: null, mine: null, theirs: null, deleted: 'theirs', choice: null }]);
  await reviewer.call('edits.resolveConflicts', { versionId, choice: 'mine', cells: [{ rowId: 2, column: null }] });
  const saved = await reviewer.call('edits.save', { versionId });
  expect((await values(reviewer, saved.versionId)).map((r) => r.slice(0, 2).concat(r[3]!))).toEqual([
    [1, 'A1', 3],
    [2, 'A2', 70],
    [3, 'A3', 12],
    [4, 'A4', 1],
  ]);
});

test('edits that touch different cells are carried onto the newer version without a question', async () => {
  const { agent, reviewer, versionId } = await setup();
  await agent.call('edits.setCell', { versionId, rowId: 1, column: 'nom', value: 'Mairie centrale' });
  await reviewer.call('edits.setCell', { versionId, rowId: 1, column: 'nombre', value: '30' });
  await agent.call('edits.save', { versionId });
  expect((await reviewer.call('edits.conflicts', { versionId })).total).toBe(0);
  const saved = await reviewer.call('edits.save', { versionId });
  expect((await values(reviewer, saved.versionId))[0]).toEqual([1, 'A1', 'Mairie centrale', 30]);
});
