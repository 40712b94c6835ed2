import type { EditState } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { createRowsTable, quoteColumn, versionRowsTable } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';
import { bumpGeneration, pendingTable, versionView, type VersionView } from './view-table';

export type EditKind = 'cell' | 'add_row' | 'delete_rows' | 'replace' | 'fill_down';
export type Stored = string | number | null;
export type RowValues = Record<string, Stored>;

// Edit transactions begin IMMEDIATE: the grid worker may be building an index, and SQLite
// fails a transaction that read first and then writes at once, where one that takes the
// write lock first waits for it (busy_timeout).

// One change of an edit group. A cell change names its column; a row change (column null)
// carries the whole row on each side, null where the row does not exist.
export type Change =
  | { rowId: number; column: string; old: Stored; new: Stored }
  | { rowId: number; column: null; old: RowValues | null; new: RowValues | null };

// A value of a row read back from the log: only the row's own keys (column names come from
// the data; `constructor` is a column like any other).
export function rowValue(row: RowValues, column: string): Stored {
  return Object.hasOwn(row, column) ? (row[column] ?? null) : null;
}

// The person's working copy of a version, made on their first edit (about 0.6 s for a million
// rows).
export function workingCopy(db: Db, versionId: number, userId: number): VersionView {
  const view = versionView(db, versionId, userId);
  if (view.pending) return view;
  const table = pendingTable(versionId, userId);
  db.transaction(() => {
    createRowsTable(db, table, view.columns);
    db.exec(`INSERT INTO "${table}" SELECT * FROM "${versionRowsTable(versionId)}"`);
  }).immediate();
  return versionView(db, versionId, userId);
}

export function editState(db: Db, versionId: number, userId: number): EditState {
  const view = versionView(db, versionId, userId);
  const counts = db
    .prepare(
      `SELECT SUM(state = 'done') AS done, SUM(state = 'undone') AS undone FROM edit_groups WHERE version_id = ? AND user_id = ?`,
    )
    .get(versionId, userId) as { done: number | null; undone: number | null };
  return { versionId, pending: counts.done ?? 0, canUndo: (counts.done ?? 0) > 0, canRedo: (counts.undone ?? 0) > 0, rowCount: view.rowCount };
}

// Records a group and applies it to the person's working copy in one transaction. A new edit
// clears their redo stack (its groups stay in the log as 'discarded').
export function recordEdit(db: Db, versionId: number, userId: number, kind: EditKind, changes: readonly Change[]): void {
  if (changes.length === 0) return;
  const view = workingCopy(db, versionId, userId);
  db.transaction(() => {
    db.prepare(`UPDATE edit_groups SET state = 'discarded' WHERE version_id = ? AND user_id = ? AND state = 'undone'`).run(versionId, userId);
    const groupId = Number(
      db
        .prepare(`INSERT INTO edit_groups (version_id, kind, user_id, at, state) VALUES (?, ?, ?, ?, 'done')`)
        .run(versionId, kind, userId, nowIso()).lastInsertRowid,
    );
    const insert = db.prepare(
      'INSERT INTO edit_changes (group_id, seq, row_id, column_name, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
    );
    changes.forEach((c, seq) => {
      insert.run(groupId, seq, c.rowId, c.column, JSON.stringify(c.old), JSON.stringify(c.new));
      apply(db, view, c, 'forward');
    });
  }).immediate();
  bumpGeneration(db, view.table);
}

// Undo takes back the person's newest done group, redo replays their oldest undone one.
const steps = {
  undo: { from: 'done', order: 'DESC', direction: 'backward', to: 'undone', empty: 'edits.nothing_to_undo' },
  redo: { from: 'undone', order: 'ASC', direction: 'forward', to: 'done', empty: 'edits.nothing_to_redo' },
} as const;

export function undoRedo(db: Db, versionId: number, userId: number, step: keyof typeof steps): void {
  const s = steps[step];
  const group = db
    .prepare(`SELECT id FROM edit_groups WHERE version_id = ? AND user_id = ? AND state = ? ORDER BY id ${s.order} LIMIT 1`)
    .get(versionId, userId, s.from) as { id: number } | undefined;
  if (!group) throw new AppError(s.empty);
  replay(db, workingCopy(db, versionId, userId), group.id, s.direction, s.to);
}

function replay(db: Db, view: VersionView, groupId: number, direction: 'forward' | 'backward', state: 'done' | 'undone'): void {
  db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT row_id, column_name, old_value, new_value FROM edit_changes WHERE group_id = ? ORDER BY seq ${direction === 'forward' ? 'ASC' : 'DESC'}`,
      )
      .all(groupId) as { row_id: number; column_name: string | null; old_value: string; new_value: string }[];
    for (const r of rows) {
      apply(db, view, { rowId: r.row_id, column: r.column_name, old: JSON.parse(r.old_value), new: JSON.parse(r.new_value) } as Change, direction);
    }
    db.prepare('UPDATE edit_groups SET state = ? WHERE id = ?').run(state, groupId);
  }).immediate();
  bumpGeneration(db, view.table);
}

function apply(db: Db, view: VersionView, change: Change, direction: 'forward' | 'backward'): void {
  const value = direction === 'forward' ? change.new : change.old;
  if (change.column !== null) {
    db.prepare(`UPDATE "${view.table}" SET ${quoteColumn(view.columns, change.column)} = ? WHERE "_row" = ?`).run(value, change.rowId);
    return;
  }
  const row = value as RowValues | null;
  if (row === null) {
    db.prepare(`DELETE FROM "${view.table}" WHERE "_row" = ?`).run(change.rowId);
    return;
  }
  const cols = view.columns.map((c) => quoteColumn(view.columns, c.name));
  db.prepare(`INSERT INTO "${view.table}" ("_row"${cols.map((c) => ', ' + c).join('')}) VALUES (?${cols.map(() => ', ?').join('')})`).run(
    change.rowId,
    ...view.columns.map((c) => rowValue(row, c.name)),
  );
}

// The stored values of these rows by column name, in the order asked; a missing row is refused.
export function readRowValues(db: Db, view: VersionView, rowIds: readonly number[]): RowValues[] {
  const rows = db
    .prepare(`SELECT * FROM "${view.table}" WHERE "_row" IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rowIds)) as Record<string, Stored>[];
  const byId = new Map(rows.map((r) => [r._row as number, r]));
  return rowIds.map((rowId) => {
    const row = byId.get(rowId);
    if (!row) throw new AppError('rows.not_found', { rowId });
    return Object.fromEntries(view.columns.map((c) => [c.name, rowValue(row, c.name)]));
  });
}

// Ids of added rows never reuse an id the version or its log has used (anyone's), so flags and
// comments of a deleted row never land on a new one, and two people never add the same id.
export function nextRowId(db: Db, view: VersionView): number {
  const { maxRow } = db.prepare(`SELECT MAX("_row") AS maxRow FROM "${versionRowsTable(view.versionId)}"`).get() as { maxRow: number | null };
  const { maxPending } = db.prepare(`SELECT MAX("_row") AS maxPending FROM "${view.table}"`).get() as { maxPending: number | null };
  // Over the whole dataset's log: edits carried onto a newer version keep their row ids.
  const { maxLogged } = db
    .prepare(
      `SELECT MAX(c.row_id) AS maxLogged FROM edit_changes c JOIN edit_groups g ON g.id = c.group_id
       WHERE g.version_id IN (SELECT id FROM versions WHERE dataset_id = (SELECT dataset_id FROM versions WHERE id = ?))`,
    )
    .get(view.versionId) as { maxLogged: number | null };
  return Math.max(maxRow ?? 0, maxPending ?? 0, maxLogged ?? 0) + 1;
}
