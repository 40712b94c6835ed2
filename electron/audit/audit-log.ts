import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';
import { readMeta, workspaceId, writeMeta } from '../workspace/workspace-meta';
import { auditSealOf, hmacHex, readAuditHead, sameHex, writeAuditHead, type AuditHead, type AuditSeal } from './audit-seal';

// The audit log is append-only and tamper-evident:
// - each row's MAC is HMAC-SHA256(key, previous MAC + the row, id included), with a key kept
//   outside the workspace (electron/platform/): editing a row, or recomputing the chain,
//   needs the key;
// - the head (row count, last id and MAC) is kept beside the key and moved forward after each
//   append: deleting the newest rows or emptying the table leaves the table behind its head.
// The head is written after the commit, from what was committed, so it is never ahead of
// the table. A process that dies between its commit and the head write leaves it one append
// behind: a crash is never taken for tampering, the next append in any process catches it
// up, and only the rows in that gap could be removed unnoticed.

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_mac: string;
  mac: string;
}

const genesis = '0'.repeat(64);
const chainKind = 'hmac-sha256-v1';

export type AuditEntry = { actor: string | null; action: string; target?: string | null; details?: Record<string, unknown> };

function rowMac(key: Buffer, prevMac: string, row: Omit<AuditRow, 'prev_mac' | 'mac'>): string {
  return hmacHex(key, [prevMac, row.id, row.at, row.actor, row.action, row.target, row.details]);
}

export function auditChainKeyed(db: Db): boolean {
  return readMeta(db, 'audit_chain') === chainKind;
}

function presentKey(seal: AuditSeal): Buffer {
  if (seal.key.state === 'present') return seal.key.key;
  throw new AppError(seal.key.state === 'missing' ? 'audit.key_missing' : 'audit.key_unavailable', { workspaceId: seal.workspaceId });
}

// Inside a caller's transaction the row is part of that transaction (the action and its
// audit entry exist together or not at all); its head is moved once that has committed.
export function recordAudit(db: Db, entry: AuditEntry): void {
  const seal = auditSealOf(db);
  const key = presentKey(seal);
  const nested = db.inTransaction;
  // Reading the last MAC and appending hold the write lock together, or two processes
  // could chain to the same predecessor.
  const keyedNow = db.transaction(() => {
    const keyed = keyChain(db, key);
    appendRow(db, key, entry);
    return keyed;
  }).immediate();
  if (nested) setImmediate(() => syncHeadQuietly(db, keyedNow));
  else syncAuditHead(db, { firstHead: keyedNow });
}

function appendRow(db: Db, key: Buffer, entry: AuditEntry): void {
  const last = db.prepare('SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; mac: string } | undefined;
  const prevMac = last?.mac ?? genesis;
  const row = {
    id: (last?.id ?? 0) + 1,
    at: nowIso(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
  db.prepare('INSERT INTO audit (id, at, actor, action, target, details, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    row.id,
    row.at,
    row.actor,
    row.action,
    row.target,
    row.details,
    prevMac,
    rowMac(key, prevMac, row),
  );
}

// The first time a workspace from before migration 008 is opened with a key: its rows get
// MACs from their current content, and a row says so, with whether the old plain SHA-256
// chain still held (anything changed before this moment cannot be told apart any more).
function keyChain(db: Db, key: Buffer): boolean {
  if (auditChainKeyed(db)) return false;
  const legacy = legacyCheck(db);
  let prevMac = genesis;
  const update = db.prepare('UPDATE audit SET prev_mac = ?, mac = ? WHERE id = ?');
  for (const row of db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditRow[]) {
    const mac = rowMac(key, prevMac, row);
    update.run(prevMac, mac, row.id);
    prevMac = mac;
  }
  writeMeta(db, 'audit_chain', chainKind);
  if (legacy.rows > 0) {
    appendRow(db, key, { actor: null, action: 'audit.keyed', details: { rows: legacy.rows, previousChainIntact: legacy.firstBrokenId === null, previousFirstBrokenId: legacy.firstBrokenId } });
  }
  return true;
}

function legacyCheck(db: Db): { rows: number; firstBrokenId: number | null } {
  let prev = genesis;
  let rows = 0;
  let firstBrokenId: number | null = null;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows += 1;
    const expected = createHash('sha256').update(JSON.stringify([prev, row.at, row.actor, row.action, row.target, row.details])).digest('hex');
    if (firstBrokenId === null && (row.prev_mac !== prev || row.mac !== expected)) firstBrokenId = row.id;
    prev = row.mac;
  }
  return { rows, firstBrokenId };
}

// Called when a process opens the workspace with its key: converts an older chain and
// writes the first head.
export function sealAuditChain(db: Db): void {
  const seal = auditSealOf(db);
  if (seal.key.state !== 'present') return;
  const key = seal.key.key;
  const keyedNow = db.transaction(() => keyChain(db, key)).immediate();
  syncAuditHead(db, { firstHead: keyedNow });
}

function tail(db: Db): AuditHead {
  const last = db.prepare('SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; mac: string } | undefined;
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number };
  return { count: n, lastId: last?.id ?? 0, mac: last?.mac ?? genesis };
}

// Moves the head forward to the committed tail. It takes no lock: two processes writing
// at once can only leave it behind the table (each writes a tail that was committed), never
// ahead, and the next append moves it on. A head that no longer matches the table (rows
// removed or rewritten, head forged) is left as it is: it is the evidence.
// Only the keying of the chain writes the first head: a deleted head stays missing.
export function syncAuditHead(db: Db, options: { firstHead?: boolean } = {}): void {
  const seal = auditSealOf(db);
  if (seal.key.state !== 'present') return;
  const key = seal.key.key;
  // One read snapshot, so the count and the last row belong together.
  const next = db.transaction(() => {
    if (!auditChainKeyed(db)) return null;
    const now = tail(db);
    const found = readAuditHead(seal, key);
    if (found.state === 'forged' || (found.state === 'none' && !options.firstHead)) return null;
    if (found.state === 'ok' && (found.head.count >= now.count || !headStillInTable(db, found.head))) return null;
    return now;
  })();
  if (next) writeAuditHead(seal, key, next);
}

function syncHeadQuietly(db: Db, firstHead: boolean): void {
  if (!db.open) return;
  // Inside another transaction the tail could include rows not committed yet: wait for it.
  if (db.inTransaction) {
    setTimeout(() => syncHeadQuietly(db, firstHead), 10);
    return;
  }
  try {
    syncAuditHead(db, { firstHead });
  } catch {
    // The head stays one append behind; the next append moves it.
  }
}

function headStillInTable(db: Db, head: AuditHead): boolean {
  if (head.count === 0) return true;
  const row = db.prepare('SELECT mac FROM audit WHERE id = ?').get(head.lastId) as { mac: string } | undefined;
  return row !== undefined && sameHex(row.mac, head.mac);
}

export type AuditProblem = 'key_missing' | 'key_unavailable' | 'row_changed' | 'rows_missing' | 'head_missing' | 'head_mismatch';

export interface AuditVerification {
  ok: boolean;
  // Rows read up to the first bad one (all of them when none is bad).
  checked: number;
  // Rows in the table, and the count the head outside the workspace says it had at least.
  rows: number;
  expected: number | null;
  firstBrokenId: number | null;
  keyMissing: boolean;
  problem: AuditProblem | null;
}

export function verifyAudit(db: Db): AuditVerification {
  const seal = auditSealOf(db);
  const rows = (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
  const result = { rows, checked: 0, expected: null, firstBrokenId: null, keyMissing: false };
  if (seal.key.state !== 'present') {
    return { ...result, ok: false, keyMissing: true, problem: seal.key.state === 'missing' ? 'key_missing' : 'key_unavailable' };
  }
  const key = seal.key.key;
  // A head left behind (a nested append whose head write is still queued, or a process that
  // died after its commit) is caught up first; one that no longer matches stays as it is.
  syncAuditHead(db);
  const found = readAuditHead(seal, key);
  const expected = found.state === 'ok' ? found.head.count : null;
  let prevMac = genesis;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    checked += 1;
    if (row.prev_mac !== prevMac || !sameHex(row.mac, rowMac(key, prevMac, row))) {
      return { ...result, ok: false, checked, expected, firstBrokenId: row.id, problem: 'row_changed' };
    }
    prevMac = row.mac;
  }
  const problem: AuditProblem | null =
    found.state === 'none'
      ? 'head_missing'
      : found.state === 'forged'
        ? 'head_mismatch'
        : rows < found.head.count
          ? 'rows_missing'
          : headStillInTable(db, found.head)
            ? null
            : 'head_mismatch';
  return { ...result, ok: problem === null, checked, expected, problem };
}

// What a publication's dossier records: the chain's state at that moment, which a later
// verification can compare with the log (the row with that id must still carry that MAC).
export function auditHead(db: Db): AuditHead & { workspaceId: string } {
  return { workspaceId: workspaceId(db), ...tail(db) };
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
