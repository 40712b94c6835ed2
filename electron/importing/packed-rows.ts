import { isFormulaTrigger } from '../../shared/exporting/formula-injection';
import type { StoredValue } from './scan-table';

// Rows travel from the parse worker to the writer as a few flat buffers instead of an array
// of millions of JS values: cloning such an array costs more than parsing it did. Texts are
// offsets into one string (the CSV text itself, then the values made on the way: ISO dates,
// spreadsheet strings) cut on arrival; numbers and the kind of each cell travel in typed
// arrays, transferred without a copy.
export interface PackedRows {
  count: number;
  width: number;
  kinds: Uint8Array; // per cell: 0 null, 1 text, 2 number
  numbers: Float64Array;
  text: string;
  textStarts: Int32Array; // per text cell: where it is in `text`
  textEnds: Int32Array;
  mismatches: Int32Array; // (row number, column index) pairs
  // Text cells that begin like a formula (=, +, -, @, tab, CR), by cell index in this batch:
  // the import flags them (OWASP formula injection). Numbers never are.
  formulaLike: Int32Array;
}

export const TEXT = 1;
export const NUMBER = 2;

export class RowPacker {
  readonly #width: number;
  readonly #base: string;
  #kinds: Uint8Array;
  #numbers: Float64Array;
  #textStarts: Int32Array;
  #textEnds: Int32Array;
  #texts: string[] = [];
  #textsLength = 0;
  #cell = 0;
  #mismatches: number[] = [];
  #formulaLike: number[] = [];

  // `base`: the text slices given to addSlice() refer to.
  constructor(width: number, rows: number, base = '') {
    this.#width = width;
    this.#base = base;
    this.#kinds = new Uint8Array(width * rows);
    this.#numbers = new Float64Array(width * rows);
    this.#textStarts = new Int32Array(width * rows);
    this.#textEnds = new Int32Array(width * rows);
  }

  add(value: StoredValue): void {
    const i = this.#cell++;
    if (typeof value === 'number') {
      this.#kinds[i] = NUMBER;
      this.#numbers[i] = value;
    } else if (typeof value === 'string') {
      // Noted as -(1 + offset among the made texts), resolved once the base length is added.
      this.#kinds[i] = TEXT;
      if (value.length > 0 && isFormulaTrigger(value.charCodeAt(0))) this.#formulaLike.push(i);
      this.#textStarts[i] = -1 - this.#textsLength;
      this.#textsLength += value.length;
      this.#textEnds[i] = -1 - this.#textsLength;
      this.#texts.push(value);
    }
  }

  addSlice(start: number, end: number): void {
    const i = this.#cell++;
    this.#kinds[i] = TEXT;
    if (end > start && isFormulaTrigger(this.#base.charCodeAt(start))) this.#formulaLike.push(i);
    this.#textStarts[i] = start;
    this.#textEnds[i] = end;
  }

  mismatch(row: number, column: number): void {
    this.#mismatches.push(row, column);
  }

  take(): { packed: PackedRows; transfer: ArrayBuffer[] } {
    const cells = this.#cell;
    const base = this.#base.length;
    const starts = this.#textStarts.subarray(0, cells);
    const ends = this.#textEnds.subarray(0, cells);
    if (this.#texts.length > 0) {
      for (let i = 0; i < cells; i++) {
        if (starts[i]! < 0) {
          starts[i] = base - 1 - starts[i]!;
          ends[i] = base - 1 - ends[i]!;
        }
      }
    }
    const packed: PackedRows = {
      count: cells / this.#width,
      width: this.#width,
      kinds: this.#kinds.subarray(0, cells),
      numbers: this.#numbers.subarray(0, cells),
      text: this.#texts.length > 0 ? this.#base + this.#texts.join('') : this.#base,
      textStarts: starts,
      textEnds: ends,
      mismatches: Int32Array.from(this.#mismatches),
      formulaLike: Int32Array.from(this.#formulaLike),
    };
    const transfer = [packed.kinds, packed.numbers, packed.textStarts, packed.textEnds, packed.mismatches, packed.formulaLike].map(
      (array) => array.buffer as ArrayBuffer,
    );
    return { packed, transfer };
  }
}
