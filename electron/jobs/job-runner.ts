import { randomUUID } from 'node:crypto';
import type { JobInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Emit } from '../host/handler-context';

export interface JobControl {
  signal: AbortSignal;
  progress: (phase: string, done: number, total: number | null) => void;
}

export type JobWork = (control: JobControl) => Promise<Record<string, unknown>>;

// Long work returns a job id at once, reports `job.progress`, ends with `job.finished`.
// Cancelling aborts the signal; the work itself guarantees it leaves nothing half-written.
export class JobRunner {
  readonly #jobs = new Map<string, { info: JobInfo; ownerId: number; controller: AbortController; done: Promise<void> }>();
  readonly #emit: Emit;

  constructor(emit: Emit) {
    this.#emit = emit;
  }

  // `ownerId`: the user who started it; only they and admins see or cancel it
  // (electron/access/resolve.ts, resolveJob).
  start(kind: string, ownerId: number, work: JobWork): string {
    const id = randomUUID();
    const controller = new AbortController();
    const info: JobInfo = { id, kind, status: 'running', phase: 'start', done: 0, total: null, error: null, result: null };
    let lastEmit = 0;
    const control: JobControl = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        info.phase = phase;
        info.done = done;
        info.total = total;
        const now = Date.now();
        // At most ~10 events a second: the page only needs to move a bar.
        if (now - lastEmit >= 100 || (total !== null && done >= total)) {
          lastEmit = now;
          this.#emit('job.progress', { jobId: id, phase, done, total });
        }
      },
    };
    const done = (async () => {
      await Promise.resolve();
      try {
        info.result = await work(control);
        info.status = controller.signal.aborted ? 'cancelled' : 'done';
      } catch (error) {
        if (controller.signal.aborted) {
          info.status = 'cancelled';
          info.error = { code: 'jobs.cancelled', params: {} };
        } else {
          info.status = 'failed';
          info.error =
            error instanceof AppError ? error.toPayload() : { code: 'api.internal', params: {} };
          if (!(error instanceof AppError)) console.error(error);
        }
      }
      this.#emit('job.finished', { ...info });
    })();
    this.#jobs.set(id, { info, ownerId, controller, done });
    return id;
  }

  ownerOf(id: string): number {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('jobs.not_found', { jobId: id });
    return job.ownerId;
  }

  get(id: string): JobInfo {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('jobs.not_found', { jobId: id });
    return { ...job.info };
  }

  cancel(id: string): JobInfo {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('jobs.not_found', { jobId: id });
    if (job.info.status === 'running') job.controller.abort();
    return { ...job.info };
  }

  // Tests and the CLI wait for the end of a job they started.
  async wait(id: string): Promise<JobInfo> {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('jobs.not_found', { jobId: id });
    await job.done;
    return { ...job.info };
  }

  async cancelAll(): Promise<void> {
    for (const job of this.#jobs.values()) if (job.info.status === 'running') job.controller.abort();
    await Promise.all([...this.#jobs.values()].map((job) => job.done));
  }
}
