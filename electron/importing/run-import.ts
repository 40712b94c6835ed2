import { randomBytes } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import { parse } from 'node:path';
import type { ImportPreview, ImportSettings, MethodParsedInput } from '../../shared/contract';
import { auditSealOf, sealToData } from '../audit/audit-seal';
import type { DatasetTarget } from '../datasets/version-store';
import type { StoredFile } from '../files/file-store';
import type { Services, SignedInUser } from '../host/handler-context';
import { spawnWorker } from '../host/spawn-worker';
import { withParseSlot } from './parse-slots';
import { parserLimits, workerFailure, writerLimits } from './worker-limits';
import { awaitWorker, type ImportJob, type ImportMessage, type ImportResult, type ParseJob, type ParseMessage } from './worker-protocol';

// A worker asked to stop gets this long to roll back and drop its staging table before it is
// terminated (the host then drops the table itself).
const cancelGraceMs = 5000;

// The file and the target come through the permission check (electron/access/resolve.ts).
export async function previewImport(file: StoredFile, settings: ImportSettings): Promise<ImportPreview> {
  const job: ParseJob = { mode: 'preview', path: file.path, fileName: file.fileName, size: file.size, settings };
  return withParseSlot(() => {
    const worker = spawnWorker('parse-worker', { workerData: job, resourceLimits: parserLimits });
    return awaitWorker<ImportPreview, ParseMessage>(worker, (message) => (message.type === 'preview' ? message.preview : undefined));
  });
}

export function startImport(
  services: Services,
  user: SignedInUser,
  file: StoredFile,
  input: MethodParsedInput<'importing.start'>,
  target: DatasetTarget,
): string {
  const channel = new MessageChannel();
  const job: ImportJob = {
    workspacePath: services.workspacePath,
    audit: sealToData(auditSealOf(services.db)),
    path: file.path,
    fileName: file.fileName,
    size: file.size,
    settings: input.settings,
    userId: user.id,
    userName: user.name,
    ...target,
    datasetName: input.datasetName ?? (parse(file.fileName).name || file.fileName),
    keyColumn: target.datasetId !== null ? (input.keyColumn ?? null) : null,
    stagingTable: `staging_import_${randomBytes(6).toString('hex')}`,
    parserPort: channel.port1,
  };
  const parseJob: ParseJob = { mode: 'scan', path: file.path, fileName: file.fileName, size: file.size, settings: input.settings, port: channel.port2 };
  return services.jobs.start('import', user.id, (control) => withParseSlot(async () => {
    // Both threads start at once: loading the parser's code overlaps opening the workspace.
    const parser = spawnWorker('parse-worker', { workerData: parseJob, transferList: [channel.port2], resourceLimits: parserLimits });
    const worker = spawnWorker('import-worker', { workerData: job, transferList: [channel.port1], resourceLimits: writerLimits });
    // A parser that crashes closes its port and the import worker fails for want of rows: the
    // parser's own failure (out of memory) is what the agent is told.
    let parserFailure: unknown;
    const parserExited = new Promise<void>((resolve) => parser.once('exit', () => resolve()));
    parser.on('error', (error) => (parserFailure = workerFailure(error)));
    const cancel = () => {
      worker.postMessage({ type: 'cancel' });
      setTimeout(() => {
        void worker.terminate();
        void parser.terminate();
      }, cancelGraceMs).unref();
    };
    control.signal.addEventListener('abort', cancel, { once: true });
    try {
      const result = await awaitWorker<ImportResult, ImportMessage>(worker, (message) => {
        if (message.type === 'progress') control.progress(message.phase, message.done, message.total);
        return message.type === 'done' ? message.result : undefined;
      });
      services.emit('dataset.changed', { datasetId: result.datasetId });
      return { ...result };
    } catch (error) {
      services.db.exec(`DROP TABLE IF EXISTS "${job.stagingTable}"`);
      await Promise.race([parserExited, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      throw parserFailure ?? error;
    } finally {
      control.signal.removeEventListener('abort', cancel);
    }
  }));
}
