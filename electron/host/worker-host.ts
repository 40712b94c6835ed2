import type { PushedEvent, Reply } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { spawnWorker } from './spawn-worker';
import type { FromWorker, ServiceWorkerData, ToWorker } from './worker-protocol';

export interface WorkerHost {
  invoke(sessionKey: string, method: string, input: unknown): Promise<Reply>;
  endSession(sessionKey: string): void;
  onEvent(listener: (event: PushedEvent) => void): () => void;
  close(): Promise<void>;
}

// Starts the service worker on a workspace and resolves once it is open (or rejects with
// the workspace's own error, e.g. a file written by a newer version).
export function startWorkerHost(workspacePath: string): Promise<WorkerHost> {
  const worker = spawnWorker('service-worker', { workerData: { workspacePath } satisfies ServiceWorkerData });
  const pending = new Map<number, (reply: Reply) => void>();
  const listeners = new Set<(event: PushedEvent) => void>();
  let seq = 0;
  let closed: (() => void) | null = null;
  const send = (message: ToWorker) => worker.postMessage(message);

  return new Promise((resolve, reject) => {
    worker.on('error', (error) => reject(error));
    worker.on('exit', () => {
      // Calls still waiting when the worker dies get an answer, never a hang.
      for (const answer of pending.values()) answer({ ok: false, error: { code: 'api.transport', params: {} } });
      pending.clear();
      closed?.();
    });
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve({
            invoke(sessionKey, method, input) {
              return new Promise((answer) => {
                const id = ++seq;
                pending.set(id, answer);
                send({ type: 'call', seq: id, sessionKey, method, input });
              });
            },
            endSession: (sessionKey) => send({ type: 'endSession', sessionKey }),
            onEvent(listener) {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
            close: () =>
              new Promise<void>((done) => {
                closed = done;
                send({ type: 'close' });
              }),
          });
          break;
        case 'failed':
          reject(new AppError(message.error.code as never, message.error.params));
          break;
        case 'reply':
          pending.get(message.seq)?.(message.reply);
          pending.delete(message.seq);
          break;
        case 'event':
          for (const listener of listeners) listener(message.event);
          break;
        case 'closed':
          break;
      }
    });
  });
}
