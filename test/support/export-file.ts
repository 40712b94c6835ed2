import { readFileSync } from 'node:fs';
import { exportResult } from '../../shared/contract';
import type { ApiClient } from '../../shared/api-client';
import type { ServiceHost } from '../../electron/host/service-host';

// A version exported through export.start, as the file's bytes (read from the export store).
export async function exportedFile(host: ServiceHost, client: ApiClient, userId: number, versionId: number, format: 'csv' | 'xlsx', raw = false) {
  const { jobId } = await client.call('export.start', { versionId, format, raw });
  const job = await host.services.jobs.wait(jobId);
  if (job.status !== 'done') throw new Error(`export ended ${job.status}: ${JSON.stringify(job.error)}`);
  const result = exportResult.parse(job.result);
  return { result, body: readFileSync(host.services.exports.get(result.exportId, userId).path) };
}
