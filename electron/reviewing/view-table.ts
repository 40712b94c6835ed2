import type { CellValue, ColumnInfo } from '../../shared/contract';
import { getVersion, quoteColumn, versionRowsTable } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';

// The table the grid reads for a version: the person's own working copy when they have
// pending edits, else the immutable rows table. Both have the same columns. Each person has
// their own working copy and undo stack: what one has not saved, nobody else sees.
export function pendingTable(versionId: number, userId: number): string {
  return `${versionRowsTable(versionId)}_pending_u${userId}`;
}

export function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

export interface VersionView {
  versionId: number;
  // Whose view: their pending edits are in it.
  userId: number;
  table: string;
  pending: boolean;
  columns: ColumnInfo[];
  // Rows in the immutable version, and in the view (the working copy may have more or fewer).
  versionRowCount: number;
  rowCount: number;
}

export function versionView(db: Db, versionId: number, userId: number): VersionView {
  const version = getVersion(db, versionId);
  const own = pendingTable(versionId, userId);
  const pending = tableExists(db, own);
  return {
    versionId,
    userId,
    table: pending ? own : versionRowsTable(versionId),
    pending,
    columns: version.columns,
    versionRowCount: version.rowCount,
    rowCount: pending ? version.rowCount + netRowsAdded(db, versionId, userId) : version.rowCount,
  };
}

// Rows added minus rows deleted by the person's pending edits, from the log: counting a working
// copy of a million rows would cost 20 ms on every edit. A row change holds JSON null on the
// side where the row does not exist.
function netRowsAdded(db: Db, versionId: number, userId: number): number {
  return db
    .prepare(
      `SELECT COALESCE(SUM((c.new_value <> 'null') - (c.old_value <> 'null')), 0) FROM edit_changes c
       JOIN edit_groups g ON g.id = c.group_id
       WHERE g.version_id = ? AND g.user_id = ? AND g.state = 'done' AND c.column_name IS NULL`,
    )
    .pluck()
    .get(versionId, userId) as number;
}

// The column named so in the version, or 'columns.not_found' (the same check as quoteColumn).
export function versionColumn(columns: readonly ColumnInfo[], name: string): ColumnInfo {
  quoteColumn(columns, name);
  return columns.find((c) => c.name === name)!;
}

// Booleans are stored as 0/1; a value that did not fit its type is kept as text and shown as is.
export function toCellValue(column: ColumnInfo, stored: unknown): CellValue {
  if (stored === null || stored === undefined) return null;
  if (column.type === 'boolean' && (stored === 0 || stored === 1)) return stored === 1;
  if (typeof stored === 'bigint') return Number(stored);
  if (typeof stored === 'string' || typeof stored === 'number' || typeof stored === 'boolean') return stored;
  return String(stored);
}

// What SQLite holds for a value of the column when it fits the type (for set filters, keys).
export function toStored(value: CellValue): string | number | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

// Pending tables change with each edit: caches of a view (counts, paging cursors) are keyed
// by this generation, bumped by every edit.
const generations = new WeakMap<Db, Map<string, number>>();

export function generation(db: Db, table: string): number {
  return generations.get(db)?.get(table) ?? 0;
}

export function bumpGeneration(db: Db, table: string): void {
  let map = generations.get(db);
  if (!map) generations.set(db, (map = new Map()));
  map.set(table, (map.get(table) ?? 0) + 1);
}
