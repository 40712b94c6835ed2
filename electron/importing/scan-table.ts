import type { ColumnType, ImportSettings, Message, SourceFormat } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { newScan } from '../../shared/french-values';
import type { CellBatch } from './cell-batch';
import { safeColumnNames } from './column-names';
import { openTable } from './open-table';
import { RowPacker } from './packed-rows';
import type { RawRow, SheetInfo } from './raw-table';
import { ColumnStats, inferType, mismatchCount, type InferredType } from './type-inference';

export type StoredValue = string | number | null;

// SQLite refuses a table of more than 2,000 columns (SQLITE_MAX_COLUMN) and a version's table
// holds `_row` beside the file's columns. Checked before any row is read or written.
export const maxColumns = 1999;

// How the import receives rows: packed in the storage form of `types`, with the (row number,
// column index) pairs of values that did not fit.
export interface RowSink {
  start(columns: { names: string[]; labels: string[]; types: ColumnType[] }): Promise<void>;
  rows(batch: ReturnType<RowPacker['take']>): Promise<void>;
}

export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?(fraction: number, rows: number): void;
  previewRows?: number;
  sink?: RowSink;
}

export interface ScannedColumn {
  name: string;
  label: string;
  inferred: InferredType;
  type: ColumnType; // the override, else the inferred type
  errorCount: number; // values that do not fit `type`
}

export interface ScannedTable {
  format: SourceFormat;
  sheets: SheetInfo[];
  date1904: boolean;
  settings: ImportSettings; // as applied, columnTypes complete
  columns: ScannedColumn[];
  // The types the sink stored with (guessed from the first rows unless all were given); when
  // they differ from `columns[].type`, the stored rows must be written again.
  storedTypes: ColumnType[];
  rowCount: number;
  preview: RawRow[];
  warnings: Message[];
}

// One pass over the whole table: every value is scanned for the type inference and, when a
// sink is given, stored. Types for storage come from the agent's overrides and, for the other
// columns, from the first rows; the inference over all rows says afterwards whether that
// guess held (it nearly always does, and then one pass is all the import needs).
export async function scanTable(path: string, settings: ImportSettings, options: ScanOptions = {}): Promise<ScannedTable> {
  let rowsSoFar = 0;
  const table = await openTable(path, settings, {
    signal: options.signal,
    onProgress: (fraction) => options.onProgress?.(fraction, rowsSoFar),
  });
  const { layout } = table;
  const names = safeColumnNames(layout.labels);
  const width = names.length;
  if (width > maxColumns) throw new AppError('import.too_many_columns', { count: width, max: maxColumns });
  // Column names come from the file: a Map, so that `constructor` is a column like any other.
  const overrides = new Map(Object.entries(settings.columnTypes ?? {}));
  for (const name of overrides.keys()) {
    if (!names.includes(name)) throw new AppError('import.bad_type_override', { column: name });
  }
  const stats = names.map(() => new ColumnStats());
  const scan = newScan();
  const preview: RawRow[] = [];
  const previewRows = options.previewRows ?? 0;
  let storedTypes: ColumnType[] | null = null;
  for await (const batch of table.rows()) {
    if (options.signal?.aborted) throw new AppError('jobs.cancelled');
    const count = batch.count;
    if (options.sink && storedTypes === null) {
      storedTypes = guessTypes(batch, names, layout.labels, overrides);
      await options.sink.start({ names, labels: layout.labels, types: storedTypes });
    }
    for (let r = 0; preview.length < previewRows && r < count; r++) preview.push(batch.cells(r));
    const packer = storedTypes ? new RowPacker(width, count, batch.text) : null;
    for (let r = 0; r < count; r++) {
      for (let c = 0; c < width; c++) {
        const kind = batch.observe(r, c, stats[c]!, scan);
        if (packer) {
          batch.store(r, c, storedTypes![c]!, kind, scan, packer);
          if (!scan.fits) packer.mismatch(rowsSoFar + r + 1, c);
        }
      }
    }
    rowsSoFar += count;
    if (packer && count > 0) await options.sink!.rows(packer.take());
  }
  const decodingWarnings = table.finish();
  if (rowsSoFar === 0) throw new AppError('import.empty', {});
  const columns: ScannedColumn[] = names.map((name, c) => {
    const inferred = inferType(stats[c]!, layout.labels[c]!, name);
    const override = overrides.get(name);
    const type = override ?? inferred.type;
    return {
      name,
      label: layout.labels[c]!,
      inferred: override ? { ...inferred, reason: { code: 'importing.reasons.override', params: { type: override } }, warning: null } : inferred,
      type,
      errorCount: mismatchCount(stats[c]!, type),
    };
  });
  const warnings = [...table.warnings, ...decodingWarnings];
  if (layout.headerRow > 1) warnings.push({ code: 'importing.warnings.rows_above_header', params: { row: layout.headerRow } });
  const { ragged } = table;
  if (ragged.short + ragged.long > 0) {
    warnings.push({
      code: 'importing.warnings.ragged_rows',
      params: { short: ragged.short, long: ragged.long, lines: ragged.firstLines.join(', ') },
    });
  }
  if (ragged.leftOut > 0) {
    warnings.push({ code: 'importing.warnings.cells_left_out', params: { count: ragged.leftOut, lines: ragged.leftOutLines.join(', ') } });
  }
  for (const column of columns) if (column.inferred.warning) warnings.push(column.inferred.warning);
  return {
    format: table.format,
    sheets: table.sheets,
    date1904: table.date1904,
    settings: { ...table.settings, columnTypes: Object.fromEntries(columns.map((c) => [c.name, c.type])) },
    columns,
    storedTypes: storedTypes ?? columns.map((c) => c.type),
    rowCount: rowsSoFar,
    preview,
    warnings,
  };
}

function guessTypes(batch: CellBatch, names: string[], labels: string[], overrides: ReadonlyMap<string, ColumnType>): ColumnType[] {
  const scan = newScan();
  return names.map((name, c) => {
    const given = overrides.get(name);
    if (given) return given;
    const stats = new ColumnStats();
    for (let r = 0; r < batch.count; r++) batch.observe(r, c, stats, scan);
    return inferType(stats, labels[c]!, name).type;
  });
}
