import type { DatasetAccess, MemberRole } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { StoredFile } from '../files/file-store';
import type { HandlerContext, SignedInUser } from '../host/handler-context';
import { memberRole, membershipsOf } from '../producers/memberships';

// What a caller means to do with a dataset or one of its versions. Every handler that touches
// a dataset, a version, a job, a file or a comment states it through the functions of this
// file: the one place where membership, role and lifecycle are checked.
//   read: any member of the dataset's producer · edit: agent or reviewer member, latest version
//   only · review: reviewer member · administer: admin. Admins may do everything everywhere.
// A dataset (or version) of a producer the caller does not belong to answers exactly like a
// missing one, so that ids cannot be probed.
export type Intent = 'read' | 'edit' | 'review' | 'administer';

export interface ResolvedDataset {
  datasetId: number;
  producerId: number;
  // What the caller may do; `edit` speaks of the dataset's latest version.
  can: DatasetAccess;
}

export interface ResolvedVersion extends ResolvedDataset {
  versionId: number;
  number: number;
  isLatest: boolean;
}

const requiredRole: Record<Intent, string> = { read: 'agent', edit: 'agent', review: 'reviewer', administer: 'admin' };

// The rule itself, pure: the user's account role and their role in the dataset's producer.
export function accessFor(user: SignedInUser, role: MemberRole | null): DatasetAccess | null {
  if (user.role === 'admin') return { read: true, edit: true, review: true, administer: true };
  if (role === null) return null;
  return { read: true, edit: true, review: role === 'reviewer', administer: false };
}

function check(can: DatasetAccess, intent: Intent): void {
  if (!can[intent]) throw new AppError('access.denied', { required: requiredRole[intent] });
}

export function resolveDataset(ctx: HandlerContext, datasetId: number, intent: Intent): ResolvedDataset {
  const row = ctx.services.db.prepare('SELECT producer_id AS producerId FROM datasets WHERE id = ?').get(datasetId) as
    | { producerId: number }
    | undefined;
  const can = row ? accessFor(ctx.user, memberRole(ctx.services.db, row.producerId, ctx.user.id)) : null;
  if (!row || !can) throw new AppError('datasets.not_found', { datasetId });
  check(can, intent);
  return { datasetId, producerId: row.producerId, can };
}

export function resolveVersion(ctx: HandlerContext, versionId: number, intent: Intent): ResolvedVersion {
  const row = ctx.services.db
    .prepare(
      `SELECT v.dataset_id AS datasetId, v.number, d.producer_id AS producerId,
              (SELECT MAX(number) FROM versions WHERE dataset_id = v.dataset_id) AS latest
       FROM versions v JOIN datasets d ON d.id = v.dataset_id WHERE v.id = ?`,
    )
    .get(versionId) as { datasetId: number; number: number; producerId: number; latest: number } | undefined;
  const can = row ? accessFor(ctx.user, memberRole(ctx.services.db, row.producerId, ctx.user.id)) : null;
  if (!row || !can) throw new AppError('versions.not_found', { versionId });
  check(can, intent);
  const isLatest = row.number === row.latest;
  // Versions are immutable once superseded: the page shows them read-only, the services agree.
  if (intent === 'edit' && !isLatest) throw new AppError('versions.not_latest', { number: row.number, latest: row.latest });
  return { versionId, datasetId: row.datasetId, producerId: row.producerId, number: row.number, isLatest, can };
}

// The producers whose datasets the caller sees: null for an admin (all of them).
export function visibleProducers(ctx: HandlerContext): number[] | null {
  return ctx.user.role === 'admin' ? null : [...membershipsOf(ctx.services.db, ctx.user.id).keys()];
}

// The producer a new dataset goes to: the one named (which the caller must belong to), or
// the caller's only one. Admins may name any producer; with one producer in the workspace
// they need not name it.
export function resolveNewDatasetProducer(ctx: HandlerContext, producerId: number | undefined): number {
  const { db } = ctx.services;
  const candidates =
    ctx.user.role === 'admin'
      ? (db.prepare('SELECT id FROM producers ORDER BY id').pluck().all() as number[])
      : [...membershipsOf(db, ctx.user.id).keys()];
  if (producerId !== undefined) {
    if (!candidates.includes(producerId)) throw new AppError('producers.not_found', { producerId });
    return producerId;
  }
  if (candidates.length === 0) throw new AppError('producers.none');
  if (candidates.length > 1) throw new AppError('producers.choose_one');
  return candidates[0]!;
}

// A file token or an upload belongs to the user who registered it; to anyone else it does not
// exist. Tokens the host registers itself (the CLI's own files) have no owner.
export function resolveFile(ctx: HandlerContext, token: string): StoredFile {
  const file = ctx.services.files.resolve(token);
  if (file.ownerId !== null && file.ownerId !== ctx.user.id) throw new AppError('files.not_found', { fileName: '' });
  return file;
}

export function resolveUpload(ctx: HandlerContext, uploadId: string): void {
  if (ctx.services.files.uploadOwner(uploadId) !== ctx.user.id) throw new AppError('files.not_found', { fileName: '' });
}

// A job is its owner's (and visible to admins); to anyone else it does not exist.
export function resolveJob(ctx: HandlerContext, jobId: string): string {
  if (ctx.user.role !== 'admin' && ctx.services.jobs.ownerOf(jobId) !== ctx.user.id) throw new AppError('jobs.not_found', { jobId });
  return jobId;
}
