import type { ColumnInfo, ColumnProfile } from '../../shared/contract';
import { quoteColumn } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import type { GridWorker } from './grid-worker-client';
import { toCellValue, versionView, type VersionView, versionColumn } from './view-table';

const buckets = 10;

// The profile of one column, in SQL over the whole version, computed by the grid worker.
// Cached in column_profiles for an immutable version; a working copy changes with every edit,
// so its profile is computed anew.
export async function columnProfile(db: Db, worker: GridWorker, versionId: number, userId: number, columnName: string): Promise<ColumnProfile> {
  const view = versionView(db, versionId, userId);
  const target = versionColumn(view.columns, columnName);
  if (!view.pending) {
    const cached = db
      .prepare('SELECT profile FROM column_profiles WHERE version_id = ? AND column_name = ?')
      .pluck()
      .get(versionId, target.name) as string | undefined;
    if (cached) return JSON.parse(cached) as ColumnProfile;
  }
  const profile = await worker.run('profile', { view, target });
  if (!view.pending) {
    db.prepare('INSERT OR REPLACE INTO column_profiles (version_id, column_name, profile) VALUES (?, ?, ?)').run(
      versionId,
      target.name,
      JSON.stringify(profile),
    );
  }
  return profile;
}

export function computeProfile(db: Db, view: VersionView, target: ColumnInfo): ColumnProfile {
  const q = quoteColumn(view.columns, target.name);
  const t = `"${view.table}"`;
  const numeric = target.type === 'integer' || target.type === 'decimal';
  const dated = target.type === 'date' || target.type === 'datetime';
  // Values kept as text (type errors) are left out of min/max/mean and the histogram.
  const valid = numeric ? `typeof(${q}) IN ('integer', 'real')` : dated ? `${q} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'` : '0';
  // ISO dates order as text: only the mean needs julianday().
  const raw = db
    .prepare(
      `SELECT COUNT(*) AS count, SUM(${q} IS NULL OR ${q} = '') AS blanks,
              MIN(CASE WHEN ${valid} THEN ${q} END) AS lo, MAX(CASE WHEN ${valid} THEN ${q} END) AS hi,
              AVG(CASE WHEN ${valid} THEN ${numeric ? q : `julianday(${q})`} END) AS mean
       FROM ${t}`,
    )
    .get() as { count: number; blanks: number | null; lo: number | string | null; hi: number | string | null; mean: number | null };
  const measured = (v: number | string | null) => (typeof v === 'string' ? isoToJulian(v) : v);
  const stats = { ...raw, lo: measured(raw.lo), hi: measured(raw.hi) };
  // Distinct count and the 10 most frequent values in one grouping pass.
  const top = db
    .prepare(
      `SELECT value, n, COUNT(*) OVER () AS distinct_count FROM
         (SELECT ${q} AS value, COUNT(*) AS n FROM ${t} WHERE ${q} IS NOT NULL AND ${q} <> '' GROUP BY ${q})
       ORDER BY n DESC, value LIMIT 10`,
    )
    .all() as { value: string | number; n: number; distinct_count: number }[];
  const shown = (v: number | null): number | string | null =>
    v === null || !dated ? v : julianToIso(v, target.type === 'datetime');
  return {
    column: target.name,
    type: target.type,
    count: stats.count,
    blanks: stats.blanks ?? 0,
    distinct: top[0]?.distinct_count ?? 0,
    min: shown(stats.lo),
    max: shown(stats.hi),
    mean: shown(stats.mean),
    top: top.map((r) => ({ value: toCellValue(target, r.value), count: r.n })),
    histogram: (numeric || dated) && stats.lo !== null && stats.hi !== null ? histogram(db, t, q, valid, dated, stats.lo, stats.hi, shown) : [],
  };
}

// Ten equal buckets between min and max. Dates are bucketed by comparing the stored ISO text
// with the buckets' bounds (julianday() on every row would double the cost).
function histogram(
  db: Db,
  t: string,
  q: string,
  valid: string,
  dated: boolean,
  lo: number,
  hi: number,
  shown: (v: number | null) => number | string | null,
): ColumnProfile['histogram'] {
  const n = hi === lo ? 1 : buckets;
  const width = (hi - lo) / n;
  const inner = Array.from({ length: n - 1 }, (_, i) => lo + (i + 1) * width);
  const bucket = dated ? inner.map(() => `(${q} >= ?)`).join(' + ') || '0' : `MIN(CAST((${q} - ?) / ? AS INTEGER), ${n - 1})`;
  const counts = db
    .prepare(`SELECT ${bucket} AS b, COUNT(*) AS n FROM ${t} WHERE ${valid} GROUP BY b`)
    .raw()
    .all(...(dated ? inner.map(shown) : [lo, width || 1])) as [number, number][];
  const byBucket = new Map(counts);
  return Array.from({ length: n }, (_, i) => ({ from: shown(lo + i * width), to: shown(i === n - 1 ? hi : lo + (i + 1) * width), count: byBucket.get(i) ?? 0 }));
}

function isoToJulian(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`) / 86_400_000 + 2440587.5;
}

function julianToIso(julian: number, withTime: boolean): string {
  const iso = new Date(Math.round((julian - 2440587.5) * 86_400_000)).toISOString();
  return withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}
