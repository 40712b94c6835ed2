import type { GridRow } from '../../shared/contract';
import { quoteColumn } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { fitsType, toCellValue, type VersionView } from './view-table';

// The rows with these ids, in this order, with their flag and comment markers. A type flag
// is not shown once the cell holds a value of its type (fixed by a pending edit).
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

  const flagged = new Map<number, Set<string>>();
  const flags = db
    .prepare(`SELECT row_id, column_name, kind FROM flags WHERE version_id = ? AND row_id IN (SELECT value FROM json_each(?))`)
    .all(view.versionId, idList) as { row_id: number; column_name: string | null; kind: string }[];
  for (const f of flags) {
    const values = byId.get(f.row_id);
    const at = f.column_name === null ? undefined : position.get(f.column_name);
    if (f.kind === 'type' && values && at !== undefined && fitsType(view.columns[at]!, values[at])) continue;
    addTo(flagged, f.row_id, f.column_name ?? '');
  }
  const commented = new Map<number, Set<string>>();
  const comments = db
    .prepare(`SELECT row_id, column_name FROM comments WHERE version_id = ? AND row_id IN (SELECT value FROM json_each(?))`)
    .all(view.versionId, idList) as { row_id: number; column_name: string | null }[];
  for (const c of comments) addTo(commented, c.row_id, c.column_name ?? '');

  return ids.flatMap((id) => {
    const values = byId.get(id);
    if (!values) return [];
    return [
      {
        id,
        values: view.columns.map((c, i) => toCellValue(c, values[i])),
        flagged: [...(flagged.get(id) ?? [])],
        commented: [...(commented.get(id) ?? [])],
      },
    ];
  });
}

function addTo(map: Map<number, Set<string>>, id: number, value: string): void {
  let set = map.get(id);
  if (!set) map.set(id, (set = new Set()));
  set.add(value);
}
