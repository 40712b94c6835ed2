import type { Migration } from '../migration';

// Reviewing: the edit log, cached column profiles and comments. Pending edits of a version are
// applied to a working copy of its rows (`rows_v<id>_pending`, created on the first edit), so
// the imported table is never altered; the log is what undo/redo replay, and it survives a
// restart with the working copy.
export const migration002: Migration = {
  version: 2,
  name: 'reviewing',
  up: `
    CREATE TABLE edit_groups (
      id INTEGER PRIMARY KEY,
      version_id INTEGER NOT NULL REFERENCES versions(id),
      kind TEXT NOT NULL CHECK (kind IN ('cell', 'add_row', 'delete_rows', 'replace', 'fill_down')),
      user_id INTEGER NOT NULL REFERENCES users(id),
      at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded', 'saved')),
      saved_version_id INTEGER REFERENCES versions(id)
    );
    CREATE INDEX edit_groups_by_version ON edit_groups(version_id, state, id);

    -- old/new are JSON: a cell value, or for a whole row (column_name NULL) the row's values
    -- by column name (NULL when the row does not exist on that side).
    CREATE TABLE edit_changes (
      group_id INTEGER NOT NULL REFERENCES edit_groups(id),
      seq INTEGER NOT NULL,
      row_id INTEGER NOT NULL,
      column_name TEXT,
      old_value TEXT,
      new_value TEXT,
      PRIMARY KEY (group_id, seq)
    );

    CREATE TABLE column_profiles (
      version_id INTEGER NOT NULL REFERENCES versions(id),
      column_name TEXT NOT NULL,
      profile TEXT NOT NULL,
      PRIMARY KEY (version_id, column_name)
    );

    CREATE TABLE comments (
      id INTEGER PRIMARY KEY,
      version_id INTEGER NOT NULL REFERENCES versions(id),
      row_id INTEGER,
      column_name TEXT,
      body TEXT NOT NULL,
      user_id INTEGER NOT NULL REFERENCES users(id),
      at TEXT NOT NULL
    );
    CREATE INDEX comments_by_version ON comments(version_id, row_id);
  `,
};
