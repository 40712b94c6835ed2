import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../shared/errors';
import { spawnWorker } from '../host/spawn-worker';
import { fromErrorPayload } from '../importing/worker-protocol';
import type { GridRequest, GridTaskName, GridTasks } from './grid-tasks';

export interface GridWorker {
  run<T extends GridTaskName>(task: T, args: GridRequest<T>['args']): Promise<ReturnType<GridTasks[T]>>;
  // Settles when the tasks asked for so far have (tests and the benchmark wait for index builds).
  idle(): Promise<void>;
  close(): Promise<void>;
}

type Reply = { id: number; value: unknown } | { id: number; error: ErrorPayload };

// The API side of the grid worker: started at the first task, once per service host; a
// worker that dies fails its pending tasks and is started again by the next one.
export function createGridWorker(workspacePath: string): GridWorker {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const inFlight = new Set<Promise<unknown>>();

  function start(): Worker {
    const started = spawnWorker('grid-worker', { workerData: { workspacePath } });
    started.on('message', (reply: Reply) => {
      const task = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) task?.reject(fromErrorPayload(reply.error));
      else task?.resolve(reply.value);
    });
    const fail = (error: Error) => {
      if (worker === started) worker = null;
      for (const task of pending.values()) task.reject(error);
      pending.clear();
    };
    started.on('error', fail);
    started.on('exit', () => fail(new AppError('api.internal')));
    return started;
  }

  return {
    run(task, args) {
      worker ??= start();
      const id = ++nextId;
      const request: GridRequest = { id, task, args };
      const done = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage(request);
      inFlight.add(done);
      void done.catch(() => {}).finally(() => inFlight.delete(done));
      return done as Promise<ReturnType<GridTasks[typeof task]>>;
    },
    async idle() {
      // Index builds are sent on the turn after the block that asked for them (sort-indexes.ts).
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.allSettled([...inFlight]);
    },
    async close() {
      if (!worker) return;
      const closing = worker;
      worker = null;
      const exited = new Promise((resolve) => closing.once('exit', resolve));
      // After the tasks already queued: the worker closes its connection and its port.
      closing.postMessage({ task: 'close' });
      await exited;
    },
  };
}
