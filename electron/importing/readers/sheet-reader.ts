import { stat } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { MergedRange, RawRow, SheetInfo } from '../raw-table';
import type { SpreadsheetFormat } from '../detect-format';
import { openWithSheetJs } from './sheetjs-reader';
import { openXlsxStream } from './xlsx-stream-reader';

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?(rows: number): void;
}

// One workbook, opened: its sheets, and for each a stream of raw rows in batches. Row i of
// the stream is row i+1 of the sheet (empty rows come as []), so merged ranges line up.
export interface SheetSource {
  readonly sheets: SheetInfo[];
  read(sheet: number, options?: ReadOptions): AsyncIterable<RawRow[]>;
  // Merged ranges sit after the cells in .xlsx: known once read() has gone through the sheet,
  // else found by a quick pass over the sheet's end.
  merges(sheet: number): Promise<MergedRange[]>;
  // For a progress bar: the last row the file declares (may be absent or overstated).
  rowCountHint(sheet: number): number | undefined;
}

// SheetJS loads a whole workbook in memory (700 MB for a 38 MB .xlsx): past this size the
// streaming reader takes over. Both give the same rows (test/unit/importing/sheet-readers.test.ts).
export const streamingXlsxFromBytes = 5 * 1024 * 1024;

export async function openSpreadsheet(path: string, format: Exclude<SpreadsheetFormat, 'csv'>): Promise<SheetSource> {
  if (format === 'xlsx' && (await stat(path)).size >= streamingXlsxFromBytes) return openXlsxStream(path);
  return openWithSheetJs(path);
}

export function sheetAt<T extends SheetInfo>(sheets: readonly T[], index: number): T {
  const sheet = sheets[index];
  if (!sheet) throw new AppError('import.sheet_not_found', { sheet: index });
  return sheet;
}
