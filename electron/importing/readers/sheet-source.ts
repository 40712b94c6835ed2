import { AppError } from '../../../shared/errors';
import type { MergedRange, RawRow, SheetInfo } from '../raw-table';

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?(rows: number): void;
}

// One workbook, opened: its sheets, and for each a stream of raw rows in batches. Row i of
// the stream is row i+1 of the sheet (empty rows come as []), so merged ranges line up.
export interface SheetSource {
  readonly sheets: SheetInfo[];
  // The workbook's date system: a plain number in a date column is a serial in this system.
  readonly date1904: boolean;
  read(sheet: number, options?: ReadOptions): AsyncIterable<RawRow[]>;
  // Merged ranges sit after the cells in .xlsx: known once read() has gone through the sheet,
  // else found by a quick pass over the sheet's end.
  merges(sheet: number): Promise<MergedRange[]>;
  // For a progress bar: the last row the file declares (may be absent or overstated).
  rowCountHint(sheet: number): number | undefined;
}

export function sheetAt<T extends SheetInfo>(sheets: readonly T[], index: number): T {
  const sheet = sheets[index];
  if (!sheet) throw new AppError('import.sheet_not_found', { sheet: index + 1, sheets: sheets.map((s) => s.name).join(', ') });
  return sheet;
}
