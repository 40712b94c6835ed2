import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { auditHead, recordAudit, syncAuditHead, verifyAudit } from '../../../electron/audit/audit-log';
import { auditSealOf } from '../../../electron/audit/audit-seal';
import { createServiceHost } from '../../../electron/host/service-host';
import { defaultKeysDir } from '../../../electron/platform/key-vault';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

// A workspace with a few audited actions: setup, user creations and sign-ins.
async function workspaceWithHistory(): Promise<TestWorkspace> {
  ws = await openTestWorkspace();
  await ws.signedIn('agent', 'alice');
  await ws.signedIn('reviewer', 'rita');
  // Appends inside another transaction move the head once it has committed: let it settle.
  syncAuditHead(ws.host.services.db);
  return ws;
}

// How many rows that history wrote (each capability adds its own entries).
const rowCount = (w: TestWorkspace) => w.host.services.db.prepare('SELECT COUNT(*) FROM audit').pluck().get() as number;

// What someone with the workspace file, but not the key, can do to it.
function tamper(path: string, sql: string): void {
  const raw = new Database(path);
  raw.exec(sql);
  raw.close();
}

const verify = (w: TestWorkspace) => w.admin.call('audit.verify', {});

test('an intact log verifies, and its head is kept outside the workspace, private', async () => {
  const w = await workspaceWithHistory();
  const n = rowCount(w);
  expect(n).toBeGreaterThan(4);
  expect(await verify(w)).toEqual({ ok: true, checked: n, rows: n, expected: n, firstBrokenId: null, keyMissing: false, problem: null });
  const seal = auditSealOf(w.host.services.db);
  expect(seal.headPath.startsWith(defaultKeysDir())).toBe(true);
  expect(statSync(seal.headPath).mode & 0o777).toBe(0o600);
  expect(statSync(join(defaultKeysDir(), `${seal.workspaceId}.key`)).mode & 0o777).toBe(0o600);
  expect(statSync(defaultKeysDir()).mode & 0o777).toBe(0o700);
  // The key never enters the workspace file.
  const key = JSON.parse(readFileSync(join(defaultKeysDir(), `${seal.workspaceId}.key`), 'utf8')).key as string;
  expect(readFileSync(w.path).includes(Buffer.from(key, 'base64'))).toBe(false);
});

test('deleting the newest rows is detected against the head', async () => {
  const w = await workspaceWithHistory();
  const n = rowCount(w);
  tamper(w.path, `DELETE FROM audit WHERE id > ${n - 2}`);
  expect(await verify(w)).toEqual({ ok: false, checked: n - 2, rows: n - 2, expected: n, firstBrokenId: null, keyMissing: false, problem: 'rows_missing' });
});

test('emptying the table is detected', async () => {
  const w = await workspaceWithHistory();
  const n = rowCount(w);
  tamper(w.path, 'DELETE FROM audit');
  expect(await verify(w)).toMatchObject({ ok: false, rows: 0, expected: n, problem: 'rows_missing' });
});

test('a row edited and the chain recomputed with plain SHA-256 (no key) is detected', async () => {
  const w = await workspaceWithHistory();
  const raw = new Database(w.path);
  raw.prepare("UPDATE audit SET actor = 'quelqu’un' WHERE id = 3").run();
  let prev = '0'.repeat(64);
  for (const row of raw.prepare('SELECT * FROM audit ORDER BY id').all() as Record<string, string>[]) {
    const hash = createHash('sha256').update(JSON.stringify([prev, row.at, row.actor, row.action, row.target, row.details])).digest('hex');
    raw.prepare('UPDATE audit SET prev_mac = ?, mac = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
  raw.close();
  expect(await verify(w)).toMatchObject({ ok: false, checked: 1, firstBrokenId: 1, problem: 'row_changed' });
});

test('rows deleted then new ones appended by the app still show: the head is never moved past the evidence', async () => {
  const w = await workspaceWithHistory();
  const n = rowCount(w);
  tamper(w.path, `DELETE FROM audit WHERE id > ${n - 2}`);
  await w.signedIn('agent', 'bob');
  await w.signedIn('agent', 'chloe');
  // The table is longer than the head again, but the head's last row is not the one it names.
  expect(rowCount(w)).toBeGreaterThan(n);
  expect(await verify(w)).toMatchObject({ ok: false, expected: n, problem: 'head_mismatch' });
});

test('a forged or deleted head is reported', async () => {
  const w = await workspaceWithHistory();
  const { headPath } = auditSealOf(w.host.services.db);
  const head = JSON.parse(readFileSync(headPath, 'utf8')) as { count: number; lastId: number; mac: string };
  const db = w.host.services.db;
  const row2 = db.prepare('SELECT mac FROM audit WHERE id = 2').get() as { mac: string };
  // Moved back to match a truncation, without the key to seal it.
  writeFileSync(headPath, JSON.stringify({ ...head, count: 2, lastId: 2, mac: row2.mac }));
  expect(await verify(w)).toMatchObject({ ok: false, problem: 'head_mismatch' });
  rmSync(headPath);
  expect(await verify(w)).toMatchObject({ ok: false, expected: null, problem: 'head_missing' });
});

test('a head left one append behind (a process died between commit and head write) is not taken for tampering', async () => {
  const w = await workspaceWithHistory();
  const { headPath } = auditSealOf(w.host.services.db);
  const n = rowCount(w);
  const before = `${headPath}.before`;
  copyFileSync(headPath, before);
  recordAudit(w.host.services.db, { actor: 'admin', action: 'test.append' });
  copyFileSync(before, headPath);
  // Verifying (as would the next append) catches the head up instead of crying tampering.
  expect(await verify(w)).toMatchObject({ ok: true, rows: n + 1, expected: n + 1, problem: null });
});

test('a missing key is reported and nothing more is recorded; no fresh key replaces it', async () => {
  const w = await workspaceWithHistory();
  const n = rowCount(w);
  const { workspaceId } = auditSealOf(w.host.services.db);
  const keyPath = join(defaultKeysDir(), `${workspaceId}.key`);
  await w.host.close();
  const saved = readFileSync(keyPath);
  rmSync(keyPath);
  const host = createServiceHost({ workspacePath: w.path, sleep: async () => {}, log: () => {} });
  try {
    expect(verifyAudit(host.services.db)).toEqual({
      ok: false,
      checked: 0,
      rows: n,
      expected: null,
      firstBrokenId: null,
      keyMissing: true,
      problem: 'key_missing',
    });
    expect(() => recordAudit(host.services.db, { actor: 'x', action: 'test.append' })).toThrow(
      expect.objectContaining({ code: 'audit.key_missing' }),
    );
    expect(host.services.db.prepare('SELECT COUNT(*) FROM audit').pluck().get()).toBe(n);
    expect(() => readFileSync(keyPath)).toThrow();
  } finally {
    await host.close();
  }
  // Restored from a backup, the key verifies the log again.
  writeFileSync(keyPath, saved, { mode: 0o600 });
  ws = null;
  const again = createServiceHost({ workspacePath: w.path, sleep: async () => {}, log: () => {} });
  try {
    expect(verifyAudit(again.services.db)).toMatchObject({ ok: true, rows: n });
  } finally {
    await again.close();
    rmSync(join(w.path, '..'), { recursive: true, force: true });
  }
});

test('auditHead() gives what a publication dossier records: workspace id, count, last id and MAC', async () => {
  const w = await workspaceWithHistory();
  const db = w.host.services.db;
  const last = db.prepare('SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; mac: string };
  expect(auditHead(db)).toEqual({ workspaceId: auditSealOf(db).workspaceId, count: rowCount(w), lastId: last.id, mac: last.mac });
  expect(auditHead(db).workspaceId).toMatch(/^[0-9a-f-]{36}$/);
});
