import type { FindingEntry, Locale } from '../contract';
import { hasMessage, translate } from './catalog';

// Why a finding was raised, as a sentence: the same words in the findings panel and the CLI.
// A code this build does not know (written by a newer capability) still reads as something.
export function findingReason(locale: Locale, f: Pick<FindingEntry, 'code' | 'params' | 'createdBy'>): string {
  const key = `reviewing.findings.codes.${f.code}`;
  if (!hasMessage(key)) return translate(locale, 'reviewing.findings.other', { code: f.code });
  const typeKey = `reviewing.types.${f.params.type}`;
  const type = typeof f.params.type === 'string' && hasMessage(typeKey) ? translate(locale, typeKey) : '';
  return translate(locale, key, { ...f.params, type, by: f.createdBy ?? '' });
}

// Where it points: "Ligne 3, colonne « Nom »", "Ligne 3", "Colonne « Nom »", "Toute la version".
export function findingPlace(locale: Locale, f: Pick<FindingEntry, 'rowId' | 'column'>, label: (column: string) => string): string {
  const { rowId, column } = f;
  if (rowId === null) {
    return column === null ? translate(locale, 'reviewing.target.onVersion') : translate(locale, 'reviewing.target.onColumn', { column: label(column) });
  }
  return column === null
    ? translate(locale, 'reviewing.target.onRow', { row: rowId })
    : translate(locale, 'reviewing.target.onCell', { row: rowId, column: label(column) });
}
