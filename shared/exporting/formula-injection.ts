// Formula injection (CSV injection, OWASP): a spreadsheet that opens an exported or pasted
// cell beginning with one of these characters may run it as a formula (=HYPERLINK(…),
// =cmd|'…'!A1, DDE). Every output path (CSV and XLSX exports, the clipboard copy, published
// files) passes its cells through here, and the import flags such cells as findings, so the
// rule lives once.
import type { CellValue, ColumnType } from '../api/common';

const triggers: ReadonlySet<number> = new Set(['=', '+', '-', '@', '\t', '\r'].map((c) => c.charCodeAt(0)));

// For a reader that holds cells as offsets into a larger text (the import): the first
// character's code, without cutting the cell out.
export function isFormulaTrigger(charCode: number): boolean {
  return triggers.has(charCode);
}

export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && triggers.has(text.charCodeAt(0));
}

// `text` is the cell as the output writes it (`value` rendered for CSV, the locale's text for
// the clipboard). A number in a numeric column stays as it is (-5 in a decimal column is
// minus five, not a formula); anything else that starts like a formula is prefixed with a
// quote, which spreadsheets show as text and do not evaluate.
export function neutraliseFormula(text: string, value: CellValue, type: ColumnType): string {
  if (typeof value === 'number' && (type === 'integer' || type === 'decimal')) return text;
  return startsLikeFormula(text) ? `'${text}` : text;
}
