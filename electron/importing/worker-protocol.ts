import type { MessagePort, Worker } from 'node:worker_threads';
import type { ColumnType, ImportPreview, ImportSettings } from '../../shared/contract';
import { AppError, isErrorCode, type ErrorPayload } from '../../shared/errors';
import type { AuditSealData } from '../audit/audit-seal';
import type { PackedRows } from './packed-rows';
import type { ScannedTable } from './scan-table';
import { workerFailure } from './worker-limits';

// Messages between the host, the import worker (writes the workspace) and the parse worker
// (reads the file). Errors cross as payloads; anything unexpected becomes 'api.internal'.

export interface ParseJob {
  mode: 'preview' | 'scan';
  // During an import the parse worker talks to the import worker over this port (both are
  // started at once by the host); otherwise to its parent.
  port?: MessagePort;
  path: string;
  fileName: string;
  size: number;
  settings: ImportSettings;
}

export type ScanSummary = Omit<ScannedTable, 'preview'>;

export type ParseMessage =
  | { type: 'progress'; fraction: number; rows: number }
  | { type: 'start'; names: string[]; labels: string[]; types: ColumnType[] }
  | { type: 'rows'; packed: PackedRows }
  | { type: 'preview'; preview: ImportPreview }
  | { type: 'scanned'; summary: ScanSummary }
  | { type: 'error'; error: ErrorPayload };

export interface ImportJob {
  workspacePath: string;
  // The writer appends the import's audit entry from its own connection.
  audit: AuditSealData;
  stagingTable: string;
  // The parse worker of the first read, started beside this one.
  parserPort: MessagePort;
  path: string;
  fileName: string;
  size: number;
  settings: ImportSettings;
  userId: number;
  userName: string;
  datasetId: number | null;
  // The producer of a new dataset (datasetId null).
  producerId: number | null;
  datasetName: string;
  keyColumn: string | null;
}

export interface ImportResult {
  datasetId: number;
  versionId: number;
  number: number;
  rowCount: number;
}

export type ImportMessage =
  | { type: 'progress'; phase: string; done: number; total: number | null }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; error: ErrorPayload };

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  console.error(error);
  return { code: 'api.internal', params: {} };
}

export function fromErrorPayload(error: { code: string; params: ErrorPayload['params'] }): AppError {
  return AppError.fromPayload({ code: isErrorCode(error.code) ? error.code : 'api.internal', params: error.params });
}

// Resolves with the first message `settle` turns into a value; rejects on an error message
// or when the worker dies without one (terminated, crashed: the caller knows which).
export function awaitWorker<T, M extends { type: string }>(
  worker: Worker | MessagePort,
  settle: (message: M) => T | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: M) => {
      if (settled) return;
      if (message.type === 'error') {
        settled = true;
        reject(fromErrorPayload((message as unknown as { error: ErrorPayload }).error));
        return;
      }
      const value = settle(message);
      if (value !== undefined) {
        settled = true;
        resolve(value);
      }
    });
    worker.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(workerFailure(error));
      }
    });
    const ended = () => {
      if (!settled) {
        settled = true;
        reject(new AppError('api.internal'));
      }
    };
    worker.on('exit', ended);
    worker.on('close', ended);
  });
}
