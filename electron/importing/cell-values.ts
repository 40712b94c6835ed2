import type { ColumnType } from '../../shared/contract';
import { coerceScanned, coerceValue, scanValue, type Coerced, type Scan, type ValueKind } from '../../shared/french-values';
import type { RawCell } from './raw-table';
import { serialToDateCell } from './readers/excel-dates';
import type { ColumnStats } from './type-inference';

// Every cell is scanned once: the kind feeds the column's statistics, then the same scan
// gives the stored value.
export function observeCell(stats: ColumnStats, cell: RawCell, scan: Scan, line: number): ValueKind {
  if (typeof cell === 'string') {
    const kind = scanValue(cell, scan);
    stats.add(kind, scan, cell, line);
    return kind;
  }
  if (cell === null) {
    stats.counts.empty++;
    return 'empty';
  }
  stats.addCell(cell, line);
  return 'text';
}

export function storeCell(type: ColumnType, cell: RawCell, kind: ValueKind, scan: Scan): Coerced {
  if (typeof cell === 'string') return coerceScanned(type, cell, kind, scan);
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'object') return storeDate(type, cell.date);
  // A plain number in a date column is an Excel serial. The readers already turn
  // date-formatted cells into dates with the workbook's own date system; a stray unformatted
  // serial is read in the 1900 system, Excel's default.
  if ((type === 'date' || type === 'datetime') && typeof cell === 'number') {
    const converted = serialToDateCell(cell, false);
    if (converted !== null && typeof converted === 'object') return storeDate(type, converted.date);
  }
  return coerceValue(type, cell);
}

function storeDate(type: ColumnType, iso: string): Coerced {
  if (type === 'datetime') return { ok: true, value: iso.length === 10 ? `${iso}T00:00:00` : iso };
  if (type === 'date') return iso.length === 10 || iso.endsWith('T00:00:00') ? { ok: true, value: iso.slice(0, 10) } : { ok: false, value: iso };
  return type === 'text' ? { ok: true, value: iso } : { ok: false, value: iso };
}
