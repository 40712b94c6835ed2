import type { PushedEvent, Reply } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { defaultKeysDir, type KeyProtector } from '../platform/key-vault';
import { spawnWorker } from './spawn-worker';
import type { FromWorker, ServiceWorkerData, ToWorker } from './worker-protocol';

export interface WorkerHost {
  invoke(sessionKey: string, method: string, input: unknown): Promise<Reply>;
  endSession(sessionKey: string): void;
  // Each event comes with the sessions allowed to receive it (those with someone signed in).
  onEvent(listener: (event: PushedEvent, sessionKeys: readonly string[]) => void): () => void;
  close(): Promise<void>;
}

export interface WorkerHostOptions {
  keysDir?: string;
  // The desktop app's OS keychain (safeStorage, in the main process); without it the audit
  // key is a plain private file.
  protector?: KeyProtector | null;
}

// Starts the service worker on a workspace and resolves once it is open (or rejects with
// the workspace's own error, e.g. a file written by a newer version).
export function startWorkerHost(workspacePath: string, options: WorkerHostOptions = {}): Promise<WorkerHost> {
  const protector = options.protector ?? null;
  const workerData: ServiceWorkerData = { workspacePath, keysDir: options.keysDir ?? defaultKeysDir(), protector: protector?.name ?? null };
  const worker = spawnWorker('service-worker', { workerData });
  const pending = new Map<number, (reply: Reply) => void>();
  const listeners = new Set<(event: PushedEvent, sessionKeys: readonly string[]) => void>();
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
          for (const listener of listeners) listener(message.event, message.sessionKeys);
          break;
        case 'protect':
          if (protector) {
            const bytes = Buffer.from(message.data, 'base64');
            (message.op === 'protect' ? protector.protect(bytes) : protector.unprotect(bytes)).then(
              (data) => send({ type: 'protected', seq: message.seq, data: data.toString('base64') }),
              () => send({ type: 'protected', seq: message.seq, data: null }),
            );
          } else send({ type: 'protected', seq: message.seq, data: null });
          break;
        case 'closed':
          break;
      }
    });
  });
}
