import { ipcMain, safeStorage, webContents, type IpcMainInvokeEvent } from 'electron';
import type { Reply } from '../shared/contract';
import type { WorkerHost } from './host/worker-host';
import type { KeyProtector } from './platform/key-vault';
import { keychainUsable } from './security/app-policy';
import { isTrustedSender } from './security/window-policy';

// One generic channel to the dispatcher in the service worker. The sender is checked here
// (our own top frame only); the method, role and payload are checked by the dispatcher.
export function registerIpc(host: WorkerHost): () => void {
  // Windows whose session the worker holds: a closed window ends its session there.
  const tracked = new Set<number>();
  ipcMain.handle('api:invoke', async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Reply> => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame.parent === null) || typeof method !== 'string') {
      return { ok: false, error: { code: 'api.transport', params: {} } };
    }
    const sessionKey = `window-${event.sender.id}`;
    if (!tracked.has(event.sender.id)) {
      const id = event.sender.id;
      tracked.add(id);
      event.sender.once('destroyed', () => {
        tracked.delete(id);
        host.endSession(sessionKey);
      });
    }
    return host.invoke(sessionKey, method, input);
  });
  // Only the windows where someone is signed in (the worker names their sessions).
  const unsubscribe = host.onEvent((pushed, sessionKeys) => {
    for (const key of sessionKeys) {
      const contents = webContents.fromId(Number(key.slice('window-'.length)));
      if (contents && !contents.isDestroyed() && isTrustedSender(contents.getURL(), true)) contents.send('api:event', pushed);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler('api:invoke');
  };
}

// The OS keychain for the audit key (and later the portals' secrets), or null where Electron
// only has a fixed password to offer (Linux without a keyring): then the key stays a plain
// private file, as in browser mode.
export function safeStorageProtector(): KeyProtector | null {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!keychainUsable(safeStorage.isEncryptionAvailable(), backend)) return null;
  return {
    name: 'safeStorage',
    protect: async (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: async (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
