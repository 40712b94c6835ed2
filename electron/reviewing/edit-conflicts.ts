import type { ChangeSummary, ColumnInfo, EditConflicts } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { createRowsTable, getVersion, quoteColumn, versionRowsTable } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { toCellValue, type VersionView } from './view-table';

// Two people edit the same version, each in their own working copy. The first to save makes
// the next version; the second's edits are then carried onto the newest version (a three-way
// merge: the version they started from, their copy, the newest version). A cell both changed
// to different values, a row one deleted while the other changed it, is a conflict: the save
// is refused until the person chose, per conflict, to keep theirs ('mine') or take the saved
// one ('theirs'). Choices hold for the newest version they were made against.

type Choice = 'mine' | 'theirs';

interface Conflict {
  rowId: number;
  // null: the whole row, which one side deleted while the other changed it.
  column: string | null;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  deleted: 'mine' | 'theirs' | null;
}

// The newest version of the dataset, and whether the person's edits can be carried onto it:
// only versions saved from edits keep the row identities (_row) the merge matches on.
export function latestVersion(db: Db, versionId: number): { versionId: number; number: number; carriable: boolean; savedBy: string } {
  const base = getVersion(db, versionId);
  const later = db
    .prepare(
      `SELECT v.id, v.number, v.origin, u.name FROM versions v JOIN users u ON u.id = v.created_by
       WHERE v.dataset_id = ? AND v.number >= ? ORDER BY v.number`,
    )
    .all(base.datasetId, base.number) as { id: number; number: number; origin: string; name: string }[];
  const newest = later[later.length - 1]!;
  return {
    versionId: newest.id,
    number: newest.number,
    carriable: later.slice(1).every((v) => v.origin === 'edits'),
    savedBy: newest.name,
  };
}

// Cells the person's done edits touched whose value now differs from the version's, with the
// newest version's value beside it (or `gone` when the row is not there any more).
function changedCells(db: Db, view: VersionView, latestTable: string) {
  const base = versionRowsTable(view.versionId);
  const out: { rowId: number; column: ColumnInfo; base: unknown; mine: unknown; theirs: unknown; gone: boolean }[] = [];
  const touched = `SELECT DISTINCT c.row_id FROM edit_changes c JOIN edit_groups g ON g.id = c.group_id
     WHERE g.version_id = ? AND g.user_id = ? AND g.state = 'done' AND c.column_name = ?`;
  for (const column of view.columns) {
    const q = quoteColumn(view.columns, column.name);
    const rows = db
      .prepare(
        `SELECT t.row_id, b.${q}, p.${q}, l.${q}, l."_row" IS NULL
         FROM (${touched}) t
         JOIN "${base}" b ON b."_row" = t.row_id JOIN "${view.table}" p ON p."_row" = t.row_id
         LEFT JOIN "${latestTable}" l ON l."_row" = t.row_id
         WHERE b.${q} IS NOT p.${q}`,
      )
      .raw()
      .all(view.versionId, view.userId, column.name) as [number, unknown, unknown, unknown, number][];
    for (const [rowId, b, p, l, gone] of rows) out.push({ rowId, column, base: b, mine: p, theirs: l, gone: gone === 1 });
  }
  return out;
}

// Rows of the version the person deleted, and whether the newest version changed them.
function deletedRows(db: Db, view: VersionView, latestTable: string): { rowId: number; changedByThem: boolean }[] {
  const base = versionRowsTable(view.versionId);
  const same = view.columns.map((c) => `l.${quoteColumn(view.columns, c.name)} IS b.${quoteColumn(view.columns, c.name)}`).join(' AND ') || '1';
  const rows = db
    .prepare(
      `SELECT b."_row", l."_row" IS NOT NULL AND NOT (${same}) FROM "${base}" b LEFT JOIN "${latestTable}" l ON l."_row" = b."_row"
       WHERE NOT EXISTS (SELECT 1 FROM "${view.table}" p WHERE p."_row" = b."_row")`,
    )
    .raw()
    .all() as [number, number][];
  return rows.map(([rowId, changed]) => ({ rowId, changedByThem: changed === 1 }));
}

function conflictsOf(db: Db, view: VersionView, latestTable: string): Conflict[] {
  const conflicts: Conflict[] = [];
  const rowsGone = new Set<number>();
  for (const cell of changedCells(db, view, latestTable)) {
    if (cell.gone) {
      if (!rowsGone.has(cell.rowId)) conflicts.push({ rowId: cell.rowId, column: null, base: null, mine: null, theirs: null, deleted: 'theirs' });
      rowsGone.add(cell.rowId);
    } else if (cell.theirs !== cell.base && cell.theirs !== cell.mine) {
      conflicts.push({ rowId: cell.rowId, column: cell.column.name, base: cell.base, mine: cell.mine, theirs: cell.theirs, deleted: null });
    }
  }
  for (const row of deletedRows(db, view, latestTable)) {
    if (row.changedByThem) conflicts.push({ rowId: row.rowId, column: null, base: null, mine: null, theirs: null, deleted: 'mine' });
  }
  return conflicts.sort((a, b) => a.rowId - b.rowId || (a.column ?? '').localeCompare(b.column ?? ''));
}

const cellKey = (rowId: number, column: string | null) => `${rowId}\u0000${column ?? ''}`;

function choicesFor(db: Db, view: VersionView, latestVersionId: number): Map<string, Choice> {
  const rows = db
    .prepare('SELECT row_id, column_name, choice FROM edit_resolutions WHERE version_id = ? AND user_id = ? AND latest_version_id = ?')
    .all(view.versionId, view.userId, latestVersionId) as { row_id: number; column_name: string | null; choice: Choice }[];
  return new Map(rows.map((r) => [cellKey(r.row_id, r.column_name), r.choice]));
}

// What the review page shows: every conflict with both values and the choice made, if any.
export function listConflicts(db: Db, view: VersionView, limit = 500): EditConflicts {
  const latest = latestVersion(db, view.versionId);
  if (latest.versionId === view.versionId || !view.pending) {
    return { latestVersionId: latest.versionId, latestNumber: latest.number, savedBy: null, total: 0, conflicts: [] };
  }
  const choices = choicesFor(db, view, latest.versionId);
  const all = conflictsOf(db, view, versionRowsTable(latest.versionId));
  const byName = new Map(view.columns.map((c) => [c.name, c]));
  const shown = (column: string | null, value: unknown) => {
    const info = column === null ? undefined : byName.get(column);
    return info ? toCellValue(info, value) : null;
  };
  return {
    latestVersionId: latest.versionId,
    latestNumber: latest.number,
    savedBy: latest.savedBy,
    total: all.length,
    conflicts: all.slice(0, limit).map((c) => ({
      rowId: c.rowId,
      column: c.column,
      label: c.column === null ? null : (byName.get(c.column)?.label || c.column),
      base: shown(c.column, c.base),
      mine: shown(c.column, c.mine),
      theirs: shown(c.column, c.theirs),
      deleted: c.deleted,
      choice: choices.get(cellKey(c.rowId, c.column)) ?? null,
    })),
  };
}

// Records the person's choice for these conflicts (against the current newest version).
export function resolveConflicts(db: Db, view: VersionView, cells: readonly { rowId: number; column: string | null }[], choice: Choice): void {
  const latest = latestVersion(db, view.versionId);
  const open = new Set(conflictsOf(db, view, versionRowsTable(latest.versionId)).map((c) => cellKey(c.rowId, c.column)));
  for (const cell of cells) {
    if (!open.has(cellKey(cell.rowId, cell.column))) throw new AppError('edits.no_such_conflict', { rowId: cell.rowId });
  }
  const upsert = db.prepare(
    `INSERT INTO edit_resolutions (version_id, user_id, row_id, column_name, choice, latest_version_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (version_id, user_id, row_id, COALESCE(column_name, '')) DO UPDATE SET choice = excluded.choice, latest_version_id = excluded.latest_version_id`,
  );
  db.transaction(() => {
    for (const cell of cells) upsert.run(view.versionId, view.userId, cell.rowId, cell.column, choice, latest.versionId);
  }).immediate();
}

export function clearResolutions(db: Db, versionId: number, userId: number): void {
  db.prepare('DELETE FROM edit_resolutions WHERE version_id = ? AND user_id = ?').run(versionId, userId);
}

// Inside the save's transaction: a new table holding the newest version's rows with the
// person's edits carried onto it, and what changed from the newest version. Refused while a
// conflict has no choice.
export function mergeOntoLatest(
  db: Db,
  view: VersionView,
  latestVersionId: number,
): { table: string; rowCount: number; changes: ChangeSummary } {
  const latestTable = versionRowsTable(latestVersionId);
  const conflicts = conflictsOf(db, view, latestTable);
  const choices = choicesFor(db, view, latestVersionId);
  const undecided = conflicts.filter((c) => !choices.has(cellKey(c.rowId, c.column)));
  if (undecided.length > 0) {
    const byName = new Map(view.columns.map((c) => [c.name, c.label || c.name]));
    const cells = undecided
      .slice(0, 10)
      .map((c) => (c.column === null ? `${c.rowId}` : `${c.rowId} (${byName.get(c.column) ?? c.column})`))
      .join(', ');
    throw new AppError('edits.conflict', { count: undecided.length, cells: undecided.length > 10 ? `${cells}…` : cells });
  }
  const choice = (rowId: number, column: string | null) => choices.get(cellKey(rowId, column));
  const table = `${versionRowsTable(view.versionId)}_merge_u${view.userId}`;
  const latestColumns = getVersion(db, latestVersionId).columns;
  createRowsTable(db, table, latestColumns);
  db.exec(`INSERT INTO "${table}" SELECT * FROM "${latestTable}"`);
  const copyMine = db.prepare(`INSERT INTO "${table}" SELECT * FROM "${view.table}" WHERE "_row" = ?`);
  const deleteRow = db.prepare(`DELETE FROM "${table}" WHERE "_row" = ?`);
  const rowsChanged = new Set<number>();
  const restored = new Set<number>();
  let rowsAdded = 0;
  let rowsRemoved = 0;

  for (const cell of changedCells(db, view, latestTable)) {
    if (cell.gone) {
      // Deleted in the newest version: back only if the person chose to keep their row.
      if (choice(cell.rowId, null) === 'mine' && !restored.has(cell.rowId)) {
        copyMine.run(cell.rowId);
        rowsAdded += 1;
        restored.add(cell.rowId);
      }
      continue;
    }
    if (cell.theirs === cell.mine || choice(cell.rowId, cell.column.name) === 'theirs') continue;
    db.prepare(`UPDATE "${table}" SET ${quoteColumn(latestColumns, cell.column.name)} = ? WHERE "_row" = ?`).run(cell.mine, cell.rowId);
    rowsChanged.add(cell.rowId);
  }
  for (const row of deletedRows(db, view, latestTable)) {
    if (row.changedByThem && choice(row.rowId, null) === 'theirs') continue;
    rowsRemoved += deleteRow.run(row.rowId).changes;
  }
  // Rows the person added: ids past every id the dataset's edits used (nextRowId).
  rowsAdded += db
    .prepare(
      `INSERT INTO "${table}" SELECT * FROM "${view.table}" p
       WHERE NOT EXISTS (SELECT 1 FROM "${versionRowsTable(view.versionId)}" b WHERE b."_row" = p."_row")`,
    )
    .run().changes;
  const rowsBefore = getVersion(db, latestVersionId).rowCount;
  const rowCount = rowsBefore + rowsAdded - rowsRemoved;
  return {
    table,
    rowCount,
    changes: {
      columnsAdded: [],
      columnsRemoved: [],
      rowsBefore,
      rowsAfter: rowCount,
      keyColumn: null,
      rowsAdded,
      rowsRemoved,
      rowsChanged: rowsChanged.size,
    },
  };
}
