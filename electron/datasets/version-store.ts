import type { ColumnInfo, ColumnType, DatasetSummary, VersionSummary } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';

// How a column type is stored in a version's rows table. A value that does not fit the
// type is stored as TEXT in the same column (SQLite keeps it as written) and flagged.
//   integer → INTEGER · decimal → REAL · boolean → INTEGER 0/1
//   date → TEXT 'YYYY-MM-DD' · datetime → TEXT 'YYYY-MM-DDTHH:MM:SS' · text → TEXT
const sqlAffinity: Record<ColumnType, string> = {
  integer: 'INTEGER',
  decimal: 'REAL',
  boolean: 'INTEGER',
  date: 'TEXT',
  datetime: 'TEXT',
  text: 'TEXT',
};

// Whether a stored value has the storage class of its column type (a type finding is settled
// once the cell holds such a value).
export function fitsType(column: ColumnInfo, stored: unknown): boolean {
  if (stored === null || stored === undefined) return true;
  switch (column.type) {
    case 'integer':
      return typeof stored === 'number' && Number.isInteger(stored);
    case 'boolean':
      return stored === 0 || stored === 1;
    case 'decimal':
      return typeof stored === 'number';
    case 'date':
      return typeof stored === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(stored);
    case 'datetime':
      return typeof stored === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(stored);
    case 'text':
      return true;
  }
}

const safeName = /^[a-z_][a-z0-9_]{0,62}$/;

export function versionRowsTable(versionId: number): string {
  return `rows_v${versionId}`;
}

// Column names reach SQL only through here, after being checked against the version's own
// columns; everything else is a bound parameter.
export function quoteColumn(columns: readonly ColumnInfo[], name: string): string {
  if (name === '_row') return '"_row"';
  const column = columns.find((c) => c.name === name);
  if (!column || !safeName.test(column.name)) throw new AppError('columns.not_found', { column: name });
  return `"${column.name}"`;
}

export function createRowsTable(db: Db, table: string, columns: readonly ColumnInfo[]): void {
  if (!/^(rows|staging)_[a-z0-9_]+$/.test(table)) throw new Error(`bad table name ${table}`);
  for (const c of columns) if (!safeName.test(c.name)) throw new Error(`bad column name ${c.name}`);
  const defs = columns.map((c) => `"${c.name}" ${sqlAffinity[c.type]}`).join(', ');
  // _row is the stable row identity inside a version: edits, flags and comments point to it.
  db.exec(`CREATE TABLE "${table}" ("_row" INTEGER PRIMARY KEY${defs ? ', ' + defs : ''})`);
}

interface VersionRow {
  id: number;
  dataset_id: number;
  number: number;
  created_at: string;
  created_by_name: string;
  origin: 'import' | 'edits';
  row_count: number;
  source: string | null;
  changes: string | null;
}

export function getColumns(db: Db, versionId: number): ColumnInfo[] {
  return db
    .prepare(
      'SELECT name, label, type, position, error_count AS errorCount FROM version_columns WHERE version_id = ? ORDER BY position',
    )
    .all(versionId) as ColumnInfo[];
}

export function getVersion(db: Db, versionId: number): VersionSummary {
  const row = db
    .prepare(
      `SELECT v.*, u.name AS created_by_name FROM versions v JOIN users u ON u.id = v.created_by WHERE v.id = ?`,
    )
    .get(versionId) as VersionRow | undefined;
  if (!row) throw new AppError('versions.not_found', { versionId });
  return toVersionSummary(db, row);
}

export function listVersions(db: Db, datasetId: number): VersionSummary[] {
  const rows = db
    .prepare(
      `SELECT v.*, u.name AS created_by_name FROM versions v JOIN users u ON u.id = v.created_by
       WHERE v.dataset_id = ? ORDER BY v.number`,
    )
    .all(datasetId) as VersionRow[];
  return rows.map((row) => toVersionSummary(db, row));
}

export function latestVersionId(db: Db, datasetId: number): number | null {
  const row = db.prepare('SELECT id FROM versions WHERE dataset_id = ? ORDER BY number DESC LIMIT 1').get(datasetId) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

function toVersionSummary(db: Db, row: VersionRow): VersionSummary {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    number: row.number,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    origin: row.origin,
    rowCount: row.row_count,
    columns: getColumns(db, row.id),
    source: row.source ? JSON.parse(row.source) : null,
    changes: row.changes ? JSON.parse(row.changes) : null,
  };
}

const datasetSelect = `SELECT d.id, d.name, d.created_at AS createdAt, d.updated_at AS updatedAt, u.name AS createdBy,
       d.producer_id AS producerId, p.name AS producerName,
       COALESCE(v.number, 0) AS latestVersion, COALESCE(v.row_count, 0) AS rowCount,
       (SELECT COUNT(*) FROM version_columns c WHERE c.version_id = v.id) AS columnCount
  FROM datasets d JOIN users u ON u.id = d.created_by JOIN producers p ON p.id = d.producer_id
  LEFT JOIN versions v ON v.id = (SELECT id FROM versions WHERE dataset_id = d.id ORDER BY number DESC LIMIT 1)`;

// `producerIds`: only the datasets of these producers (the caller's, from the permission
// check); null for all of them.
export function listDatasets(db: Db, producerIds: readonly number[] | null = null): DatasetSummary[] {
  const where = producerIds === null ? '' : `WHERE d.producer_id IN (SELECT value FROM json_each(?))`;
  const params = producerIds === null ? [] : [JSON.stringify(producerIds)];
  return db.prepare(`${datasetSelect} ${where} ORDER BY d.updated_at DESC, d.id DESC`).all(...params) as DatasetSummary[];
}

export function getDataset(db: Db, datasetId: number): DatasetSummary {
  const found = db.prepare(`${datasetSelect} WHERE d.id = ?`).get(datasetId) as DatasetSummary | undefined;
  if (!found) throw new AppError('datasets.not_found', { datasetId });
  return found;
}

// Where a new version goes: an existing dataset, or a new one of that producer.
export type DatasetTarget = { datasetId: number; producerId: null } | { datasetId: null; producerId: number };

export interface NewVersion {
  datasetId: number | null; // null: a new dataset named datasetName, of producerId
  producerId?: number | null;
  datasetName: string;
  userId: number;
  origin: 'import' | 'edits';
  columns: ColumnInfo[];
  rowCount: number;
  source: VersionSummary['source'];
  changes: VersionSummary['changes'];
  // The filled staging table (same columns as `columns`, built with createRowsTable) that
  // becomes the version's rows table.
  stagingTable: string;
}

// The switch-over: one transaction that turns a filled staging table into an immutable
// version. Until it commits, no version exists; a crash before leaves only a staging table,
// which dropStaleStaging() removes on the next open.
export function commitVersion(db: Db, v: NewVersion): { datasetId: number; versionId: number; number: number } {
  return db.transaction(() => {
    const at = nowIso();
    let datasetId = v.datasetId;
    if (datasetId === null) {
      if (v.producerId === undefined || v.producerId === null) throw new Error('a new dataset needs its producer');
      datasetId = Number(
        db.prepare('INSERT INTO datasets (name, created_at, updated_at, created_by, producer_id) VALUES (?, ?, ?, ?, ?)').run(
          v.datasetName,
          at,
          at,
          v.userId,
          v.producerId,
        ).lastInsertRowid,
      );
    } else {
      const updated = db.prepare('UPDATE datasets SET updated_at = ? WHERE id = ?').run(at, datasetId);
      if (updated.changes === 0) throw new AppError('datasets.not_found', { datasetId });
    }
    const { next } = db
      .prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM versions WHERE dataset_id = ?')
      .get(datasetId) as { next: number };
    const versionId = Number(
      db
        .prepare(
          `INSERT INTO versions (dataset_id, number, created_at, created_by, origin, row_count, source, changes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          datasetId,
          next,
          at,
          v.userId,
          v.origin,
          v.rowCount,
          v.source ? JSON.stringify(v.source) : null,
          v.changes ? JSON.stringify(v.changes) : null,
        ).lastInsertRowid,
    );
    const insertColumn = db.prepare(
      'INSERT INTO version_columns (version_id, position, name, label, type, error_count) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const c of v.columns) insertColumn.run(versionId, c.position, c.name, c.label, c.type, c.errorCount);
    db.exec(`ALTER TABLE "${v.stagingTable}" RENAME TO "${versionRowsTable(versionId)}"`);
    return { datasetId, versionId, number: next };
  }).immediate();
}

export function dropStaleStaging(db: Db): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'staging\\_%' ESCAPE '\\'")
    .all() as { name: string }[];
  for (const { name } of tables) db.exec(`DROP TABLE "${name}"`);
}
