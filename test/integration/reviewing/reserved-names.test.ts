import { afterEach, expect, test } from 'vitest';
import type { FilterModel } from '../../../shared/contract';
import { makeVersion } from '../../support/make-version';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

test('comparing by position sees the changes of a column named pos', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const columns = [
    { name: 'pos', type: 'integer' as const, label: 'Pos' },
    { name: 'nom', type: 'text' as const, label: 'Nom' },
  ];
  const first = makeVersion(ws.host.services.db, { columns, rows: [[10, 'Alpha'], [20, 'Beta'], [30, 'Gamma']] });
  const second = makeVersion(ws.host.services.db, { datasetId: first.datasetId, columns, rows: [[10, 'Alpha'], [21, 'Beta'], [30, 'Gamma']] });
  const result = await agent.call('compare.versions', { fromVersionId: first.versionId, toVersionId: second.versionId });
  expect(result.summary).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 2 });
  expect(result.rows).toMatchObject([{ status: 'changed', fromRowId: 2, toRowId: 2, from: [20, 'Beta'], to: [21, 'Beta'], changedColumns: ['pos'] }]);
});

test('the row number filters like an integer column; a date filter on it is refused clearly', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const { versionId } = makeVersion(ws.host.services.db, {
    columns: [{ name: 'nom', type: 'text', label: 'Nom' }],
    rows: Array.from({ length: 20 }, (_, i) => [`ligne ${i + 1}`]),
  });
  const rows = (filterModel: FilterModel) => agent.call('grid.rows', { versionId, startRow: 0, endRow: 100, filterModel });
  const ids = async (filterModel: FilterModel) => (await rows(filterModel)).rows.map((r) => r.id);
  expect(await ids({ _row: { filterType: 'number', type: 'greaterThan', filter: 17 } })).toEqual([18, 19, 20]);
  expect(await ids({ _row: { filterType: 'number', type: 'inRange', filter: 3, filterTo: 5 } })).toEqual([3, 4, 5]);
  expect(
    await ids({
      _row: {
        filterType: 'number',
        operator: 'OR',
        conditions: [
          { filterType: 'number', type: 'equals', filter: 1 },
          { filterType: 'number', type: 'equals', filter: 20 },
        ],
      },
    }),
  ).toEqual([1, 20]);
  expect(await ids({ _row: { filterType: 'text', type: 'equals', filter: '7' } })).toEqual([7]);
  const refused = await agent.reply('grid.rows', {
    versionId,
    startRow: 0,
    endRow: 100,
    filterModel: { _row: { filterType: 'date', type: 'equals', dateFrom: '2024-01-01 00:00:00' } },
  });
  expect(refused).toEqual({ ok: false, error: { code: 'grid.bad_filter', params: { column: 'N°' } } });
});
