import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadRendererFile, noncePlaceholder } from '../../../electron/host/renderer-files';
import { tempDir } from '../../support/temp-workspace';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const root = join(dir, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), `<meta name="csp-nonce" content="${noncePlaceholder}">`);
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'secret');

test('the desktop protocol serves the built page with a fresh nonce per load', async () => {
  const a = await loadRendererFile(root, '/');
  const b = await loadRendererFile(root, '/index.html');
  if (a.status !== 200 || b.status !== 200) throw new Error('not served');
  const nonce = /content="([^"]+)"/.exec(String(a.body))![1]!;
  expect(nonce).not.toBe(noncePlaceholder);
  expect(a.csp).toContain(`'nonce-${nonce}'`);
  expect(a.csp).not.toMatch(/unsafe-(inline|eval)/);
  expect(String(b.body)).not.toContain(nonce);
  expect(await loadRendererFile(root, '/assets/app.js')).toMatchObject({ status: 200, csp: null });
});

test.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/index.html%00.js', '/%E0%A4%A'])(
  '%s is refused',
  async (path) => {
    expect((await loadRendererFile(root, path)).status).not.toBe(200);
  },
);
