// The desktop window's security, as plain data and predicates that tests check: what these
// functions say is exactly what electron/main.ts applies.

import { shellSettings } from './app-policy';

export const appScheme = 'app';
export const appHost = 'atelier';
export const appOrigin = `${appScheme}://${appHost}`;

export function secureWebPreferences(preloadPath: string, packaged: boolean) {
  return {
    preload: preloadPath,
    devTools: shellSettings(packaged).devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// The page is a single-page app: any navigation away from our own origin is refused.
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost;
}

// IPC is answered only for our own top-level frame (VS Code's validateEvent).
export function isTrustedSender(frameUrl: string | undefined, isTopFrame: boolean): boolean {
  return isTopFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

// Links that may open in the user's browser, by exact origin (never a substring test).
const externalOrigins = new Set(['https://www.data.gouv.fr', 'https://schema.data.gouv.fr', 'https://doc.data.gouv.fr']);

export function isAllowedExternal(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && externalOrigins.has(parsed.origin);
}
