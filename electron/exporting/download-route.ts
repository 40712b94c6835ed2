import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ExportFile } from './export-files';

const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

// The loopback host's answer to a one-time download link: the file as an attachment, its
// name in ASCII for old clients and in UTF-8 (RFC 6266 / 5987) for the rest.
export async function sendDownload(res: ServerResponse, file: ExportFile, headers: Record<string, string>): Promise<void> {
  const { size } = await stat(file.path);
  const ascii = file.fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    ...headers,
    'Content-Type': types[file.format],
    'Content-Length': size,
    'Cache-Control': 'no-store',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
  });
  await pipeline(createReadStream(file.path), res);
}

function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
