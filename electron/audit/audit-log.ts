import { createHash } from 'node:crypto';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const genesis = '0'.repeat(64);

function rowHash(prevHash: string, at: string, actor: string | null, action: string, target: string | null, details: string): string {
  return createHash('sha256').update(JSON.stringify([prevHash, at, actor, action, target, details])).digest('hex');
}

// Append-only log; each row carries the hash of the previous one, so editing or deleting a
// row breaks the chain from that point and verifyAudit() names it.
export function recordAudit(
  db: Db,
  entry: { actor: string | null; action: string; target?: string | null; details?: Record<string, unknown> },
): void {
  // The import worker appends from its own connection: reading the last hash and appending
  // must hold the write lock together, or two rows could chain to the same predecessor.
  db.transaction(() => {
    const last = db.prepare('SELECT hash FROM audit ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
    const prevHash = last?.hash ?? genesis;
    const at = nowIso();
    const target = entry.target ?? null;
    const details = JSON.stringify(entry.details ?? {});
    db.prepare('INSERT INTO audit (at, actor, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      at,
      entry.actor,
      entry.action,
      target,
      details,
      prevHash,
      rowHash(prevHash, at, entry.actor, entry.action, target, details),
    );
  }).immediate();
}

export function verifyAudit(db: Db): { ok: boolean; checked: number; firstBrokenId: number | null } {
  let prevHash = genesis;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    checked += 1;
    const expected = rowHash(prevHash, row.at, row.actor, row.action, row.target, row.details);
    if (row.prev_hash !== prevHash || row.hash !== expected) return { ok: false, checked, firstBrokenId: row.id };
    prevHash = row.hash;
  }
  return { ok: true, checked, firstBrokenId: null };
}

export function listAudit(db: Db, limit: number) {
  const rows = db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    target: r.target,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
