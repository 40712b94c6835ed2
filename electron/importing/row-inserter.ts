import type { Db } from '../workspace/open-workspace';
import type { StoredValue } from './scan-table';

// SQLite takes up to 32,766 bound values per statement; a few hundred rows per INSERT
// amortise the per-statement cost without building huge SQL.
const maxParams = 30_000;
const maxRowsPerStatement = 200;

// Appends rows to a staging table with multi-row INSERT statements prepared once; `_row` is
// left to SQLite, which numbers a fresh table's rows 1, 2, 3… in insertion order.
export class RowInserter {
  readonly #width: number;
  readonly #rowsPerStatement: number;
  readonly #many: ReturnType<Db['prepare']>;
  readonly #one: ReturnType<Db['prepare']>;
  readonly #params: StoredValue[];
  readonly #row: StoredValue[];

  constructor(db: Db, table: string, columns: readonly string[]) {
    this.#width = columns.length;
    this.#rowsPerStatement = Math.max(1, Math.min(maxRowsPerStatement, Math.floor(maxParams / columns.length)));
    const list = columns.map((c) => `"${c}"`).join(', ');
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    this.#many = db.prepare(`INSERT INTO "${table}" (${list}) VALUES ${Array(this.#rowsPerStatement).fill(tuple).join(', ')}`);
    this.#one = db.prepare(`INSERT INTO "${table}" (${list}) VALUES ${tuple}`);
    this.#params = new Array(this.#rowsPerStatement * this.#width);
    this.#row = new Array(this.#width);
  }

  insert(values: readonly StoredValue[], count: number): void {
    const width = this.#width;
    const perStatement = this.#rowsPerStatement;
    const params = this.#params;
    let r = 0;
    for (; r + perStatement <= count; r += perStatement) {
      const from = r * width;
      for (let i = 0; i < params.length; i++) params[i] = values[from + i] ?? null;
      this.#many.run(params);
    }
    const row = this.#row;
    for (; r < count; r++) {
      for (let c = 0; c < width; c++) row[c] = values[r * width + c] ?? null;
      this.#one.run(row);
    }
  }
}
