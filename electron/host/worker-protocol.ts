import type { PushedEvent, Reply } from '../../shared/contract';

// Messages between the Electron main process and the service worker thread that owns the
// workspace connection. Sessions are keyed by the caller (one per window).
export type ToWorker =
  | { type: 'call'; seq: number; sessionKey: string; method: string; input: unknown }
  | { type: 'endSession'; sessionKey: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: { code: string; params: Record<string, string | number> } }
  | { type: 'reply'; seq: number; reply: Reply }
  | { type: 'event'; event: PushedEvent }
  | { type: 'closed' };

export interface ServiceWorkerData {
  workspacePath: string;
}
