import type { PushedEvent, Reply } from '../../shared/contract';

// Messages between the Electron main process and the service worker thread that owns the
// workspace connection. Sessions are keyed by the caller (one per window).
export type ToWorker =
  | { type: 'call'; seq: number; sessionKey: string; method: string; input: unknown }
  | { type: 'endSession'; sessionKey: string }
  | { type: 'protected'; seq: number; data: string | null }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: { code: string; params: Record<string, string | number> } }
  | { type: 'reply'; seq: number; reply: Reply }
  // Only to the windows whose session has someone signed in (see event-recipients.ts).
  | { type: 'event'; event: PushedEvent; sessionKeys: string[] }
  // The worker asks the main process to wrap or unwrap key bytes with the OS keychain
  // (base64 both ways; null in the answer when the keychain refused).
  | { type: 'protect'; seq: number; op: 'protect' | 'unprotect'; data: string }
  | { type: 'closed' };

export interface ServiceWorkerData {
  workspacePath: string;
  keysDir: string;
  // The name of the main process's key protector (safeStorage), or null for plain key files.
  protector: string | null;
}
