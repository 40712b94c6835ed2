import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startWorkerHost, type WorkerHost } from '../../../electron/host/worker-host';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
import { workspaceId } from '../../../electron/workspace/workspace-meta';
import { fakeKeychain } from '../../support/fake-keychain';
import { makeVersion } from '../../support/make-version';
import { adminPassword, tempDir } from '../../support/temp-workspace';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(path: string): Promise<WorkerHost> {
  const host = await startWorkerHost(path);
  cleanups.push(() => host.close());
  return host;
}

test('the desktop transport: services answer from a worker thread, one session per window', async () => {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const host = await start(join(dir, 'w.atelier'));
  const setup = await host.invoke('window-1', 'session.setup', { name: 'admin', password: adminPassword });
  expect(setup.ok).toBe(true);
  expect(await host.invoke('window-1', 'users.list', {})).toMatchObject({ ok: true, value: [{ name: 'admin' }] });
  // Another window has its own session: nobody is signed in there.
  expect(await host.invoke('window-2', 'users.list', {})).toEqual({
    ok: false,
    error: { code: 'auth.not_signed_in', params: {} },
  });
  expect(await host.invoke('window-1', 'no.such', {})).toMatchObject({ ok: false, error: { code: 'api.unknown_method' } });
  // A closed window ends its session (electron/ipc.ts calls this when the window is destroyed).
  host.endSession('window-1');
  expect(await host.invoke('window-1', 'users.list', {})).toMatchObject({ ok: false, error: { code: 'auth.not_signed_in' } });
});

test('a workspace from a newer version is refused by the worker, untouched', async () => {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const path = join(dir, 'future.atelier');
  const db = openWorkspace(path);
  db.pragma('user_version = 999');
  db.close();
  await expect(startWorkerHost(path)).rejects.toMatchObject({ code: 'workspace.too_new' });
  const again = (await import('better-sqlite3')).default;
  const check = new again(path, { readonly: true });
  expect(check.pragma('user_version', { simple: true })).toBe(999);
  check.close();
});

// A workspace set up through a worker whose audit key the (fake) keychain wraps.
async function workspaceWithWrappedKey(): Promise<{ path: string; keysDir: string }> {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const path = join(dir, 'w.atelier');
  const keysDir = join(dir, 'keys');
  const first = await startWorkerHost(path, { keysDir, protector: fakeKeychain });
  expect(await first.invoke('window-1', 'session.setup', { name: 'admin', password: adminPassword })).toMatchObject({ ok: true });
  await first.close();
  return { path, keysDir };
}

test('the desktop transport: the audit key comes from the main process keychain, events reach only signed-in windows', async () => {
  const { path, keysDir } = await workspaceWithWrappedKey();

  const db = openWorkspace(path);
  const id = workspaceId(db);
  const { versionId } = makeVersion(db, { userId: 1, columns: [{ name: 'a', type: 'text' }], rows: [['x']] });
  db.close();
  const stored = JSON.parse(readFileSync(join(keysDir, `${id}.key`), 'utf8')) as { protection: string };
  expect(stored.protection).toBe('test-keychain');

  const host = await startWorkerHost(path, { keysDir, protector: fakeKeychain });
  cleanups.push(() => host.close());
  const received: (readonly string[])[] = [];
  host.onEvent((_event, sessionKeys) => received.push(sessionKeys));
  expect(await host.invoke('window-1', 'session.signIn', { name: 'admin', password: adminPassword })).toMatchObject({ ok: true });
  expect(await host.invoke('window-2', 'session.status', {})).toMatchObject({ ok: true });
  expect(await host.invoke('window-1', 'edits.addRow', { versionId })).toMatchObject({ ok: true });
  expect(received.length).toBeGreaterThan(0);
  expect(received.every((keys) => keys.length === 1 && keys[0] === 'window-1')).toBe(true);
  expect(await host.invoke('window-1', 'audit.verify', {})).toMatchObject({ ok: true, value: { ok: true, keyMissing: false } });
});

test('without the keychain that wraps its key, the worker cannot record anything and says why', async () => {
  const { path, keysDir } = await workspaceWithWrappedKey();
  const plain = await startWorkerHost(path, { keysDir });
  cleanups.push(() => plain.close());
  expect(await plain.invoke('window-1', 'session.signIn', { name: 'admin', password: adminPassword })).toMatchObject({
    ok: false,
    error: { code: 'audit.key_unavailable' },
  });
});
