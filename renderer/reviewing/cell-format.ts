import type { CellValue, ColumnType } from '../../shared/contract';
import { neutraliseFormula } from '../../shared/exporting/formula-injection';
import type { I18n } from '../i18n/i18n-context';

// A stored value as a French (or English) reader expects it. A value kept as text because
// it did not fit its type is shown exactly as it was in the file.
export function formatCell(type: ColumnType, value: CellValue | undefined, i18n: Pick<I18n, 't' | 'formatNumber' | 'locale'>): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return i18n.t(value ? 'reviewing.yes' : 'reviewing.no');
  // Integers are often years or identifiers (2014, 34172): no thousands grouping for them.
  if (typeof value === 'number') return type === 'decimal' ? i18n.formatNumber(value) : String(value);
  if (type === 'date' || type === 'datetime') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?$/.exec(value);
    if (m) {
      const day = i18n.locale === 'fr' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
      return m[4] ? `${day} ${m[4]}` : day;
    }
  }
  return value;
}

// What a copy (Ctrl+C) puts in a cell of the tab-separated text: numbers with the locale's
// decimal separator so that a spreadsheet reads them back as numbers, no grouping. The paste
// target is a spreadsheet: a cell that would run as a formula there is neutralised (before
// tabs and line breaks become spaces, so a leading tab still counts).
export function copyText(type: ColumnType, value: CellValue | undefined, i18n: Pick<I18n, 't' | 'locale'>): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number'
      ? i18n.locale === 'fr'
        ? String(value).replace('.', ',')
        : String(value)
      : formatCell(type, value, { ...i18n, formatNumber: String });
  return neutraliseFormula(text, value, type).replace(/[\t\r\n]+/g, ' ');
}
