import type { GridRow, RowFinding } from '../../shared/contract';
import { quoteColumn } from '../datasets/version-store';
import { openFindingsOfRows } from '../findings/finding-store';
import { stillHolds } from '../findings/value-checks';
import type { Db } from '../workspace/open-workspace';
import { toCellValue, type VersionView } from './view-table';

// The rows with these ids, in this order, with their open findings and comment markers. A
// finding that the cell's value settles (a type error) is not shown once a pending edit
// corrected the cell.
export function readRows(db: Db, view: VersionView, ids: readonly number[]): GridRow[] {
  if (ids.length === 0) return [];
  const idList = JSON.stringify(ids);
  const cols = view.columns.map((c) => quoteColumn(view.columns, c.name));
  const stored = db
    .prepare(`SELECT "_row"${cols.map((c) => ', ' + c).join('')} FROM "${view.table}" WHERE "_row" IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(idList) as unknown[][];
  const byId = new Map(stored.map((r) => [r[0] as number, r.slice(1)]));
  const position = new Map(view.columns.map((c, i) => [c.name, i]));

  const found = new Map<number, Map<string, RowFinding>>();
  for (const f of openFindingsOfRows(db, view.versionId, idList)) {
    const values = byId.get(f.row_id);
    const at = f.column_name === null ? undefined : position.get(f.column_name);
    if (values && at !== undefined && !stillHolds(f.code, view.columns[at]!, values[at])) continue;
    const column = f.column_name ?? '';
    let cells = found.get(f.row_id);
    if (!cells) found.set(f.row_id, (cells = new Map()));
    cells.set(`${column}\u0000${f.source}\u0000${f.severity}`, { column, source: f.source, severity: f.severity });
  }
  const commented = new Map<number, Set<string>>();
  const comments = db
    .prepare(`SELECT row_id, column_name FROM comments WHERE version_id = ? AND row_id IN (SELECT value FROM json_each(?))`)
    .all(view.versionId, idList) as { row_id: number; column_name: string | null }[];
  for (const c of comments) {
    let set = commented.get(c.row_id);
    if (!set) commented.set(c.row_id, (set = new Set()));
    set.add(c.column_name ?? '');
  }

  return ids.flatMap((id) => {
    const values = byId.get(id);
    if (!values) return [];
    return [
      {
        id,
        values: view.columns.map((c, i) => toCellValue(c, values[i])),
        findings: [...(found.get(id)?.values() ?? [])],
        commented: [...(commented.get(id) ?? [])],
      },
    ];
  });
}
