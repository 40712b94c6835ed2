import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fileAuditSeal } from '../../../electron/audit/audit-keys';
import { sealAuditChain, verifyAudit } from '../../../electron/audit/audit-log';
import { bindAuditSeal } from '../../../electron/audit/audit-seal';
import { migrate, schemaVersion } from '../../../electron/workspace/migrate';
import { openWorkspace, type Db } from '../../../electron/workspace/open-workspace';
import { workspaceId } from '../../../electron/workspace/workspace-meta';
import { tempDir } from '../../support/temp-workspace';

// Audit rows as the code before migration 8 wrote them: a plain SHA-256 chain.
function seedLegacyChain(db: Db, actions: string[]): void {
  let prev = '0'.repeat(64);
  const insert = db.prepare('INSERT INTO audit (at, actor, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const action of actions) {
    const row = ['2026-01-01T00:00:00.000Z', 'marie', action, null, '{}'] as const;
    const hash = createHash('sha256').update(JSON.stringify([prev, ...row])).digest('hex');
    insert.run(...row, prev, hash);
    prev = hash;
  }
}

test('migration 8 renames the chain columns, keeps the rows and gives the workspace a stable id (7 → 8)', () => {
  const { dir, cleanup } = tempDir();
  const db = openWorkspace(join(dir, 'w.atelier'), { migrateTo: 7 });
  seedLegacyChain(db, ['user.create', 'session.sign_in']);
  const before = db.prepare('SELECT id, at, actor, action, details, hash FROM audit ORDER BY id').all() as { hash: string }[];
  migrate(db, 8);
  expect(schemaVersion(db)).toBe(8);
  const after = db.prepare('SELECT id, at, actor, action, details, mac FROM audit ORDER BY id').all() as { mac: string }[];
  expect(after.map(({ mac, ...rest }) => ({ ...rest, hash: mac }))).toEqual(before);
  const id = workspaceId(db);
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  db.close();
  const reopened = openWorkspace(join(dir, 'w.atelier'));
  expect(workspaceId(reopened)).toBe(id);
  reopened.close();
  cleanup();
});

test('the first open with a key re-keys the existing rows and says whether the old chain held', () => {
  const { dir, cleanup } = tempDir();
  const intact = openWorkspace(join(dir, 'intact.atelier'), { migrateTo: 7 });
  seedLegacyChain(intact, ['user.create', 'session.sign_in', 'session.sign_out']);
  const broken = openWorkspace(join(dir, 'broken.atelier'), { migrateTo: 7 });
  seedLegacyChain(broken, ['user.create', 'session.sign_in', 'session.sign_out']);
  broken.prepare("UPDATE audit SET actor = 'paul' WHERE id = 2").run();
  for (const db of [intact, broken]) {
    migrate(db, 8);
    bindAuditSeal(db, fileAuditSeal(db, join(dir, 'keys')));
    sealAuditChain(db);
    expect(verifyAudit(db)).toMatchObject({ ok: true, rows: 4, expected: 4, problem: null });
  }
  const keyed = (db: Db) => JSON.parse((db.prepare("SELECT details FROM audit WHERE action = 'audit.keyed'").get() as { details: string }).details);
  expect(keyed(intact)).toEqual({ rows: 3, previousChainIntact: true, previousFirstBrokenId: null });
  expect(keyed(broken)).toEqual({ rows: 3, previousChainIntact: false, previousFirstBrokenId: 2 });
  // Re-keyed once: opening again changes nothing.
  sealAuditChain(intact);
  expect(intact.prepare('SELECT COUNT(*) FROM audit').pluck().get()).toBe(4);
  intact.close();
  broken.close();
  cleanup();
});
