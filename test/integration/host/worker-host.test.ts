import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startWorkerHost, type WorkerHost } from '../../../electron/host/worker-host';
import { openWorkspace } from '../../../electron/workspace/open-workspace';
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
