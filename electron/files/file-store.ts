import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../shared/errors';

export interface StoredFile {
  path: string;
  fileName: string;
  size: number;
  // The user who uploaded it; null for a file the host registered itself (CLI, tests).
  ownerId: number | null;
}

interface Upload {
  path: string;
  fileName: string;
  size: number;
  received: number;
  ownerId: number;
}

// Files the page may refer to, by opaque token only: the page never sends a path. Uploads
// land in a private temp folder; the CLI and the desktop file picker register real paths.
// Declared sizes are checked before anything is written: 1e15 bytes was accepted once.
export interface UploadLimits {
  maxFileBytes: number;
  // What the uploads under way may declare together.
  maxTotalBytes: number;
}
export const defaultUploadLimits: UploadLimits = { maxFileBytes: 2 * 1024 ** 3, maxTotalBytes: 8 * 1024 ** 3 };

export class FileStore {
  readonly #limits: UploadLimits;

  constructor(limits: Partial<UploadLimits> = {}) {
    this.#limits = { ...defaultUploadLimits, ...limits };
  }

  readonly #dir = mkdtempSync(join(tmpdir(), 'atelier-files-'));
  readonly #files = new Map<string, StoredFile>();
  readonly #uploads = new Map<string, Upload>();

  register(path: string, fileName = basename(path), ownerId: number | null = null): string {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new AppError('files.not_found', { fileName });
    }
    const token = newToken();
    this.#files.set(token, { path, fileName, size, ownerId });
    return token;
  }

  resolve(token: string): StoredFile {
    const file = this.#files.get(token);
    if (!file) throw new AppError('files.not_found', { fileName: '' });
    return file;
  }

  startUpload(fileName: string, size: number, ownerId: number): string {
    if (size > this.#limits.maxFileBytes) throw new AppError('files.too_large', { fileName: basename(fileName), max: gigabytes(this.#limits.maxFileBytes) });
    let declared = size;
    for (const upload of this.#uploads.values()) declared += upload.size;
    if (declared > this.#limits.maxTotalBytes) throw new AppError('files.too_large', { fileName: basename(fileName), max: gigabytes(this.#limits.maxTotalBytes) });
    const uploadId = newToken();
    const path = join(this.#dir, `${uploadId}-${onDiskName(basename(fileName))}`);
    closeSync(openSync(path, 'w'));
    this.#uploads.set(uploadId, { path, fileName: basename(fileName), size, received: 0, ownerId });
    return uploadId;
  }

  uploadOwner(uploadId: string): number {
    const upload = this.#uploads.get(uploadId);
    if (!upload) throw new AppError('files.not_found', { fileName: '' });
    return upload.ownerId;
  }

  appendChunk(uploadId: string, offset: number, data: Buffer): number {
    const upload = this.#uploads.get(uploadId);
    if (!upload) throw new AppError('files.not_found', { fileName: '' });
    if (offset !== upload.received || upload.received + data.length > upload.size) {
      throw new AppError('files.upload_mismatch', { fileName: upload.fileName });
    }
    const fd = openSync(upload.path, 'a');
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    upload.received += data.length;
    return upload.received;
  }

  finishUpload(uploadId: string): string {
    const upload = this.#uploads.get(uploadId);
    if (!upload) throw new AppError('files.not_found', { fileName: '' });
    if (upload.received !== upload.size) throw new AppError('files.upload_mismatch', { fileName: upload.fileName });
    this.#uploads.delete(uploadId);
    const token = newToken();
    this.#files.set(token, { path: upload.path, fileName: upload.fileName, size: upload.size, ownerId: upload.ownerId });
    return token;
  }

  dispose(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

function newToken(): string {
  return randomBytes(18).toString('base64url');
}

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Go`;

// File systems cap a name at 255 bytes, not characters: a long French or Cyrillic name gave
// ENAMETOOLONG. The on-disk name keeps its extension and at most 120 bytes of UTF-8.
const maxNameBytes = 120;
function onDiskName(fileName: string): string {
  const safe = fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  const extension = extname(safe).slice(0, 16);
  let stem = safe.slice(0, safe.length - extname(safe).length);
  while (Buffer.byteLength(stem + extension) > maxNameBytes) stem = Array.from(stem).slice(0, -1).join('');
  return stem + extension;
}
