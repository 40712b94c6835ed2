import type { MessagePort } from 'node:worker_threads';
import type { KeyProtector } from '../platform/key-vault';
import type { FromWorker } from './worker-protocol';

// The service worker's side of the OS keychain: Electron's safeStorage lives in the main
// process, so each wrap or unwrap is a request there (worker-host.ts answers it).
export function workerKeyProtector(port: MessagePort, name: string): KeyProtector & { answer(seq: number, data: string | null): void } {
  const pending = new Map<number, (data: string | null) => void>();
  let seq = 0;
  const ask = (op: 'protect' | 'unprotect', bytes: Buffer) =>
    new Promise<Buffer>((resolve, reject) => {
      const id = ++seq;
      pending.set(id, (data) => (data === null ? reject(new Error(`keychain refused to ${op}`)) : resolve(Buffer.from(data, 'base64'))));
      port.postMessage({ type: 'protect', seq: id, op, data: bytes.toString('base64') } satisfies FromWorker);
    });
  return {
    name,
    protect: (plain) => ask('protect', plain),
    unprotect: (sealed) => ask('unprotect', sealed),
    answer(id, data) {
      pending.get(id)?.(data);
      pending.delete(id);
    },
  };
}
