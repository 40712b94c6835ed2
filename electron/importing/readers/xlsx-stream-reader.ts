import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { MergedRange, RawRow } from '../raw-table';
import { numberStyle, type NumberStyle } from './number-formats';
import { RowBatcher, throwIfAborted } from './row-batcher';
import { sheetAt, type ReadOptions, type SheetSource } from './sheet-source';
import { openSourceFile, withSourceFile } from './source-file';
import { SheetXmlScanner, type SheetCellContext } from './xlsx-sheet-scanner';
import { parseSharedStrings } from './xlsx-shared-strings';
import { packageRelsPath, parseCellFormats, parseWorkbookParts, workbookPathFromPackageRels, type XlsxParts } from './xlsx-workbook';
import { scanXmlChunks } from './xlsx-xml-stream';
import { guardArchiveProportion, inflateEntry, readEntry, readZipDirectory, type ZipEntry } from './zip-directory';

// Streaming reader of .xlsx/.xlsm: the zip's central directory gives random access to each
// part, a sheet is inflated and scanned chunk by chunk, and only the shared strings and the
// styles stay in memory. The file is reopened for each pass so nothing is held between reads.
export async function openXlsxStream(path: string): Promise<SheetSource> {
  const { parts, entries, numberStyles, rowCountHints } = await withSourceFile(path, async (handle) => {
    const { size } = await handle.stat();
    const entries = await readZipDirectory(handle, size);
    guardArchiveProportion(entries, size);
    const text = async (name: string | undefined) => {
      const entry = name === undefined ? undefined : entries.get(name);
      return entry ? (await readEntry(handle, entry)).toString('utf8') : undefined;
    };
    const workbookPath = workbookPathFromPackageRels(await text(packageRelsPath));
    const relsPath = workbookPath.replace(/[^/]*$/, (file) => `_rels/${file}.rels`);
    const workbookXml = await text(workbookPath);
    if (workbookXml === undefined) throw new AppError('import.corrupt', { reason: 'no_workbook' });
    const parts = parseWorkbookParts(workbookPath, workbookXml, (await text(relsPath)) ?? '');
    const stylesXml = await text(parts.stylesPath);
    const numberStyles = stylesXml === undefined ? [] : parseCellFormats(stylesXml).map(numberStyle);
    const rowCountHints = new Map<number, number>();
    for (const sheet of parts.sheets) {
      const entry = entries.get(sheet.path);
      const hint = entry && (await declaredRowCount(handle, entry));
      if (hint !== undefined) rowCountHints.set(sheet.index, hint);
    }
    return { parts, entries, numberStyles, rowCountHints };
  });
  return new XlsxStreamSource(path, parts, entries, numberStyles, rowCountHints);
}

class XlsxStreamSource implements SheetSource {
  readonly #path: string;
  readonly #parts: XlsxParts;
  readonly #entries: Map<string, ZipEntry>;
  readonly #numberStyles: NumberStyle[];
  readonly #merges = new Map<number, MergedRange[]>();
  readonly #rowCountHints: Map<number, number>;
  #sharedStrings: Promise<string[]> | undefined;

  constructor(
    path: string,
    parts: XlsxParts,
    entries: Map<string, ZipEntry>,
    numberStyles: NumberStyle[],
    rowCountHints: Map<number, number>,
  ) {
    this.#path = path;
    this.#rowCountHints = rowCountHints;
    this.#parts = parts;
    this.#entries = entries;
    this.#numberStyles = numberStyles;
  }

  get date1904(): boolean {
    return this.#parts.date1904;
  }

  get sheets() {
    return this.#parts.sheets.map(({ index, name, hidden }) => ({ index, name, hidden }));
  }

  async *read(sheet: number, options: ReadOptions = {}): AsyncIterable<RawRow[]> {
    const entry = this.#sheetEntry(sheet);
    if (!entry) return;
    const context: SheetCellContext = {
      sharedStrings: await this.#loadSharedStrings(),
      numberStyles: this.#numberStyles,
      date1904: this.#parts.date1904,
    };
    const batcher = new RowBatcher();
    const scanner = new SheetXmlScanner(context, (index, cells) => batcher.push(index, cells));
    const handle = await openSourceFile(this.#path);
    try {
      for await (const _ of scanXmlChunks(inflateEntry(handle, entry), (text) => scanner.scan(text))) {
        throwIfAborted(options.signal);
        const rows = batcher.take();
        if (rows.length === 0) continue;
        options.onProgress?.(batcher.rowsSoFar);
        yield rows;
      }
      this.#merges.set(sheet, scanner.merges);
    } finally {
      await handle.close();
    }
  }

  async merges(sheet: number): Promise<MergedRange[]> {
    const known = this.#merges.get(sheet);
    if (known) return known;
    const entry = this.#sheetEntry(sheet);
    if (!entry) return [];
    const scanner = new SheetXmlScanner(noCells, () => undefined, true);
    await withSourceFile(this.#path, async (handle) => {
      for await (const _ of scanXmlChunks(inflateEntry(handle, entry), (text) => scanner.scan(text)));
    });
    this.#merges.set(sheet, scanner.merges);
    return scanner.merges;
  }

  rowCountHint(sheet: number): number | undefined {
    return this.#rowCountHints.get(sheet);
  }

  // A chart sheet or a dangling relationship has no cells to give.
  #sheetEntry(sheet: number): ZipEntry | undefined {
    return this.#entries.get(sheetAt(this.#parts.sheets, sheet).path);
  }

  #loadSharedStrings(): Promise<string[]> {
    const path = this.#parts.sharedStringsPath;
    const entry = path === undefined ? undefined : this.#entries.get(path);
    this.#sharedStrings ??= entry
      ? withSourceFile(this.#path, (handle) => parseSharedStrings(inflateEntry(handle, entry)))
      : Promise.resolve([]);
    return this.#sharedStrings;
  }
}

const noCells: SheetCellContext = { sharedStrings: [], numberStyles: [], date1904: false };

// <dimension> comes right after the root element and its namespace declarations: the first
// pieces inflated hold it, if it is there at all.
async function declaredRowCount(handle: FileHandle, entry: ZipEntry): Promise<number | undefined> {
  const scanner = new SheetXmlScanner(noCells, () => undefined);
  const decoder = new TextDecoder();
  let head = '';
  for await (const piece of inflateEntry(handle, entry)) {
    head += decoder.decode(piece.subarray(0, 64 * 1024), { stream: true });
    if (head.length >= 64 * 1024 || head.includes('sheetData')) break;
  }
  scanner.scan(head);
  return scanner.rowCountHint;
}
