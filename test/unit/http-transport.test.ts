import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import type { PushedEvent } from '../../shared/contract';
import { createHttpTransport } from '../../renderer/http-transport';

// The page's transport against a bare server: frames cut anywhere, comments, failures.
let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const options = { token: 't', sessionId: 'page-session-key-0001' };

test('an event cut across writes arrives once, whole; comments are skipped', async () => {
  const baseUrl = await serve((req, res) => {
    expect(req.url).toBe('/api/events?token=t&session=page-session-key-0001');
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': connected\n\ndata: {"name":"dataset.chan');
    setTimeout(() => res.write('ged","payload":{"datasetId":3}}\n'), 20);
    setTimeout(() => res.write('\n: keep-alive\n\ndata: {"name":"dataset.changed","payload":{"datasetId":4}}\n\n'), 40);
  });
  const transport = createHttpTransport({ baseUrl, ...options });
  const events: PushedEvent[] = [];
  transport.onEvent((event) => events.push(event));
  await expect.poll(() => events.length).toBe(2);
  transport.close();
  expect(events.map((e) => e.payload)).toEqual([{ datasetId: 3 }, { datasetId: 4 }]);
});

test('a refused or unreachable call is the transport error, with the HTTP status', async () => {
  const baseUrl = await serve((req, res) => {
    expect(req.headers).toMatchObject({ authorization: 'Bearer t', 'x-atelier-session': options.sessionId, 'content-type': 'application/json' });
    res.writeHead(401).end();
  });
  expect(await createHttpTransport({ baseUrl, ...options }).invoke('session.status', {})).toEqual({
    ok: false,
    error: { code: 'api.transport', params: { status: 401 } },
  });
  expect(await createHttpTransport({ baseUrl: 'http://127.0.0.1:1', ...options }).invoke('session.status', {})).toEqual({
    ok: false,
    error: { code: 'api.transport', params: { status: 0 } },
  });
});

test('the transport sends the id the server issued, and a reply to a call sent with a replaced id does not bring it back', async () => {
  const seen: (string | undefined)[] = [];
  let slow: (() => void) | null = null;
  const baseUrl = await serve((req, res) => {
    const sent = req.headers['x-atelier-session'] as string | undefined;
    seen.push(sent);
    const answer = (issued: string) => res.writeHead(200, { 'content-type': 'application/json', 'x-atelier-session': issued }).end('{"ok":true,"value":{}}');
    if (req.url === '/api/session.signIn') answer('after-sign-in');
    else if (req.url === '/api/slow') slow = () => answer('stale-anonymous');
    else answer(sent ?? 'first-id');
  });
  const stored: string[] = [];
  const transport = createHttpTransport({ baseUrl, token: 't', onSessionId: (id) => stored.push(id) });
  await transport.invoke('session.status', {});
  const inFlight = transport.invoke('slow', {});
  await expect.poll(() => slow !== null).toBe(true);
  await transport.invoke('session.signIn', {});
  slow!();
  await inFlight;
  await transport.invoke('session.status', {});
  expect(seen).toEqual([undefined, 'first-id', 'first-id', 'after-sign-in']);
  expect(stored).toEqual(['first-id', 'after-sign-in']);
});
