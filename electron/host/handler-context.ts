import type { EventName, EventPayload, MethodName, MethodOutput, MethodParsedInput, Role } from '../../shared/contract';
import type { Db } from '../workspace/open-workspace';
import type { DownloadLinks, ExportDeliverer } from '../exporting/export-delivery';
import type { ExportFiles } from '../exporting/export-files';
import type { FileStore } from '../files/file-store';
import type { JobRunner } from '../jobs/job-runner';
import type { GridWorker } from '../reviewing/grid-worker-client';
import type { SignInGuard } from '../session/sign-in-guard';

export interface SignedInUser {
  id: number;
  name: string;
  role: Role;
  // A password set by an administrator: only the methods marked beforePasswordChange answer.
  mustChangePassword: boolean;
  // users.credentials_version at sign-in: a password change or reset moves it on and ends this session.
  credentialsVersion: number;
}

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

// What every handler may use. One instance per open workspace, owned by the service host.
export interface Services {
  db: Db;
  workspacePath: string;
  files: FileStore;
  jobs: JobRunner;
  // Whole-version reads and index builds, off the thread that answers the API.
  grid: GridWorker;
  emit: Emit;
  // Finished export files, and how one reaches the person (the platform's seam): one-time
  // download links by default, served by the loopback HTTP host.
  exports: ExportFiles;
  downloads: DownloadLinks;
  delivery: ExportDeliverer;
  // Sign-in throttling waits through this, so tests can run without real delays.
  sleep: (ms: number) => Promise<void>;
  // Sign-in counters that are not stored: names without an account, audit rows per minute.
  signIns: SignInGuard;
}

// One per client connection (a window, an HTTP page, a CLI run): who is signed in there.
export interface Session {
  key: string;
  user: SignedInUser | null;
  // When this client's last sign-ins failed (ms): the per-client throttle in sign-in-guard.ts.
  failedSignIns: number[];
  // Moves on whenever who is signed in here changes (setSessionUser): a transport that hands
  // out session ids mints a new one then.
  identity: number;
}

export function setSessionUser(session: Session, user: SignedInUser | null): void {
  session.user = user;
  session.identity += 1;
}

export interface HandlerContext {
  services: Services;
  session: Session;
  // Set by the dispatcher for every method whose access is not 'public'.
  user: SignedInUser;
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
