import type { ColumnInfo, SortModel } from '../../shared/contract';
import { quoteColumn } from '../datasets/version-store';
import type { SqlPart } from './grid-filter-sql';
import type { IndexKey } from './sort-indexes';

export interface SortTerm {
  quoted: string;
  desc: boolean;
}

// The view's order: the sort model, then _row in the direction of the first term, so that
// the order is total (ties broken) and one index on the sorted columns serves it.
export function sortTerms(columns: readonly ColumnInfo[], sortModel: SortModel): SortTerm[] {
  const seen = new Set<string>();
  const terms: SortTerm[] = [];
  for (const s of sortModel) {
    const quoted = quoteColumn(columns, s.colId);
    if (quoted === '"_row"' || seen.has(quoted)) continue;
    seen.add(quoted);
    terms.push({ quoted, desc: s.sort === 'desc' });
  }
  return terms;
}

export function orderBy(terms: readonly SortTerm[]): string {
  const rowDesc = terms[0]?.desc ?? false;
  return [...terms, { quoted: '"_row"', desc: rowDesc }].map((t) => `${t.quoted} ${t.desc ? 'DESC' : 'ASC'}`).join(', ');
}

// The index that serves these terms, scanned forwards or backwards.
export function indexKeyFor(terms: readonly SortTerm[]): IndexKey {
  const flip = terms[0]?.desc ?? false;
  return { terms: terms.map((t) => ({ quoted: t.quoted, desc: t.desc !== flip })) };
}

// Rows that come strictly before the row whose sort values are `values` (and id `rowId`), in
// the view's order; NULL sorts first ascending, last descending, as in SQLite.
export function beforeRow(terms: readonly SortTerm[], values: readonly unknown[], rowId: number): SqlPart {
  const alternatives: SqlPart[] = [];
  const equalSoFar: SqlPart[] = [];
  terms.forEach((t, i) => {
    const v = values[i];
    let before: SqlPart | null;
    if (!t.desc) before = v === null ? null : { sql: `(${t.quoted} < ? OR ${t.quoted} IS NULL)`, params: [v] };
    else before = v === null ? { sql: `${t.quoted} IS NOT NULL`, params: [] } : { sql: `${t.quoted} > ?`, params: [v] };
    if (before) alternatives.push(joinAnd([...equalSoFar, before]));
    equalSoFar.push({ sql: `${t.quoted} IS ?`, params: [v] });
  });
  const rowDesc = terms[0]?.desc ?? false;
  alternatives.push(joinAnd([...equalSoFar, { sql: `"_row" ${rowDesc ? '>' : '<'} ?`, params: [rowId] }]));
  return { sql: alternatives.map((a) => `(${a.sql})`).join(' OR '), params: alternatives.flatMap((a) => a.params) };
}

function joinAnd(parts: SqlPart[]): SqlPart {
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}
