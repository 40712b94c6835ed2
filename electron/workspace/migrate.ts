import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';
import { migrationChecksums } from './migrations/checksums';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestSchemaVersion(list: readonly Migration[] = allMigrations): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

// Each applied migration is recorded with the checksum of its source file. A build whose
// released migration no longer matches what this workspace ran is refused: its schema would
// not be the one the code expects.
const ledger = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

// Brings the workspace to `target` (the newest by default), one migration per transaction,
// so a failure leaves the file at the last version that fully applied. A file written by a
// newer app is refused before anything is touched.
export function migrate(
  db: Database.Database,
  target = latestSchemaVersion(),
  list: readonly Migration[] = allMigrations,
  checksums: ReadonlyMap<number, string> = migrationChecksums,
): void {
  const current = schemaVersion(db);
  const newest = latestSchemaVersion(list);
  if (current > newest) {
    throw new AppError('workspace.too_new', { found: current, supported: newest });
  }
  if (current > 0 || target > 0) checkLedger(db, current, list, checksums);
  for (const migration of list) {
    if (migration.version <= current || migration.version > target) continue;
    apply(db, migration, checksumOf(checksums, migration));
  }
}

function checksumOf(checksums: ReadonlyMap<number, string>, migration: Migration): string {
  const sum = checksums.get(migration.version);
  if (!sum) throw new Error(`migration ${migration.version} has no checksum: run scripts/migration-checksums.mjs`);
  return sum;
}

// Workspaces made before the ledger existed get their applied migrations recorded as they
// are now; from then on every applied one must keep its checksum. Opening writes nothing
// when the ledger is complete, so another process holding the write lock does not delay it.
function checkLedger(db: Database.Database, current: number, list: readonly Migration[], checksums: ReadonlyMap<number, string>): void {
  const applied = list.filter((m) => m.version <= current);
  const hasLedger = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  const recorded = new Map(
    hasLedger
      ? (db.prepare('SELECT version, checksum FROM schema_migrations').all() as { version: number; checksum: string }[]).map(
          (r) => [r.version, r.checksum] as const,
        )
      : [],
  );
  for (const migration of applied) {
    const found = recorded.get(migration.version);
    if (found !== undefined && found !== checksumOf(checksums, migration)) {
      throw new AppError('workspace.migration_changed', { version: migration.version, name: migration.name });
    }
  }
  const missing = applied.filter((m) => !recorded.has(m.version));
  if (hasLedger && missing.length === 0) return;
  db.transaction(() => {
    db.exec(ledger);
    for (const migration of missing) record(db, migration, checksumOf(checksums, migration));
  }).immediate();
}

function record(db: Database.Database, migration: Migration, checksum: string): void {
  db.prepare('INSERT OR IGNORE INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
    migration.version,
    migration.name,
    checksum,
    new Date().toISOString(),
  );
}

function apply(db: Database.Database, migration: Migration, checksum: string): void {
  const foreignKeysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
  // The pragma is a no-op inside a transaction, so it is switched before BEGIN.
  if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      if (migration.foreignKeysOff) {
        const broken = db.pragma('foreign_key_check') as { table: string }[];
        if (broken.length > 0) throw new Error(`migration ${migration.version} broke foreign keys in ${broken[0]!.table}`);
      }
      record(db, migration, checksum);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  } finally {
    if (migration.foreignKeysOff && foreignKeysWereOn) db.pragma('foreign_keys = ON');
  }
}
