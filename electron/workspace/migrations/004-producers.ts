import type { Migration } from '../migration';
import { rebuildTable } from '../rebuild-table';

// Producers are the organisations that own datasets: the agglomeration (EPCI) and each member
// commune. A user belongs to producers with a role in each (agent or reviewer); admins need no
// membership. Kinds stay an open list (syndicats, départements will come): zod checks them.
// Existing datasets and non-admin users go to one default producer, so that nothing an
// existing workspace could do becomes forbidden.
export const migration004: Migration = {
  version: 4,
  name: 'producers',
  foreignKeysOff: true,
  up: (db) => {
    db.exec(`
      CREATE TABLE producers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        -- SIREN of an EPCI, INSEE code of a commune; NULL for an organisation without one.
        code TEXT,
        -- A member commune points to its EPCI.
        parent_id INTEGER REFERENCES producers(id),
        created_at TEXT NOT NULL,
        UNIQUE (kind, code)
      );
      CREATE TABLE producer_members (
        producer_id INTEGER NOT NULL REFERENCES producers(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('agent', 'reviewer')),
        PRIMARY KEY (producer_id, user_id)
      );
      CREATE INDEX producer_members_by_user ON producer_members(user_id);
    `);
    const defaultId = Number(
      db
        .prepare("INSERT INTO producers (name, kind, code, parent_id, created_at) VALUES ('Producteur par défaut', 'other', NULL, NULL, ?)")
        .run(new Date().toISOString()).lastInsertRowid,
    );
    db.prepare("INSERT INTO producer_members (producer_id, user_id, role) SELECT ?, id, role FROM users WHERE role <> 'admin'").run(defaultId);
    // Added, filled, then made NOT NULL by SQLite's table rebuild (ALTER cannot add NOT NULL).
    db.exec('ALTER TABLE datasets ADD COLUMN producer_id INTEGER');
    db.prepare('UPDATE datasets SET producer_id = ?').run(defaultId);
    rebuildTable(
      db,
      'datasets',
      `CREATE TABLE datasets_new (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        producer_id INTEGER NOT NULL REFERENCES producers(id)
      )`,
    );
    db.exec('CREATE INDEX datasets_by_producer ON datasets(producer_id)');
  },
};
