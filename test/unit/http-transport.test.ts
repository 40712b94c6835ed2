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

const options = { token: 't', sessionKey: 'page-session-key-0001' };

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
    expect(req.headers).toMatchObject({ authorization: 'Bearer t', 'x-atelier-session': options.sessionKey, 'content-type': 'application/json' });
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
