import type { ColumnType, Message } from '../../shared/contract';
import type { Scan, ValueKind } from '../../shared/french-values';
import type { RawCell } from './raw-table';

// Counts over every value of a column (the whole file, never a sample), from which its type
// and the reason shown to the agent are decided.
export class ColumnStats {
  readonly counts: Record<ValueKind, number> = {
    empty: 0, integer: 0, decimal: 0, binary: 0, boolean: 0, date: 0, datetime: 0, code: 0, text: 0,
  };
  sheetNumbers = 0;
  registryShaped = 0;
  decimalComma = 0;
  percent = 0;
  // The first value that is text (or a code), to show in reasons and warnings.
  example: { value: string; line: number } | null = null;
  numberExample: { value: string; line: number } | null = null;

  // Counts one scanned value; true when the caller should hand it over as an example (the
  // column's first text, first number): examples cost a string, counting does not.
  count(kind: ValueKind, scan: Scan): boolean {
    const counts = this.counts;
    // A switch on the kind is several times faster than counts[kind]++ over millions of cells.
    switch (kind) {
      case 'text':
        counts.text++;
        return this.example === null;
      case 'empty':
        counts.empty++;
        return false;
      case 'date':
        counts.date++;
        return false;
      case 'code':
        counts.code++;
        return this.example === null;
      case 'integer':
        counts.integer++;
        break;
      case 'decimal':
        counts.decimal++;
        break;
      case 'binary':
        counts.binary++;
        break;
      default:
        counts[kind]++;
        return false;
    }
    if (scan.registryShaped) this.registryShaped++;
    if (scan.decimalComma) this.decimalComma++;
    if (scan.percent) this.percent++;
    return this.numberExample === null;
  }

  setExample(kind: ValueKind, raw: string, line: number): void {
    if (kind === 'text' || kind === 'code') this.example = { value: raw.trim(), line };
    else this.numberExample = { value: raw, line };
  }

  get filled(): number {
    const c = this.counts;
    return c.integer + c.decimal + c.binary + c.boolean + c.date + c.datetime + c.code + c.text;
  }

  // Spreadsheet cells that carry their own type.
  addCell(cell: Exclude<RawCell, string | null>, line: number): void {
    if (typeof cell === 'number') {
      this.sheetNumbers++;
      this.counts[Number.isSafeInteger(cell) ? (cell === 0 || cell === 1 ? 'binary' : 'integer') : 'decimal']++;
      // SIRET typed as a number in a spreadsheet is still an identifier.
      const digits = cell > 0 && Number.isSafeInteger(cell) ? String(cell).length : 0;
      if (digits === 9 || digits === 14) this.registryShaped++;
      if (!this.numberExample) this.numberExample = { value: String(cell), line };
    } else if (typeof cell === 'boolean') this.counts.boolean++;
    else this.counts[cell.date.length > 10 ? 'datetime' : 'date']++;
  }
}

export interface InferredType {
  type: ColumnType;
  reason: Message;
  warning: Message | null;
}

// Share of a column that must fit a type for the agent to be told "almost all numbers".
const mostlyShare = 0.95;
// Labels of identifier columns whose digits are codes, not quantities (code postal, INSEE…).
const codeLabel = /\b(codes?|cp|insee|sirens?|sirets?|nic|tel|telephones?|fax|portables?|mobiles?|nir|rna|uai|rne|cedex|finess)\b/;

function foldLabel(label: string): string {
  return label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ');
}

export function inferType(stats: ColumnStats, label: string, column: string): InferredType {
  const c = stats.counts;
  const filled = stats.filled;
  const message = (code: string, params: Message['params'] = {}): Message => ({ code: `importing.reasons.${code}`, params });
  const result = (type: ColumnType, reason: Message, warning: Message | null = null): InferredType => ({ type, reason, warning });
  if (filled === 0) return result('text', message('empty'));
  const numbers = c.integer + c.binary + c.decimal;
  const example = stats.example?.value ?? '';
  if (c.code > 0 && c.code + numbers === filled) return result('text', message('leading_zeros', { example }));
  if (c.text === 0 && c.code === 0) {
    if (c.boolean > 0 && c.boolean + c.binary === filled) return result('boolean', message('boolean', { count: filled }));
    if (c.date > 0 && c.datetime === 0 && c.date + stats.sheetNumbers === filled) {
      return result('date', message(stats.sheetNumbers > 0 ? 'date_serial' : 'date', { count: filled }));
    }
    if (c.datetime > 0 && c.date + c.datetime === filled) return result('datetime', message('datetime', { count: filled }));
    if (numbers === filled) {
      const integers = c.integer + c.binary;
      if (integers === filled) {
        if (stats.registryShaped === filled) return result('text', message('registry', { example: stats.numberExample?.value ?? '' }));
        if (codeLabel.test(foldLabel(label))) return result('text', message('code_label', { label }));
        return result('integer', message('integer', { count: filled }));
      }
      if (stats.percent > 0) return result('decimal', message('percent', { count: stats.percent }));
      return result('decimal', message(stats.decimalComma > 0 ? 'decimal_comma' : 'decimal', { count: filled }));
    }
    return result('text', message('mixed'));
  }
  // Text it is; but if nearly every value fits a type, say so instead of converting silently.
  const others = c.text + c.code;
  const candidates: [ColumnType, number][] = [
    ['decimal', numbers],
    ['date', c.date],
    ['boolean', c.boolean + c.binary],
  ];
  for (const [type, fitting] of candidates) {
    if (fitting >= filled * mostlyShare && others > 0) {
      const params = {
        column,
        type,
        percent: Math.floor((fitting / filled) * 1000) / 10,
        count: others,
        example,
        line: stats.example?.line ?? 0,
      };
      return result('text', message('mostly', params), { code: 'importing.warnings.mostly_typed', params });
    }
  }
  return result('text', message('text', { example }));
}

// Values that fit each type, from the column's counts: what an override would flag.
export function mismatchCount(stats: ColumnStats, type: ColumnType): number {
  const c = stats.counts;
  const filled = stats.filled;
  switch (type) {
    case 'integer':
      return filled - c.integer - c.binary;
    case 'decimal':
      return filled - c.integer - c.binary - c.decimal;
    case 'boolean':
      return filled - c.boolean - c.binary;
    case 'date':
      return filled - c.date - stats.sheetNumbers;
    case 'datetime':
      return filled - c.date - c.datetime - stats.sheetNumbers;
    case 'text':
      return 0;
  }
}
