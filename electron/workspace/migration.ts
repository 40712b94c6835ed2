import type Database from 'better-sqlite3';

export interface Migration {
  // Numbered from 1 without gaps; stored in PRAGMA user_version once applied.
  version: number;
  name: string;
  // SQL, or a function for what SQL alone cannot say (a table rebuild that reads the schema
  // back, data rewritten row by row). It runs inside the migration's transaction.
  up: string | ((db: Database.Database) => void);
  // SQLite's documented table rebuild (create new, copy, drop old, rename) needs foreign keys
  // off; `PRAGMA foreign_key_check` then runs before the commit and any violation aborts it.
  foreignKeysOff?: true;
}
