import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestSchemaVersion(list: readonly Migration[] = allMigrations): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

// Brings the workspace to `target` (the newest by default), one migration per transaction,
// so a failure leaves the file at the last version that fully applied. A file written by a
// newer app is refused before anything is touched.
export function migrate(
  db: Database.Database,
  target = latestSchemaVersion(),
  list: readonly Migration[] = allMigrations,
): void {
  const current = schemaVersion(db);
  const newest = latestSchemaVersion(list);
  if (current > newest) {
    throw new AppError('workspace.too_new', { found: current, supported: newest });
  }
  for (const migration of list) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
