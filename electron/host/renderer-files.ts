import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp';

export const noncePlaceholder = '__CSP_NONCE__';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export type RendererFile =
  | { status: 200; type: string; body: Buffer | string; csp: string | null }
  | { status: 400 | 403 | 404 };

// The built page, for the desktop protocol and the browser mode alike: a path that leaves
// the folder is refused, and each load of an HTML page gets a fresh CSP nonce.
export async function loadRendererFile(rendererDir: string, pathname: string): Promise<RendererFile> {
  const root = resolve(rendererDir);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' || pathname === '' ? '/index.html' : pathname);
  } catch {
    return { status: 400 };
  }
  const file = resolve(root, '.' + relative);
  if (relative.includes('\0') || !file.startsWith(root + sep)) return { status: 403 };
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return { status: 404 };
  }
  const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (extname(file) !== '.html') return { status: 200, type, body, csp: null };
  const nonce = randomBytes(18).toString('base64');
  return {
    status: 200,
    type,
    body: body.toString('utf8').replaceAll(noncePlaceholder, nonce),
    csp: contentSecurityPolicy(nonce),
  };
}
