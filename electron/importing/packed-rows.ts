import type { StoredValue } from './scan-table';

// Rows travel from the parse worker to the writer as a few flat buffers instead of an array
// of millions of JS values: cloning such an array costs more than parsing it did. Texts are
// concatenated into one string and cut again on arrival; numbers and the kind of each cell
// travel in typed arrays, transferred without a copy.
export interface PackedRows {
  count: number;
  width: number;
  kinds: Uint8Array; // per cell: 0 null, 1 text, 2 number
  numbers: Float64Array;
  text: string;
  textEnds: Int32Array; // per cell: where its text ends in `text`
  mismatches: Int32Array; // (row number, column index) pairs
}

export const NULL = 0;
export const TEXT = 1;
export const NUMBER = 2;

export class RowPacker {
  readonly #width: number;
  #kinds: Uint8Array;
  #numbers: Float64Array;
  #textEnds: Int32Array;
  #texts: string[] = [];
  #textLength = 0;
  #cell = 0;
  #mismatches: number[] = [];

  constructor(width: number, rows: number) {
    this.#width = width;
    this.#kinds = new Uint8Array(width * rows);
    this.#numbers = new Float64Array(width * rows);
    this.#textEnds = new Int32Array(width * rows);
  }

  add(value: StoredValue): void {
    const i = this.#cell++;
    if (typeof value === 'number') {
      this.#kinds[i] = NUMBER;
      this.#numbers[i] = value;
    } else if (typeof value === 'string') {
      this.#kinds[i] = TEXT;
      this.#texts.push(value);
      this.#textLength += value.length;
    } else this.#kinds[i] = NULL;
    this.#textEnds[i] = this.#textLength;
  }

  mismatch(row: number, column: number): void {
    this.#mismatches.push(row, column);
  }

  take(): { packed: PackedRows; transfer: ArrayBuffer[] } {
    const cells = this.#cell;
    const packed: PackedRows = {
      count: cells / this.#width,
      width: this.#width,
      kinds: this.#kinds.subarray(0, cells),
      numbers: this.#numbers.subarray(0, cells),
      text: this.#texts.join(''),
      textEnds: this.#textEnds.subarray(0, cells),
      mismatches: Int32Array.from(this.#mismatches),
    };
    return {
      packed,
      transfer: [packed.kinds.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer, packed.textEnds.buffer as ArrayBuffer, packed.mismatches.buffer as ArrayBuffer],
    };
  }
}
