import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { commitVersion, getVersion, versionRowsTable } from '../datasets/version-store';
import { carryFindings, planCarryOver } from '../findings/carry-over';
import type { Db } from '../workspace/open-workspace';
import type { ChangeSummary, VersionSummary } from '../../shared/contract';
import { clearResolutions, latestVersion, mergeOntoLatest } from './edit-conflicts';
import { editState } from './edit-log';
import { bumpGeneration, versionView, type VersionView } from './view-table';

// "Enregistrer une version": the person's working copy becomes the new version's rows table (a
// rename, no copy), with the findings and comments of rows that are still there. A finding
// the edits settled (a type error whose cell now holds a value of its type) is left behind.
// Their edit groups are marked saved. When someone else saved a newer version meanwhile, the
// person's edits are carried onto it instead (edit-conflicts.ts), once every conflict has a choice.
export function saveVersion(db: Db, versionId: number, user: { id: number; name: string }): { versionId: number; number: number; datasetId: number } {
  const state = editState(db, versionId, user.id);
  const view = versionView(db, versionId, user.id);
  if (state.pending === 0 || !view.pending) throw new AppError('edits.nothing_to_save');
  const latest = latestVersion(db, versionId);
  if (!latest.carriable) throw new AppError('edits.base_replaced', { number: latest.number });
  // IMMEDIATE, like the edits (see edit-log.ts): it waits for an index build rather than failing.
  const saved = db.transaction(() => {
    const rows = latest.versionId === versionId ? ownCopy(db, view, state.rowCount) : mergeOntoLatest(db, view, latest.versionId);
    const base = getVersion(db, latest.versionId);
    const created = commitRows(db, base, rows, user);
    if (rows.table !== view.table) db.exec(`DROP TABLE "${view.table}"`);
    clearResolutions(db, versionId, user.id);
    const groups = db
      .prepare(`UPDATE edit_groups SET state = 'saved', saved_version_id = ? WHERE version_id = ? AND user_id = ? AND state = 'done'`)
      .run(created.versionId, versionId, user.id).changes;
    db.prepare(`UPDATE edit_groups SET state = 'discarded' WHERE version_id = ? AND user_id = ? AND state = 'undone'`).run(versionId, user.id);
    recordAudit(db, {
      actor: user.name,
      action: 'edits.saved',
      target: `dataset:${created.datasetId}`,
      details: { fromVersion: base.number, toVersion: created.number, versionId: created.versionId, edits: groups, ...countsOf(rows.changes) },
    });
    return created;
  }).immediate();
  bumpGeneration(db, view.table);
  return saved;
}

function countsOf(changes: ChangeSummary) {
  return { rowsAdded: changes.rowsAdded, rowsRemoved: changes.rowsRemoved, rowsChanged: changes.rowsChanged };
}

// Nobody saved meanwhile: the working copy is the new version's table as it stands.
function ownCopy(db: Db, view: VersionView, rowCount: number): { table: string; rowCount: number; changes: ChangeSummary } {
  const versionId = view.versionId;
  const baseTable = versionRowsTable(versionId);
  const baseCount = view.versionRowCount;
  {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    // Added rows take ids past every id of the version (nextRowId): a range of the rowid.
    const rowsAdded = count(`SELECT COUNT(*) AS n FROM "${view.table}" WHERE "_row" > (SELECT COALESCE(MAX("_row"), 0) FROM "${baseTable}")`);
    const rowsRemoved = baseCount - (rowCount - rowsAdded);
    const rowsChanged = (
      db
        .prepare(
          `SELECT COUNT(DISTINCT c.row_id) AS n FROM edit_changes c JOIN edit_groups g ON g.id = c.group_id
           WHERE g.version_id = ? AND g.user_id = ? AND g.state = 'done' AND c.column_name IS NOT NULL
             AND EXISTS (SELECT 1 FROM "${baseTable}" b WHERE b."_row" = c.row_id)
             AND EXISTS (SELECT 1 FROM "${view.table}" p WHERE p."_row" = c.row_id)`,
        )
        .get(versionId, view.userId) as { n: number }
    ).n;
    return {
      table: view.table,
      rowCount,
      changes: { columnsAdded: [], columnsRemoved: [], rowsBefore: baseCount, rowsAfter: rowCount, keyColumn: null, rowsAdded, rowsRemoved, rowsChanged },
    };
  }
}

// The new version from `rows`, after `base`, with the findings and comments of `base` on the rows
// that are still there.
function commitRows(
  db: Db,
  base: VersionSummary,
  rows: { table: string; rowCount: number; changes: ChangeSummary },
  user: { id: number },
): { versionId: number; number: number; datasetId: number } {
  const versionId = base.id;
  const view = { table: rows.table };
  {

    const carried = planCarryOver(db, versionId, view.table, base.columns);

    const created = commitVersion(db, {
      datasetId: base.datasetId,
      datasetName: '',
      userId: user.id,
      origin: 'edits',
      columns: base.columns.map((c) => ({ ...c, errorCount: carried.typeErrors.get(c.name) ?? 0 })),
      rowCount: rows.rowCount,
      source: base.source,
      changes: rows.changes,
      stagingTable: view.table,
    });
    carryFindings(db, carried, versionId, created.versionId, versionRowsTable(created.versionId));
    db.prepare(
      `INSERT INTO comments (version_id, row_id, column_name, body, user_id, at)
       SELECT ?, row_id, column_name, body, user_id, at FROM comments
       WHERE version_id = ? AND (row_id IS NULL OR EXISTS (SELECT 1 FROM "${versionRowsTable(created.versionId)}" r WHERE r."_row" = comments.row_id))
       ORDER BY id`,
    ).run(created.versionId, versionId);
    return created;
  }
}
