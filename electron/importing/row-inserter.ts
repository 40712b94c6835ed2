import type { Db } from '../workspace/open-workspace';
import { NUMBER, TEXT, type PackedRows } from './packed-rows';
import type { StoredValue } from './scan-table';

// SQLite takes up to 32,766 bound values per statement; a few hundred rows per INSERT
// amortise the per-statement cost without building huge SQL.
const maxParams = 30_000;
const maxRowsPerStatement = 200;

// Appends rows to a staging table with multi-row INSERT statements prepared once; `_row` is
// left to SQLite, which numbers a fresh table's rows 1, 2, 3… in insertion order.
export class RowInserter {
  readonly #rowsPerStatement: number;
  readonly #many: ReturnType<Db['prepare']>;
  readonly #one: ReturnType<Db['prepare']>;
  readonly #params: StoredValue[];
  readonly #row: StoredValue[];

  constructor(db: Db, table: string, columns: readonly string[]) {
    this.#rowsPerStatement = Math.max(1, Math.min(maxRowsPerStatement, Math.floor(maxParams / columns.length)));
    const list = columns.map((c) => `"${c}"`).join(', ');
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    this.#many = db.prepare(`INSERT INTO "${table}" (${list}) VALUES ${Array(this.#rowsPerStatement).fill(tuple).join(', ')}`);
    this.#one = db.prepare(`INSERT INTO "${table}" (${list}) VALUES ${tuple}`);
    this.#params = new Array(this.#rowsPerStatement * columns.length);
    this.#row = new Array(columns.length);
  }

  insert(packed: PackedRows): void {
    const { kinds, numbers, text, textStarts, textEnds } = packed;
    const perStatement = this.#rowsPerStatement;
    let cell = 0;
    const fill = (params: StoredValue[]) => {
      for (let i = 0; i < params.length; i++, cell++) {
        const kind = kinds[cell];
        if (kind === TEXT) params[i] = text.substring(textStarts[cell]!, textEnds[cell]!);
        else params[i] = kind === NUMBER ? numbers[cell]! : null;
      }
    };
    let r = 0;
    for (; r + perStatement <= packed.count; r += perStatement) {
      fill(this.#params);
      this.#many.run(this.#params);
    }
    for (; r < packed.count; r++) {
      fill(this.#row);
      this.#one.run(this.#row);
    }
  }
}
