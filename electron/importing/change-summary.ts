import type { ChangeSummary, ColumnInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { quoteColumn, versionRowsTable } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';

export interface ComparedVersion {
  table: string;
  columns: readonly ColumnInfo[];
  rowCount: number;
}

// What a new import changes against the dataset's previous version: columns by name; rows by
// the key column when one is chosen (a row is changed when a column both versions share holds
// another value). Without a key, rows cannot be matched and only the counts are given.
export function summarizeChanges(
  db: Db,
  previous: { versionId: number; columns: readonly ColumnInfo[]; rowCount: number },
  next: ComparedVersion,
  keyColumn: string | null,
): ChangeSummary {
  const before = new Set(previous.columns.map((c) => c.name));
  const after = new Set(next.columns.map((c) => c.name));
  const summary: ChangeSummary = {
    columnsAdded: next.columns.filter((c) => !before.has(c.name)).map((c) => c.name),
    columnsRemoved: previous.columns.filter((c) => !after.has(c.name)).map((c) => c.name),
    rowsBefore: previous.rowCount,
    rowsAfter: next.rowCount,
    keyColumn: null,
    rowsAdded: null,
    rowsRemoved: null,
    rowsChanged: null,
  };
  if (keyColumn === null) return summary;
  const oldKey = quoteColumn(previous.columns, keyColumn);
  const newKey = quoteColumn(next.columns, keyColumn);
  const oldTable = versionRowsTable(previous.versionId);
  for (const [table, key] of [[next.table, newKey], [oldTable, oldKey]] as const) {
    const { duplicates } = db
      .prepare(`SELECT COUNT(${key}) - COUNT(DISTINCT ${key}) AS duplicates FROM "${table}"`)
      .get() as { duplicates: number };
    if (duplicates > 0) throw new AppError('compare.key_not_unique', { column: keyColumn, count: duplicates });
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const shared = next.columns.filter((c) => before.has(c.name) && c.name !== keyColumn);
  const differs = shared.map((c) => `n.${quoteColumn(next.columns, c.name)} IS NOT o.${quoteColumn(previous.columns, c.name)}`);
  const join = `FROM "${next.table}" n JOIN "${oldTable}" o ON o.${oldKey} = n.${newKey}`;
  summary.keyColumn = keyColumn;
  summary.rowsAdded = count(
    `SELECT COUNT(*) AS n FROM "${next.table}" n WHERE NOT EXISTS (SELECT 1 FROM "${oldTable}" o WHERE o.${oldKey} = n.${newKey})`,
  );
  summary.rowsRemoved = count(
    `SELECT COUNT(*) AS n FROM "${oldTable}" o WHERE NOT EXISTS (SELECT 1 FROM "${next.table}" n WHERE n.${newKey} = o.${oldKey})`,
  );
  summary.rowsChanged = differs.length === 0 ? 0 : count(`SELECT COUNT(*) AS n ${join} WHERE ${differs.join(' OR ')}`);
  return summary;
}
