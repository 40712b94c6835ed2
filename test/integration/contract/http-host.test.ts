import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { maxBodyBytes, startHttpHost, type HttpHost } from '../../../electron/host/http-host';
import { noncePlaceholder } from '../../../electron/host/renderer-files';
import { createServiceHost, type ServiceHost } from '../../../electron/host/service-host';
import { cspNonceMetaName } from '../../../shared/csp';
import { createHttpTransport } from '../../../renderer/http-transport';
import { tempDir } from '../../support/temp-workspace';

// What only the HTTP door has to get right: who may knock, and what the page is served with.
let host: ServiceHost;
let http: HttpHost;
let cleanup: () => void;

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), `<meta name="${cspNonceMetaName}" content="${noncePlaceholder}"><p>page</p>`);
  writeFileSync(join(temp.dir, 'secret.txt'), 'outside the renderer');
  host = createServiceHost({ workspacePath: join(temp.dir, 'http.atelier'), log: () => {} });
  http = await startHttpHost({ host, rendererDir });
});

afterAll(async () => {
  await http.close();
  await host.close();
  cleanup();
});

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node:http rather than fetch: fetch normalizes `..` away and will not forge Host or Origin.
function raw(path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { port } = new URL(http.origin);
  return new Promise<RawReply>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };
const withToken = () => ({ ...json, authorization: `Bearer ${http.token}` });

describe('HTTP host', () => {
  test('is bound to 127.0.0.1 only', async () => {
    expect(new URL(http.origin).hostname).toBe('127.0.0.1');
    expect(http.pageUrl).toBe(`${http.origin}/#token=${http.token}`);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) {
      const reached = await fetch(`http://${external.address}:${new URL(http.origin).port}/`).then(
        () => true,
        () => false,
      );
      expect(reached).toBe(false);
    }
  });

  test('answers a call with the token, and 401 without it or with another', async () => {
    const ok = await raw('/api/session.status', { method: 'POST', headers: withToken(), body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect((await raw('/api/session.status', { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
    const wrong = { ...json, authorization: `Bearer ${'x'.repeat(http.token.length)}` };
    expect((await raw('/api/session.status', { method: 'POST', headers: wrong, body: '{}' })).status).toBe(401);
    const issued = String(ok.headers['x-atelier-session']);
    expect((await raw(`/api/events?session=${issued}`)).status).toBe(401);
  });

  test('refuses other origins, other Host names and non-JSON posts', async () => {
    const fromElsewhere = { ...withToken(), origin: 'http://evil.example' };
    expect((await raw('/api/session.status', { method: 'POST', headers: fromElsewhere, body: '{}' })).status).toBe(403);
    const otherPort = { ...withToken(), origin: 'http://127.0.0.1:1' };
    expect((await raw('/api/session.status', { method: 'POST', headers: otherPort, body: '{}' })).status).toBe(403);
    const rebound = { ...withToken(), host: `evil.example:${new URL(http.origin).port}` };
    expect((await raw('/api/session.status', { method: 'POST', headers: rebound, body: '{}' })).status).toBe(403);
    expect((await raw('/', { headers: { host: 'evil.example' } })).status).toBe(403);
    const sameOrigin = { ...withToken(), origin: http.origin };
    expect((await raw('/api/session.status', { method: 'POST', headers: sameOrigin, body: '{}' })).status).toBe(200);
    const textPlain = { ...withToken(), 'content-type': 'text/plain' };
    expect((await raw('/api/session.status', { method: 'POST', headers: textPlain, body: '{}' })).status).toBe(415);
  });

  test('caps the body size', async () => {
    const tooBig = JSON.stringify({ base64: 'A'.repeat(maxBodyBytes) });
    expect((await raw('/api/files.uploadChunk', { method: 'POST', headers: withToken(), body: tooBig })).status).toBe(413);
  });

  test('keeps pushed events from pages where nobody is signed in', async () => {
    const stranger = createHttpTransport({ baseUrl: http.origin, token: http.token });
    await stranger.invoke('session.status', {});
    const heard: unknown[] = [];
    stranger.onEvent((event) => heard.push(event));
    await new Promise((resolve) => setTimeout(resolve, 200));
    host.services.emit('dataset.changed', { datasetId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    stranger.close();
    expect(heard).toEqual([]);
  });

  test('refuses paths that leave the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await raw(path);
      expect([403, 404]).toContain(reply.status);
      expect(reply.body).not.toContain('outside the renderer');
    }
    expect((await raw('/missing.js')).status).toBe(404);
  });

  test('serves the page with a strict CSP and a fresh nonce per load', async () => {
    const first = await raw('/');
    const second = await raw('/index.html');
    expect(first.status).toBe(200);
    const csp = String(first.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(first.body).toContain(`content="${nonce}"`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("script-src 'self'");
    expect(String(second.headers['content-security-policy'])).not.toContain(nonce);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
  });
});
