// Settings that differ between a packaged build (what users install) and a development run,
// as plain data and predicates: electron/main.ts, electron/ipc.ts and the workspace opener
// apply exactly what these say, and test/unit/security/app-policy.test.ts checks them.

// A packaged build runs from resources/app.asar (worker bundles from app.asar.unpacked,
// since a worker thread cannot start inside the archive). This is how plain-Node code, where
// Electron's app.isPackaged is out of reach, tells the two apart.
export function isPackagedLocation(modulePath: string): boolean {
  return /[\\/]app\.asar(\.unpacked)?[\\/]/.test(modulePath);
}

// The development launcher points SQLite at an addon built for Electron's ABI
// (scripts/start.mjs). A packaged build ships its own rebuilt addon and never loads native
// code named by an environment variable: another program could start it with one.
export function sqliteNativeBinding(env: NodeJS.ProcessEnv, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  return env.ATELIER_SQLITE_BINDING || undefined;
}

// No developer tools and no default menu (whose View menu opens them and reloads the page)
// in what users install.
export function shellSettings(packaged: boolean): { devTools: boolean; defaultMenu: boolean } {
  return { devTools: !packaged, defaultMenu: !packaged };
}

// Electron's safeStorage on Linux without a keyring falls back to a fixed password
// ('basic_text'): that protects nothing, so the key then stays a plain private file.
export function keychainUsable(available: boolean, backend: string): boolean {
  return available && backend !== 'basic_text' && backend !== 'unknown';
}
