import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors';
import { errorMessage } from '../shared/i18n/catalog';
import { startHttpHost, type HttpHost } from './host/http-host';
import { ensurePrivateDir } from './platform/private-files';
import { createServiceHost, type ServiceHost } from './host/service-host';

// The same UI in any browser, where the Electron binary is missing (servers, CI) or for
// development: the services run here and the page talks to them over loopback HTTP.

export interface BrowserModeOptions {
  workspacePath: string;
  port?: number;
  rendererDir?: string;
}

export interface BrowserMode {
  service: ServiceHost;
  http: HttpHost;
  close(): Promise<void>;
}

export const defaultWorkspacePath = join(homedir(), '.atelier-open-data', 'espace.atelier');

// From sources (electron/browser-mode.ts) the build sits in ../dist/renderer; from the
// bundle (dist/electron/browser-mode.mjs) in ../renderer.
export const builtRendererDir = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../dist/renderer' : '../renderer', import.meta.url),
);

export async function startBrowserMode({ workspacePath, port = 0, rendererDir = builtRendererDir }: BrowserModeOptions): Promise<BrowserMode> {
  // The app's own folder (it holds the keys too) is private; a folder the user chose is
  // theirs, and openWorkspace creates a missing one private.
  if (workspacePath === defaultWorkspacePath) ensurePrivateDir(dirname(workspacePath));
  const service = createServiceHost({ workspacePath });
  try {
    const http = await startHttpHost({ host: service, rendererDir, port });
    return {
      service,
      http,
      async close() {
        await http.close();
        await service.close();
      },
    };
  } catch (error) {
    await service.close();
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { workspace: { type: 'string' }, port: { type: 'string' } },
  });
  const workspacePath = resolve(values.workspace ?? process.env.ATELIER_WORKSPACE ?? defaultWorkspacePath);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${values.port}`);
  const mode = await startBrowserMode({ workspacePath, port });
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    mode.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Printed once the signals are handled: whoever reads the line may stop us at once.
  console.log(mode.http.pageUrl);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    // A workspace refused (too new, locked, unreadable) says so in French, not as a stack.
    console.error(error instanceof AppError ? errorMessage('fr', error.toPayload()) : error);
    process.exit(1);
  });
}
