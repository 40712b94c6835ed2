import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createApiClient, type ApiClient } from '../../../shared/api-client';
import { startHttpHost, type HttpHost } from '../../../electron/host/http-host';
import { createServiceHost, type ServiceHost } from '../../../electron/host/service-host';
import { inProcessTransport } from '../../../electron/host/in-process-transport';
import { lockAfter } from '../../../electron/session/sign-in-guard';
import { createHttpTransport, type HttpTransport } from '../../../renderer/http-transport';
import { adminPassword, tempDir } from '../../support/temp-workspace';
import type * as passwordModule from '../../../electron/users/password';

// Every password check is counted, and one can be held back to let others overtake it.
const checks = vi.hoisted(() => ({ count: 0, gate: null as Promise<void> | null, gated: '' }));
vi.mock('../../../electron/users/password', async (importOriginal) => {
  const actual = await importOriginal<typeof passwordModule>();
  return {
    ...actual,
    verifyPassword: async (password: string, stored: string) => {
      checks.count += 1;
      if (checks.gate && password === checks.gated) await checks.gate;
      return actual.verifyPassword(password, stored);
    },
  };
});

let host: ServiceHost;
let http: HttpHost;
let cleanup: () => void;
const transports: HttpTransport[] = [];

function httpClient(): ApiClient {
  const transport = createHttpTransport({ baseUrl: http.origin, token: http.token });
  transports.push(transport);
  return createApiClient(transport);
}

beforeEach(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  host = createServiceHost({ workspacePath: `${temp.dir}/parallel.atelier`, sleep: async () => {}, log: () => {} });
  http = await startHttpHost({ host });
  const admin = httpClient();
  await admin.call('session.setup', { name: 'admin', password: adminPassword });
  await admin.call('users.create', { name: 'cible', password: adminPassword, role: 'agent' });
  checks.count = 0;
});

afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  await http.close();
  await host.close();
  cleanup();
});

const lockedUntil = () =>
  host.services.db.prepare("SELECT locked_until FROM users WHERE name = 'cible'").pluck().get() as string | null;

test('50 wrong guesses sent at once over HTTP: at most the allowed number are checked, and the account ends locked', async () => {
  const clients = Array.from({ length: 50 }, () => httpClient());
  const replies = await Promise.all(clients.map((c, i) => c.reply('session.signIn', { name: 'cible', password: `mauvais ${i}` })));
  // Refused, each as wrong or as locked (a guess still being checked when the lock falls is
  // answered with the lock).
  const codes = new Set(replies.map((r) => (r.ok ? 'ok' : r.error.code)));
  expect([...codes].every((code) => code === 'auth.bad_credentials' || code === 'auth.locked')).toBe(true);
  expect(codes.has('auth.locked')).toBe(true);
  expect(checks.count).toBeLessThanOrEqual(lockAfter);
  expect(lockedUntil()).not.toBeNull();
  expect(await httpClient().reply('session.signIn', { name: 'cible', password: adminPassword })).toMatchObject({
    ok: false,
    error: { code: 'auth.locked' },
  });
}, 120_000);

test('the same from one client: no more checks, and the lock holds', async () => {
  const client = httpClient();
  const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => client.reply('session.signIn', { name: 'cible', password: `faux ${i}` })));
  expect(replies.every((r) => !r.ok)).toBe(true);
  expect(checks.count).toBeLessThanOrEqual(lockAfter);
  expect(lockedUntil()).not.toBeNull();
}, 120_000);

test('a right password checked while wrong ones lock the account does not sign in, nor lift the lock', async () => {
  let release = () => {};
  checks.gate = new Promise<void>((resolve) => (release = resolve));
  checks.gated = adminPassword;
  try {
    const right = createApiClient(inProcessTransport(host));
    const pending = right.reply('session.signIn', { name: 'cible', password: adminPassword });
    await vi.waitFor(() => expect(checks.count).toBe(1));
    const wrong = createApiClient(inProcessTransport(host));
    const codes: string[] = [];
    for (let i = 0; i < lockAfter; i++) {
      const reply = await wrong.reply('session.signIn', { name: 'cible', password: `faux ${i}` });
      codes.push(reply.ok ? 'ok' : reply.error.code);
    }
    expect(codes.at(-1)).toBe('auth.locked');
    release();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'auth.locked' } });
    expect(lockedUntil()).not.toBeNull();
    expect((await right.call('session.status', {})).user).toBeNull();
  } finally {
    checks.gate = null;
  }
}, 120_000);
