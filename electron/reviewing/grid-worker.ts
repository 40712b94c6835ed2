import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../importing/worker-protocol';
import { openWorkspace, type Db } from '../workspace/open-workspace';
import { gridTasks, type GridRequest } from './grid-tasks';

// The grid worker (see grid-tasks.ts): one task at a time, answered by id. WAL lets it read
// while the API's connection writes; its index builds wait for the API's writes (busy_timeout).
const port = parentPort!;
const db = openWorkspace((workerData as { workspacePath: string }).workspacePath, { create: false });

port.on('message', (message: GridRequest | { task: 'close' }) => {
  if (message.task === 'close') {
    db.close();
    port.close();
    return;
  }
  const { id, task, args } = message;
  try {
    // The request's task and args were paired by the client's types.
    const run = gridTasks[task] as (db: Db, args: unknown) => unknown;
    port.postMessage({ id, value: run(db, args) });
  } catch (error) {
    port.postMessage({ id, error: toErrorPayload(error) });
  }
});
