import type { ColumnInfo, ColumnProfile } from '../../shared/contract';
import { quoteColumn } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { column } from './edit-operations';
import { toCellValue, versionView, type VersionView } from './view-table';

const buckets = 10;

// The profile of one column, in SQL over the whole version. Cached in column_profiles for an
// immutable version; a working copy changes with every edit, so its profile is computed anew.
export function columnProfile(db: Db, versionId: number, columnName: string): ColumnProfile {
  const view = versionView(db, versionId);
  const target = column(view.columns, columnName);
  if (!view.pending) {
    const cached = db
      .prepare('SELECT profile FROM column_profiles WHERE version_id = ? AND column_name = ?')
      .pluck()
      .get(versionId, target.name) as string | undefined;
    if (cached) return JSON.parse(cached) as ColumnProfile;
  }
  const profile = computeProfile(db, view, target);
  if (!view.pending) {
    db.prepare('INSERT OR REPLACE INTO column_profiles (version_id, column_name, profile) VALUES (?, ?, ?)').run(
      versionId,
      target.name,
      JSON.stringify(profile),
    );
  }
  return profile;
}

function computeProfile(db: Db, view: VersionView, target: ColumnInfo): ColumnProfile {
  const q = quoteColumn(view.columns, target.name);
  const t = `"${view.table}"`;
  const numeric = target.type === 'integer' || target.type === 'decimal';
  const dated = target.type === 'date' || target.type === 'datetime';
  // Values kept as text (type errors) are left out of min/max/mean and the histogram.
  const valid = numeric ? `typeof(${q}) IN ('integer', 'real')` : dated ? `${q} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'` : '0';
  const measure = numeric ? q : `julianday(${q})`;
  const stats = db
    .prepare(
      `SELECT COUNT(*) AS count, SUM(${q} IS NULL OR ${q} = '') AS blanks,
              MIN(CASE WHEN ${valid} THEN ${measure} END) AS lo, MAX(CASE WHEN ${valid} THEN ${measure} END) AS hi,
              AVG(CASE WHEN ${valid} THEN ${measure} END) AS mean
       FROM ${t}`,
    )
    .get() as { count: number; blanks: number | null; lo: number | null; hi: number | null; mean: number | null };
  const grouped = db
    .prepare(`SELECT ${q} AS value, COUNT(*) AS n FROM ${t} WHERE ${q} IS NOT NULL AND ${q} <> '' GROUP BY ${q}`)
    .raw()
    .all() as [string | number, number][];
  const top = grouped
    .slice()
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([value, count]) => ({ value: toCellValue(target, value), count }));
  const shown = (v: number | null): number | string | null =>
    v === null || !dated ? v : julianToIso(v, target.type === 'datetime');
  return {
    column: target.name,
    type: target.type,
    count: stats.count,
    blanks: stats.blanks ?? 0,
    distinct: grouped.length,
    min: shown(stats.lo),
    max: shown(stats.hi),
    mean: shown(stats.mean),
    top,
    histogram: (numeric || dated) && stats.lo !== null && stats.hi !== null ? histogram(db, t, valid, measure, stats.lo, stats.hi, shown) : [],
  };
}

function histogram(
  db: Db,
  t: string,
  valid: string,
  measure: string,
  lo: number,
  hi: number,
  shown: (v: number | null) => number | string | null,
): ColumnProfile['histogram'] {
  const width = (hi - lo) / buckets || 1;
  const counts = db
    .prepare(`SELECT MIN(CAST((${measure} - ?) / ? AS INTEGER), ${buckets - 1}) AS b, COUNT(*) AS n FROM ${t} WHERE ${valid} GROUP BY b`)
    .raw()
    .all(lo, width) as [number, number][];
  const byBucket = new Map(counts);
  const n = hi === lo ? 1 : buckets;
  return Array.from({ length: n }, (_, i) => ({ from: shown(lo + i * width), to: shown(i === n - 1 ? hi : lo + (i + 1) * width), count: byBucket.get(i) ?? 0 }));
}

function julianToIso(julian: number, withTime: boolean): string {
  const iso = new Date(Math.round((julian - 2440587.5) * 86_400_000)).toISOString();
  return withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}
