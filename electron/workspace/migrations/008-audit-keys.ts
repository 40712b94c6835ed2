import { randomUUID } from 'node:crypto';
import type { Migration } from '../migration';

// The audit chain becomes keyed (HMAC-SHA256 with a key kept outside the workspace, see
// electron/audit/audit-log.ts): its columns are renamed for what they now hold, and the
// workspace gets the stable id its key is filed under. The rows are re-keyed from their
// current content the first time a process opens the workspace with a key (the key is
// not reachable from a migration); until then `audit_chain` is absent.
export const migration008: Migration = {
  version: 8,
  name: 'audit-keys',
  up(db) {
    db.exec(`
      CREATE TABLE workspace_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
      ALTER TABLE audit RENAME COLUMN prev_hash TO prev_mac;
      ALTER TABLE audit RENAME COLUMN hash TO mac;
    `);
    db.prepare("INSERT INTO workspace_meta (key, value) VALUES ('workspace_id', ?)").run(randomUUID());
  },
};
