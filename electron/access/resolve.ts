import { AppError } from '../../shared/errors';
import type { HandlerContext } from '../host/handler-context';

// What a caller means to do with a dataset or one of its versions. Every handler that touches
// a dataset, a version, a job, a file or a comment states it through resolveDataset() or
// resolveVersion(): the one place where membership, role and lifecycle are checked.
export type Intent = 'read' | 'edit' | 'review' | 'administer';

export interface ResolvedDataset {
  datasetId: number;
}

export interface ResolvedVersion extends ResolvedDataset {
  versionId: number;
  number: number;
  isLatest: boolean;
}

export function resolveDataset(ctx: HandlerContext, datasetId: number, _intent: Intent): ResolvedDataset {
  const row = ctx.services.db.prepare('SELECT id FROM datasets WHERE id = ?').get(datasetId) as { id: number } | undefined;
  if (!row) throw new AppError('datasets.not_found', { datasetId });
  return { datasetId };
}

export function resolveVersion(ctx: HandlerContext, versionId: number, _intent: Intent): ResolvedVersion {
  const row = ctx.services.db
    .prepare(
      `SELECT v.dataset_id AS datasetId, v.number,
              v.number = (SELECT MAX(number) FROM versions WHERE dataset_id = v.dataset_id) AS isLatest
       FROM versions v WHERE v.id = ?`,
    )
    .get(versionId) as { datasetId: number; number: number; isLatest: number } | undefined;
  if (!row) throw new AppError('versions.not_found', { versionId });
  return { versionId, datasetId: row.datasetId, number: row.number, isLatest: row.isLatest === 1 };
}
