import type { GridView } from '../../shared/contract';
import type { Db } from '../workspace/open-workspace';
import { beforeRow } from './grid-order';
import { gridQuery } from './grid-rows';

// Where a row stands in the view (the flags list jumps there): the number of rows of the
// view that sort before it. null when the filters hide it.
export function rowIndex(db: Db, grid: GridView, userId: number, rowId: number): number | null {
  const q = gridQuery(db, grid, userId);
  const table = `"${q.view.table}"`;
  const values = db
    .prepare(`SELECT ${q.terms.map((t) => t.quoted).join(', ') || '"_row"'} FROM ${table} WHERE "_row" = ? AND (${q.where.sql})`)
    .raw()
    .get(rowId, ...q.where.params) as unknown[] | undefined;
  if (!values) return null;
  const before = beforeRow(q.terms, values, rowId);
  return (
    db.prepare(`SELECT COUNT(*) FROM ${table} WHERE (${q.where.sql}) AND (${before.sql})`).pluck().get(...q.where.params, ...before.params) as number
  );
}
