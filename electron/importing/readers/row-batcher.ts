import { AppError } from '../../../shared/errors';
import type { RawRow } from '../raw-table';

const maxSheetRows = 1_048_576; // Excel's limit; the too

// Turns "row N has these cells" into the dense stream every reader hands over: missing rows
// become [], trailing nulls are cut, and empty rows at the very end (a formatted but empty
// range, common in templates) are never emitted. Both spreadsheet readers go through it so
// they produce the same rows for the same file.
export class RowBatcher {
  #batch: RawRow[] = [];
  #emitted = 0;

  get rowsSoFar(): number {
    return this.#emitted;
  }

  push(index: number, cells: RawRow): void {
    if (index >= maxSheetRows) throw new AppError('import.too_many_rows', { max: maxSheetRows });
    let length = cells.length;
    while (length > 0 && cells[length - 1] === null) length--;
    if (length === 0) return;
    if (length < cells.length) cells.length = length;
    // Rows out of order (hand-written XML) are appended rather than dropped.
    while (this.#emitted < index) {
      this.#batch.push([]);
      this.#emitted++;
    }
    this.#batch.push(cells);
    this.#emitted++;
  }

  take(): RawRow[] {
    const batch = this.#batch;
    this.#batch = [];
    return batch;
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('jobs.cancelled');
}
