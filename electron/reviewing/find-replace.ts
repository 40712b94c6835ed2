import type { ColumnInfo } from '../../shared/contract';
import { coerceValue } from '../../shared/french-values';
import { quoteColumn } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { recordEdit, type Change } from './edit-log';
import { likePattern } from './grid-filter-sql';
import { versionView, versionColumn } from './view-table';

export interface FindReplace {
  find: string;
  replace: string;
  column: string | null;
  matchCase: boolean;
  wholeCell: boolean;
}

// Cells whose text contains `find` (or equals it, wholeCell) get it replaced; a result that
// no longer fits its column type is skipped and counted, never stored. The preview runs the
// same code without recording anything.
export function findReplace(db: Db, versionId: number, userId: number, spec: FindReplace, apply: boolean): { matches: number; skipped: number } {
  const view = versionView(db, versionId, userId);
  const targets = spec.column === null ? view.columns : [versionColumn(view.columns, spec.column)];
  const escaped = spec.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(spec.wholeCell ? `^${escaped}$` : escaped, spec.matchCase ? 'gu' : 'giu');
  const changes: Change[] = [];
  let skipped = 0;
  for (const c of targets) {
    for (const [rowId, old] of candidates(db, view.table, view.columns, c, spec)) {
      const text = String(old);
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      const replaced = text.replace(pattern, () => spec.replace);
      const coerced = coerceValue(c.type, replaced === '' ? null : replaced);
      if (!coerced.ok) {
        skipped += 1;
        continue;
      }
      if (coerced.value !== old) changes.push({ rowId, column: c.name, old, new: coerced.value });
    }
  }
  if (apply) recordEdit(db, versionId, userId, 'replace', changes);
  return { matches: changes.length, skipped };
}

// A first cut in SQL (LIKE is case-insensitive for ASCII only, so the exact test is in JS).
function candidates(db: Db, table: string, columns: readonly ColumnInfo[], c: ColumnInfo, spec: FindReplace): [number, string | number][] {
  const q = quoteColumn(columns, c.name);
  const test = spec.matchCase ? `instr(${q}, ?) > 0` : `${q} LIKE ? ESCAPE '\\'`;
  const param = spec.matchCase ? spec.find : likePattern(spec.find, '%', '%');
  const asciiOnly = /^[\x00-\x7f]*$/.test(spec.find);
  // Non-ASCII letters differ in case beyond LIKE's reach: every non-empty cell is a candidate.
  const sql = spec.matchCase || asciiOnly ? `SELECT "_row", ${q} FROM "${table}" WHERE ${test}` : `SELECT "_row", ${q} FROM "${table}" WHERE ${q} IS NOT NULL`;
  const rows = db.prepare(sql).raw();
  return (spec.matchCase || asciiOnly ? rows.all(param) : rows.all()) as [number, string | number][];
}
