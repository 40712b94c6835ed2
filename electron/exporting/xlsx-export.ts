import { strToU8, Zip, ZipDeflate, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import type { ColumnInfo, ColumnType } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { neutraliseFormula } from '../../shared/exporting/formula-injection';
import { columnHeading } from './csv-export';
import type { FileSink, StoredValue, VersionPages } from './version-pages';

// An .xlsx with the real column types: numbers as numbers, dates and datetimes as Excel
// dates (a serial number with a date format), booleans as booleans, text as text.
//
// SheetJS builds a workbook in memory (a million rows of twelve columns would not fit, and
// its sheet XML would pass V8's longest string), so it writes the package: content types,
// workbook, styles with the date formats, properties. The rows are streamed into the one
// sheet part, page by page, deflated through fflate's streaming zip, in the cell forms
// SheetJS reads back (inline strings, `t="b"` booleans, styled serials).
export const xlsxMaxRows = 1_048_576 - 1;
export const xlsxMaxColumns = 16_384;
const sheetPath = 'xl/worksheets/sheet1.xml';
const formats: Partial<Record<ColumnType, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };
const msPerDay = 86_400_000;
// Excel's day 0 in the 1900 date system, as Excel counts after its phantom 29 February 1900.
const excelEpoch = Date.UTC(1899, 11, 30);

export async function writeXlsx(
  source: VersionPages,
  sink: FileSink,
  options: { raw: boolean; signal: AbortSignal; progress: (rows: number) => void },
): Promise<number> {
  const { columns } = source;
  if (source.rowCount > xlsxMaxRows || columns.length > xlsxMaxColumns)
    throw new AppError('export.too_large_for_xlsx', { rows: source.rowCount, maxRows: xlsxMaxRows });
  const { parts, styles } = packageBySheetJs(columns);
  let failure: Error | null = null;
  const pending: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    for (const chunk of pending.splice(0)) await sink.write(chunk);
  };
  for (const [path, bytes] of Object.entries(parts)) {
    if (path === sheetPath) continue;
    const part = new ZipDeflate(path, { level: 6 });
    zip.add(part);
    part.push(bytes, true);
  }
  const sheet = new ZipDeflate(sheetPath, { level: 6 });
  zip.add(sheet);
  const refs = columns.map((_, i) => columnLetters(i));
  const last = `${refs[refs.length - 1]}${source.rowCount + 1}`;
  sheet.push(
    strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<dimension ref="A1:${last}"/>` +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
        '<sheetData>' +
        `<row r="1">${columns.map((c, i) => textCell(`${refs[i]}1`, heading(c, options.raw))).join('')}</row>`,
    ),
  );
  await flush();
  let rows = 0;
  for await (const batch of source.pages(options.signal)) {
    let xml = '';
    for (const row of batch) {
      const r = rows + 2;
      xml += `<row r="${r}">`;
      for (let c = 0; c < columns.length; c++) xml += cell(`${refs[c]}${r}`, row[c]!, columns[c]!.type, styles[c]!, options.raw);
      xml += '</row>';
      rows += 1;
    }
    sheet.push(strToU8(xml));
    await flush();
    options.progress(rows);
  }
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  await flush();
  return rows;
}

// SheetJS writes a two-row workbook (headings, then one sample of each column's type) whose
// parts are kept as they are; the sample row tells which style index holds each date format.
function packageBySheetJs(columns: ColumnInfo[]): { parts: Record<string, Uint8Array>; styles: string[] } {
  const sample = columns.map((c): XLSX.CellObject => {
    const z = formats[c.type];
    if (z) return { t: 'n', v: 45_000.5, z };
    if (c.type === 'boolean') return { t: 'b', v: true };
    return c.type === 'text' ? { t: 's', v: 'x' } : { t: 'n', v: 1 };
  });
  const sheet = XLSX.utils.aoa_to_sheet([columns.map(columnHeading), sample]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Données');
  const parts = unzipSync(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: false }));
  const sheetXml = new TextDecoder().decode(parts[sheetPath]);
  const styles = columns.map((_, i) => new RegExp(`<c r="${columnLetters(i)}2"(?: [^>]*?)? s="(\\d+)"`).exec(sheetXml)?.[1] ?? '');
  return { parts, styles };
}

function heading(column: ColumnInfo, raw: boolean): string {
  const text = columnHeading(column);
  return raw ? text : neutraliseFormula(text, text, 'text');
}

function cell(ref: string, value: StoredValue, type: ColumnType, style: string, raw: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (type === 'boolean' && (value === 0 || value === 1)) return `<c r="${ref}" t="b"><v>${value}</v></c>`;
    if (Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  }
  const text = String(value);
  if (style !== '') {
    const serial = excelSerial(text);
    if (serial !== null) return `<c r="${ref}" s="${style}"><v>${serial}</v></c>`;
  }
  // A value kept as text because it did not fit its type stays text, as in the grid.
  return textCell(ref, raw ? text : neutraliseFormula(text, value, type));
}

// YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS as stored; null for what Excel cannot show as a date
// (before 1 March 1900, where its 1900 leap-year bug shifts the count).
function excelSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  if (!Number.isFinite(ms) || ms < Date.UTC(1900, 2, 1)) return null;
  return (ms - excelEpoch) / msPerDay;
}

function textCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

// XML 1.0 cannot carry most control characters: OOXML writes them as _xHHHH_, and a literal
// "_xHHHH_" in the text has its underscore escaped the same way so it reads back unchanged.
function xmlText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
