import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiClient } from '../../../shared/api-client';
import { makeVersion, wideColumns, wideRows } from '../../support/make-version';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

// Whole-version work (profiles, find & replace previews, index builds) runs in the grid
// worker: while it runs, other calls are answered. Orders of events are compared, not
// durations, so a loaded machine cannot make this flaky.
let ws: TestWorkspace;
let agent: ApiClient;
let other: ApiClient;
let versionId: number;

beforeAll(async () => {
  ws = await openTestWorkspace();
  agent = await ws.signedIn('agent');
  other = await ws.signedIn('reviewer');
  versionId = makeVersion(ws.host.services.db, { columns: wideColumns, rows: wideRows(300_000) }).versionId;
  // The worker's start (from sources, through tsx) is not what is measured.
  await agent.call('edits.findReplace', { versionId, find: 'zzz-absent', replace: 'x', column: 'id' });
}, 60_000);
afterAll(async () => ws.close());

// Starts the slow call, then a quick one on another client; returns the order they finished in.
async function finishOrder(slow: () => Promise<unknown>, quick: () => Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const slowDone = slow().then(() => order.push('slow'));
  await quick();
  order.push('quick');
  await slowDone;
  return order;
}

test('other callers are answered while an uncached profile is computed', async () => {
  const order = await finishOrder(
    () => agent.call('grid.profile', { versionId, column: 'libelle' }),
    async () => {
      await other.call('session.status', {});
      await other.call('grid.rows', { versionId, startRow: 0, endRow: 100 });
    },
  );
  expect(order).toEqual(['quick', 'slow']);
  // Cached: the same profile, without the worker.
  const cached = ws.host.services.db.prepare('SELECT COUNT(*) FROM column_profiles WHERE version_id = ?').pluck().get(versionId);
  expect(cached).toBe(1);
  expect((await agent.call('grid.profile', { versionId, column: 'libelle' })).count).toBe(300_000);
});

test('other callers are answered while a find & replace preview counts', async () => {
  const order = await finishOrder(
    () => agent.call('edits.findReplace', { versionId, find: 'e', replace: 'é' }),
    () => other.call('grid.rows', { versionId, startRow: 100, endRow: 200 }),
  );
  expect(order).toEqual(['quick', 'slow']);
  expect(await agent.call('edits.state', { versionId })).toMatchObject({ pending: 0 });
});

test('other callers are answered while a sort index is built, and edits wait for it', async () => {
  const sortModel = [{ colId: 'commune', sort: 'asc' as const }];
  const first = await agent.call('grid.rows', { versionId, sortModel, startRow: 0, endRow: 100 });
  const order = await finishOrder(
    () => ws.host.services.grid.idle(),
    () => other.call('grid.rows', { versionId, startRow: 200, endRow: 300 }),
  );
  expect(order).toEqual(['quick', 'slow']);
  expect((await agent.call('grid.rows', { versionId, sortModel, startRow: 0, endRow: 100 })).rows).toEqual(first.rows);
  // The first edit makes a working copy; a sort on it starts an index build that the next
  // edit waits for instead of failing.
  await agent.call('edits.setCell', { versionId, rowId: 1, column: 'commune', value: 'Aaa' });
  await agent.call('grid.rows', { versionId, sortModel: [{ colId: 'montant', sort: 'desc' }], startRow: 0, endRow: 10 });
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'commune', value: 'Aab' });
  await ws.host.services.grid.idle();
  const rows = (await agent.call('grid.rows', { versionId, sortModel, startRow: 0, endRow: 2 })).rows;
  expect(rows.map((r) => r.id)).toEqual([1, 2]);
});
