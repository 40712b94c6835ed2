import type { ImportSettings, Message, SourceFormat } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { CsvBatch, RawRowBatch, type CellBatch } from './cell-batch';
import { rowFields, rowFieldsFrom, type ParsedRows } from './csv/csv-parser';
import { CsvSource } from './csv/csv-source';
import { encodingWarnings } from './csv/encoding-warnings';
import { detectFormat } from './detect-format';
import type { MergedRange, RawRow, SheetInfo } from './raw-table';
import type { SheetSource } from './readers/sheet-reader';
import { fillMerges, findLayout, isEmptyCell, layoutSampleRows, type TableLayout } from './table-finder';

// What a source hands over: spreadsheet rows as cells, CSV rows parsed in place. Lines are
// the CSV line or the sheet row of each row, 1-based.
type SourceBatch = { cells: RawRow[]; lines: number[] } | { parsed: ParsedRows };

export interface ReadProgress {
  signal?: AbortSignal | undefined;
  // Fraction of the source read so far, 0..1.
  onProgress?: ((fraction: number) => void) | undefined;
}

// Rows whose field count differs from the header's: reported, never shifted. Values in no
// column of the table (past its last column, under a column dropped as empty in the first
// rows) are counted and reported too.
export interface RaggedRows {
  short: number;
  long: number;
  firstLines: number[];
  leftOut: number;
  leftOutLines: number[];
}

export interface OpenedTable {
  format: SourceFormat;
  sheets: SheetInfo[];
  // The workbook's date system (false for CSV, where serials mean the 1900 system).
  date1904: boolean;
  // The settings as applied: what the agent chose, completed with what was detected.
  settings: ImportSettings;
  layout: TableLayout;
  warnings: Message[];
  ragged: RaggedRows;
  // The data rows, once: the stream that found the layout goes on from where it stopped.
  rows(): AsyncIterable<CellBatch>;
  // Once the rows are read: what the decoding noticed.
  finish(): Message[];
}

interface SourceBatches {
  batches: AsyncIterator<SourceBatch>;
  merges: MergedRange[];
}

const sheetSampleRows = 200;

export async function openTable(path: string, settings: ImportSettings, progress: ReadProgress = {}): Promise<OpenedTable> {
  const format = await detectFormat(path);
  const warnings: Message[] = [];
  let sheets: SheetInfo[] = [];
  let date1904 = false;
  let source: SourceBatches;
  let finish: OpenedTable['finish'];
  const applied: ImportSettings = { ...settings };
  if (format === 'csv') {
    const csv = await CsvSource.open(path, { encoding: settings.encoding, delimiter: settings.delimiter });
    applied.encoding = csv.dialect.encoding;
    applied.delimiter = csv.dialect.delimiter;
    const batches = csv.read({ signal: progress.signal, onProgress: (done, size) => progress.onProgress?.(done / size) });
    source = { batches: parsedBatches(batches), merges: [] };
    delete applied.sheet;
    finish = () => {
      const found: Message[] = [];
      if (csv.stats.nulBytes > 0) found.push({ code: 'importing.warnings.nul_bytes', params: { count: csv.stats.nulBytes } });
      if (csv.stats.replacementChars > 0) {
        found.push({ code: 'importing.warnings.undecodable', params: { count: csv.stats.replacementChars, encoding: csv.dialect.encoding } });
      }
      found.push(...encodingWarnings(csv));
      return found;
    };
  } else {
    // Loaded on demand: a CSV import starts sooner without the spreadsheet readers' code.
    const { openSpreadsheet } = await import('./readers/sheet-reader');
    const book = await openSpreadsheet(path, format);
    sheets = book.sheets;
    date1904 = book.date1904;
    const index = await chooseSheet(book, settings.sheet, warnings);
    applied.sheet = sheets[index]!.name;
    const hint = book.rowCountHint(index);
    const batches = book.read(index, {
      signal: progress.signal,
      onProgress: (rows) => progress.onProgress?.(hint ? Math.min(1, rows / hint) : 0),
    });
    source = { batches: numbered(batches), merges: await book.merges(index) };
    delete applied.encoding;
    delete applied.delimiter;
    finish = () => [];
  }
  // The first rows find the layout; they are then handed out again as data.
  const sample: RawRow[] = [];
  const sampleLines: number[] = [];
  let done = false;
  while (sample.length < layoutSampleRows) {
    const next = await source.batches.next();
    if (next.done) {
      done = true;
      break;
    }
    const batch = next.value;
    if ('cells' in batch) {
      sample.push(...batch.cells);
      sampleLines.push(...batch.lines);
    } else {
      for (let row = 0; row < batch.parsed.rows; row++) sample.push(rowFields(batch.parsed, row));
      sampleLines.push(...batch.parsed.lines);
    }
  }
  // A merge may reach below the last row the reader emitted (trailing rows left empty).
  const mergedTo = Math.max(0, ...source.merges.map((m) => m.e.r + 1));
  while (sample.length < mergedTo && done) {
    sample.push([]);
    sampleLines.push(sample.length);
  }
  // The header is looked for with every merge filled; then only the header rows keep their
  // labels copied across, data rows get values merged down.
  const filled = sample.map((row) => [...row]);
  fillMerges(filled, 0, source.merges, Number.POSITIVE_INFINITY);
  const layout = findLayout(filled, source.merges, settings);
  applied.headerRow = layout.headerRow;
  applied.headerRows = layout.headerRows;
  const dataFrom = layout.headerRow - 1 + layout.headerRows;
  fillMerges(sample, 0, source.merges, dataFrom);
  for (let r = layout.headerRow - 1; r < dataFrom; r++) sample[r] = filled[r]!;
  const headerWidth = format === 'csv' ? sample[layout.headerRow - 1]!.length : 0;
  const ragged: RaggedRows = { short: 0, long: 0, firstLines: [], leftOut: 0, leftOutLines: [] };
  const keptColumns = new Set(layout.sourceColumns);
  const noteLeftOut = (line: number) => {
    ragged.leftOut++;
    if (ragged.leftOutLines.length < 10 && ragged.leftOutLines.at(-1) !== line) ragged.leftOutLines.push(line);
  };
  const noteWidth = (width: number, blank: boolean, line: number) => {
    if (width === headerWidth || (width === 1 && blank)) return;
    if (width < headerWidth) ragged.short++;
    else ragged.long++;
    if (ragged.firstLines.length < 10) ragged.firstLines.push(line);
  };
  const columns = layout.sourceColumns;
  const identity = columns.every((source, c) => source === c);
  const projectCells = (rows: RawRow[], lines: number[]): CellBatch => {
    const kept: RawRow[] = [];
    const keptLines: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (headerWidth > 0) noteWidth(row.length, isEmptyCell(row[0]), lines[i]!);
      if (row.length > columns.length || !identity) {
        for (let c = 0; c < row.length; c++) if (!keptColumns.has(c) && !isEmptyCell(row[c])) noteLeftOut(lines[i]!);
      }
      // The usual case, every column kept in place: the row is used as it is.
      const cells: RawRow = identity && row.length === columns.length ? row : new Array(columns.length);
      let filled = false;
      for (let c = 0; c < columns.length; c++) {
        const cell = cells === row ? row[c]! : (row[columns[c]!] ?? null);
        cells[c] = cell;
        if (!filled && !isEmptyCell(cell)) filled = true;
      }
      if (filled) {
        kept.push(cells);
        keptLines.push(lines[i]!);
      }
    }
    return new RawRowBatch(kept, keptLines, date1904);
  };
  const projectParsed = (parsed: ParsedRows): CellBatch => {
    const keptRows = new Int32Array(parsed.rows);
    let count = 0;
    const { text, starts, ends, rowEnds } = parsed;
    for (let row = 0; row < parsed.rows; row++) {
      const first = rowFieldsFrom(parsed, row);
      const width = rowEnds[row]! - first;
      noteWidth(width, isBlankSlice(text, starts[first]!, ends[first]!), parsed.lines[row]!);
      if (width > columns.length || !identity) {
        for (let c = 0; c < width; c++) {
          if (!keptColumns.has(c) && !isBlankSlice(text, starts[first + c]!, ends[first + c]!)) noteLeftOut(parsed.lines[row]!);
        }
      }
      let filled = false;
      for (let c = 0; c < columns.length && !filled; c++) {
        const f = first + columns[c]!;
        filled = f < rowEnds[row]! && !isBlankSlice(text, starts[f]!, ends[f]!);
      }
      if (filled) keptRows[count++] = row;
    }
    return new CsvBatch(parsed, keptRows.subarray(0, count), columns);
  };
  async function* rows(): AsyncIterable<CellBatch> {
    yield projectCells(sample.slice(dataFrom), sampleLines.slice(dataFrom));
    let firstRow = sample.length;
    while (!done) {
      const next = await source.batches.next();
      if (next.done) break;
      const batch = next.value;
      if ('parsed' in batch) {
        yield projectParsed(batch.parsed);
        continue;
      }
      if (source.merges.length > 0) fillMerges(batch.cells, firstRow, source.merges, dataFrom);
      firstRow += batch.cells.length;
      yield projectCells(batch.cells, batch.lines);
    }
  }
  return { format, sheets, date1904, settings: applied, layout, warnings, ragged, rows, finish };
}

function isBlankSlice(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

async function* parsedBatches(batches: AsyncIterable<ParsedRows>): AsyncIterator<SourceBatch> {
  for await (const parsed of batches) yield { parsed };
}

async function* numbered(batches: AsyncIterable<RawRow[]>): AsyncIterator<SourceBatch> {
  let line = 1;
  for await (const cells of batches) {
    yield { cells, lines: cells.map(() => line++) };
  }
}

// The sheet the agent named; else the visible sheet holding the most cells in its first rows
// (a pivot table or a notes sheet often comes first).
async function chooseSheet(book: SheetSource, wanted: ImportSettings['sheet'], warnings: Message[]): Promise<number> {
  const names = book.sheets.map((s) => s.name);
  if (typeof wanted === 'number') {
    if (!book.sheets[wanted]) throw new AppError('import.sheet_not_found', { sheet: wanted, sheets: names.join(', ') });
    return wanted;
  }
  if (typeof wanted === 'string') {
    const found = book.sheets.find((s) => s.name === wanted) ?? book.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (!found) throw new AppError('import.sheet_not_found', { sheet: wanted, sheets: names.join(', ') });
    return found.index;
  }
  const visible = book.sheets.filter((s) => !s.hidden);
  let best = visible[0]?.index ?? 0;
  let bestCells = -1;
  let withData = 0;
  for (const sheet of visible) {
    let cells = 0;
    let rows = 0;
    for await (const batch of book.read(sheet.index)) {
      for (const row of batch) for (const cell of row) if (!isEmptyCell(cell)) cells++;
      rows += batch.length;
      if (rows >= sheetSampleRows) break;
    }
    if (cells > 0) withData++;
    if (cells > bestCells) {
      best = sheet.index;
      bestCells = cells;
    }
  }
  if (withData > 1) {
    warnings.push({ code: 'importing.warnings.other_sheets', params: { sheet: names[best]!, count: withData - 1 } });
  }
  return best;
}
