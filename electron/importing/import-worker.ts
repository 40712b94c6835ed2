import { parentPort, workerData, type MessagePort, type Worker } from 'node:worker_threads';
import type { ColumnInfo, ColumnType, ImportSettings, VersionSummary } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordAudit, syncAuditHead } from '../audit/audit-log';
import { bindAuditSeal, sealFromData } from '../audit/audit-seal';
import { commitVersion, createRowsTable, getColumns, getVersion, latestVersionId } from '../datasets/version-store';
import { addFindings, type NewFinding } from '../findings/finding-store';
import { spawnWorker } from '../host/spawn-worker';
import { openWorkspace } from '../workspace/open-workspace';
import { summarizeChanges } from './change-summary';
import { hashFile } from './hash-file';
import { IntList } from './int-list';
import { RowInserter } from './row-inserter';
import { parserLimits } from './worker-limits';
import {
  awaitWorker,
  toErrorPayload,
  type ImportJob,
  type ImportMessage,
  type ParseJob,
  type ParseMessage,
  type ScanSummary,
} from './worker-protocol';

// The import's writer: while the parse worker reads the file, this thread fills a staging
// table on its own connection; one transaction then turns it into a version (commitVersion).
// Killed at any point, it leaves at most a staging table, dropped when the workspace opens.
const job = workerData as ImportJob;
const port = parentPort!;
const post = (message: ImportMessage) => port.postMessage(message);
const db = openWorkspace(job.workspacePath, { create: false });
bindAuditSeal(db, sealFromData(job.audit));
// The WAL is checkpointed once, after the commit, instead of every 1000 pages on the way.
db.pragma('wal_autocheckpoint = 0');
// Rows between commits of the staging table: the API's own writes wait at most that long.
const commitEveryRows = 200_000;

let parser: Worker | MessagePort = job.parserPort;
let cancelled = false;
port.on('message', (message: { type: 'cancel' }) => {
  if (message.type !== 'cancel') return;
  cancelled = true;
  if ('terminate' in parser) void parser.terminate();
  else {
    parser.postMessage({ type: 'cancel' });
    parser.close();
  }
});

interface Pass {
  summary: ScanSummary;
  columns: ColumnInfo[];
  // (row number, column index) pairs: values that do not fit their column's type, and text
  // cells that begin like a formula.
  mismatches: Int32Array;
  formulaLike: Int32Array;
}

// One read of the file into a fresh staging table, with the types given or guessed: the first
// by the parse worker the host started, a second by one started here.
function readPass(worker: Worker | MessagePort, phase: string): Promise<Pass> {
  parser = worker;
  let inserter: RowInserter | null = null;
  let columns: ColumnInfo[] = [];
  const mismatches = new IntList();
  const formulaLike = new IntList();
  let rows = 0;
  let sinceCommit = 0;
  return awaitWorker<Pass, ParseMessage>(worker, (message) => {
    switch (message.type) {
      case 'progress':
        post({ type: 'progress', phase, done: message.rows, total: message.fraction > 0 ? Math.round(message.rows / message.fraction) : null });
        return undefined;
      case 'start':
        columns = message.names.map((name, position) => ({
          name,
          label: message.labels[position]!,
          type: message.types[position]!,
          position,
          errorCount: 0,
        }));
        createRowsTable(db, job.stagingTable, columns);
        inserter = new RowInserter(db, job.stagingTable, message.names);
        db.exec('BEGIN');
        return undefined;
      case 'rows':
        inserter!.insert(message.packed);
        for (const value of message.packed.mismatches) mismatches.push(value);
        for (const cell of message.packed.formulaLike) {
          formulaLike.push(rows + Math.floor(cell / message.packed.width) + 1);
          formulaLike.push(cell % message.packed.width);
        }
        rows += message.packed.count;
        sinceCommit += message.packed.count;
        if (sinceCommit >= commitEveryRows) {
          db.exec('COMMIT; BEGIN');
          sinceCommit = 0;
        }
        worker.postMessage({ type: 'ack' });
        return undefined;
      case 'scanned':
        if (db.inTransaction) db.exec('COMMIT');
        post({ type: 'progress', phase, done: rows, total: rows });
        return { summary: message.summary, columns, mismatches: mismatches.take(), formulaLike: formulaLike.take() };
      default:
        return undefined;
    }
  });
}

// What the import found cell by cell, as findings (warnings: the values are kept as read).
function* importFindings(columns: readonly ColumnInfo[], pass: Pass): Generator<NewFinding> {
  const typeParams = columns.map((c) => ({ type: c.type }));
  const { mismatches, formulaLike } = pass;
  for (let i = 0; i < mismatches.length; i += 2) {
    const c = mismatches[i + 1]!;
    yield { source: 'type', severity: 'warning', code: 'type.mismatch', params: typeParams[c], rowId: mismatches[i]!, column: columns[c]!.name };
  }
  for (let i = 0; i < formulaLike.length; i += 2) {
    yield { source: 'security', severity: 'warning', code: 'cell.formula_like', rowId: formulaLike[i]!, column: columns[formulaLike[i + 1]!]!.name };
  }
}

function dropStaging(): void {
  if (db.inTransaction) db.exec('ROLLBACK');
  db.exec(`DROP TABLE IF EXISTS "${job.stagingTable}"`);
}

async function run(): Promise<void> {
  const sha256 = hashFile(job.path);
  sha256.catch(() => {});
  let pass = await readPass(job.parserPort, 'reading');
  const finalTypes: ColumnType[] = pass.summary.columns.map((c) => c.type);
  if (finalTypes.some((type, c) => type !== pass.summary.storedTypes[c])) {
    // The first rows suggested other types than the whole columns hold: read again with the
    // right ones (rare: a column whose first thousand values are all numbers, then text).
    dropStaging();
    const columnTypes = Object.fromEntries(pass.summary.columns.map((c) => [c.name, c.type]));
    const again: ParseJob = {
      mode: 'scan',
      path: job.path,
      fileName: job.fileName,
      size: job.size,
      settings: { ...pass.summary.settings, columnTypes },
    };
    pass = await readPass(spawnWorker('parse-worker', { workerData: again, resourceLimits: parserLimits }), 'rereading');
  }
  if (cancelled) throw new AppError('jobs.cancelled');
  post({ type: 'progress', phase: 'saving', done: 0, total: null });
  const errorCounts = new Array<number>(pass.columns.length).fill(0);
  for (let i = 1; i < pass.mismatches.length; i += 2) errorCounts[pass.mismatches[i]!]!++;
  const columns = pass.columns.map((c, i) => ({ ...c, errorCount: errorCounts[i]! }));
  const { summary } = pass;
  // Replays read the same sheet, header and dialect; types the agent chose are kept, the
  // others are inferred again on the new file.
  const settings: ImportSettings = { ...summary.settings };
  if (job.settings.columnTypes) settings.columnTypes = job.settings.columnTypes;
  else delete settings.columnTypes;
  const source: VersionSummary['source'] = {
    fileName: job.fileName,
    size: job.size,
    sha256: await sha256,
    format: summary.format,
    settings,
  };
  let changes: VersionSummary['changes'] = null;
  if (job.datasetId !== null) {
    const previousId = latestVersionId(db, job.datasetId);
    if (previousId !== null) {
      const previous = getVersion(db, previousId);
      changes = summarizeChanges(
        db,
        { versionId: previousId, columns: getColumns(db, previousId), rowCount: previous.rowCount },
        { table: job.stagingTable, columns, rowCount: summary.rowCount },
        job.keyColumn,
      );
    }
  }
  if (cancelled) throw new AppError('jobs.cancelled');
  const committed = db.transaction(() => {
    const version = commitVersion(db, {
      datasetId: job.datasetId,
      producerId: job.producerId,
      datasetName: job.datasetName,
      userId: job.userId,
      origin: 'import',
      columns,
      rowCount: summary.rowCount,
      source,
      changes,
      stagingTable: job.stagingTable,
    });
    addFindings(db, version.versionId, importFindings(columns, pass));
    // In the same transaction: the version and its audit entry exist together or not at all,
    // and the API's thread never has to write (and checkpoint) after a large import.
    recordAudit(db, {
      actor: job.userName,
      action: 'dataset.import',
      target: `dataset:${version.datasetId}`,
      details: { version: version.number, fileName: job.fileName, rows: summary.rowCount },
    });
    return version;
  }).immediate();
  // Now, not on a later tick: the thread may be gone by then.
  syncAuditHead(db);
  post({ type: 'done', result: { ...committed, rowCount: summary.rowCount } });
}

try {
  await run();
} catch (error) {
  dropStaging();
  post({ type: 'error', error: toErrorPayload(cancelled ? new AppError('jobs.cancelled') : error) });
} finally {
  // Off the API's thread: fold the import's pages back into the database file.
  db.pragma('wal_checkpoint(PASSIVE)');
  db.close();
  port.close();
}
