import type { Db } from '../workspace/open-workspace';
import { parseCellInput } from './cell-input';
import { nextRowId, readRowValues, recordEdit, rowValue, workingCopy, type Change } from './edit-log';
import { versionColumn, versionView } from './view-table';

// Edits as the grid asks for them; each one is a single undoable group of the edit log.

export function setCell(db: Db, versionId: number, userId: number, rowId: number, columnName: string, raw: string | null): void {
  const view = versionView(db, versionId, userId);
  const target = versionColumn(view.columns, columnName);
  const value = parseCellInput(target, raw);
  const old = rowValue(readRowValues(db, view, [rowId])[0]!, target.name);
  if (old === value) return;
  recordEdit(db, versionId, userId, 'cell', [{ rowId, column: target.name, old, new: value }]);
}

export function addRow(db: Db, versionId: number, userId: number): number {
  const view = workingCopy(db, versionId, userId);
  const rowId = nextRowId(db, view);
  const empty = Object.fromEntries(view.columns.map((c) => [c.name, null]));
  recordEdit(db, versionId, userId, 'add_row', [{ rowId, column: null, old: null, new: empty }]);
  return rowId;
}

export function deleteRows(db: Db, versionId: number, userId: number, rowIds: readonly number[]): void {
  const view = versionView(db, versionId, userId);
  const ids = [...new Set(rowIds)];
  const changes: Change[] = readRowValues(db, view, ids).map((old, i) => ({ rowId: ids[i]!, column: null, old, new: null }));
  recordEdit(db, versionId, userId, 'delete_rows', changes);
}

// The first row's cells go down to the other rows, in the order the grid shows them.
export function fillDown(db: Db, versionId: number, userId: number, columnNames: readonly string[], rowIds: readonly number[]): void {
  const view = versionView(db, versionId, userId);
  const targets = columnNames.map((name) => versionColumn(view.columns, name));
  const [source, ...rest] = readRowValues(db, view, rowIds);
  const changes: Change[] = [];
  for (const [i, row] of rest.entries()) {
    const rowId = rowIds[i + 1]!;
    for (const c of targets) {
      const value = rowValue(source!, c.name);
      const old = rowValue(row, c.name);
      if (old !== value) changes.push({ rowId, column: c.name, old, new: value });
    }
  }
  recordEdit(db, versionId, userId, 'fill_down', changes);
}
