import type { Db } from '../workspace/open-workspace';
import { generation } from './view-table';

// What the service remembers about one view (table + sort + filters) between block requests:
// its row count and, per segment, the sort key of known positions, so that the next block
// starts from an index seek instead of an OFFSET over everything before it.
export interface Cursor {
  pos: number;
  key: unknown[];
}

export interface ViewCache {
  count?: number;
  segmentCounts: Map<number, number>;
  cursors: Map<number, Cursor[]>;
}

const maxViews = 32;
const caches = new WeakMap<Db, Map<string, ViewCache>>();

export function viewCache(db: Db, table: string, viewKey: string): ViewCache {
  let map = caches.get(db);
  if (!map) caches.set(db, (map = new Map()));
  const key = `${table}#${generation(db, table)}#${viewKey}`;
  let cache = map.get(key);
  if (cache) {
    // Most recently used last, so the oldest view is the one dropped.
    map.delete(key);
  } else {
    cache = { segmentCounts: new Map(), cursors: new Map() };
    if (map.size >= maxViews) map.delete(map.keys().next().value!);
  }
  map.set(key, cache);
  return cache;
}

const maxCursors = 4000;

// Cursors are kept sorted by position, up to a cap per segment.
export function rememberCursor(cache: ViewCache, segment: number, cursor: Cursor): void {
  let list = cache.cursors.get(segment);
  if (!list) cache.cursors.set(segment, (list = []));
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.pos < cursor.pos) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo]?.pos === cursor.pos) return;
  if (list.length >= maxCursors) return;
  list.splice(lo, 0, cursor);
}

// The known position closest before `pos` (strictly), if any.
export function cursorBefore(cache: ViewCache, segment: number, pos: number): Cursor | undefined {
  const list = cache.cursors.get(segment);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}
