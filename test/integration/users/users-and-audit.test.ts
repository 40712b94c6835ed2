import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { recordAudit } from '../../../electron/audit/audit-log';
import { afterEach, expect, test } from 'vitest';
import { lockAfter } from '../../../electron/session/sign-in-guard';
import { adminPassword, openTestWorkspace, userPassword, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

test('first run happens once; passwords need 12 characters and are stored hashed', async () => {
  ws = await openTestWorkspace();
  expect(await ws.client().reply('session.setup', { name: 'other', password: adminPassword })).toMatchObject({
    ok: false,
    error: { code: 'setup.already_done' },
  });
  expect(await ws.admin.reply('users.create', { name: 'court', password: 'onze carac.', role: 'agent' })).toEqual({
    ok: false,
    error: { code: 'users.weak_password', params: { min: 12 } },
  });
  const stored = ws.host.services.db.prepare("SELECT password_hash FROM users WHERE name = 'admin'").get() as {
    password_hash: string;
  };
  expect(stored.password_hash).toMatch(/^scrypt\$/);
  expect(stored.password_hash).not.toContain(adminPassword);
});

test('sign-in, sign-out, names are unique regardless of case', async () => {
  ws = await openTestWorkspace();
  await ws.admin.call('users.create', { name: 'Relectrice', password: adminPassword, role: 'reviewer' });
  expect(await ws.admin.reply('users.create', { name: 'relectrice', password: adminPassword, role: 'agent' })).toMatchObject({
    ok: false,
    error: { code: 'users.name_taken' },
  });
  const c = ws.client();
  expect(await c.reply('datasets.list', {})).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
  const me = await c.call('session.signIn', { name: 'relectrice', password: adminPassword });
  expect(me.role).toBe('reviewer');
  expect((await c.call('session.status', {})).user?.name).toBe('Relectrice');
  await c.call('session.signOut', {});
  expect((await c.call('session.status', {})).user).toBeNull();
});

test('repeated failures slow down, then lock the account', async () => {
  const waits: number[] = [];
  ws = await openTestWorkspace();
  ws.host.services.sleep = async (ms) => void waits.push(ms);
  await ws.admin.call('users.create', { name: 'agent', password: adminPassword, role: 'agent' });
  const c = ws.client();
  for (let i = 1; i < lockAfter; i++) {
    expect(await c.reply('session.signIn', { name: 'agent', password: 'mauvais mot de passe' })).toMatchObject({
      ok: false,
      error: { code: 'auth.bad_credentials' },
    });
  }
  expect(await c.reply('session.signIn', { name: 'agent', password: 'mauvais mot de passe' })).toMatchObject({
    ok: false,
    error: { code: 'auth.locked' },
  });
  // Even the right password is refused while locked.
  expect(await c.reply('session.signIn', { name: 'agent', password: adminPassword })).toMatchObject({
    ok: false,
    error: { code: 'auth.locked' },
  });
  expect(waits).toEqual([1000, 2000]);
});

test('a disabled user is signed out at the next call and cannot sign in', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent', 'paul');
  const paul = (await ws.admin.call('users.list', {})).find((u) => u.name === 'paul')!;
  await ws.admin.call('users.disable', { userId: paul.id });
  expect(await agent.reply('datasets.list', {})).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
  expect(await ws.client().reply('session.signIn', { name: 'paul', password: userPassword })).toMatchObject({
    ok: false,
    error: { code: 'auth.disabled' },
  });
  await ws.admin.call('users.enable', { userId: paul.id });
  await ws.client().call('session.signIn', { name: 'paul', password: userPassword });
  const admin = (await ws.admin.call('users.list', {})).find((u) => u.name === 'admin')!;
  expect(await ws.admin.reply('users.disable', { userId: admin.id })).toMatchObject({
    ok: false,
    error: { code: 'users.cannot_disable_self' },
  });
});

test('the audit log records sign-ins and user changes, and detects tampering', async () => {
  ws = await openTestWorkspace();
  await ws.signedIn('reviewer', 'rita');
  const actions = (await ws.admin.call('audit.list', { limit: 50 })).map((e) => e.action).reverse();
  expect(actions).toEqual(['user.create', 'session.sign_in', 'user.create', 'producer.member_set', 'session.sign_in', 'user.change_password']);
  expect(await ws.admin.call('audit.verify', {})).toEqual({
    ok: true,
    checked: 6,
    rows: 6,
    expected: 6,
    firstBrokenId: null,
    keyMissing: false,
    problem: null,
  });

  const raw = new Database(ws.path);
  raw.prepare("UPDATE audit SET actor = 'quelqu’un' WHERE id = 3").run();
  raw.close();
  expect(await ws.admin.call('audit.verify', {})).toMatchObject({ ok: false, checked: 3, firstBrokenId: 3, problem: 'row_changed' });
});

test('the audit chain holds when another connection appends at the same time', async () => {
  ws = await openTestWorkspace();
  const count = 500;
  const other = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../support/append-audit.ts'), ws.path, String(count)], {
    stdio: 'inherit',
  });
  const done = new Promise((resolve) => other.on('exit', resolve));
  // Wait until the other process is appending, then append as fast as it does.
  const db = ws.host.services.db;
  while ((db.prepare("SELECT COUNT(*) AS n FROM audit WHERE actor = 'worker'").get() as { n: number }).n === 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  for (let i = 0; i < count; i++) recordAudit(db, { actor: 'api', action: 'test.append', details: { i } });
  expect(await done).toBe(0);
  const verified = await ws.admin.call('audit.verify', {});
  expect(verified).toMatchObject({ ok: true, firstBrokenId: null });
  expect(verified.checked).toBe(2 * count + 2);
  // Each append also moves the head outside the workspace: slow on a loaded machine.
}, 120_000);
