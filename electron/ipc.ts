import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import type { Reply } from '../shared/contract';
import type { WorkerHost } from './host/worker-host';
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
  const unsubscribe = host.onEvent((pushed) => {
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isTrustedSender(contents.getURL(), true)) contents.send('api:event', pushed);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler('api:invoke');
  };
}
