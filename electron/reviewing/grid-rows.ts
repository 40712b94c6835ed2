import type { GridRow, GridView } from '../../shared/contract';
import type { Db } from '../workspace/open-workspace';
import { whereClause, type SqlPart } from './grid-filter-sql';
import { indexKeyFor, orderBy, sortTerms, type SortTerm } from './grid-order';
import type { GridWorker } from './grid-worker-client';
import { readRows } from './read-rows';
import { ensureIndexSoon } from './sort-indexes';
import { cursorBefore, rememberCursor, viewCache, type ViewCache } from './view-cache';
import { versionView, type VersionView } from './view-table';

// A view in one sort direction over one index is read in segments whose order is a plain
// index range: sorted on c ascending, the NULLs of c (by _row) then the other rows by
// (c, _row); descending, the reverse. Inside a segment a block starts with a row-value seek
// `(c, _row) > (?, ?)` from the nearest known position, so a block deep in a sorted view
// costs the same as the first one. A jump far from any known position steps with OFFSET
// through the index only (the key is covered by it): about 25 ms for 500,000 rows, measured
// against 450 ms for collecting checkpoints over the whole view once.
interface Segment {
  cond: string;
  // Quoted columns compared as one row value, the last one "_row".
  key: string[];
  desc: boolean;
}

function segmentsFor(terms: readonly SortTerm[]): Segment[] {
  if (terms.length === 0) return [{ cond: '1', key: ['"_row"'], desc: false }];
  const { quoted, desc } = terms[0]!;
  const nulls: Segment = { cond: `${quoted} IS NULL`, key: ['"_row"'], desc };
  const values: Segment = { cond: `${quoted} IS NOT NULL`, key: [quoted, '"_row"'], desc };
  return desc ? [values, nulls] : [nulls, values];
}

interface Query {
  view: VersionView;
  where: SqlPart;
  terms: SortTerm[];
  cache: ViewCache;
}

// `userId`: whose view (the version plus that person's pending edits).
export function gridQuery(db: Db, grid: GridView, userId: number): Query {
  const view = versionView(db, grid.versionId, userId);
  const where = whereClause(view.columns, grid.filterModel, grid.quickFilter);
  const terms = sortTerms(view.columns, grid.sortModel);
  const viewKey = JSON.stringify([where, terms]);
  return { view, where, terms, cache: viewCache(db, view.table, viewKey) };
}

function countRows(db: Db, q: Query): number {
  if (q.cache.count === undefined) {
    q.cache.count =
      q.where.sql === '1'
        ? q.view.rowCount
        : (db.prepare(`SELECT COUNT(*) AS n FROM "${q.view.table}" WHERE ${q.where.sql}`).get(...q.where.params) as { n: number }).n;
  }
  return q.cache.count;
}

export function readBlock(
  db: Db,
  worker: GridWorker,
  grid: GridView,
  userId: number,
  startRow: number,
  endRow: number,
): { rows: GridRow[]; rowCount: number } {
  const q = gridQuery(db, grid, userId);
  const rowCount = countRows(db, q);
  const end = Math.min(endRow, rowCount);
  if (startRow >= end) return { rows: [], rowCount };
  const ids = blockRowIds(db, worker, q, startRow, end - startRow);
  return { rows: readRows(db, q.view, ids), rowCount };
}

function blockRowIds(db: Db, worker: GridWorker, q: Query, start: number, count: number): number[] {
  const indexed = q.terms.length === 0 || ensureIndexSoon(db, worker, q.view.table, indexKeyFor(q.terms));
  if (!indexed || q.terms.length > 1) {
    // No index yet (the first block after a sort) or several sort columns: what SQLite does
    // with ORDER BY … LIMIT … OFFSET, served by the index once it exists.
    return db
      .prepare(`SELECT "_row" FROM "${q.view.table}" WHERE ${q.where.sql} ORDER BY ${orderBy(q.terms)} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...q.where.params, count, start) as number[];
  }
  const ids: number[] = [];
  let base = 0;
  segmentsFor(q.terms).forEach((segment, index) => {
    const size = segmentCount(db, q, index, segment);
    const from = Math.max(start, base) - base;
    const to = Math.min(start + count, base + size) - base;
    if (to > from) ids.push(...segmentRowIds(db, q, index, segment, from, to - from));
    base += size;
  });
  return ids;
}

function segmentCount(db: Db, q: Query, index: number, segment: Segment): number {
  let n = q.cache.segmentCounts.get(index);
  if (n === undefined) {
    if (segment.cond === '1') n = countRows(db, q);
    else if (segment.key.length === 1) {
      n = (
        db
          .prepare(`SELECT COUNT(*) AS n FROM "${q.view.table}" WHERE (${q.where.sql}) AND ${segment.cond}`)
          .get(...q.where.params) as { n: number }
      ).n;
    } else {
      // The non-NULL segment: everything the NULL one is not.
      const nulls = segmentsFor(q.terms).findIndex((s) => s.key.length === 1);
      n = countRows(db, q) - segmentCount(db, q, nulls, segmentsFor(q.terms)[nulls]!);
    }
    q.cache.segmentCounts.set(index, n);
  }
  return n;
}

function segmentRowIds(db: Db, q: Query, index: number, segment: Segment, from: number, count: number): number[] {
  const cursor = cursorBefore(q.cache, index, from);
  const order = segment.key.map((k) => `${k} ${segment.desc ? 'DESC' : 'ASC'}`).join(', ');
  const seek = cursor ? ` AND (${segment.key.join(', ')}) ${segment.desc ? '<' : '>'} (${segment.key.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(
      `SELECT ${segment.key.join(', ')} FROM "${q.view.table}" WHERE (${q.where.sql}) AND ${segment.cond}${seek}
       ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .raw()
    .all(...q.where.params, ...(cursor?.key ?? []), count, from - (cursor ? cursor.pos + 1 : 0)) as unknown[][];
  const last = rows[rows.length - 1];
  if (last) rememberCursor(q.cache, index, { pos: from + rows.length - 1, key: last });
  return rows.map((r) => r[r.length - 1] as number);
}
