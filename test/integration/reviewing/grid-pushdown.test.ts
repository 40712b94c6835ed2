import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiClient } from '../../../shared/api-client';
import type { FilterModel, GridRow, MethodInput, SortModel } from '../../../shared/contract';
import { makeVersion, wideColumns, wideRows } from '../../support/make-version';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

const rowCount = 3000;
let ws: TestWorkspace;
let agent: ApiClient;
let versionId: number;
// The generated rows as stored, with a few hostile values appended by id.
let data: unknown[][];
const col = (name: string) => wideColumns.findIndex((c) => c.name === name);
const hostile = ["'; DROP TABLE users; --", '100% sûr', 'a_b', 'back\\slash', 'Robert"); DELETE FROM flags; --'];

beforeAll(async () => {
  ws = await openTestWorkspace();
  agent = await ws.signedIn('agent');
  data = [...wideRows(rowCount)];
  hostile.forEach((text, i) => (data[i * 7]![col('libelle')] = text));
  versionId = makeVersion(ws.host.services.db, { columns: wideColumns, rows: data }).versionId;
});
afterAll(async () => ws.close());

type View = Omit<MethodInput<'grid.rows'>, 'startRow' | 'endRow' | 'versionId'>;

async function allIds(view: View, block = 100): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; ; start += block) {
    const { rows, rowCount: total } = await agent.call('grid.rows', { versionId, ...view, startRow: start, endRow: start + block });
    ids.push(...rows.map((r) => r.id));
    if (start + block >= total) break;
  }
  return ids;
}

const idsWhere = (keep: (row: unknown[]) => boolean) => data.flatMap((row, i) => (keep(row) ? [i + 1] : []));
const directOrder = (orderBy: string) =>
  ws.host.services.db.prepare(`SELECT "_row" FROM rows_v${versionId} ORDER BY ${orderBy}`).pluck().all() as number[];
const afterIndexBuilt = () => ws.host.services.grid.idle();

describe('blocks', () => {
  test('consecutive blocks cover every row once, the last block is short, past the end is empty', async () => {
    const first = await agent.call('grid.rows', { versionId, startRow: 0, endRow: 100 });
    expect(first.rowCount).toBe(rowCount);
    expect(first.rows.map((r) => r.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(first.rows[0]!.values).toEqual(data[0]!.map((v, i) => (wideColumns[i]!.type === 'boolean' ? v === 1 : v)));
    const last = await agent.call('grid.rows', { versionId, startRow: 2950, endRow: 3050 });
    expect(last.rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => 2951 + i));
    expect((await agent.call('grid.rows', { versionId, startRow: 3000, endRow: 3100 })).rows).toEqual([]);
    expect(await allIds({}, 173)).toEqual(Array.from({ length: rowCount }, (_, i) => i + 1));
  });

  test('a block larger than 1000 rows or an inverted range is refused', async () => {
    expect((await agent.reply('grid.rows', { versionId, startRow: 0, endRow: 5000 })).ok).toBe(false);
    expect((await agent.reply('grid.rows', { versionId, startRow: 10, endRow: 5 })).ok).toBe(false);
  });
});

describe('sorting every type', () => {
  for (const column of wideColumns) {
    for (const dir of ['asc', 'desc'] as const) {
      test(`${column.name} (${column.type}) ${dir}, before and after its index exists`, async () => {
        const sortModel: SortModel = [{ colId: column.name, sort: dir }];
        const expected = directOrder(`"${column.name}" ${dir}, "_row" ${dir}`);
        const before = await allIds({ sortModel }, 250);
        await afterIndexBuilt();
        const after = await allIds({ sortModel }, 100);
        expect(before).toEqual(expected);
        expect(after).toEqual(expected);
        // Blocks that straddle the NULLs / values boundary and random jumps agree too.
        for (const start of [1, 29, 31, 57, 1499, 2960]) {
          const { rows } = await agent.call('grid.rows', { versionId, sortModel, startRow: start, endRow: start + 40 });
          expect(rows.map((r) => r.id)).toEqual(expected.slice(start, start + 40));
        }
      });
    }
  }

  test('several sort columns', async () => {
    const sortModel: SortModel = [
      { colId: 'categorie', sort: 'asc' },
      { colId: 'montant', sort: 'desc' },
    ];
    const expected = directOrder('"categorie" ASC, "montant" DESC, "_row" ASC');
    expect(await allIds({ sortModel }, 500)).toEqual(expected);
    await afterIndexBuilt();
    expect(await allIds({ sortModel }, 500)).toEqual(expected);
  });
});

describe('filters', () => {
  const cases: [string, FilterModel, (row: unknown[]) => boolean][] = [
    ['text contains (case-insensitive)', { commune: { filterType: 'text', type: 'contains', filter: 'ARS' } }, (r) => /ars/i.test(String(r[col('commune')]))],
    ['text contains with accents', { commune: { filterType: 'text', type: 'contains', filter: 'Évry' } }, (r) => r[col('commune')] === 'Évry'],
    ['text equals', { categorie: { filterType: 'text', type: 'equals', filter: 'Sport' } }, (r) => r[col('categorie')] === 'sport'],
    ['text starts with', { code_postal: { filterType: 'text', type: 'startsWith', filter: '01' } }, (r) => String(r[col('code_postal')]).startsWith('01')],
    ['text ends with', { libelle: { filterType: 'text', type: 'endsWith', filter: 'lyon' } }, (r) => /lyon$/i.test(String(r[col('libelle')] ?? ''))],
    ['text blank', { libelle: { filterType: 'text', type: 'blank' } }, (r) => r[col('libelle')] === null],
    ['text not blank', { libelle: { filterType: 'text', type: 'notBlank' } }, (r) => r[col('libelle')] !== null],
    ['text not contains', { commune: { filterType: 'text', type: 'notContains', filter: 'e' } }, (r) => !/e/i.test(String(r[col('commune')]))],
    ['LIKE wildcards are literal: %', { libelle: { filterType: 'text', type: 'contains', filter: '0%' } }, (r) => String(r[col('libelle')]).includes('0%')],
    ['LIKE wildcards are literal: _', { libelle: { filterType: 'text', type: 'contains', filter: 'a_b' } }, (r) => r[col('libelle')] === 'a_b'],
    ['backslash is literal', { libelle: { filterType: 'text', type: 'contains', filter: 'k\\s' } }, (r) => r[col('libelle')] === 'back\\slash'],
    ['number in range (integer)', { quantite: { filterType: 'number', type: 'inRange', filter: 100, filterTo: 200 } }, (r) => (r[col('quantite')] as number) >= 100 && (r[col('quantite')] as number) <= 200],
    ['number greater than (decimal)', { montant: { filterType: 'number', type: 'greaterThan', filter: 50000 } }, (r) => r[col('montant')] !== null && (r[col('montant')] as number) > 50000],
    ['number less than or equal', { taux: { filterType: 'number', type: 'lessThanOrEqual', filter: 10 } }, (r) => (r[col('taux')] as number) <= 10],
    ['number equals', { annee: { filterType: 'number', type: 'equals', filter: 2010 } }, (r) => r[col('annee')] === 2010],
    ['number blank', { montant: { filterType: 'number', type: 'blank' } }, (r) => r[col('montant')] === null],
    ['date in range', { date_debut: { filterType: 'date', type: 'inRange', dateFrom: '2010-01-01 00:00:00', dateTo: '2010-06-30 00:00:00' } }, (r) => String(r[col('date_debut')]) >= '2010-01-01' && String(r[col('date_debut')]) <= '2010-06-30'],
    ['date before', { date_debut: { filterType: 'date', type: 'lessThan', dateFrom: '2001-01-01 00:00:00' } }, (r) => String(r[col('date_debut')]) < '2001-01-01'],
    ['datetime equals a day', { maj: { filterType: 'date', type: 'equals', dateFrom: '2012-03-05 00:00:00' } }, (r) => String(r[col('maj')]).startsWith('2012-03-05')],
    ['datetime after', { maj: { filterType: 'date', type: 'greaterThan', dateFrom: '2024-06-01 00:00:00' } }, (r) => String(r[col('maj')]) > '2024-06-01T00:00:00'],
    ['set of values', { categorie: { filterType: 'set', values: ['sport', 'culture'] } }, (r) => ['sport', 'culture'].includes(r[col('categorie')] as string)],
    ['set with blank', { libelle: { filterType: 'set', values: [null, 'a_b'] } }, (r) => r[col('libelle')] === null || r[col('libelle')] === 'a_b'],
    ['set of booleans', { actif: { filterType: 'set', values: [true] } }, (r) => r[col('actif')] === 1],
    ['empty set matches nothing', { actif: { filterType: 'set', values: [] } }, () => false],
    [
      'two conditions with OR',
      { commune: { filterType: 'text', operator: 'OR', conditions: [{ filterType: 'text', type: 'equals', filter: 'Lyon' }, { filterType: 'text', type: 'equals', filter: 'Nice' }] } },
      (r) => r[col('commune')] === 'Lyon' || r[col('commune')] === 'Nice',
    ],
    [
      'filters on two columns (AND)',
      { commune: { filterType: 'text', type: 'equals', filter: 'Lyon' }, annee: { filterType: 'number', type: 'greaterThanOrEqual', filter: 2020 } },
      (r) => r[col('commune')] === 'Lyon' && (r[col('annee')] as number) >= 2020,
    ],
    ['hostile text is a value, not SQL', { libelle: { filterType: 'text', type: 'equals', filter: hostile[0]! } }, (r) => r[col('libelle')] === hostile[0]],
    ['hostile text in a set', { libelle: { filterType: 'set', values: [hostile[4]!, "' OR 1=1 --"] } }, (r) => r[col('libelle')] === hostile[4]],
  ];
  for (const [name, filterModel, keep] of cases) {
    test(name, async () => {
      const expected = idsWhere(keep);
      expect(expected.length).toBeLessThan(rowCount);
      const ids = await allIds({ filterModel });
      expect(ids).toEqual(expected);
      const { rowCount: total } = await agent.call('grid.rows', { versionId, filterModel, startRow: 0, endRow: 10 });
      expect(total).toBe(expected.length);
    });
  }

  test('filter and sort together, read across blocks', async () => {
    const filterModel: FilterModel = { categorie: { filterType: 'text', type: 'equals', filter: 'voirie' } };
    const sortModel: SortModel = [{ colId: 'montant', sort: 'desc' }];
    await allIds({ sortModel });
    await afterIndexBuilt();
    const expected = ws.host.services.db
      .prepare(`SELECT "_row" FROM rows_v${versionId} WHERE categorie = 'voirie' ORDER BY montant DESC, "_row" DESC`)
      .pluck()
      .all();
    expect(await allIds({ sortModel, filterModel }, 64)).toEqual(expected);
  });

  test('quick search: every word somewhere in the row', async () => {
    const expected = idsWhere((r) => r.some((v) => /lyon/i.test(String(v ?? ''))) && r.some((v) => /voirie/i.test(String(v ?? ''))));
    expect(await allIds({ quickFilter: '  lyon   VOIRIE ' })).toEqual(expected);
    expect(await allIds({ quickFilter: '%' })).toEqual(idsWhere((r) => r.some((v) => String(v ?? '').includes('%'))));
  });

  test('a number filter on a text column, or a malformed date, is refused', async () => {
    const refused = async (filterModel: FilterModel) => (await agent.reply('grid.rows', { versionId, filterModel, startRow: 0, endRow: 10 }));
    expect(await refused({ commune: { filterType: 'number', type: 'equals', filter: 1 } })).toMatchObject({ ok: false, error: { code: 'grid.bad_filter' } });
    expect(await refused({ date_debut: { filterType: 'date', type: 'equals', dateFrom: "2020-01-01' OR '1'='1" } })).toMatchObject({
      ok: false,
      error: { code: 'grid.bad_filter' },
    });
    expect(await refused({ montant: { filterType: 'number', type: 'inRange', filter: 1 } })).toMatchObject({ ok: false, error: { code: 'grid.bad_filter' } });
  });
});

describe('column names are checked against the version', () => {
  const injected = ['id"; DROP TABLE users; --', 'users', '_row; DELETE FROM flags', 'ID', 'commune ', '"commune"', 'sqlite_master'];
  for (const name of injected) {
    test(`sort, filter, distinct values and profile refuse ${JSON.stringify(name)}`, async () => {
      const notFound = { ok: false, error: { code: 'columns.not_found' } };
      expect(await agent.reply('grid.rows', { versionId, sortModel: [{ colId: name, sort: 'asc' }], startRow: 0, endRow: 10 })).toMatchObject(notFound);
      expect(
        await agent.reply('grid.rows', { versionId, filterModel: { [name]: { filterType: 'text', type: 'contains', filter: 'x' } }, startRow: 0, endRow: 10 }),
      ).toMatchObject(notFound);
      expect(await agent.reply('grid.distinctValues', { versionId, column: name })).toMatchObject(notFound);
      expect(await agent.reply('grid.profile', { versionId, column: name })).toMatchObject(notFound);
      expect(await agent.reply('edits.setCell', { versionId, rowId: 1, column: name, value: 'x' })).toMatchObject(notFound);
    });
  }

  test('the workspace is intact after the attempts', async () => {
    expect((await ws.admin.call('users.list', {})).length).toBeGreaterThanOrEqual(2);
    expect((await agent.call('grid.rows', { versionId, startRow: 0, endRow: 1 })).rowCount).toBe(rowCount);
  });
});

describe('row index, distinct values, profile', () => {
  test('the index of a row in a sorted and filtered view is its position there', async () => {
    const view: View = { sortModel: [{ colId: 'libelle', sort: 'desc' }], filterModel: { actif: { filterType: 'set', values: [true] } } };
    const ids = await allIds(view, 500);
    for (const at of [0, 1, 17, 400, ids.length - 1]) {
      const reply = await agent.reply("grid.rowIndex", { versionId, ...view, rowId: ids[at]! });
      if (!reply.ok) console.log(at, ids.length, JSON.stringify(reply));
      expect(reply).toEqual({ ok: true, value: { index: at } });
    }
    const hidden = idsWhere((r) => r[col('actif')] === 0)[0]!;
    expect((await agent.call('grid.rowIndex', { versionId, ...view, rowId: hidden })).index).toBeNull();
    const multi: View = { sortModel: [{ colId: 'categorie', sort: 'desc' }, { colId: 'montant', sort: 'asc' }] };
    const multiIds = await allIds(multi, 1000);
    for (const at of [0, 3, 999, 2000, multiIds.length - 1]) {
      expect((await agent.call('grid.rowIndex', { versionId, ...multi, rowId: multiIds[at]! })).index).toBe(at);
    }
    const plain = await allIds({ sortModel: [{ colId: 'montant', sort: 'asc' }] }, 1000);
    expect((await agent.call('grid.rowIndex', { versionId, sortModel: [{ colId: 'montant', sort: 'asc' }], rowId: plain[5]! })).index).toBe(5);
  });

  test('distinct values for a low-cardinality column, none for a wide one', async () => {
    const categories = await agent.call('grid.distinctValues', { versionId, column: 'categorie' });
    expect(categories.complete).toBe(true);
    expect(categories.values.map((v) => v.value)).toEqual(['culture', 'social', 'sport', 'voirie', 'écoles']);
    expect(categories.values.reduce((s, v) => s + v.count, 0)).toBe(rowCount);
    expect((await agent.call('grid.distinctValues', { versionId, column: 'actif' })).values.map((v) => v.value)).toEqual([false, true]);
    expect(await agent.call('grid.distinctValues', { versionId, column: 'libelle' })).toEqual({ values: [], complete: false });
  });

  test('profile of a number column, computed once then cached', async () => {
    const montants = data.map((r) => r[col('montant')]).filter((v): v is number => v !== null);
    const profile = await agent.call('grid.profile', { versionId, column: 'montant' });
    expect(profile).toMatchObject({ column: 'montant', type: 'decimal', count: rowCount, blanks: rowCount - montants.length });
    expect(profile.min).toBe(Math.min(...montants));
    expect(profile.max).toBe(Math.max(...montants));
    expect(profile.mean as number).toBeCloseTo(montants.reduce((a, b) => a + b, 0) / montants.length, 6);
    expect(profile.distinct).toBe(new Set(montants).size);
    expect(profile.histogram).toHaveLength(10);
    expect(profile.histogram.reduce((s, b) => s + b.count, 0)).toBe(montants.length);
    expect(profile.top.length).toBe(10);
    const cached = ws.host.services.db.prepare('SELECT COUNT(*) FROM column_profiles WHERE version_id = ?').pluck().get(versionId);
    expect(cached).toBe(1);
    expect(await agent.call('grid.profile', { versionId, column: 'montant' })).toEqual(profile);
  });

  test('profile of a date, a datetime, a text and a boolean column', async () => {
    const dates = data.map((r) => r[col('date_debut')] as string).sort();
    const date = await agent.call('grid.profile', { versionId, column: 'date_debut' });
    expect(date).toMatchObject({ type: 'date', min: dates[0], max: dates[dates.length - 1], blanks: 0 });
    expect(date.mean).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(date.histogram.reduce((s, b) => s + b.count, 0)).toBe(rowCount);
    expect((await agent.call('grid.profile', { versionId, column: 'maj' })).max).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const text = await agent.call('grid.profile', { versionId, column: 'categorie' });
    expect(text).toMatchObject({ distinct: 5, min: null, max: null, mean: null, histogram: [] });
    expect(text.top.map((t) => t.value).sort()).toEqual(['culture', 'social', 'sport', 'voirie', 'écoles']);
    const bool = await agent.call('grid.profile', { versionId, column: 'actif' });
    expect(bool.top.map((t) => t.value).sort()).toEqual([false, true]);
  });
});

test('a big version: deep blocks in a sorted view match SQLite', async () => {
  const big = makeVersion(ws.host.services.db, { columns: wideColumns, rows: wideRows(40_000), name: 'Gros' }).versionId;
  const sortModel: SortModel = [{ colId: 'commune', sort: 'desc' }];
  await agent.call('grid.rows', { versionId: big, sortModel, startRow: 0, endRow: 100 });
  await afterIndexBuilt();
  const expected = ws.host.services.db.prepare(`SELECT "_row" FROM rows_v${big} ORDER BY commune DESC, "_row" DESC`).pluck().all() as number[];
  const read = async (start: number) =>
    (await agent.call('grid.rows', { versionId: big, sortModel, startRow: start, endRow: start + 100 })).rows.map((r: GridRow) => r.id);
  for (const start of [30_000, 30_100, 30_200, 12_345, 39_950, 100, 0, 20_000]) {
    expect(await read(start)).toEqual(expected.slice(start, start + 100));
  }
});
