import type { ExportFormat, ExportResult } from '../../shared/contract';
import { resolveVersion } from '../access/resolve';
import { recordAudit } from '../audit/audit-log';
import type { HandlerContext } from '../host/handler-context';
import { writeCsv } from './csv-export';
import { fileSink, versionPages } from './version-pages';
import { writeXlsx } from './xlsx-export';

const writers = { csv: writeCsv, xlsx: writeXlsx } as const;

// export.start: who may read the version may export it. The file is written by a job (a
// million rows take seconds), into the export store; export.download then hands it over.
export function startExport(ctx: HandlerContext, input: { versionId: number; format: ExportFormat; raw: boolean }): string {
  const version = resolveVersion(ctx, input.versionId, 'read');
  const { services, user } = ctx;
  const { name } = services.db.prepare('SELECT name FROM datasets WHERE id = ?').get(version.datasetId) as { name: string };
  const source = versionPages(services.db, version.versionId);
  return services.jobs.start('export', user.id, async (control) => {
    const file = services.exports.create({
      ownerId: user.id,
      versionId: version.versionId,
      fileName: `${fileStem(name)}-v${version.number}.${input.format}`,
      format: input.format,
    });
    const sink = fileSink(file.path);
    try {
      control.progress('writing', 0, source.rowCount);
      const rows = await writers[input.format](source, sink, {
        raw: input.raw,
        signal: control.signal,
        progress: (done) => control.progress('writing', done, source.rowCount),
      });
      const bytes = await sink.close();
      recordAudit(services.db, {
        actor: user.name,
        action: 'export.created',
        target: `dataset:${version.datasetId}`,
        details: { versionId: version.versionId, version: version.number, format: input.format, raw: input.raw, rows, bytes },
      });
      return { exportId: file.exportId, fileName: file.fileName, format: input.format, rows, bytes } satisfies ExportResult;
    } catch (error) {
      await sink.close().catch(() => undefined);
      services.exports.discard(file.exportId);
      throw error;
    }
  });
}

// A file name every system accepts, from the dataset's name: no path separators, no
// characters Windows refuses, no control characters, not too long.
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+|[. ]+$/g, '')
    .slice(0, 80);
  return stem === '' ? 'export' : stem;
}
