import type { FindingEntry } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';
import { getFinding } from './finding-store';

// An open finding is resolved (the cause was dealt with) or dismissed (it is not a problem
// here, and the person says why). Either is final for this version, kept with who and when,
// and written to the audit log: a dismissed error no longer holds the publish gate.
export function resolveFinding(db: Db, findingId: number, user: { id: number; name: string }, justification: string): FindingEntry {
  return decide(db, findingId, user, 'resolved', justification);
}

export function dismissFinding(db: Db, findingId: number, user: { id: number; name: string }, justification: string): FindingEntry {
  if (justification.trim() === '') throw new AppError('findings.justification_required');
  return decide(db, findingId, user, 'dismissed', justification);
}

function decide(db: Db, findingId: number, user: { id: number; name: string }, status: 'resolved' | 'dismissed', justification: string) {
  return db.transaction(() => {
    const finding = getFinding(db, findingId);
    if (finding.status !== 'open') throw new AppError('findings.not_open', { findingId });
    const text = justification.trim() === '' ? null : justification.trim();
    db.prepare('UPDATE findings SET status = ?, decided_by = ?, decided_at = ?, justification = ? WHERE id = ?').run(
      status,
      user.id,
      nowIso(),
      text,
      findingId,
    );
    const datasetId = db.prepare('SELECT dataset_id FROM versions WHERE id = ?').pluck().get(finding.versionId) as number;
    recordAudit(db, {
      actor: user.name,
      action: `finding.${status}`,
      target: `dataset:${datasetId}`,
      details: {
        versionId: finding.versionId,
        findingId,
        source: finding.source,
        severity: finding.severity,
        code: finding.code,
        rowId: finding.rowId,
        column: finding.column,
        justification: text,
      },
    });
    return getFinding(db, findingId);
  }).immediate();
}
