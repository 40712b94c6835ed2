import * as XLSX from 'xlsx';
import { AppError } from '../../../shared/errors';
import { isZip } from '../detect-format';
import type { MergedRange, RawCell, RawRow } from '../raw-table';
import { numberStyle, readNumberCell } from './number-formats';
import { RowBatcher, throwIfAborted } from './row-batcher';
import { sheetAt, type ReadOptions, type SheetSource } from './sheet-source';
import { readBytesAt, withSourceFile } from './source-file';
import { storedCopyOfArchive } from './stored-archive';

const batchRows = 5000;
// SheetJS keeps error cells as their BIFF code.
const errorTexts: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

// SheetJS reads .xls (BIFF2-8, and the HTML / XML 2003 files Excel saves as .xls), .ods and
// small .xlsx, whole in memory; the parts of a zip reach it already inflated, within limits
// (stored-archive.ts). Numbers stay raw (cellDates off) and the cell's number format
// says whether they are dates, as in the streaming reader.
export async function openWithSheetJs(path: string): Promise<SheetSource> {
  const data = await withSourceFile(path, async (handle) => {
    const { size } = await handle.stat();
    if (isZip(await readBytesAt(handle, 0, 4))) return storedCopyOfArchive(handle, size);
    return handle.readFile();
  });
  let workbook: XLSX.WorkBook;
  // SheetJS reports number formats it approximates on console.error ("ODS number format may
  // be incorrect"): nothing an agent can act on, and noise in the CLI's output.
  const report = console.error;
  console.error = () => {};
  try {
    workbook = XLSX.read(data, {
      type: 'buffer',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellText: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) throw new AppError('import.encrypted');
    throw new AppError('import.corrupt', { reason: message.slice(0, 200) });
  } finally {
    console.error = report;
  }
  return new SheetJsSource(workbook);
}

class SheetJsSource implements SheetSource {
  readonly #workbook: XLSX.WorkBook;
  readonly date1904: boolean;

  constructor(workbook: XLSX.WorkBook) {
    this.#workbook = workbook;
    this.date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  }

  get sheets() {
    return this.#workbook.SheetNames.map((name, index) => ({
      index,
      name,
      hidden: Boolean(this.#workbook.Workbook?.Sheets?.[index]?.Hidden),
    }));
  }

  async *read(sheet: number, options: ReadOptions = {}): AsyncIterable<RawRow[]> {
    const rows = this.#sheet(sheet)['!data'] ?? [];
    const batcher = new RowBatcher();
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (cells) batcher.push(r, Array.from(cells, (cell) => this.#cell(cell)));
      if (r % batchRows === batchRows - 1 || r === rows.length - 1) {
        const batch = batcher.take();
        if (batch.length === 0) continue;
        throwIfAborted(options.signal);
        options.onProgress?.(batcher.rowsSoFar);
        yield batch;
      }
    }
  }

  async merges(sheet: number): Promise<MergedRange[]> {
    return (this.#sheet(sheet)['!merges'] ?? []).map(({ s, e }) => ({ s: { r: s.r, c: s.c }, e: { r: e.r, c: e.c } }));
  }

  rowCountHint(sheet: number): number | undefined {
    const ref = this.#sheet(sheet)['!ref'];
    return ref ? XLSX.utils.decode_range(ref).e.r + 1 : undefined;
  }

  #sheet(index: number): XLSX.WorkSheet {
    const { name } = sheetAt(this.sheets, index);
    const sheet = Object.hasOwn(this.#workbook.Sheets, name) ? this.#workbook.Sheets[name] : undefined;
    if (!sheet) throw new AppError('import.sheet_not_found', { sheet: name, sheets: this.sheets.map((s) => s.name).join(', ') });
    return sheet;
  }

  #cell(cell: XLSX.CellObject | undefined): RawCell {
    if (!cell) return null;
    switch (cell.t) {
      case 's':
        return String(cell.v ?? '');
      case 'b':
        return Boolean(cell.v);
      case 'e':
        return errorTexts[cell.v as number] ?? cell.w ?? '#ERROR';
      case 'n':
        if (typeof cell.v !== 'number') return null;
        return readNumberCell(cell.v, numberStyle(typeof cell.z === 'string' ? cell.z : undefined), this.date1904);
      case 'd':
        return cell.v instanceof Date ? { date: localIso(cell.v) } : null;
      default:
        return null;
    }
  }
}

// SheetJS builds dates from local-time components.
function localIso(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return time === '00:00:00' ? day : `${day}T${time}`;
}
