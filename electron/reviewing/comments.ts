import type { CommentEntry } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';
import { getVersion } from '../datasets/version-store';
import { versionView, versionColumn } from './view-table';

interface CommentRow {
  id: number;
  row_id: number | null;
  column_name: string | null;
  body: string;
  author: string;
  at: string;
}

const toEntry = (c: CommentRow): CommentEntry => ({ id: c.id, rowId: c.row_id, column: c.column_name, body: c.body, author: c.author, at: c.at });

export function listComments(db: Db, versionId: number): CommentEntry[] {
  getVersion(db, versionId);
  const rows = db
    .prepare(
      `SELECT c.id, c.row_id, c.column_name, c.body, u.name AS author, c.at FROM comments c JOIN users u ON u.id = c.user_id
       WHERE c.version_id = ? ORDER BY c.id`,
    )
    .all(versionId) as CommentRow[];
  return rows.map(toEntry);
}

// On a cell (row and column), a whole row (column null) or a whole column (row null).
export function addComment(
  db: Db,
  versionId: number,
  user: { id: number; name: string },
  target: { rowId: number | null; column: string | null },
  body: string,
): CommentEntry {
  // A row the person added and has not saved yet can carry a comment too.
  const view = versionView(db, versionId, user.id);
  if (target.column !== null) versionColumn(view.columns, target.column);
  if (target.rowId !== null && !db.prepare(`SELECT 1 FROM "${view.table}" WHERE "_row" = ?`).get(target.rowId)) {
    throw new AppError('rows.not_found', { rowId: target.rowId });
  }
  const at = nowIso();
  const id = Number(
    db
      .prepare('INSERT INTO comments (version_id, row_id, column_name, body, user_id, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(versionId, target.rowId, target.column, body, user.id, at).lastInsertRowid,
  );
  return { id, rowId: target.rowId, column: target.column, body, author: user.name, at };
}
