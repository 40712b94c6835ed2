import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload, PushedEvent, Reply } from '../../shared/contract';
import { auditSealWithKey, fileAuditSeal } from '../audit/audit-keys';
import { sealAuditChain } from '../audit/audit-log';
import { bindAuditSeal } from '../audit/audit-seal';
import { dropStaleStaging } from '../datasets/version-store';
import { DownloadLinks, type ExportDeliverer } from '../exporting/export-delivery';
import { ExportFiles } from '../exporting/export-files';
import { FileStore } from '../files/file-store';
import { JobRunner } from '../jobs/job-runner';
import { createGridWorker } from '../reviewing/grid-worker-client';
import { SignInGuard } from '../session/sign-in-guard';
import { signedInUser } from '../session/sign-in';
import type { UserRow } from '../users/user-store';
import { defaultKeysDir, type KeyLookup } from '../platform/key-vault';
import { openWorkspace, type Db } from '../workspace/open-workspace';
import { createDispatcher } from './dispatcher';
import { setSessionUser, type Services, type Session } from './handler-context';
import { handlers } from './handlers';

export interface ServiceHost {
  services: Services;
  newSession(): Session;
  // Who is signed in on a session now (re-read: disabled, role changed, password reset), or null.
  currentUser(session: Session): Session['user'];
  dispatch(session: Session, method: string, input: unknown): Promise<Reply>;
  onEvent(listener: (event: PushedEvent) => void): () => void;
  close(): Promise<void>;
}

export interface ServiceHostOptions {
  workspacePath: string;
  sleep?: (ms: number) => Promise<void>;
  log?: (error: unknown) => void;
  // Where finished exports go; default: one-time download links (browser mode).
  delivery?: ExportDeliverer;
  // The audit key: looked up beforehand by the desktop app (through the OS keychain);
  // otherwise read from (or created in) the key folder.
  audit?: { keysDir?: string; key?: KeyLookup };
}

// One open workspace and everything that serves it. Every transport wraps one of these.
export function createServiceHost(options: ServiceHostOptions): ServiceHost {
  const db = openWorkspace(options.workspacePath);
  const keysDir = options.audit?.keysDir ?? defaultKeysDir();
  try {
    bindAuditSeal(db, options.audit?.key ? auditSealWithKey(db, options.audit.key, keysDir) : fileAuditSeal(db, keysDir));
    sealAuditChain(db);
  } catch (error) {
    db.close();
    throw error;
  }
  dropStaleStaging(db);
  const listeners = new Set<(event: PushedEvent) => void>();
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    for (const listener of listeners) listener({ name, payload } as PushedEvent);
  };
  const files = new FileStore();
  const exports = new ExportFiles();
  const downloads = new DownloadLinks();
  const services: Services = {
    db,
    workspacePath: options.workspacePath,
    files,
    jobs: new JobRunner(emit),
    grid: createGridWorker(options.workspacePath),
    emit,
    exports,
    downloads,
    delivery: options.delivery ?? downloads,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    signIns: new SignInGuard(),
  };
  const dispatch = createDispatcher(handlers, services, {
    log: options.log ?? ((error) => console.error(error)),
    resolveUser: (session) => refreshUser(db, session),
  });
  return {
    services,
    newSession: () => ({ key: randomUUID(), user: null, failedSignIns: [], identity: 0 }),
    currentUser: (session) => refreshUser(db, session),
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await services.jobs.cancelAll();
      await services.grid.close();
      files.dispose();
      exports.dispose();
      db.close();
    },
  };
}

// Role changes, disabling and password resets take effect at the next call, not at the next
// sign-in: a session opened before the password changed ends.
function refreshUser(db: Db, session: Session): Session['user'] {
  if (!session.user) return null;
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(session.user.id) as UserRow | undefined;
  if (!row || row.disabled || row.credentials_version !== session.user.credentialsVersion) setSessionUser(session, null);
  else session.user = signedInUser(row);
  return session.user;
}
