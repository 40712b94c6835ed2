import type { CellValue, ImportPreview, ImportSettings } from '../../shared/contract';
import { newScan } from '../../shared/french-values';
import { observeCell, storeCell } from './cell-values';
import { scanTable, type ScanOptions } from './scan-table';
import { ColumnStats } from './type-inference';

export const previewRowCount = 200;

// What the agent confirms before importing: the first rows as they will be stored, each
// column's type and why, and the settings to change if the guess is wrong.
export async function buildPreview(
  path: string,
  file: { fileName: string; size: number },
  settings: ImportSettings,
  options: Pick<ScanOptions, 'signal' | 'onProgress'> = {},
): Promise<ImportPreview> {
  const scanned = await scanTable(path, settings, { ...options, previewRows: previewRowCount });
  const scan = newScan();
  const scratch = new ColumnStats();
  const rows = scanned.preview.map((row) =>
    scanned.columns.map((column, c): CellValue => {
      const cell = row[c] ?? null;
      const stored = storeCell(column.type, cell, observeCell(scratch, cell, scan, 0), scan, scanned.date1904);
      return scan.fits && column.type === 'boolean' && stored !== null ? stored === 1 : stored;
    }),
  );
  return {
    format: scanned.format,
    fileName: file.fileName,
    size: file.size,
    sheets: scanned.sheets,
    settings: scanned.settings,
    columns: scanned.columns.map((c) => ({
      name: c.name,
      label: c.label,
      type: c.type,
      reason: c.inferred.reason,
      errorCount: c.errorCount,
    })),
    rows,
    rowCount: scanned.rowCount,
    warnings: scanned.warnings,
  };
}
