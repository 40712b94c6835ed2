import type { ColumnInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { coerceValue } from '../../shared/french-values';

// What a typed cell becomes in storage, by the import's own rule (coerceValue), or a refusal:
// an edit never stores a value that does not fit its column.
export function parseCellInput(column: ColumnInfo, raw: string | null): string | number | null {
  const coerced = coerceValue(column.type, raw === null || raw.trim() === '' ? null : raw);
  if (!coerced.ok) throw new AppError('edits.bad_value', { value: raw ?? '', column: column.label || column.name, type: column.type });
  return coerced.value;
}
