import type { ColumnInfo } from '../../shared/contract';
import { startsLikeFormula } from '../../shared/exporting/formula-injection';
import { fitsType } from '../datasets/version-store';

// Findings about a cell's value that the value alone settles: while edits are pending the
// grid stops showing them once the cell was corrected, and a saved version leaves them behind.
const checks = new Map<string, (column: ColumnInfo, stored: unknown) => boolean>([
  ['type.mismatch', (column, stored) => !fitsType(column, stored)],
  ['cell.formula_like', (_column, stored) => typeof stored === 'string' && startsLikeFormula(stored)],
]);

export const valueCheckedCodes: readonly string[] = [...checks.keys()];

// Whether a finding with this code still holds for the cell's stored value (always, for a
// code that no value settles).
export function stillHolds(code: string, column: ColumnInfo, stored: unknown): boolean {
  const check = checks.get(code);
  return check === undefined || check(column, stored);
}
