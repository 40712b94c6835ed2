import type { ColumnInfo } from '../../shared/contract';
import { quoteColumn } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { stillHolds, valueCheckedCodes } from './value-checks';

export interface CarryOver {
  // Findings of the old version that the edits settled (a type error corrected…).
  settled: number[];
  // Type errors that remain, by column (the new version's error counts).
  typeErrors: Map<string, number>;
}

// Before a working copy becomes a version: which value-checked findings of `fromVersionId`
// its cells still deserve. `rowsTable` holds the rows the new version will have.
export function planCarryOver(db: Db, fromVersionId: number, rowsTable: string, columns: readonly ColumnInfo[]): CarryOver {
  const settled: number[] = [];
  const typeErrors = new Map<string, number>();
  const codes = JSON.stringify(valueCheckedCodes);
  for (const column of columns) {
    const cells = db
      .prepare(
        `SELECT f.id, f.code, r.${quoteColumn(columns, column.name)} AS value FROM findings f JOIN "${rowsTable}" r ON r."_row" = f.row_id
         WHERE f.version_id = ? AND f.column_name = ? AND f.code IN (SELECT value FROM json_each(?))`,
      )
      .all(fromVersionId, column.name, codes) as { id: number; code: string; value: unknown }[];
    for (const cell of cells) {
      if (!stillHolds(cell.code, column, cell.value)) settled.push(cell.id);
      else if (cell.code === 'type.mismatch') typeErrors.set(column.name, (typeErrors.get(column.name) ?? 0) + 1);
    }
  }
  return { settled, typeErrors };
}

// Copies the findings of the rows the new version kept, and of its columns and the version
// as a whole, with their status and decisions, except those the plan found settled.
export function carryFindings(db: Db, plan: CarryOver, fromVersionId: number, toVersionId: number, rowsTable: string): void {
  db.prepare(
    `INSERT INTO findings (version_id, source, scope, row_id, column_name, severity, code, params, note, created_by, created_at,
                           status, decided_by, decided_at, justification)
     SELECT ?, source, scope, row_id, column_name, severity, code, params, note, created_by, created_at,
            status, decided_by, decided_at, justification
     FROM findings f WHERE f.version_id = ?
       AND (f.row_id IS NULL OR EXISTS (SELECT 1 FROM "${rowsTable}" r WHERE r."_row" = f.row_id))
       AND f.id NOT IN (SELECT value FROM json_each(?))
     ORDER BY f.id`,
  ).run(toVersionId, fromVersionId, JSON.stringify(plan.settled));
}
