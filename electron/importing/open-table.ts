import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ImportSettings, Message, SourceFormat } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { CsvSource } from './csv/csv-source';
import { detectFormat } from './detect-format';
import type { MergedRange, RawRow, SheetInfo } from './raw-table';
import { openSpreadsheet } from './readers/sheet-reader';
import { fillMerges, findLayout, isEmptyCell, layoutSampleRows, type TableLayout } from './table-finder';

export interface RowBatch {
  rows: RawRow[]; // projected on the table's columns, fully empty rows left out
  lines: number[]; // line (CSV) or row (sheet) number of each, 1-based
}

export interface ReadProgress {
  signal?: AbortSignal | undefined;
  // Fraction of the source read so far, 0..1.
  onProgress?: ((fraction: number) => void) | undefined;
}

// Rows whose field count differs from the header's: reported, never shifted.
export interface RaggedRows {
  short: number;
  long: number;
  firstLines: number[];
}

export interface OpenedTable {
  format: SourceFormat;
  sheets: SheetInfo[];
  // The settings as applied: what the agent chose, completed with what was detected.
  settings: ImportSettings;
  layout: TableLayout;
  warnings: Message[];
  ragged: RaggedRows;
  // The data rows, once: the stream that found the layout goes on from where it stopped.
  rows(): AsyncIterable<RowBatch>;
  // Once the rows are read: the file's SHA-256 and what the decoding noticed.
  finish(): Promise<{ sha256: string; warnings: Message[] }>;
}

interface SourceBatches {
  batches: AsyncIterator<RowBatch>;
  merges: MergedRange[];
}

const sheetSampleRows = 200;

export async function openTable(path: string, settings: ImportSettings, progress: ReadProgress = {}): Promise<OpenedTable> {
  const format = await detectFormat(path);
  const warnings: Message[] = [];
  let sheets: SheetInfo[] = [];
  let source: SourceBatches;
  let finish: OpenedTable['finish'];
  const applied: ImportSettings = { ...settings };
  if (format === 'csv') {
    const csv = await CsvSource.open(path, { encoding: settings.encoding, delimiter: settings.delimiter });
    applied.encoding = csv.dialect.encoding;
    applied.delimiter = csv.dialect.delimiter;
    const batches = csv.read({ signal: progress.signal, onProgress: (done, size) => progress.onProgress?.(done / size) });
    source = { batches: batches[Symbol.asyncIterator](), merges: [] };
    delete applied.sheet;
    finish = async () => {
      const found: Message[] = [];
      if (csv.stats.nulBytes > 0) found.push({ code: 'importing.warnings.nul_bytes', params: { count: csv.stats.nulBytes } });
      if (csv.stats.replacementChars > 0) {
        found.push({ code: 'importing.warnings.undecodable', params: { count: csv.stats.replacementChars, encoding: csv.dialect.encoding } });
      }
      return { sha256: csv.stats.sha256, warnings: found };
    };
  } else {
    const book = await openSpreadsheet(path, format);
    sheets = book.sheets;
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
    finish = async () => ({ sha256: await hashFile(path), warnings: [] });
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
    sample.push(...next.value.rows);
    sampleLines.push(...next.value.lines);
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
  const ragged: RaggedRows = { short: 0, long: 0, firstLines: [] };
  const project = (rows: RawRow[], lines: number[]): RowBatch => {
    const out: RowBatch = { rows: [], lines: [] };
    const columns = layout.sourceColumns;
    const identity = columns.every((source, c) => source === c);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (headerWidth > 0 && row.length !== headerWidth && !(row.length === 1 && isEmptyCell(row[0]))) {
        if (row.length < headerWidth) ragged.short++;
        else ragged.long++;
        if (ragged.firstLines.length < 10) ragged.firstLines.push(lines[i]!);
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
        out.rows.push(cells);
        out.lines.push(lines[i]!);
      }
    }
    return out;
  };
  async function* rows(): AsyncIterable<RowBatch> {
    yield project(sample.slice(dataFrom), sampleLines.slice(dataFrom));
    let firstRow = sample.length;
    while (!done) {
      const next = await source.batches.next();
      if (next.done) break;
      if (source.merges.length > 0) fillMerges(next.value.rows, firstRow, source.merges, dataFrom);
      firstRow += next.value.rows.length;
      yield project(next.value.rows, next.value.lines);
    }
  }
  return { format, sheets, settings: applied, layout, warnings, ragged, rows, finish };
}

async function* numbered(batches: AsyncIterable<RawRow[]>): AsyncIterator<RowBatch> {
  let line = 1;
  for await (const rows of batches) {
    yield { rows, lines: rows.map(() => line++) };
  }
}

type Workbook = Awaited<ReturnType<typeof openSpreadsheet>>;

// The sheet the agent named; else the visible sheet holding the most cells in its first rows
// (a pivot table or a notes sheet often comes first).
async function chooseSheet(book: Workbook, wanted: ImportSettings['sheet'], warnings: Message[]): Promise<number> {
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

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
