import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { Session } from './handler-context';
import { createServiceHost, type ServiceHost } from './service-host';
import type { FromWorker, ServiceWorkerData, ToWorker } from './worker-protocol';

// The desktop app's services run here, off the Electron main process: this thread owns the
// only workspace connection, so a long query never freezes the window.
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const { workspacePath } = workerData as ServiceWorkerData;

let host: ServiceHost;
try {
  host = createServiceHost({ workspacePath });
} catch (error) {
  post({ type: 'failed', error: error instanceof AppError ? error.toPayload() : { code: 'api.internal', params: {} } });
  process.exit(1);
}

const sessions = new Map<string, Session>();
host.onEvent((event) => post({ type: 'event', event }));

port.on('message', async (message: ToWorker) => {
  if (message.type === 'call') {
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
post({ type: 'ready' });
