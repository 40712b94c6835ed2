import { AppError } from '../../shared/errors';
import { resolveVersion, type Intent } from '../access/resolve';
import { recordAudit } from '../audit/audit-log';
import type { HandlerContext, Handlers } from '../host/handler-context';
import { versionColumn, versionView } from '../reviewing/view-table';
import { dismissFinding, resolveFinding } from './finding-decisions';
import { addFindings, getFinding, listFindings } from './finding-store';
import { versionGate } from './version-gate';

// A finding answers like its version: one of a producer the caller does not belong to is
// "not found", exactly as a missing one, so ids cannot be probed.
function findingVersion(ctx: HandlerContext, findingId: number, intent: Intent): void {
  const { versionId } = getFinding(ctx.services.db, findingId);
  try {
    resolveVersion(ctx, versionId, intent);
  } catch (error) {
    if (error instanceof AppError && error.code === 'versions.not_found') throw new AppError('findings.not_found', { findingId });
    throw error;
  }
}

export const findingsHandlers = {
  'findings.list': ({ versionId, filter, offset, limit }, ctx) =>
    listFindings(ctx.services.db, resolveVersion(ctx, versionId, 'read').versionId, filter, offset, limit),

  // Flagging is part of reading, like commenting: a reviewer flags a version they may not edit.
  'findings.add': ({ versionId, rowId, column, severity, note }, ctx) => {
    const { db } = ctx.services;
    const version = resolveVersion(ctx, versionId, 'read');
    const view = versionView(db, version.versionId, ctx.user.id);
    if (column !== null) versionColumn(view.columns, column);
    if (rowId !== null && !db.prepare(`SELECT 1 FROM "${view.table}" WHERE "_row" = ?`).get(rowId)) {
      throw new AppError('rows.not_found', { rowId });
    }
    return db.transaction(() => {
      const { firstId } = addFindings(db, versionId, [{ source: 'manual', severity, code: 'manual.flag', rowId, column, note }], ctx.user.id);
      recordAudit(db, {
        actor: ctx.user.name,
        action: 'finding.added',
        target: `dataset:${version.datasetId}`,
        details: { versionId, findingId: firstId, severity, rowId, column },
      });
      return getFinding(db, firstId!);
    }).immediate();
  },

  'findings.resolve': ({ findingId, justification }, ctx) => {
    findingVersion(ctx, findingId, 'edit');
    return resolveFinding(ctx.services.db, findingId, ctx.user, justification);
  },
  'findings.dismiss': ({ findingId, justification }, ctx) => {
    findingVersion(ctx, findingId, 'edit');
    return dismissFinding(ctx.services.db, findingId, ctx.user, justification);
  },

  'findings.gate': ({ versionId }, ctx) => versionGate(ctx.services.db, resolveVersion(ctx, versionId, 'read').versionId),
} satisfies Partial<Handlers>;
