import type { Migration } from '../migration';

// Users, audit, datasets and their immutable versions. Rows of a version live in their own
// table, named by versionRowsTable(); cells that do not fit the column type are kept as text
// in that table and listed in `flags`, which later capabilities (validation, personal data)
// write to as well.
export const migration001: Migration = {
  version: 1,
  name: 'core',
  up: `
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('agent', 'reviewer', 'admin')),
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      last_sign_in_at TEXT
    );

    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT,
      action TEXT NOT NULL,
      target TEXT,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );

    CREATE TABLE datasets (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES users(id)
    );

    CREATE TABLE versions (
      id INTEGER PRIMARY KEY,
      dataset_id INTEGER NOT NULL REFERENCES datasets(id),
      number INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES users(id),
      origin TEXT NOT NULL CHECK (origin IN ('import', 'edits')),
      row_count INTEGER NOT NULL,
      source TEXT,
      changes TEXT,
      UNIQUE (dataset_id, number)
    );

    CREATE TABLE version_columns (
      version_id INTEGER NOT NULL REFERENCES versions(id),
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      label TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('integer', 'decimal', 'boolean', 'date', 'datetime', 'text')),
      error_count INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (version_id, position),
      UNIQUE (version_id, name)
    );

    CREATE TABLE flags (
      id INTEGER PRIMARY KEY,
      version_id INTEGER NOT NULL REFERENCES versions(id),
      row_id INTEGER NOT NULL,
      column_name TEXT,
      kind TEXT NOT NULL,
      code TEXT NOT NULL,
      params TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX flags_by_version ON flags(version_id, row_id);
  `,
};
