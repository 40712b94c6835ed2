import type { ColumnInfo, CompareResult } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { getVersion, quoteColumn, versionRowsTable } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { createIndex } from './sort-indexes';
import { toCellValue } from './view-table';

interface Side {
  table: string;
  columns: ColumnInfo[];
}

// Two saved versions, matched by a key column (unique on both sides) or by row position
// (rank of _row). Columns are compared where both versions have them, by name.
export function compareVersions(
  db: Db,
  fromVersionId: number,
  toVersionId: number,
  keyColumn: string | null,
  offset: number,
  limit: number,
): CompareResult {
  const from: Side = { table: versionRowsTable(fromVersionId), columns: getVersion(db, fromVersionId).columns };
  const to: Side = { table: versionRowsTable(toVersionId), columns: getVersion(db, toVersionId).columns };
  const fromNames = new Set(from.columns.map((c) => c.name));
  const toNames = new Set(to.columns.map((c) => c.name));
  const common = to.columns.filter((c) => fromNames.has(c.name));
  const diff = keyColumn === null ? positionDiff(db, from, to, common) : keyDiff(db, from, to, common, keyColumn);

  const counts = Object.fromEntries(
    db.prepare(`SELECT st, COUNT(*) FROM (${diff}) GROUP BY st`).raw().all() as [string, number][],
  ) as Partial<Record<'added' | 'removed' | 'changed', number>>;
  const added = counts.added ?? 0;
  const removed = counts.removed ?? 0;
  const changed = counts.changed ?? 0;
  const toCount = db.prepare(`SELECT COUNT(*) FROM "${to.table}"`).pluck().get() as number;

  const page = db.prepare(`SELECT st, ar, br FROM (${diff}) ORDER BY k, st LIMIT ? OFFSET ?`).raw().all(limit, offset) as [
    'added' | 'removed' | 'changed',
    number | null,
    number | null,
  ][];
  const fromRows = readValues(db, from, common, page.map((p) => p[1]));
  const toRows = readValues(db, to, common, page.map((p) => p[2]));
  return {
    keyColumn,
    columns: common.map((c) => c.name),
    columnsAdded: to.columns.filter((c) => !fromNames.has(c.name)).map((c) => c.name),
    columnsRemoved: from.columns.filter((c) => !toNames.has(c.name)).map((c) => c.name),
    summary: { added, removed, changed, unchanged: toCount - added - changed },
    total: added + removed + changed,
    rows: page.map(([status, ar, br]) => {
      const a = ar === null ? null : fromRows.get(ar)!;
      const b = br === null ? null : toRows.get(br)!;
      return {
        status,
        fromRowId: ar,
        toRowId: br,
        from: a,
        to: b,
        changedColumns: a && b ? common.filter((_, i) => a[i] !== b[i]).map((c) => c.name) : [],
      };
    }),
  };
}

function sameCells(common: readonly ColumnInfo[], from: Side, to: Side): string {
  if (common.length === 0) return '1';
  return common.map((c) => `a.${quoteColumn(from.columns, c.name)} IS b.${quoteColumn(to.columns, c.name)}`).join(' AND ');
}

// Rows: st (status), ar / br (row ids on each side), k (the order of the listing).
function keyDiff(db: Db, from: Side, to: Side, common: readonly ColumnInfo[], keyColumn: string): string {
  const ka = quoteColumn(from.columns, keyColumn);
  const kb = quoteColumn(to.columns, keyColumn);
  for (const side of [from, to]) {
    const key = side === from ? ka : kb;
    const duplicates = db.prepare(`SELECT COUNT(*) - COUNT(DISTINCT ${key}) FROM "${side.table}"`).pluck().get() as number;
    if (duplicates > 0) {
      const label = side.columns.find((c) => c.name === keyColumn)!.label || keyColumn;
      throw new AppError('compare.key_not_unique', { column: label, count: duplicates });
    }
    createIndex(db, side.table, { terms: [{ quoted: key, desc: false }] });
  }
  return `
    SELECT 'removed' AS st, a."_row" AS ar, NULL AS br, a.${ka} AS k FROM "${from.table}" a
      WHERE NOT EXISTS (SELECT 1 FROM "${to.table}" b WHERE b.${kb} = a.${ka})
    UNION ALL
    SELECT 'added', NULL, b."_row", b.${kb} FROM "${to.table}" b
      WHERE NOT EXISTS (SELECT 1 FROM "${from.table}" a WHERE a.${ka} = b.${kb})
    UNION ALL
    SELECT 'changed', a."_row", b."_row", b.${kb} FROM "${to.table}" b JOIN "${from.table}" a ON a.${ka} = b.${kb}
      WHERE NOT (${sameCells(common, from, to)})`;
}

function positionDiff(db: Db, from: Side, to: Side, common: readonly ColumnInfo[]): string {
  // The rank is named "#pos": no column can be (names match [a-z_][a-z0-9_]*), so the rank
  // never hides a column of the file named `pos`, and a."pos" is always that column.
  const ranked = (side: Side) => `SELECT row_number() OVER (ORDER BY "_row") AS "#pos", * FROM "${side.table}"`;
  const fromCount = db.prepare(`SELECT COUNT(*) FROM "${from.table}"`).pluck().get() as number;
  const toCount = db.prepare(`SELECT COUNT(*) FROM "${to.table}"`).pluck().get() as number;
  return `
    SELECT 'removed' AS st, a."_row" AS ar, NULL AS br, a."#pos" AS k FROM (${ranked(from)}) a WHERE a."#pos" > ${toCount}
    UNION ALL
    SELECT 'added', NULL, b."_row", b."#pos" FROM (${ranked(to)}) b WHERE b."#pos" > ${fromCount}
    UNION ALL
    SELECT 'changed', a."_row", b."_row", b."#pos" FROM (${ranked(to)}) b JOIN (${ranked(from)}) a ON a."#pos" = b."#pos"
      WHERE NOT (${sameCells(common, from, to)})`;
}

function readValues(db: Db, side: Side, common: readonly ColumnInfo[], ids: readonly (number | null)[]) {
  const wanted = ids.filter((id): id is number => id !== null);
  const out = new Map<number, ReturnType<typeof toCellValue>[]>();
  if (wanted.length === 0 || common.length === 0) {
    for (const id of wanted) out.set(id, []);
    return out;
  }
  const rows = db
    .prepare(
      `SELECT "_row", ${common.map((c) => quoteColumn(side.columns, c.name)).join(', ')} FROM "${side.table}" WHERE "_row" IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(wanted)) as unknown[][];
  for (const r of rows) out.set(r[0] as number, common.map((c, i) => toCellValue(c, r[i + 1])));
  return out;
}
