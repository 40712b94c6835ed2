import { randomBytes } from 'node:crypto';
import type { Db } from '../workspace/open-workspace';
import type { GridWorker } from './grid-worker-client';

// Indexes on the sorted columns of a rows table, created when a view is first sorted on them.
// Versions are immutable, so an index built once stays valid; a working copy's indexes are
// kept up to date by SQLite. The key lists quoted column names, the first one ascending
// (SQLite scans an index backwards for the opposite order).
export interface IndexKey {
  // Quoted column names with their direction relative to the first one.
  terms: { quoted: string; desc: boolean }[];
}

// Random suffix: a saved working copy becomes a version table and keeps its indexes, so a name
// derived from the table could collide with the next working copy's.
function indexName(table: string): string {
  return `sort_${table}_${randomBytes(6).toString('hex')}`;
}

function hasIndex(db: Db, table: string, key: IndexKey): boolean {
  const indexes = db.prepare(`SELECT name FROM pragma_index_list(?)`).all(table) as { name: string }[];
  return indexes.some(({ name }) => {
    const cols = db.prepare('SELECT name, desc FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(name) as {
      name: string;
      desc: number;
    }[];
    return (
      cols.length === key.terms.length &&
      cols.every((c, i) => `"${c.name}"` === key.terms[i]!.quoted && (c.desc === 1) === key.terms[i]!.desc)
    );
  });
}

export function createIndex(db: Db, table: string, key: IndexKey): void {
  if (hasIndex(db, table, key)) return;
  const cols = key.terms.map((t) => `${t.quoted}${t.desc ? ' DESC' : ''}`).join(', ');
  db.exec(`CREATE INDEX "${indexName(table)}" ON "${table}" (${cols})`);
}

const scheduled = new WeakMap<Db, Set<string>>();

// Building an index on a million rows takes about half a second: the block that asked for
// the sort is answered with a plain ORDER BY … LIMIT, then the grid worker builds the index
// (after the reply, so the two scans of the table do not share the cores); until it exists,
// later blocks are answered the same way.
export function ensureIndexSoon(db: Db, worker: GridWorker, table: string, key: IndexKey): boolean {
  if (hasIndex(db, table, key)) return true;
  let pending = scheduled.get(db);
  if (!pending) scheduled.set(db, (pending = new Set()));
  const id = table + JSON.stringify(key.terms);
  if (!pending.has(id)) {
    pending.add(id);
    // A build that failed (the workspace closing, a write held past busy_timeout) is asked
    // for again by the next block of that sort.
    setImmediate(() => {
      void worker
        .run('createIndex', { table, key })
        .catch(() => {})
        .finally(() => pending.delete(id));
    });
  }
  return false;
}
