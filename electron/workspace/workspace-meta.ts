import type { Db } from './open-workspace';

// workspace_meta (migration 008): facts about the workspace file itself, keyed by name.
export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

// A UUID given at creation (or by migration 008), stable across copies and renames: the
// name of the workspace's keys outside it.
export function workspaceId(db: Db): string {
  const id = readMeta(db, 'workspace_id');
  if (!id) throw new Error('workspace has no id (migration 008 not applied)');
  return id;
}
