import type { CellValue } from '../../shared/contract';
import type { Db } from '../workspace/open-workspace';
import { getVersion } from '../datasets/version-store';

const changesShown = 5;

// The edit log of a version, newest first: who, when, and the first old → new values. The
// person's own edits, and what others saved; others' unsaved edits are theirs alone.
export function editLog(db: Db, versionId: number, userId: number, limit: number) {
  getVersion(db, versionId);
  const groups = db
    .prepare(
      `SELECT g.id, g.kind, u.name AS by, g.at, g.state, (SELECT COUNT(*) FROM edit_changes c WHERE c.group_id = g.id) AS changeCount
       FROM edit_groups g JOIN users u ON u.id = g.user_id
       WHERE g.version_id = ? AND (g.user_id = ? OR g.state = 'saved') ORDER BY g.id DESC LIMIT ?`,
    )
    .all(versionId, userId, limit) as { id: number; kind: 'cell'; by: string; at: string; state: 'done'; changeCount: number }[];
  const changes = db.prepare('SELECT row_id, column_name, old_value, new_value FROM edit_changes WHERE group_id = ? ORDER BY seq LIMIT ?');
  // A row change (added or deleted row) shows no values: its kind says what happened.
  const shown = (column: string | null, json: string): CellValue => (column === null ? null : (JSON.parse(json) as CellValue));
  return groups.map((g) => ({
    ...g,
    changes: (changes.all(g.id, changesShown) as { row_id: number; column_name: string | null; old_value: string; new_value: string }[]).map((c) => ({
      rowId: c.row_id,
      column: c.column_name,
      old: shown(c.column_name, c.old_value),
      new: shown(c.column_name, c.new_value),
    })),
  }));
}
