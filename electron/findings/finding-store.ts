import {
  findingSources,
  type FindingEntry,
  type FindingScope,
  type FindingSeverity,
  type FindingSource,
  type FindingsFilter,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { getColumns } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';

// The one place that writes and reads the `findings` table (migration 006). The import, the
// grid, edits saved as a version, validation, personal-data scans and manual flags all go
// through these functions; nobody else writes SQL against the table.

export type FindingParams = Record<string, string | number>;

export interface NewFinding {
  source: FindingSource;
  severity: FindingSeverity;
  code: string;
  // Serialised once per distinct object: bulk writers reuse one object for many findings.
  params?: FindingParams;
  // Both null: the whole version (table scope); a row, a column, or both for a cell.
  rowId?: number | null;
  column?: string | null;
  note?: string | null;
}

const sources: ReadonlySet<string> = new Set(findingSources);

const scopeOf = (rowId: number | null, column: string | null): FindingScope =>
  rowId === null ? (column === null ? 'table' : 'column') : column === null ? 'row' : 'cell';

// Bulk insert, in one transaction (a savepoint inside the caller's). Columns are checked
// against the version's own, sources against the open list; row ids are the caller's word
// (the import writes millions of them, a lookup each would double its cost). Returns the id
// of the first finding written (ids are consecutive within one write transaction).
export function addFindings(db: Db, versionId: number, findings: Iterable<NewFinding>, createdBy: number | null = null): { firstId: number | null; count: number } {
  const columns = new Set(getColumns(db, versionId).map((c) => c.name));
  const insert = db.prepare(
    `INSERT INTO findings (version_id, source, scope, row_id, column_name, severity, code, params, note, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = nowIso();
  let lastParams: FindingParams | undefined;
  let lastJson = '{}';
  return db.transaction(() => {
    let firstId: number | null = null;
    let count = 0;
    for (const f of findings) {
      if (!sources.has(f.source)) throw new Error(`unknown finding source ${f.source}`);
      const rowId = f.rowId ?? null;
      const column = f.column ?? null;
      if (column !== null && !columns.has(column)) throw new AppError('columns.not_found', { column });
      if (f.params !== lastParams) {
        lastParams = f.params;
        lastJson = JSON.stringify(f.params ?? {});
      }
      const id = insert.run(versionId, f.source, scopeOf(rowId, column), rowId, column, f.severity, f.code, lastJson, f.note ?? null, createdBy, at)
        .lastInsertRowid;
      firstId ??= Number(id);
      count++;
    }
    return { firstId, count };
  })();
}

interface FindingRow {
  id: number;
  version_id: number;
  source: FindingSource;
  scope: FindingScope;
  row_id: number | null;
  column_name: string | null;
  severity: FindingSeverity;
  code: string;
  params: string;
  note: string | null;
  created_by_name: string | null;
  created_at: string;
  status: FindingEntry['status'];
  decided_by_name: string | null;
  decided_at: string | null;
  justification: string | null;
}

const selectEntry = `SELECT f.*, cu.name AS created_by_name, du.name AS decided_by_name FROM findings f
  LEFT JOIN users cu ON cu.id = f.created_by LEFT JOIN users du ON du.id = f.decided_by`;

const toEntry = (f: FindingRow): FindingEntry => ({
  id: f.id,
  source: f.source,
  scope: f.scope,
  rowId: f.row_id,
  column: f.column_name,
  severity: f.severity,
  code: f.code,
  params: JSON.parse(f.params) as FindingParams,
  note: f.note,
  createdBy: f.created_by_name,
  createdAt: f.created_at,
  status: f.status,
  decidedBy: f.decided_by_name,
  decidedAt: f.decided_at,
  justification: f.justification,
});

export function getFinding(db: Db, findingId: number): FindingEntry & { versionId: number } {
  const row = db.prepare(`${selectEntry} WHERE f.id = ?`).get(findingId) as FindingRow | undefined;
  if (!row) throw new AppError('findings.not_found', { findingId });
  return { ...toEntry(row), versionId: row.version_id };
}

// The version's findings matching the filter, whole-version ones first, then in row order;
// with the count of every finding of the version by source, severity and status.
export function listFindings(db: Db, versionId: number, filter: FindingsFilter, offset: number, limit: number) {
  const conditions = ['f.version_id = ?'];
  const params: (string | number)[] = [versionId];
  const oneOf = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    conditions.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(values));
  };
  oneOf('f.source', filter.sources);
  oneOf('f.severity', filter.severities);
  oneOf('f.status', filter.statuses);
  const where = conditions.join(' AND ');
  const total = db.prepare(`SELECT COUNT(*) FROM findings f WHERE ${where}`).pluck().get(...params) as number;
  const rows = db.prepare(`${selectEntry} WHERE ${where} ORDER BY f.row_id, f.id LIMIT ? OFFSET ?`).all(...params, limit, offset) as FindingRow[];
  const counts = db
    .prepare('SELECT source, severity, status, COUNT(*) AS count FROM findings WHERE version_id = ? GROUP BY source, severity, status')
    .all(versionId) as { source: FindingSource; severity: FindingSeverity; status: FindingEntry['status']; count: number }[];
  return { total, findings: rows.map(toEntry), counts };
}

export interface RowFindingRow {
  row_id: number;
  column_name: string | null;
  source: FindingSource;
  severity: FindingSeverity;
  code: string;
}

// Open findings on these rows (the grid's block), for its styles.
export function openFindingsOfRows(db: Db, versionId: number, idList: string): RowFindingRow[] {
  return db
    .prepare(
      `SELECT row_id, column_name, source, severity, code FROM findings
       WHERE version_id = ? AND status = 'open' AND row_id IN (SELECT value FROM json_each(?))`,
    )
    .all(versionId, idList) as RowFindingRow[];
}
