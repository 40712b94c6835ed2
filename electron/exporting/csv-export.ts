import type { ColumnInfo } from '../../shared/contract';
import { neutraliseFormula } from '../../shared/exporting/formula-injection';
import type { FileSink, StoredValue, VersionPages } from './version-pages';

// RFC 4180 as portals read it: UTF-8 without BOM, comma, CRLF after every record (the RFC's
// line break), fields quoted only when they hold a comma, a quote or a line break. Header:
// the column labels as they were in the source file (the SCDL's "nomAttribuant", not the
// SQL name), the name when the label was blank. Values: numbers with a decimal point, dates
// and datetimes in ISO 8601 as stored, booleans true/false, empty for NULL; a value flagged as
// not fitting its type is written as it was read. A cell that a spreadsheet would run as a
// formula is neutralised unless the caller asked for the raw values.
function field(value: StoredValue, type: ColumnInfo['type'], raw: boolean): string {
  if (value === null) return '';
  if (type === 'boolean' && (value === 0 || value === 1)) return value === 1 ? 'true' : 'false';
  const plain = typeof value === 'number' ? numberText(value) : value;
  const text = raw ? plain : neutraliseFormula(plain, value, type);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Plain digits, never 1e+21: the portal's parser and the agent's spreadsheet both read them.
function numberText(value: number): string {
  const text = String(value);
  return /e/i.test(text) && Number.isFinite(value) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

export function columnHeading(column: ColumnInfo): string {
  return column.label.trim() === '' ? column.name : column.label;
}

export async function writeCsv(
  source: VersionPages,
  sink: FileSink,
  options: { raw: boolean; signal: AbortSignal; progress: (rows: number) => void },
): Promise<number> {
  const { columns } = source;
  await sink.write(columns.map((c) => field(columnHeading(c), 'text', options.raw)).join(',') + '\r\n');
  let rows = 0;
  for await (const batch of source.pages(options.signal)) {
    let chunk = '';
    for (const row of batch) {
      let line = '';
      for (let c = 0; c < columns.length; c++) line += (c === 0 ? '' : ',') + field(row[c]!, columns[c]!.type, options.raw);
      chunk += line + '\r\n';
    }
    await sink.write(chunk);
    rows += batch.length;
    options.progress(rows);
  }
  return rows;
}
