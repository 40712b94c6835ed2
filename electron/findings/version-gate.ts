import type { VersionGate } from '../../shared/contract';
import type { Db } from '../workspace/open-workspace';

// A personal-data finding carries a score from 0 to 1 (params.score); one without a score
// counts as certain. The publishing capability may ask with its own threshold.
export const personalDataThreshold = 0.5;

// The publish gate's one question: does this version still have open findings of severity
// error, or open personal-data findings at or above the threshold? Answered from the small
// partial index `findings_blocking`.
export function versionGate(db: Db, versionId: number, threshold = personalDataThreshold): VersionGate {
  const counts = db
    .prepare(
      `SELECT COALESCE(SUM(severity = 'error'), 0) AS openErrors,
              COALESCE(SUM(source = 'personal_data' AND COALESCE(json_extract(params, '$.score'), 1) >= ?), 0) AS personalData
       FROM findings INDEXED BY findings_blocking
       WHERE version_id = ? AND status = 'open' AND (severity = 'error' OR source = 'personal_data')`,
    )
    .get(threshold, versionId) as { openErrors: number; personalData: number };
  return { ...counts, threshold, blocked: counts.openErrors > 0 || counts.personalData > 0 };
}
