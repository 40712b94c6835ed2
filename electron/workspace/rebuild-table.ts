import type Database from 'better-sqlite3';

const identifier = /^[a-z_][a-z0-9_]*$/;

// SQLite's documented way to change a table it cannot ALTER (drop a CHECK, change a column):
// create the new shape, copy the rows, drop the old table, rename, recreate its indexes.
// Runs inside a migration declared `foreignKeysOff`, whose foreign_key_check runs before commit.
// `createSql` names the table `<table>_new`; the columns both shapes share are copied.
export function rebuildTable(db: Database.Database, table: string, createSql: string): void {
  if (!identifier.test(table)) throw new Error(`bad table name ${table}`);
  const temp = `${table}_new`;
  const indexes = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .pluck()
    .all(table) as string[];
  const columnsOf = (name: string) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[]).filter((c) => identifier.test(c));
  db.exec(createSql);
  const kept = new Set(columnsOf(temp));
  const shared = columnsOf(table).filter((c) => kept.has(c)).map((c) => `"${c}"`).join(', ');
  db.exec(`INSERT INTO "${temp}" (${shared}) SELECT ${shared} FROM "${table}"`);
  db.exec(`DROP TABLE "${table}"`);
  db.exec(`ALTER TABLE "${temp}" RENAME TO "${table}"`);
  for (const sql of indexes) db.exec(sql);
}
