import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

const identifier = /^[a-z_][a-z0-9_]*$/;
type Stored = string | number | null;

// Pending edits become each person's own: one working copy per (version, user),
// `rows_v<id>_pending_u<userId>`, and undo/redo stacks per user (edit_groups already name
// their user). The shared working copy of earlier workspaces mixed everyone's edits: each
// person with edits on the version gets a copy of the version with only their own done groups
// replayed, in order; the shared copy goes. Resolutions record, per cell, whether the person
// keeps their value or takes the one saved meanwhile, for the version then newest. Self-contained
// on purpose: a released migration must not change when the app's edit code does.
export const migration005: Migration = {
  version: 5,
  name: 'pending-per-user',
  up: (db) => {
    db.exec(`
      CREATE INDEX edit_groups_by_user ON edit_groups(version_id, user_id, state, id);
      CREATE TABLE edit_resolutions (
        version_id INTEGER NOT NULL REFERENCES versions(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        row_id INTEGER NOT NULL,
        -- NULL: the whole row (one side deleted it)
        column_name TEXT,
        choice TEXT NOT NULL CHECK (choice IN ('mine', 'theirs')),
        -- the newest version when the choice was made: a later save asks again
        latest_version_id INTEGER NOT NULL REFERENCES versions(id)
      );
      CREATE UNIQUE INDEX edit_resolutions_by_cell ON edit_resolutions(version_id, user_id, row_id, COALESCE(column_name, ''));
    `);
    const shared = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'rows_v[0-9]*_pending'")
      .pluck()
      .all() as string[];
    for (const table of shared) {
      const versionId = Number(/^rows_v(\d+)_pending$/.exec(table)?.[1]);
      if (!Number.isInteger(versionId)) continue;
      splitWorkingCopy(db, versionId, table);
    }
  },
};

function splitWorkingCopy(db: Database.Database, versionId: number, shared: string): void {
  const columns = (db.prepare('SELECT name FROM version_columns WHERE version_id = ? ORDER BY position').pluck().all(versionId) as string[]).filter(
    (c) => identifier.test(c),
  );
  const users = db.prepare("SELECT DISTINCT user_id FROM edit_groups WHERE version_id = ? AND state = 'done' ORDER BY user_id").pluck().all(versionId) as number[];
  const changes = db.prepare(
    `SELECT c.row_id, c.column_name, c.new_value FROM edit_changes c JOIN edit_groups g ON g.id = c.group_id
     WHERE g.version_id = ? AND g.user_id = ? AND g.state = 'done' ORDER BY g.id, c.seq`,
  );
  const quoted = columns.map((c) => `"${c}"`);
  for (const userId of users) {
    const own = `rows_v${versionId}_pending_u${userId}`;
    // The shape of the shared copy (CREATE TABLE … AS SELECT would lose the primary key).
    const shape = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(shared) as string;
    db.exec(shape.replace(/^CREATE TABLE\s+"?[a-z0-9_]+"?/i, `CREATE TABLE "${own}"`));
    db.exec(`INSERT INTO "${own}" SELECT * FROM "rows_v${versionId}"`);
    const setCell = new Map(quoted.map((q, i) => [columns[i]!, db.prepare(`UPDATE "${own}" SET ${q} = ? WHERE "_row" = ?`)]));
    const deleteRow = db.prepare(`DELETE FROM "${own}" WHERE "_row" = ?`);
    const insertRow = db.prepare(`INSERT OR REPLACE INTO "${own}" ("_row"${quoted.map((q) => ', ' + q).join('')}) VALUES (?${quoted.map(() => ', ?').join('')})`);
    for (const c of changes.all(versionId, userId) as { row_id: number; column_name: string | null; new_value: string }[]) {
      const value = JSON.parse(c.new_value) as Stored | Record<string, Stored> | null;
      if (c.column_name !== null) {
        setCell.get(c.column_name)?.run(typeof value === 'object' ? null : value, c.row_id);
      } else if (value === null || typeof value !== 'object') {
        deleteRow.run(c.row_id);
      } else {
        insertRow.run(c.row_id, ...columns.map((name) => (Object.hasOwn(value, name) ? (value[name] ?? null) : null)));
      }
    }
  }
  db.exec(`DROP TABLE "${shared}"`);
}
