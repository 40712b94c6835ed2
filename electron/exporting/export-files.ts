import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/contract';
import { AppError } from '../../shared/errors';

export interface ExportFile {
  exportId: string;
  ownerId: number;
  versionId: number;
  path: string;
  // What the person's copy is called (the dataset's name, its version, the format).
  fileName: string;
  format: ExportFormat;
  createdAt: number;
}

// Finished export files of this service host, each owned by the user who asked for it, in a
// private temporary folder (0700) that goes when the host closes. A file not fetched within
// the hour goes too: it may hold personal data not yet anonymized.
const keepMs = 60 * 60 * 1000;

export class ExportFiles {
  readonly #files = new Map<string, ExportFile>();
  #dir: string | null = null;

  create(entry: Omit<ExportFile, 'exportId' | 'path' | 'createdAt'>): ExportFile {
    this.#prune();
    this.#dir ??= mkdtempSync(join(tmpdir(), 'atelier-export-'));
    const exportId = randomBytes(16).toString('hex');
    const file: ExportFile = { ...entry, exportId, path: join(this.#dir, `${exportId}.${entry.format}`), createdAt: Date.now() };
    this.#files.set(exportId, file);
    return file;
  }

  // Someone else's export is answered as a missing one: ids reveal nothing.
  get(exportId: string, userId: number): ExportFile {
    const file = this.#files.get(exportId);
    if (!file || file.ownerId !== userId) throw new AppError('export.not_found');
    return file;
  }

  discard(exportId: string): void {
    const file = this.#files.get(exportId);
    if (!file) return;
    this.#files.delete(exportId);
    rmSync(file.path, { force: true });
  }

  dispose(): void {
    this.#files.clear();
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = null;
  }

  #prune(): void {
    const now = Date.now();
    for (const file of [...this.#files.values()]) if (now - file.createdAt > keepMs) this.discard(file.exportId);
  }
}
