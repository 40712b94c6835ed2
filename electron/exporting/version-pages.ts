import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ColumnInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { getColumns, quoteColumn, versionRowsTable } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';

// What every export format reads: a version's rows in order, page by page. Pages by _row
// rather than one open cursor, with a turn of the event loop between two pages, so the
// connection and the thread stay free for other calls during a long export; memory holds one
// page, whatever the size of the version.
const rowsPerPage = 5000;

export type StoredValue = string | number | null;

export interface VersionPages {
  columns: ColumnInfo[];
  rowCount: number;
  pages(signal: AbortSignal): AsyncGenerator<StoredValue[][]>;
}

export function versionPages(db: Db, versionId: number): VersionPages {
  const columns = getColumns(db, versionId);
  if (columns.length === 0) throw new AppError('versions.not_found', { versionId });
  const table = versionRowsTable(versionId);
  const select = columns.map((c) => quoteColumn(columns, c.name)).join(', ');
  const page = db.prepare(`SELECT _row, ${select} FROM "${table}" WHERE _row > ? ORDER BY _row LIMIT ${rowsPerPage}`).raw(true);
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number };
  return {
    columns,
    rowCount: n,
    async *pages(signal) {
      for (let after = 0; ; ) {
        if (signal.aborted) throw new AppError('jobs.cancelled');
        const batch = page.all(after) as [number, ...StoredValue[]][];
        if (batch.length === 0) return;
        after = batch[batch.length - 1]![0];
        yield batch.map((row) => row.slice(1) as StoredValue[]);
        await nextTurn();
      }
    },
  };
}

// A file written with back-pressure: `write` waits while the stream's buffer is full.
export interface FileSink {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<number>;
}

export function fileSink(path: string): FileSink {
  const out = createWriteStream(path, { mode: 0o600 });
  const failed = once(out, 'error').then(([error]) => Promise.reject(error));
  failed.catch(() => {});
  return {
    async write(chunk) {
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    },
    async close() {
      out.end();
      await Promise.race([once(out, 'finish'), failed]);
      return out.bytesWritten;
    },
  };
}
