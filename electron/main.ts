import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { errorMessage } from '../shared/i18n/catalog';
import { AppError } from '../shared/errors';
import { loadRendererFile } from './host/renderer-files';
import { startWorkerHost, type WorkerHost } from './host/worker-host';
import { registerIpc, safeStorageProtector } from './ipc';
import { ensurePrivateDir } from './platform/private-files';
import { shellSettings } from './security/app-policy';
import { appHost, appScheme, isAllowedExternal, isAppUrl, secureWebPreferences } from './security/window-policy';

// The thin desktop shell: one secure window over the built page, the services in a worker.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const here = __dirname;
const rendererDir = join(here, '..', 'renderer');

function workspacePath(): string {
  const fromEnv = process.env.ATELIER_WORKSPACE;
  if (fromEnv) return fromEnv;
  const dir = app.getPath('userData');
  ensurePrivateDir(dir);
  return join(dir, 'espace.atelier');
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('403', { status: 403 });
    const file = await loadRendererFile(rendererDir, url.pathname);
    if (file.status !== 200) return new Response(String(file.status), { status: file.status });
    const headers: Record<string, string> = { 'Content-Type': file.type, 'X-Content-Type-Options': 'nosniff' };
    if (file.csp) headers['Content-Security-Policy'] = file.csp;
    return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), { headers });
  });
}

function openWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Atelier Open Data',
    show: false,
    webPreferences: secureWebPreferences(join(here, 'preload.cjs'), app.isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appScheme}://${appHost}/index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  // Without a menu there is no View ▸ Toggle Developer Tools nor Reload to reach either.
  if (!shellSettings(app.isPackaged).defaultMenu) Menu.setApplicationMenu(null);
  let host: WorkerHost;
  try {
    host = await startWorkerHost(workspacePath(), { protector: safeStorageProtector() });
  } catch (error) {
    const payload = error instanceof AppError ? error.toPayload() : { code: 'api.internal' as const, params: {} };
    dialog.showErrorBox('Atelier Open Data', errorMessage('fr', payload));
    app.exit(1);
    return;
  }
  const unregister = registerIpc(host);
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.once('will-quit', (event) => {
    event.preventDefault();
    unregister();
    void host.close().finally(() => app.exit(0));
  });
}

void start();
