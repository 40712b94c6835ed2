import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
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
export class FileStore {
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
    const uploadId = newToken();
    const path = join(this.#dir, `${uploadId}-${basename(fileName).replace(/[^\p{L}\p{N}._-]+/gu, '_')}`);
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
