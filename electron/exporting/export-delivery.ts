import { randomBytes } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import type { ExportDelivery } from '../../shared/contract';
import type { ExportFile } from './export-files';

// How a finished export reaches the person: the one seam between the export and the
// platform. Browser mode hands out a one-time download link served by the loopback HTTP
// host; the desktop app will open a save dialog in the main process; the CLI writes to the
// path it was given.
export interface ExportDeliverer {
  deliver(file: ExportFile): Promise<ExportDelivery>;
}

// One-time links: 32 random bytes, valid for one fetch within two minutes, handed only to
// the signed-in session that asked through the API (which needs this launch's token).
const linkMs = 2 * 60 * 1000;
export const downloadPathPrefix = '/api/downloads/';

export class DownloadLinks implements ExportDeliverer {
  readonly #links = new Map<string, { file: ExportFile; expires: number }>();

  async deliver(file: ExportFile): Promise<ExportDelivery> {
    const now = Date.now();
    for (const [token, link] of this.#links) if (link.expires < now) this.#links.delete(token);
    const token = randomBytes(32).toString('base64url');
    this.#links.set(token, { file, expires: now + linkMs });
    return { kind: 'link', url: `${downloadPathPrefix}${token}` };
  }

  // The HTTP host's download route: the link is spent whether or not the fetch completes.
  take(token: string): ExportFile | null {
    const link = this.#links.get(token);
    this.#links.delete(token);
    return link && link.expires >= Date.now() ? link.file : null;
  }
}

// The Node implementation: the file is copied where the caller said (the CLI's --out).
export function saveTo(path: string): ExportDeliverer {
  return {
    async deliver(file) {
      await copyFile(file.path, path);
      return { kind: 'saved', path };
    },
  };
}
