import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, test } from 'vitest';
import { tempDir } from '../../support/temp-workspace';

// `npm start` where Electron cannot run: one line with the address and its token, the
// workspace created where asked, and a clean exit on Ctrl+C or a service manager's SIGTERM.
const root = join(import.meta.dirname, '..', '..', '..');
let cleanup = () => {};
afterEach(() => cleanup());

function startEntry(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'browser-mode.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (lines.length === 1) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, lines, firstLine, exit };
}

test.each(['SIGINT', 'SIGTERM'] as const)('prints one line with the tokenized URL, serves the API, stops on %s', async (signal) => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const workspace = join(temp.dir, 'new-folder', 'espace.atelier');
  const entry = startEntry(['--workspace', workspace]);
  const url = await entry.firstLine;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  expect(existsSync(workspace)).toBe(true);

  const [origin, token] = url.split('/#token=') as [string, string];
  const reply = await fetch(`${origin}/api/session.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-atelier-session': 'integration-test-session' },
    body: '{}',
  });
  expect(await reply.json()).toMatchObject({ ok: true, value: { needsSetup: true, workspaceName: 'espace.atelier' } });

  entry.child.kill(signal);
  expect(await entry.exit).toBe(0);
  expect(entry.lines).toEqual([url]);
});

test('the port can be chosen, and the workspace through ATELIER_WORKSPACE', async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const workspace = join(temp.dir, 'from-env.atelier');
  const entry = startEntry(['--port', String(port)], { ATELIER_WORKSPACE: workspace });
  expect(await entry.firstLine).toContain(`http://127.0.0.1:${port}/#token=`);
  expect(existsSync(workspace)).toBe(true);
  entry.child.kill('SIGTERM');
  expect(await entry.exit).toBe(0);
});
