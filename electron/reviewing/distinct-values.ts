import type { CellValue } from '../../shared/contract';
import { quoteColumn } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { toCellValue, versionView, versionColumn } from './view-table';

// Above this many distinct values a column gets no set filter (the text filter serves it).
export const setFilterLimit = 200;

export function distinctValues(
  db: Db,
  versionId: number,
  userId: number,
  columnName: string,
): { values: { value: CellValue; count: number }[]; complete: boolean } {
  const view = versionView(db, versionId, userId);
  const target = versionColumn(view.columns, columnName);
  const q = quoteColumn(view.columns, target.name);
  const rows = db
    .prepare(`SELECT ${q}, COUNT(*) FROM "${view.table}" GROUP BY ${q} ORDER BY ${q} LIMIT ?`)
    .raw()
    .all(setFilterLimit + 1) as [unknown, number][];
  if (rows.length > setFilterLimit) return { values: [], complete: false };
  return { values: rows.map(([value, count]) => ({ value: toCellValue(target, value), count })), complete: true };
}
