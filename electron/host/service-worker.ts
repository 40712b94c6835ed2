import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { lookUpAuditKey } from '../audit/audit-keys';
import { FileKeyVault } from '../platform/file-key-vault';
import { eventRecipients } from '../security/event-recipients';
import { openWorkspace } from '../workspace/open-workspace';
import type { Session } from './handler-context';
import { createServiceHost, type ServiceHost } from './service-host';
import { workerKeyProtector } from './worker-key-protector';
import type { FromWorker, ServiceWorkerData, ToWorker } from './worker-protocol';

// The desktop app's services run here, off the Electron main process: this thread owns the
// only workspace connection, so a long query never freezes the window.
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const { workspacePath, keysDir, protector: protectorName } = workerData as ServiceWorkerData;
const protector = protectorName === null ? null : workerKeyProtector(port, protectorName);
const sessions = new Map<string, Session>();
let host: ServiceHost | null = null;

port.on('message', async (message: ToWorker) => {
  if (message.type === 'protected') {
    protector?.answer(message.seq, message.data);
  } else if (!host) {
    return;
  } else if (message.type === 'call') {
    let session = sessions.get(message.sessionKey);
    if (!session) {
      session = host.newSession();
      sessions.set(message.sessionKey, session);
    }
    post({ type: 'reply', seq: message.seq, reply: await host.dispatch(session, message.method, message.input) });
  } else if (message.type === 'endSession') {
    sessions.delete(message.sessionKey);
  } else {
    await host.close();
    post({ type: 'closed' });
    port.close();
  }
});

// The audit key comes from the keychain through the main process, which answers
// asynchronously: it is looked up on a first connection, before the host opens for good.
async function open(): Promise<ServiceHost> {
  const first = openWorkspace(workspacePath);
  let key;
  try {
    key = await lookUpAuditKey(first, new FileKeyVault(keysDir, protector));
  } finally {
    first.close();
  }
  return createServiceHost({ workspacePath, audit: { keysDir, key } });
}

try {
  host = await open();
} catch (error) {
  post({ type: 'failed', error: error instanceof AppError ? error.toPayload() : { code: 'api.internal', params: {} } });
  process.exit(1);
}
host.onEvent((event) => post({ type: 'event', event, sessionKeys: eventRecipients(sessions) }));
post({ type: 'ready' });
