import type { ColumnType } from '../../shared/contract';
import { scanSlice, storeScanned, type Scan, type ValueKind } from '../../shared/french-values';
import { observeCell, storeCell } from './cell-values';
import { rowFieldsFrom, type ParsedRows } from './csv/csv-parser';
import type { RowPacker } from './packed-rows';
import type { RawCell, RawRow } from './raw-table';
import type { ColumnStats } from './type-inference';

// A batch of table rows (already projected on the table's columns, empty rows left out), as
// the scan reads it: spreadsheet rows as cells, CSV rows as offsets into the parsed text.
export interface CellBatch {
  readonly count: number;
  // What the packer's slices refer to ('' when cells are values).
  readonly text: string;
  line(row: number): number;
  cells(row: number): RawRow;
  observe(row: number, column: number, stats: ColumnStats, scan: Scan): ValueKind;
  // Adds the stored form of the cell to the packer; scan.fits says whether it fitted.
  store(row: number, column: number, type: ColumnType, kind: ValueKind, scan: Scan, packer: RowPacker): void;
}

export class RawRowBatch implements CellBatch {
  readonly text = '';

  constructor(
    readonly rows: RawRow[],
    readonly lines: number[],
    readonly date1904: boolean,
  ) {}

  get count(): number {
    return this.rows.length;
  }

  line(row: number): number {
    return this.lines[row]!;
  }

  cells(row: number): RawRow {
    return this.rows[row]!;
  }

  observe(row: number, column: number, stats: ColumnStats, scan: Scan): ValueKind {
    return observeCell(stats, this.#cell(row, column), scan, this.lines[row]!);
  }

  store(row: number, column: number, type: ColumnType, kind: ValueKind, scan: Scan, packer: RowPacker): void {
    packer.add(storeCell(type, this.#cell(row, column), kind, scan, this.date1904));
  }

  #cell(row: number, column: number): RawCell {
    return this.rows[row]![column] ?? null;
  }
}

export class CsvBatch implements CellBatch {
  readonly text: string;

  // rows: indices of the kept rows in `parsed`; columns: field index of each table column.
  constructor(
    readonly parsed: ParsedRows,
    readonly rows: Int32Array,
    readonly columns: readonly number[],
  ) {
    this.text = parsed.text;
  }

  get count(): number {
    return this.rows.length;
  }

  line(row: number): number {
    return this.parsed.lines[this.rows[row]!]!;
  }

  cells(row: number): RawRow {
    return this.columns.map((_, c) => {
      const f = this.#field(row, c);
      return f < 0 ? null : this.text.substring(this.parsed.starts[f]!, this.parsed.ends[f]!);
    });
  }

  observe(row: number, column: number, stats: ColumnStats, scan: Scan): ValueKind {
    const f = this.#field(row, column);
    if (f < 0) {
      stats.counts.empty++;
      return 'empty';
    }
    const { starts, ends } = this.parsed;
    const kind = scanSlice(this.text, starts[f]!, ends[f]!, scan);
    if (stats.count(kind, scan)) stats.setExample(kind, this.text.substring(starts[f]!, ends[f]!), this.line(row));
    return kind;
  }

  store(row: number, column: number, type: ColumnType, kind: ValueKind, scan: Scan, packer: RowPacker): void {
    scan.fits = true;
    const f = this.#field(row, column);
    if (f < 0 || kind === 'empty') packer.add(null);
    else if (type === 'text') packer.addSlice(this.parsed.starts[f]!, this.parsed.ends[f]!);
    else {
      // The raw text is only needed when the value does not fit: it is then the slice itself.
      const value = storeScanned(type, '', kind, scan);
      if (scan.fits) packer.add(value);
      else packer.addSlice(this.parsed.starts[f]!, this.parsed.ends[f]!);
    }
  }

  // The field index of a cell, or -1 when its row is too short to have it. Cells are asked
  // for row after row: the row's bounds are kept between calls.
  #row = -1;
  #first = 0;
  #end = 0;

  #field(row: number, column: number): number {
    if (row !== this.#row) {
      const parsedRow = this.rows[row]!;
      this.#row = row;
      this.#first = rowFieldsFrom(this.parsed, parsedRow);
      this.#end = this.parsed.rowEnds[parsedRow]!;
    }
    const f = this.#first + this.columns[column]!;
    return f < this.#end ? f : -1;
  }
}
