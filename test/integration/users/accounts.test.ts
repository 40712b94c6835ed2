import { afterEach, expect, test } from 'vitest';
import type { ApiClient } from '../../../shared/api-client';
import { clientFailureLimit, failureRowsPerMinute, lockAfter } from '../../../electron/session/sign-in-guard';
import { adminPassword, openTestWorkspace, userPassword, type TestWorkspace } from '../../support/temp-workspace';

// Each test checks many scrypt hashes (about 50 ms each, far more on a loaded machine).
let ws: TestWorkspace;
afterEach(async () => ws?.close());

async function codesOf(client: ApiClient, name: string, tries: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < tries; i++) {
    const reply = await client.reply('session.signIn', { name, password: `pas le bon ${i}` });
    codes.push(reply.ok ? 'ok' : reply.error.code);
  }
  return codes;
}

const userId = async (name: string) => (await ws.admin.call('users.list', {})).find((u) => u.name === name)!.id;
const auditText = () => JSON.stringify(ws.host.services.db.prepare('SELECT actor, action, target, details FROM audit').all());

test('two first-run setups at once make one administrator', async () => {
  ws = await openTestWorkspace();
  ws.host.services.db.prepare('DELETE FROM audit').run();
  ws.host.services.db.prepare('DELETE FROM users').run();
  const replies = await Promise.all(
    ['premier', 'second'].map((name) => ws.client().reply('session.setup', { name, password: adminPassword })),
  );
  expect(replies.filter((r) => r.ok)).toHaveLength(1);
  expect(replies.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'setup.already_done' } });
  expect(ws.host.services.db.prepare("SELECT COUNT(*) FROM users WHERE role = 'admin'").pluck().get()).toBe(1);
}, 120_000);

test('an unknown name is answered exactly as an account is, lock included, and never written to the audit log', async () => {
  ws = await openTestWorkspace();
  await ws.signedIn('agent', 'paul');
  const known = await codesOf(ws.client(), 'paul', lockAfter + 1);
  // A password typed in the name field is the classic leak.
  const typedPassword = 'Motdepasse-Secret-2024';
  const unknown = await codesOf(ws.client(), typedPassword, lockAfter + 1);
  expect(unknown).toEqual(known);
  expect(known).toEqual([...Array(lockAfter - 1).fill('auth.bad_credentials'), 'auth.locked', 'auth.locked']);
  const lockedUnknown = await ws.client().reply('session.signIn', { name: typedPassword.toUpperCase(), password: 'x' });
  expect(lockedUnknown).toMatchObject({ ok: false, error: { code: 'auth.locked', params: { until: expect.any(String) } } });
  expect(auditText()).not.toContain('Motdepasse');
  expect(auditText()).toContain('unknown_user');
}, 120_000);

test('one client cannot lock everyone out: past its own limit it is slowed down, and further accounts stay usable', async () => {
  ws = await openTestWorkspace();
  const names = ['ana', 'bea', 'cyd', 'dan'];
  for (const name of names) await ws.signedIn('agent', name);
  const attacker = ws.client();
  const codes: string[] = [];
  for (const name of names) codes.push(...(await codesOf(attacker, name, lockAfter)));
  expect(codes.filter((c) => c === 'auth.slow_down').length).toBe(names.length * lockAfter - clientFailureLimit);
  const locked = ws.host.services.db.prepare('SELECT name FROM users WHERE locked_until IS NOT NULL ORDER BY name').pluck().all();
  expect(locked).toEqual(['ana', 'bea']);
  expect(await attacker.reply('session.signIn', { name: 'dan', password: userPassword })).toMatchObject({
    ok: false,
    error: { code: 'auth.slow_down', params: { seconds: expect.any(Number) } },
  });
  expect(await ws.client().call('session.signIn', { name: 'dan', password: userPassword })).toMatchObject({ name: 'dan' });
}, 120_000);

test('an administrator unlocks an account', async () => {
  ws = await openTestWorkspace();
  await ws.signedIn('agent', 'paul');
  await codesOf(ws.client(), 'paul', lockAfter);
  const locked = (await ws.admin.call('users.list', {})).find((u) => u.name === 'paul')!;
  expect(locked.lockedUntil).not.toBeNull();
  expect(await ws.client().reply('session.signIn', { name: 'paul', password: userPassword })).toMatchObject({ ok: false, error: { code: 'auth.locked' } });
  expect(await ws.admin.call('users.unlock', { userId: locked.id })).toMatchObject({ lockedUntil: null });
  expect(await ws.client().call('session.signIn', { name: 'paul', password: userPassword })).toMatchObject({ name: 'paul' });
  expect(auditText()).toContain('user.unlock');
}, 120_000);

test('failed sign-ins write a bounded number of audit rows', async () => {
  ws = await openTestWorkspace();
  const before = ws.host.services.db.prepare('SELECT COUNT(*) FROM audit').pluck().get() as number;
  for (let i = 0; i < failureRowsPerMinute + 5; i++) await ws.client().reply('session.signIn', { name: `inconnu${i}`, password: 'x' });
  const after = ws.host.services.db.prepare('SELECT COUNT(*) FROM audit').pluck().get() as number;
  expect(after - before).toBe(failureRowsPerMinute);
}, 120_000);

test('look-alike names are refused; the sign-in name is matched the same way', async () => {
  ws = await openTestWorkspace();
  await ws.admin.call('users.create', { name: 'Élodie', password: adminPassword, role: 'agent' });
  await ws.admin.call('users.create', { name: 'strauss', password: adminPassword, role: 'agent' });
  expect(await ws.admin.reply('users.create', { name: 'élodie', password: adminPassword, role: 'agent' })).toEqual({
    ok: false,
    error: { code: 'users.name_taken', params: { name: 'élodie' } },
  });
  for (const name of ['elodie', 'ELODIE', 'Еlodie' /* Cyrillic Е */, 'аdmin' /* Cyrillic а */, 'ΑDMIN' /* Greek Α */, 'ａｄｍｉｎ' /* full width */, 'ådmin', 'Strauß']) {
    expect(await ws.admin.reply('users.create', { name, password: adminPassword, role: 'agent' })).toMatchObject({
      ok: false,
      error: { code: 'users.name_lookalike', params: { name } },
    });
  }
  expect(await ws.client().call('session.signIn', { name: 'ELODIE', password: adminPassword })).toMatchObject({ name: 'Élodie' });
}, 120_000);

test('names with spaces are refused, as the hint says', async () => {
  ws = await openTestWorkspace();
  expect(await ws.admin.reply('users.create', { name: 'jean dupont', password: adminPassword, role: 'agent' })).toEqual({
    ok: false,
    error: { code: 'api.invalid_input', params: { method: 'users.create', field: 'name' } },
  });
  expect(await ws.admin.reply('users.create', { name: 'j.dupont-2_b', password: adminPassword, role: 'agent' })).toMatchObject({ ok: true });
}, 120_000);

test('a password set by an administrator must be changed at first sign-in before anything else', async () => {
  ws = await openTestWorkspace();
  await ws.admin.call('users.create', { name: 'nouvelle', password: adminPassword, role: 'agent' });
  const c = ws.client();
  expect(await c.call('session.signIn', { name: 'nouvelle', password: adminPassword })).toMatchObject({ mustChangePassword: true });
  expect(await c.reply('datasets.list', {})).toEqual({ ok: false, error: { code: 'auth.password_change_required', params: {} } });
  expect((await c.call('session.status', {})).user).toMatchObject({ name: 'nouvelle', mustChangePassword: true });
  expect(await c.reply('session.changePassword', { currentPassword: adminPassword, newPassword: adminPassword })).toMatchObject({
    ok: false,
    error: { code: 'users.password_unchanged' },
  });
  expect(await c.call('session.changePassword', { currentPassword: adminPassword, newPassword: userPassword })).toMatchObject({
    mustChangePassword: false,
  });
  expect(await c.call('datasets.list', {})).toEqual([]);
}, 120_000);

test('a user changes their own password: the old one is checked, other sessions end', async () => {
  ws = await openTestWorkspace();
  const paul = await ws.signedIn('agent', 'paul');
  const elsewhere = ws.client();
  await elsewhere.call('session.signIn', { name: 'paul', password: userPassword });
  expect(await paul.reply('session.changePassword', { currentPassword: 'pas le bon', newPassword: 'un tout nouveau mot' })).toEqual({
    ok: false,
    error: { code: 'users.wrong_current_password', params: {} },
  });
  expect(await paul.reply('session.changePassword', { currentPassword: userPassword, newPassword: 'court' })).toMatchObject({
    ok: false,
    error: { code: 'users.weak_password' },
  });
  await paul.call('session.changePassword', { currentPassword: userPassword, newPassword: 'un tout nouveau mot' });
  expect(await paul.call('datasets.list', {})).toEqual([]);
  expect(await elsewhere.reply('datasets.list', {})).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
  expect(await ws.client().reply('session.signIn', { name: 'paul', password: userPassword })).toMatchObject({ ok: false });
  await ws.client().call('session.signIn', { name: 'paul', password: 'un tout nouveau mot' });
  expect(auditText()).not.toContain('un tout nouveau mot');
}, 120_000);

test('an administrator resets a password: the user is signed out and must choose a new one', async () => {
  ws = await openTestWorkspace();
  const paul = await ws.signedIn('agent', 'paul');
  expect(await ws.admin.call('users.resetPassword', { userId: await userId('paul'), password: 'provisoire 2024' })).toMatchObject({
    mustChangePassword: true,
  });
  expect(await paul.reply('datasets.list', {})).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
  const again = ws.client();
  expect(await again.reply('session.signIn', { name: 'paul', password: userPassword })).toMatchObject({ ok: false });
  await again.call('session.signIn', { name: 'paul', password: 'provisoire 2024' });
  expect(await again.reply('datasets.list', {})).toMatchObject({ ok: false, error: { code: 'auth.password_change_required' } });
  expect(await paul.reply('users.resetPassword', { userId: 1, password: 'provisoire 2024' })).toMatchObject({ ok: false });
}, 120_000);

test('an administrator changes a role, never the last administrator’s', async () => {
  ws = await openTestWorkspace();
  const paul = await ws.signedIn('agent', 'paul');
  const [adminId, paulId] = [await userId('admin'), await userId('paul')];
  expect(await paul.reply('users.list', {})).toMatchObject({ ok: false, error: { code: 'auth.role_too_low' } });
  expect(await ws.admin.call('users.setRole', { userId: paulId, role: 'admin' })).toMatchObject({ role: 'admin' });
  expect((await paul.call('users.list', {})).length).toBe(2);
  expect(await paul.call('users.setRole', { userId: adminId, role: 'reviewer' })).toMatchObject({ role: 'reviewer' });
  expect(await ws.admin.reply('users.list', {})).toMatchObject({ ok: false, error: { code: 'auth.role_too_low' } });
  expect(await paul.reply('users.setRole', { userId: paulId, role: 'agent' })).toEqual({
    ok: false,
    error: { code: 'users.last_admin', params: {} },
  });
  const changes = ws.host.services.db.prepare("SELECT details FROM audit WHERE action = 'user.set_role'").pluck().all() as string[];
  expect(changes.map((d) => JSON.parse(d))).toEqual([
    { before: 'agent', after: 'admin' },
    { before: 'admin', after: 'reviewer' },
  ]);
}, 120_000);
