import { join } from 'node:path';
import { createServiceHost } from '../../electron/host/service-host';
import { inProcessTransport } from '../../electron/host/in-process-transport';
import { createApiClient } from '../../shared/api-client';

export interface FullImport {
  ms: number;
  checkpointMs: number;
  maxRssMb: number;
  job: { status: string; result: Record<string, unknown> | null };
}

// The whole import as the app runs it (format detection, table finder, whole-column type
// inference, typed storage, version commit) on a fresh workspace in `dir`. Meant to run in a
// child process of its own, so that maxRSS (worker threads included) is the import's.
export async function timeFullImport(file: string, dir: string): Promise<FullImport> {
  const host = createServiceHost({ workspacePath: join(dir, 'bench.atelier'), log: () => {} });
  const client = createApiClient(inProcessTransport(host));
  await client.call('session.setup', { name: 'admin', password: 'correct horse battery staple' });
  const started = performance.now();
  const { jobId } = await client.call('importing.start', { fileToken: host.services.files.register(file), settings: {} });
  const job = await host.services.jobs.wait(jobId);
  const ms = performance.now() - started;
  // The version is committed (in the WAL) when the job ends; folding the WAL back into the
  // database file happens after, off the API's thread. Measured apart, for the record.
  // The import worker starts that checkpoint itself; wait until the WAL is empty.
  while ((host.services.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy !== 0) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const checkpointMs = performance.now() - started - ms;
  await host.close();
  return { ms, checkpointMs, job, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}
