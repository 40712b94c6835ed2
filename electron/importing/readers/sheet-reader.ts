import { stat } from 'node:fs/promises';
import type { SpreadsheetFormat } from '../detect-format';
import type { SheetSource } from './sheet-source';
import { openWithSheetJs } from './sheetjs-reader';
import { openXlsxStream } from './xlsx-stream-reader';

export type { ReadOptions, SheetSource } from './sheet-source';

// SheetJS loads a whole workbook in memory (700 MB for a 38 MB .xlsx): past this size the
// streaming reader takes over. Both give the same rows (test/unit/importing/sheet-readers.test.ts).
const streamingXlsxFromBytes = 5 * 1024 * 1024;

export async function openSpreadsheet(path: string, format: Exclude<SpreadsheetFormat, 'csv'>): Promise<SheetSource> {
  if (format === 'xlsx' && (await stat(path)).size >= streamingXlsxFromBytes) return openXlsxStream(path);
  return openWithSheetJs(path);
}
