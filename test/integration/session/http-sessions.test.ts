import { afterEach, expect, test } from 'vitest';
import type { PushedEvent, Reply } from '../../../shared/contract';
import { sessionHeader, startHttpHost, type HttpHost } from '../../../electron/host/http-host';
import type { SessionLimits } from '../../../electron/host/http-sessions';
import { createServiceHost, type ServiceHost } from '../../../electron/host/service-host';
import { createHttpTransport } from '../../../renderer/http-transport';
import { adminPassword, tempDir } from '../../support/temp-workspace';

// Sessions over the loopback HTTP door: the server mints and rotates the ids, forgets idle,
// old and surplus sessions, and sign-out ends one.
let host: ServiceHost;
let http: HttpHost;
let cleanup: () => void;

async function open(limits: Partial<SessionLimits> = {}): Promise<void> {
  const temp = tempDir();
  cleanup = temp.cleanup;
  host = createServiceHost({ workspacePath: `${temp.dir}/sessions.atelier`, sleep: async () => {}, log: () => {} });
  http = await startHttpHost({ host, sessionLimits: limits });
  await call(null, 'session.setup', { name: 'admin', password: adminPassword });
}

afterEach(async () => {
  await http?.close();
  await host?.close();
  cleanup?.();
});

// One call as a page makes it, with the id it holds (or none); gives back the id issued.
async function call(id: string | null, method: string, input: unknown = {}): Promise<{ id: string; reply: Reply }> {
  const response = await fetch(`${http.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${http.token}`, ...(id ? { [sessionHeader]: id } : {}) },
    body: JSON.stringify(input),
  });
  return { id: response.headers.get(sessionHeader)!, reply: (await response.json()) as Reply };
}

async function signIn(): Promise<string> {
  const { id } = await call(null, 'session.status');
  const signedIn = await call(id, 'session.signIn', { name: 'admin', password: adminPassword });
  expect(signedIn.reply.ok).toBe(true);
  return signedIn.id;
}

const signedInAs = async (id: string) => {
  const { reply } = await call(id, 'session.status');
  return reply.ok ? (reply.value as { user: { name: string } | null }).user?.name ?? null : null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the server mints the id: one the client makes up is not taken', async () => {
  await open();
  const chosen = 'chosen-by-the-client-0000000001';
  const first = await call(chosen, 'session.status');
  expect(first.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(first.id).not.toBe(chosen);
  expect((await call(first.id, 'session.status')).id).toBe(first.id);
});

test('signing in gives a new id and retires the old one; signing out ends the session', async () => {
  await open();
  const before = (await call(null, 'session.status')).id;
  const after = (await call(before, 'session.signIn', { name: 'admin', password: adminPassword })).id;
  expect(after).not.toBe(before);
  expect(await signedInAs(after)).toBe('admin');
  expect(await signedInAs(before)).toBeNull();
  const signedOut = await call(after, 'session.signOut');
  expect(signedOut.id).not.toBe(after);
  expect(await signedInAs(after)).toBeNull();
  expect((await call(after, 'users.list')).reply).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
});

test('a session ends after its idle time', async () => {
  await open({ idleMs: 300 });
  const id = await signIn();
  await sleep(150);
  expect(await signedInAs(id)).toBe('admin');
  await sleep(400);
  expect((await call(id, 'users.list')).reply).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
});

test('a session ends after its absolute lifetime, however busy', async () => {
  await open({ lifetimeMs: 600 });
  const id = await signIn();
  const started = Date.now();
  while (Date.now() - started < 450) {
    expect(await signedInAs(id)).toBe('admin');
    await sleep(100);
  }
  await sleep(300);
  expect(await signedInAs(id)).toBeNull();
});

test('the table is bounded: past the limit the least recently used session goes', async () => {
  await open({ max: 3 });
  const kept = await signIn();
  const dropped = await signIn();
  expect(await signedInAs(kept)).toBe('admin');
  for (let i = 0; i < 2; i++) await call(null, 'session.status');
  // (Asking with a dead id opens a new session too: the kept one is asked first.)
  expect(await signedInAs(kept)).toBe('admin');
  expect(await signedInAs(dropped)).toBeNull();
  for (let i = 0; i < 20; i++) await call(null, 'session.status');
  expect(await signedInAs(kept)).toBeNull();
});

test('events reach a signed-in page, stop at sign-out, and never reach a stream without a live session', async () => {
  await open();
  expect((await fetch(`${http.origin}/api/events?token=${http.token}&session=made-up-session-id`)).status).toBe(401);
  const transport = createHttpTransport({ baseUrl: http.origin, token: http.token });
  await transport.invoke('session.signIn', { name: 'admin', password: adminPassword });
  const heard: PushedEvent[] = [];
  transport.onEvent((event) => heard.push(event));
  const timer = setInterval(() => host.services.emit('dataset.changed', { datasetId: 1 }), 50);
  try {
    await expect.poll(() => heard.length).toBeGreaterThan(0);
    await transport.invoke('session.signOut', {});
    await sleep(200);
    const count = heard.length;
    await sleep(1500);
    expect(heard.length).toBe(count);
  } finally {
    clearInterval(timer);
    transport.close();
  }
});
