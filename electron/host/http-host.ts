import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushedEvent } from '../../shared/contract';
import { downloadPathPrefix } from '../exporting/export-delivery';
import { sendDownload } from '../exporting/download-route';
import type { Session } from './handler-context';
import { defaultSessionLimits, HttpSessions, type SessionLimits } from './http-sessions';
import { loadRendererFile } from './renderer-files';
import type { ServiceHost } from './service-host';

// The page and the tests reach the services over loopback HTTP: `POST /api/<method>` with a
// JSON body, Server-Sent Events at `GET /api/events`, and the built renderer for everything
// else. Only this process's own origin, holding this launch's token, gets an answer.

const tokenHeader = 'authorization';
// The session id the server issued: sent back by the page on each call, and answered on each
// reply (a new one after a sign-in or sign-out). renderer/http-transport.ts uses the same name.
export const sessionHeader = 'x-atelier-session';
// An upload chunk carries at most 12,000,000 base64 characters (see the contract).
export const maxBodyBytes = 12 * 1024 * 1024;
const heartbeatMs = 25_000;
const sweepMs = 60_000;

export interface HttpHostOptions {
  host: ServiceHost;
  // Folder of the built renderer (dist/renderer); without it only the API is served.
  rendererDir?: string;
  port?: number;
  sessionLimits?: Partial<SessionLimits>;
}

export interface HttpHost {
  origin: string;
  token: string;
  // What a person opens: the token travels in the fragment, which is never sent to a server.
  pageUrl: string;
  close(): Promise<void>;
}

class HttpRefusal extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

export async function startHttpHost({ host, rendererDir, port = 0, sessionLimits }: HttpHostOptions): Promise<HttpHost> {
  const token = randomBytes(32).toString('base64url');
  const expectedAuth = Buffer.from(`Bearer ${token}`);
  const streams = new Map<ServerResponse, Session>();
  const sessions = new HttpSessions(() => host.newSession(), { ...defaultSessionLimits, ...sessionLimits }, (ended) => {
    for (const [stream, session] of streams) if (session === ended) stream.end();
  });
  const sweeper = setInterval(() => sessions.sweep(), sweepMs);
  sweeper.unref();
  let origin = '';

  // Events tell about datasets and jobs: only pages where someone is signed in, and still
  // allowed to be (not disabled, password not reset since), hear them.
  const unsubscribe = host.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event satisfies PushedEvent)}\n\n`;
    for (const [stream, session] of streams) if (host.currentUser(session)) stream.write(frame);
  });

  function hasToken(presented: string | undefined): boolean {
    const given = Buffer.from(presented ?? '');
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  }

  // DNS rebinding and cross-site requests: a browser always sends the Host it thinks it talks
  // to, and Origin on cross-origin or non-GET requests; both must be exactly ours.
  function checkOrigin(req: IncomingMessage): void {
    if (req.headers.host !== new URL(origin).host) throw new HttpRefusal(403);
    const from = req.headers.origin;
    if (from !== undefined && from !== origin) throw new HttpRefusal(403);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    // A cross-site form can post text/plain without a preflight; JSON cannot.
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw new HttpRefusal(415);
    if (!hasToken(req.headers[tokenHeader])) throw new HttpRefusal(401);
    let input: unknown;
    try {
      input = JSON.parse(await readBody(req));
    } catch (error) {
      throw error instanceof HttpRefusal ? error : new HttpRefusal(400);
    }
    const { id, session } = sessions.use(headerValue(req, sessionHeader));
    const identity = session.identity;
    // Method names are plain `capability.verb`: anything else is simply an unknown method.
    const reply = await host.dispatch(session, method, input);
    // Signed in or out during this call: the id it came with is retired.
    const issued = session.identity === identity ? id : sessions.reissue(id);
    res.setHeader(sessionHeader, issued);
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(reply));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    if (!hasToken(`Bearer ${query.get('token') ?? ''}`)) throw new HttpRefusal(401);
    // Only a live session the server issued: a stream never creates one.
    const session = sessions.find(query.get('session'));
    if (!session) throw new HttpRefusal(401);
    res.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.set(res, session);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    req.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  async function handleStatic(res: ServerResponse, pathname: string): Promise<void> {
    if (!rendererDir) throw new HttpRefusal(404);
    const file = await loadRendererFile(rendererDir, pathname);
    if (file.status !== 200) throw new HttpRefusal(file.status);
    if (file.csp) res.setHeader('Content-Security-Policy', file.csp);
    send(res, 200, file.type, file.body);
  }

  const server = createServer(async (req, res) => {
    try {
      checkOrigin(req);
      const url = new URL(req.url ?? '/', origin);
      const call = /^\/api\/([^/]+)$/.exec(url.pathname);
      if (url.pathname === '/api/events' && req.method === 'GET') handleEvents(req, res, url.searchParams);
      else if (call && req.method === 'POST') await handleCall(req, res, call[1]!);
      else if (url.pathname.startsWith(downloadPathPrefix) && req.method === 'GET') {
        // A one-time link from export.download: the token is the authority (see export-delivery.ts).
        const file = host.services.downloads.take(url.pathname.slice(downloadPathPrefix.length));
        if (!file) throw new HttpRefusal(404);
        await sendDownload(res, file, commonHeaders);
      } else if (url.pathname.startsWith('/api/')) throw new HttpRefusal(404);
      else if (req.method === 'GET' || req.method === 'HEAD') await handleStatic(res, url.pathname);
      else throw new HttpRefusal(405);
    } catch (error) {
      const status = error instanceof HttpRefusal ? error.status : 500;
      if (status === 500) console.error(error);
      if (!res.headersSent) send(res, status, 'text/plain; charset=utf-8', String(status));
      else res.end();
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    token,
    pageUrl: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe();
        clearInterval(sweeper);
        for (const stream of streams.keys()) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

const commonHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    ...commonHeaders,
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

// Past the limit the rest of the body is drained unread, so the 413 still reaches the client.
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const refuse = () => {
      req.removeAllListeners('data');
      req.resume();
      reject(new HttpRefusal(413));
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) refuse();
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
