import { parentPort, workerData } from 'node:worker_threads';
import { buildPreview } from './build-preview';
import { scanTable, type RowSink } from './scan-table';
import { toErrorPayload, type ParseJob, type ParseMessage } from './worker-protocol';

// Reads and scans the file off the thread that answers the API (and, during an import, beside
// the thread that writes): CPU-bound parsing never blocks either.
const job = workerData as ParseJob;
const port = job.port ?? parentPort!;
const post = (message: ParseMessage) => port.postMessage(message);

// Batches posted and not yet written: the reader waits beyond this, so a fast parse of a
// 1 GB file never piles up in memory.
const maxInFlight = 3;
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (message: { type: 'ack' | 'cancel' }) => {
  if (message.type === 'cancel') process.exit(0);
  if (message.type === 'ack') {
    inFlight--;
    wake?.();
    wake = null;
  }
});

let lastProgress = 0;
const onProgress = (fraction: number, rows: number) => {
  const now = Date.now();
  if (now - lastProgress < 100) return;
  lastProgress = now;
  post({ type: 'progress', fraction, rows });
};

const sink: RowSink = {
  async start(columns) {
    post({ type: 'start', ...columns });
  },
  async rows({ packed, transfer }) {
    inFlight++;
    port.postMessage({ type: 'rows', packed } satisfies ParseMessage, transfer);
    while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (wake = resolve));
  },
};

try {
  if (job.mode === 'preview') {
    post({ type: 'preview', preview: await buildPreview(job.path, job, job.settings, { onProgress }) });
  } else {
    const { preview: _unused, ...summary } = await scanTable(job.path, job.settings, { onProgress, sink });
    post({ type: 'scanned', summary });
  }
} catch (error) {
  post({ type: 'error', error: toErrorPayload(error) });
}
port.close();
