import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../shared/api-client';
import { methods, type PushedEvent } from '../../../shared/contract';
import { createServiceHost, type ServiceHost } from '../../../electron/host/service-host';
import { adminPassword, tempDir, userPassword } from '../../support/temp-workspace';
import { transportKinds, type Connector } from './transports';

// One suite, every transport: what the page sees must not depend on how it is connected.
describe.each(transportKinds)('contract over the $name transport', ({ open }) => {
  let host: ServiceHost;
  let connector: Connector;
  let cleanup: () => void;
  const client = (): ApiClient => createApiClient(connector.connect());

  async function setUp(): Promise<ApiClient> {
    const admin = client();
    await admin.call('session.setup', { name: 'admin', password: adminPassword });
    return admin;
  }

  async function signedIn(admin: ApiClient, role: 'agent' | 'reviewer' | 'admin', name: string): Promise<ApiClient> {
    await admin.call('users.create', { name, password: adminPassword, role });
    const c = client();
    await c.call('session.signIn', { name, password: adminPassword });
    await c.call('session.changePassword', { currentPassword: adminPassword, newPassword: userPassword });
    return c;
  }

  beforeEach(async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    host = createServiceHost({ workspacePath: `${temp.dir}/contract.atelier`, sleep: async () => {}, log: () => {} });
    connector = await open(host);
  });

  afterEach(async () => {
    await connector.close();
    await host.close();
    cleanup();
  });

  test('an unknown method is refused with its name', async () => {
    expect(await connector.connect().invoke('datasets.explode', {})).toEqual({
      ok: false,
      error: { code: 'api.unknown_method', params: { method: 'datasets.explode' } },
    });
  });

  test('a method that needs a user is refused without one', async () => {
    await setUp();
    expect(await client().reply('datasets.list', {})).toEqual({ ok: false, error: { code: 'auth.not_signed_in', params: {} } });
  });

  test('a role too low is refused, naming both roles', async () => {
    const admin = await setUp();
    const agent = await signedIn(admin, 'agent', 'agent1');
    expect(await agent.reply('users.create', { name: 'intrus', password: adminPassword, role: 'admin' })).toEqual({
      ok: false,
      error: { code: 'auth.role_too_low', params: { required: 'admin', actual: 'agent' } },
    });
    expect((await agent.reply('users.list', {})).ok).toBe(false);
    expect(await agent.call('datasets.list', {})).toEqual([]);
  });

  test('invalid input is refused, naming the field', async () => {
    const admin = await setUp();
    expect(await admin.reply('users.create', { name: 'x1', password: adminPassword, role: 'king' as never })).toEqual({
      ok: false,
      error: { code: 'api.invalid_input', params: { method: 'users.create', field: 'role' } },
    });
    expect(await connector.connect().invoke('session.status', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_input' },
    });
  });

  test('first run: status, password rule, setup once, then sign-in', async () => {
    const first = client();
    expect(await first.call('session.status', {})).toMatchObject({ needsSetup: true, user: null });
    expect(await first.reply('session.signIn', { name: 'admin', password: adminPassword })).toEqual({
      ok: false,
      error: { code: 'setup.required', params: {} },
    });
    expect(await first.reply('session.setup', { name: 'admin', password: 'trop court' })).toEqual({
      ok: false,
      error: { code: 'users.weak_password', params: { min: 12 } },
    });
    const admin = await first.call('session.setup', { name: 'admin', displayName: 'Camille Martin', password: adminPassword });
    expect(admin).toMatchObject({ name: 'admin', displayName: 'Camille Martin', role: 'admin', disabled: false });
    const status = await first.call('session.status', {});
    expect(methods['session.status'].output.parse(status)).toMatchObject({ needsSetup: false, user: { name: 'admin' } });
    expect(await client().reply('session.setup', { name: 'other', password: adminPassword })).toEqual({
      ok: false,
      error: { code: 'setup.already_done', params: {} },
    });
  });

  test('sign-in, sign-out and sessions kept apart', async () => {
    await setUp();
    const page = client();
    expect(await page.reply('session.signIn', { name: 'admin', password: 'not the password' })).toEqual({
      ok: false,
      error: { code: 'auth.bad_credentials', params: {} },
    });
    expect(await page.call('session.signIn', { name: 'admin', password: adminPassword })).toMatchObject({ role: 'admin' });
    const other = client();
    expect((await other.call('session.status', {})).user).toBeNull();
    await page.call('session.signOut', {});
    expect((await page.call('session.status', {})).user).toBeNull();
    expect(await page.reply('users.list', {})).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
  });

  test('users: create, list, disable and enable', async () => {
    const admin = await setUp();
    const reviewer = await signedIn(admin, 'reviewer', 'relecteur');
    const created = await admin.call('users.create', { name: 'agent.dupont', displayName: 'Jo Dupont', password: adminPassword, role: 'agent' });
    expect(created).toMatchObject({ name: 'agent.dupont', displayName: 'Jo Dupont', role: 'agent', disabled: false, lastSignInAt: null });
    expect(await admin.reply('users.create', { name: 'agent.dupont', password: adminPassword, role: 'agent' })).toEqual({
      ok: false,
      error: { code: 'users.name_taken', params: { name: 'agent.dupont' } },
    });
    const users = await admin.call('users.list', {});
    expect(users.map((u) => [u.name, u.role])).toEqual([
      ['admin', 'admin'],
      ['agent.dupont', 'agent'],
      ['relecteur', 'reviewer'],
    ]);

    const reviewerId = users.find((u) => u.name === 'relecteur')!.id;
    expect(await admin.call('users.disable', { userId: reviewerId })).toMatchObject({ disabled: true });
    expect(await reviewer.reply('datasets.list', {})).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
    expect(await client().reply('session.signIn', { name: 'relecteur', password: userPassword })).toEqual({
      ok: false,
      error: { code: 'auth.disabled', params: {} },
    });
    await admin.call('users.enable', { userId: reviewerId });
    expect(await client().call('session.signIn', { name: 'relecteur', password: userPassword })).toMatchObject({ disabled: false });

    const adminId = users.find((u) => u.name === 'admin')!.id;
    expect(await admin.reply('users.disable', { userId: adminId })).toEqual({
      ok: false,
      error: { code: 'users.cannot_disable_self', params: {} },
    });
  });

  test('repeated failures lock the account, even for the right password', async () => {
    await setUp();
    const page = client();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await page.reply('session.signIn', { name: 'admin', password: `wrong ${i}` });
      codes.push(reply.ok ? 'ok' : reply.error.code);
    }
    expect(codes).toEqual(['auth.bad_credentials', 'auth.bad_credentials', 'auth.bad_credentials', 'auth.bad_credentials', 'auth.locked']);
    expect(await page.reply('session.signIn', { name: 'admin', password: adminPassword })).toMatchObject({
      ok: false,
      error: { code: 'auth.locked', params: { until: expect.any(String) } },
    });
  });

  test('pushed events reach a signed-in client', async () => {
    const page = await setUp();
    const received = new Promise<PushedEvent>((resolve) => page.onEvent(resolve));
    // The HTTP stream needs a moment to connect; emit until the listener hears one.
    const timer = setInterval(() => host.services.emit('dataset.changed', { datasetId: 7 }), 50);
    try {
      expect(await received).toEqual({ name: 'dataset.changed', payload: { datasetId: 7 } });
    } finally {
      clearInterval(timer);
    }
  });
});
