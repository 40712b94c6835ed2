import type { ColumnFilter, ColumnInfo, FilterCondition, FilterModel } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { quoteColumn } from '../datasets/version-store';
import { toStored } from './view-table';

// A piece of SQL with its bound values. Column names come only from quoteColumn(); every
// value the page sends is a bound parameter.
export interface SqlPart {
  sql: string;
  params: unknown[];
}

const always: SqlPart = { sql: '1', params: [] };

export function likePattern(text: string, prefix: string, suffix: string): string {
  return prefix + text.replace(/[\\%_]/g, (c) => '\\' + c) + suffix;
}

function and(parts: SqlPart[], joiner = ' AND '): SqlPart {
  if (parts.length === 0) return always;
  return { sql: parts.map((p) => `(${p.sql})`).join(joiner), params: parts.flatMap((p) => p.params) };
}

export function whereClause(columns: readonly ColumnInfo[], filterModel: FilterModel, quickFilter: string): SqlPart {
  const parts = Object.entries(filterModel).map(([colId, filter]) => columnFilterSql(columns, colId, filter));
  const quick = quickFilterSql(columns, quickFilter);
  if (quick) parts.push(quick);
  return and(parts);
}

// `_row` (the row number the grid shows) is no column of the version, yet it can be filtered
// like an integer column.
const rowNumber: ColumnInfo = { name: '_row', label: 'N°', type: 'integer', position: -1, errorCount: 0 };

function columnFilterSql(columns: readonly ColumnInfo[], colId: string, filter: ColumnFilter): SqlPart {
  const q = quoteColumn(columns, colId);
  const column = colId === rowNumber.name ? rowNumber : columns.find((c) => c.name === colId)!;
  if (filter.filterType === 'set') {
    const values = filter.values.map(toStored);
    const present = values.filter((v) => v !== null);
    const parts: SqlPart[] = [];
    if (present.length) parts.push({ sql: `${q} IN (${present.map(() => '?').join(', ')})`, params: present });
    if (values.length !== present.length) parts.push({ sql: `${q} IS NULL OR ${q} = ''`, params: [] });
    return parts.length ? and(parts, ' OR ') : { sql: '0', params: [] };
  }
  if ('conditions' in filter) {
    const conditions = filter.conditions.map((c: FilterCondition) => conditionSql(q, column, c));
    return and(conditions, filter.operator === 'OR' ? ' OR ' : ' AND ');
  }
  return conditionSql(q, column, filter);
}

const blank = (q: string): SqlPart => ({ sql: `${q} IS NULL OR ${q} = ''`, params: [] });
const notBlank = (q: string): SqlPart => ({ sql: `${q} IS NOT NULL AND ${q} <> ''`, params: [] });

function bad(column: ColumnInfo): never {
  throw new AppError('grid.bad_filter', { column: column.label || column.name });
}

function conditionSql(q: string, column: ColumnInfo, c: FilterCondition): SqlPart {
  if (c.type === 'blank') return blank(q);
  if (c.type === 'notBlank') return notBlank(q);
  if (c.filterType === 'text') {
    const text = c.filter ?? '';
    switch (c.type) {
      case 'contains':
        return { sql: `${q} LIKE ? ESCAPE '\\'`, params: [likePattern(text, '%', '%')] };
      case 'notContains':
        return { sql: `${q} IS NULL OR ${q} NOT LIKE ? ESCAPE '\\'`, params: [likePattern(text, '%', '%')] };
      case 'startsWith':
        return { sql: `${q} LIKE ? ESCAPE '\\'`, params: [likePattern(text, '', '%')] };
      case 'endsWith':
        return { sql: `${q} LIKE ? ESCAPE '\\'`, params: [likePattern(text, '%', '')] };
      // Case-insensitive like the other text conditions; the cell is compared as text.
      case 'equals':
        return { sql: `lower(CAST(${q} AS TEXT)) = lower(?)`, params: [text] };
      case 'notEqual':
        return { sql: `${q} IS NULL OR lower(CAST(${q} AS TEXT)) <> lower(?)`, params: [text] };
    }
  }
  if (c.filterType === 'number') {
    if (column.type !== 'integer' && column.type !== 'decimal') bad(column);
    // Cells kept as text (type errors) never match a number range.
    return rangeSql(q, `typeof(${q}) IN ('integer', 'real')`, c.type, c.filter, c.filterTo, column);
  }
  if (column.type !== 'date' && column.type !== 'datetime') bad(column);
  const from = dateBound(c.dateFrom, column);
  const to = dateBound(c.dateTo, column);
  const target = column.type === 'datetime' && (c.type === 'equals' || c.type === 'notEqual') ? `substr(${q}, 1, 10)` : q;
  const valid = column.type === 'date' ? `${q} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'` : `${q} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'`;
  if (target !== q) return rangeSql(target, valid, c.type, from?.slice(0, 10), to?.slice(0, 10), column);
  return rangeSql(q, valid, c.type, from, to, column);
}

// AG Grid sends 'YYYY-MM-DD HH:mm:ss'; stored dates are 'YYYY-MM-DD', datetimes 'YYYY-MM-DDTHH:MM:SS'.
function dateBound(value: string | null | undefined, column: ColumnInfo): string | null {
  if (value === null || value === undefined || value === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?$/.exec(value);
  if (!m) bad(column);
  return column.type === 'date' ? m[1]! : `${m[1]}T${m[2] ?? '00:00:00'}`;
}

function rangeSql(
  target: string,
  valid: string,
  type: FilterCondition['type'],
  from: number | string | null | undefined,
  to: number | string | null | undefined,
  column: ColumnInfo,
): SqlPart {
  const need = (v: number | string | null | undefined): number | string => (v === null || v === undefined ? bad(column) : v);
  const op: Record<string, string> = {
    equals: '=',
    notEqual: '<>',
    lessThan: '<',
    lessThanOrEqual: '<=',
    greaterThan: '>',
    greaterThanOrEqual: '>=',
  };
  if (type === 'inRange') {
    return { sql: `${valid} AND ${target} >= ? AND ${target} <= ?`, params: [need(from), need(to)] };
  }
  const sqlOp = op[type];
  if (!sqlOp) bad(column);
  return { sql: `${valid} AND ${target} ${sqlOp} ?`, params: [need(from)] };
}

// Every word must appear in some column (AND of ORs), case-insensitively like the text filter.
function quickFilterSql(columns: readonly ColumnInfo[], quickFilter: string): SqlPart | null {
  const words = quickFilter.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || columns.length === 0) return null;
  const searchable = columns.filter((c) => c.type !== 'boolean');
  return and(
    words.map((word) => {
      const pattern = likePattern(word, '%', '%');
      return {
        sql: searchable.map((c) => `${quoteColumn(columns, c.name)} LIKE ? ESCAPE '\\'`).join(' OR ') || '0',
        params: searchable.map(() => pattern),
      };
    }),
  );
}
