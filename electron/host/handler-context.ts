import type { EventName, EventPayload, MethodName, MethodOutput, MethodParsedInput, Role } from '../../shared/contract';
import type { Db } from '../workspace/open-workspace';
import type { DownloadLinks, ExportDeliverer } from '../exporting/export-delivery';
import type { ExportFiles } from '../exporting/export-files';
import type { FileStore } from '../files/file-store';
import type { JobRunner } from '../jobs/job-runner';
import type { GridWorker } from '../reviewing/grid-worker-client';

export interface SignedInUser {
  id: number;
  name: string;
  role: Role;
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
}

// One per client connection (a window, an HTTP page, a CLI run): who is signed in there.
export interface Session {
  key: string;
  user: SignedInUser | null;
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
