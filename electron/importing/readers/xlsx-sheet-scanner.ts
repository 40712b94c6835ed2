import type { MergedRange, RawCell, RawRow } from '../raw-table';
import { readNumberCell, type NumberStyle } from './number-formats';
import { isNameEnd, richText, rootElementPrefix } from './xlsx-xml-stream';
import { decodeXmlText, parseAttributes } from './xml-text';

export interface SheetCellContext {
  sharedStrings: readonly string[];
  numberStyles: readonly NumberStyle[]; // by cell style index
  date1904: boolean;
}

const enum CellKind {
  Number,
  Shared,
  Inline,
  Formula,
  Boolean,
  Error,
  IsoDate,
}

const slash = 47;
const quote = 34;

// A hand-written scanner of worksheet XML: no DOM and no generic XML parser, since a 200,000-row
// sheet holds millions of cells. It reads <row>, <c>, <v>, <is>, <mergeCell> and <dimension>,
// skips everything else, and stops before an element cut by the end of the chunk.
export class SheetXmlScanner {
  readonly merges: MergedRange[] = [];
  rowCountHint: number | undefined;
  readonly #context: SheetCellContext;
  readonly #onRow: (index: number, cells: RawRow) => void;
  #skipSheetData: boolean;
  #prefix: string | undefined;
  #names = { row: 'row', closeRow: '</row>', closeC: '</c>', openV: '<v>', v: 'v', closeSheetData: '</sheetData>' };
  #cells: RawRow = [];
  #rowIndex = -1;
  #nextRow = 0;
  #column = -1;

  // With skipSheetData, only what follows the cells (the merged ranges) is read.
  constructor(context: SheetCellContext, onRow: (index: number, cells: RawRow) => void, skipSheetData = false) {
    this.#context = context;
    this.#onRow = onRow;
    this.#skipSheetData = skipSheetData;
  }

  scan(text: string): number {
    if (this.#prefix === undefined) {
      this.#prefix = rootElementPrefix(text);
      if (this.#prefix === undefined) return 0;
      const p = this.#prefix;
      this.#names = {
        row: `${p}row`,
        closeRow: `</${p}row>`,
        closeC: `</${p}c>`,
        openV: `<${p}v>`,
        v: `${p}v`,
        closeSheetData: `</${p}sheetData>`,
      };
    }
    const prefix = this.#prefix;
    const names = this.#names;
    let at = 0;
    if (this.#skipSheetData) {
      const end = text.indexOf(names.closeSheetData);
      if (end < 0) return Math.max(0, text.length - names.closeSheetData.length);
      this.#skipSheetData = false;
      at = end;
    }
    const length = text.length;
    while (at < length) {
      const open = text.indexOf('<', at);
      if (open < 0) return length;
      const first = text.charCodeAt(open + 1);
      if (first === slash) {
        const gt = text.indexOf('>', open);
        if (gt < 0) return open;
        if (text.startsWith(names.closeRow, open)) this.#endRow();
        at = gt + 1;
        continue;
      }
      if (first === 33 && text.startsWith('!--', open + 1)) {
        const end = text.indexOf('-->', open);
        if (end < 0) return open;
        at = end + 3;
        continue;
      }
      const name = open + 1 + prefix.length;
      if (prefix.length > 0 && !text.startsWith(prefix, open + 1)) {
        const gt = text.indexOf('>', open);
        if (gt < 0) return open;
        at = gt + 1;
        continue;
      }
      if (text.charCodeAt(name) === 99 && isNameEnd(text.charCodeAt(name + 1))) {
        const next = this.#cell(text, name + 1);
        if (next < 0) return open;
        at = next;
        continue;
      }
      const gt = text.indexOf('>', open);
      if (gt < 0) return open;
      if (text.startsWith('row', name) && isNameEnd(text.charCodeAt(name + 3))) {
        this.#startRow(text, name + 3, gt);
        if (text.charCodeAt(gt - 1) === slash) this.#endRow();
      } else if (text.startsWith('mergeCell', name) && isNameEnd(text.charCodeAt(name + 9))) {
        const range = parseRange(parseAttributes(text.slice(open, gt)).get('ref') ?? '');
        if (range) this.merges.push(range);
      } else if (text.startsWith('dimension', name) && isNameEnd(text.charCodeAt(name + 9))) {
        const range = parseRange(parseAttributes(text.slice(open, gt)).get('ref') ?? '');
        if (range) this.rowCountHint = range.e.r + 1;
      }
      at = gt + 1;
    }
    return length;
  }

  #startRow(text: string, from: number, gt: number): void {
    const r = text.indexOf(' r="', from);
    this.#rowIndex = r >= 0 && r < gt ? parseInt(text.slice(r + 4, text.indexOf('"', r + 4)), 10) - 1 : this.#nextRow;
    this.#cells = [];
    this.#column = -1;
  }

  #endRow(): void {
    this.#onRow(this.#rowIndex, this.#cells);
    this.#nextRow = this.#rowIndex + 1;
    this.#cells = [];
  }

  // Returns the position after the cell, or -1 when the cell is not complete in this chunk.
  #cell(text: string, from: number): number {
    const gt = text.indexOf('>', from);
    if (gt < 0) return -1;
    let column = -1;
    let style = 0;
    let kind = CellKind.Number;
    let at = from;
    while (at < gt) {
      const eq = text.indexOf('=', at);
      if (eq < 0 || eq > gt) break;
      let nameStart = at;
      while (text.charCodeAt(nameStart) <= 32) nameStart++;
      let nameEnd = eq;
      while (text.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      let valueStart = eq + 1;
      while (text.charCodeAt(valueStart) <= 32) valueStart++;
      const quoteChar = text.charCodeAt(valueStart) === quote ? '"' : "'";
      valueStart++;
      const valueEnd = text.indexOf(quoteChar, valueStart);
      if (nameEnd - nameStart === 1) {
        const attribute = text.charCodeAt(nameStart);
        if (attribute === 114) column = columnIndex(text, valueStart, valueEnd);
        else if (attribute === 115) style = parseInt(text.slice(valueStart, valueEnd), 10);
        else if (attribute === 116) kind = cellKind(text, valueStart, valueEnd);
      }
      at = valueEnd + 1;
    }
    if (column < 0) column = this.#column + 1;
    this.#column = column;
    if (text.charCodeAt(gt - 1) === slash) return gt + 1;
    const names = this.#names;
    const end = text.indexOf(names.closeC, gt);
    if (end < 0) return -1;
    const value = kind === CellKind.Inline ? richText(text, gt + 1, end, this.#prefix ?? '') : this.#value(text, gt + 1, end, kind, style);
    if (value !== null) {
      const cells = this.#cells;
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    }
    return end + names.closeC.length;
  }

  #value(text: string, start: number, end: number, kind: CellKind, style: number): RawCell {
    const names = this.#names;
    let valueStart: number;
    if (text.startsWith(names.openV, start)) {
      valueStart = start + names.openV.length;
    } else {
      // <f> before <v>, or <v> with attributes
      let open = text.indexOf(`<${names.v}`, start);
      while (open >= 0 && open < end && !isNameEnd(text.charCodeAt(open + 1 + names.v.length))) {
        open = text.indexOf(`<${names.v}`, open + 1);
      }
      if (open < 0 || open >= end) return null;
      const gt = text.indexOf('>', open);
      if (text.charCodeAt(gt - 1) === slash) return null;
      valueStart = gt + 1;
    }
    const raw = text.slice(valueStart, text.indexOf('<', valueStart));
    switch (kind) {
      case CellKind.Number: {
        if (raw.length === 0) return null;
        const number = Number(raw);
        if (Number.isNaN(number)) return raw;
        return readNumberCell(number, this.#context.numberStyles[style], this.#context.date1904);
      }
      case CellKind.Shared:
        return this.#context.sharedStrings[parseInt(raw, 10)] ?? null;
      case CellKind.Boolean:
        return raw === '1' || raw === 'true';
      case CellKind.IsoDate:
        return isoDateCell(raw);
      default:
        return decodeXmlText(raw);
    }
  }
}

function cellKind(text: string, start: number, end: number): CellKind {
  switch (text.slice(start, end)) {
    case 's':
      return CellKind.Shared;
    case 'inlineStr':
      return CellKind.Inline;
    case 'str':
      return CellKind.Formula;
    case 'b':
      return CellKind.Boolean;
    case 'e':
      return CellKind.Error;
    case 'd':
      return CellKind.IsoDate;
    default:
      return CellKind.Number;
  }
}

// "AB12" → 27 (0-based column); digits end the letters.
function columnIndex(text: string, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column - 1;
}

function parseCellRef(ref: string): { r: number; c: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!match) return undefined;
  return { r: parseInt(match[2]!, 10) - 1, c: columnIndex(match[1]!, 0, match[1]!.length) };
}

function parseRange(ref: string): MergedRange | undefined {
  const [from = '', to = from] = ref.split(':');
  const s = parseCellRef(from);
  const e = parseCellRef(to);
  return s && e ? { s, e } : undefined;
}

// t="d" cells hold ISO 8601 text; kept to the second, without a zone, like serial dates.
function isoDateCell(raw: string): RawCell {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(raw.trim());
  if (!match) return raw;
  const time = match[2];
  return { date: time && time !== '00:00:00' ? `${match[1]}T${time}` : match[1]! };
}
