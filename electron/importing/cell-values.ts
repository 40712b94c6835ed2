import type { ColumnType } from '../../shared/contract';
import { coerceValue, scanValue, storeScanned, type Scan, type ValueKind } from '../../shared/french-values';
import type { RawCell } from './raw-table';
import { serialToDateCell } from './readers/excel-dates';
import type { ColumnStats } from './type-inference';

// Every cell is scanned once: the kind feeds the column's statistics, then the same scan
// gives the stored value.
export function observeCell(stats: ColumnStats, cell: RawCell, scan: Scan, line: number): ValueKind {
  if (typeof cell === 'string') {
    const kind = scanValue(cell, scan);
    if (stats.count(kind, scan)) stats.setExample(kind, cell, line);
    return kind;
  }
  if (cell === null) {
    stats.counts.empty++;
    return 'empty';
  }
  stats.addCell(typeof cell === 'number' ? asDisplayed(cell) : cell, line);
  return 'text';
}

// A spreadsheet stores 274.66 as the double 274.65999999999997 and shows 15 significant
// digits: the value the agent saw is the one imported (and later published), never the noise.
export function asDisplayed(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

// The value as stored for a column of `type`; `scan.fits` tells whether it fitted.
export function storeCell(type: ColumnType, cell: RawCell, kind: ValueKind, scan: Scan, date1904: boolean): string | number | null {
  if (typeof cell === 'string') return storeScanned(type, cell, kind, scan);
  scan.fits = true;
  if (cell === null) return null;
  if (typeof cell === 'object') return storeDate(type, cell.date, scan);
  // A plain number in a date column is an Excel serial, read in the workbook's own date
  // system (the readers already turn date-formatted cells into dates).
  if ((type === 'date' || type === 'datetime') && typeof cell === 'number') {
    const converted = serialToDateCell(cell, date1904);
    if (converted !== null && typeof converted === 'object') return storeDate(type, converted.date, scan);
  }
  const coerced = coerceValue(type, typeof cell === 'number' ? asDisplayed(cell) : cell);
  scan.fits = coerced.ok;
  return coerced.value;
}

function storeDate(type: ColumnType, iso: string, scan: Scan): string {
  if (type === 'datetime') return iso.length === 10 ? `${iso}T00:00:00` : iso;
  if (type === 'date' && (iso.length === 10 || iso.endsWith('T00:00:00'))) return iso.slice(0, 10);
  scan.fits = type === 'text';
  return iso;
}
