import type { Migration } from '../migration';

// One findings table for everything that points at a cell, a row, a column or a whole
// version: type errors of the import, formula-like cells, validation, personal data, review
// and manual flags. It replaces `flags`, whose rows move over as open warnings.
// `source` is an open list (anonymization and validation add theirs), checked in code
// (shared/api/findings.ts); scope, severity and status are closed lists and keep a CHECK.
// A decided finding keeps who decided, when and, for a dismissal, the written reason.
export const migration006: Migration = {
  version: 6,
  name: 'findings',
  up: `
    CREATE TABLE findings (
      id INTEGER PRIMARY KEY,
      version_id INTEGER NOT NULL REFERENCES versions(id),
      source TEXT NOT NULL,
      scope TEXT NOT NULL CHECK (scope IN ('cell', 'row', 'column', 'table')),
      row_id INTEGER,
      column_name TEXT,
      severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
      code TEXT NOT NULL,
      params TEXT NOT NULL DEFAULT '{}',
      note TEXT,
      created_by INTEGER REFERENCES users(id),
      created_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
      decided_by INTEGER REFERENCES users(id),
      decided_at TEXT,
      justification TEXT,
      CHECK ((row_id IS NOT NULL) = (scope IN ('cell', 'row')) AND (column_name IS NOT NULL) = (scope IN ('cell', 'column'))),
      CHECK ((status = 'open') = (decided_at IS NULL)),
      CHECK (status <> 'dismissed' OR length(trim(justification)) > 0)
    );
    CREATE INDEX findings_by_version ON findings(version_id, row_id);
    -- What the publish gate counts: small, so asking costs nothing even beside millions of
    -- type warnings.
    CREATE INDEX findings_blocking ON findings(version_id) WHERE status = 'open' AND (severity = 'error' OR source = 'personal_data');

    INSERT INTO findings (id, version_id, source, scope, row_id, column_name, severity, code, params, created_at)
    SELECT f.id, f.version_id, f.kind, CASE WHEN f.column_name IS NULL THEN 'row' ELSE 'cell' END, f.row_id, f.column_name,
           'warning', f.code, f.params, v.created_at
    FROM flags f JOIN versions v ON v.id = f.version_id ORDER BY f.id;
    DROP TABLE flags;
  `,
};
