import { AppError } from '../../shared/errors';
import type { ImportSettings } from '../../shared/contract';
import type { MergedRange, RawCell, RawRow } from './raw-table';

// Where the table sits in the first rows of a sheet or CSV file.
export interface TableLayout {
  headerRow: number; // 1-based, as the agent sees it in their spreadsheet
  headerRows: number;
  // Source column index of each kept column, and its label as written (multi-row headers
  // joined with " ").
  sourceColumns: number[];
  labels: string[];
}

// Rows read to find the header; the data itself is streamed afterwards.
export const layoutSampleRows = 1000;
const headerSearchRows = 50;

export function isEmptyCell(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  // Most cells start with a visible character: no need to trim them.
  const first = cell.charCodeAt(0);
  return cell === '' || ((first === 32 || first === 9 || first === 0xa0) && cell.trim() === '');
}

function filledCount(row: RawRow): number {
  let n = 0;
  for (const cell of row) if (!isEmptyCell(cell)) n++;
  return n;
}

function cellLabel(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.date;
  return String(cell).replace(/\s+/g, ' ').trim();
}

// Merged cells hold their value in the top-left cell only. In the header rows a merged label
// spans the columns below it; in the data, a block merged down several rows (a category)
// belongs to each of its cells. A data value merged across one row only is not copied
// sideways: PDF conversions spread one name over five columns that way.
export function fillMerges(rows: RawRow[], firstRow: number, merges: readonly MergedRange[], dataFrom: number): void {
  for (const m of merges) {
    const top = rows[m.s.r - firstRow];
    if (!top) continue;
    const value = top[m.s.c] ?? null;
    if (value === null) continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      const row = rows[r - firstRow];
      if (!row) continue;
      const lastColumn = r < dataFrom || m.e.r > m.s.r ? m.e.c : m.s.c;
      for (let c = m.s.c; c <= lastColumn; c++) if (isEmptyCell(row[c])) row[c] = value;
    }
  }
}

function isTextual(cell: RawCell | undefined): boolean {
  return typeof cell === 'string' && cell.trim() !== '' && !/^[\d\s.,:/%€+-]+$/.test(cell.trim());
}

// One text alone on its row, or merged across the table: a title, not a header.
function isTitle(row: RawRow): boolean {
  const values = new Set(row.filter((cell) => !isEmptyCell(cell)).map(cellLabel));
  return values.size === 1 && row.filter((cell) => !isEmptyCell(cell)).length > 1;
}

// The header is the first row, below any title lines, that fills at least half the table's
// width with mostly text; a horizontal merge in it announces a second header row below.
export function findLayout(sample: RawRow[], merges: readonly MergedRange[], settings: ImportSettings): TableLayout {
  const width = Math.max(0, ...sample.map(filledCount));
  if (width === 0) throw new AppError('import.empty', {});
  let headerIndex: number;
  if (settings.headerRow !== undefined) {
    headerIndex = settings.headerRow - 1;
    if (headerIndex >= sample.length) {
      throw new AppError('import.header_row_out_of_range', { row: settings.headerRow, rows: sample.length });
    }
  } else {
    const needed = width === 1 ? 1 : Math.max(2, Math.ceil(width / 2));
    headerIndex = sample.findIndex((row, i) => {
      if (i >= headerSearchRows) return false;
      const filled = filledCount(row);
      return filled >= needed && row.filter(isTextual).length * 2 >= filled && !isTitle(row);
    });
    if (headerIndex < 0) headerIndex = sample.findIndex((row) => filledCount(row) > 0);
  }
  const headerRows =
    settings.headerRows ??
    (merges.some((m) => m.s.r === headerIndex && m.e.c > m.s.c && m.e.r === headerIndex) && filledCount(sample[headerIndex + 1] ?? []) > 0
      ? 2
      : 1);
  const header = sample.slice(headerIndex, headerIndex + headerRows);
  const data = sample.slice(headerIndex + headerRows);
  const columns = Math.max(0, ...header.map((row) => row.length), ...data.map((row) => row.length));
  const labels: string[] = [];
  const sourceColumns: number[] = [];
  // In the upper rows of a multi-row header, a blank above a label continues the group on its
  // left ("Montant" over 2019 and 2020): what a merged cell becomes once saved as CSV.
  const groups = header.slice(0, -1).map(() => '');
  for (let c = 0; c < columns; c++) {
    const parts: string[] = [];
    header.forEach((row, h) => {
      let label = cellLabel(row[c]);
      if (h < groups.length) {
        if (label) groups[h] = label;
        else if (cellLabel(header[h + 1]![c]) !== '') label = groups[h]!;
      }
      if (label && parts[parts.length - 1] !== label) parts.push(label);
    });
    const label = parts.join(' ');
    // A column with neither a label nor a value in the sample is dropped: Excel ranges
    // formatted wider than the table.
    if (label === '' && data.every((row) => isEmptyCell(row[c]))) continue;
    labels.push(label);
    sourceColumns.push(c);
  }
  if (sourceColumns.length === 0) throw new AppError('import.no_table', {});
  return { headerRow: headerIndex + 1, headerRows, sourceColumns, labels };
}
