import type { Migration } from '../migration';
import { rebuildTable } from '../rebuild-table';

// Version origins and edit kinds are lists that grow with each capability (anonymization,
// recipe replay, column steps…): the code checks them (zod enums), not a CHECK constraint that
// only a table rebuild could widen. Closed lists (roles, states) keep theirs.
export const migration003: Migration = {
  version: 3,
  name: 'open-lists',
  foreignKeysOff: true,
  up: (db) => {
    rebuildTable(
      db,
      'versions',
      `CREATE TABLE versions_new (
        id INTEGER PRIMARY KEY,
        dataset_id INTEGER NOT NULL REFERENCES datasets(id),
        number INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        origin TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        source TEXT,
        changes TEXT,
        UNIQUE (dataset_id, number)
      )`,
    );
    rebuildTable(
      db,
      'edit_groups',
      `CREATE TABLE edit_groups_new (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES versions(id),
        kind TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded', 'saved')),
        saved_version_id INTEGER REFERENCES versions(id)
      )`,
    );
  },
};
