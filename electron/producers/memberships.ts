import type { MemberRole } from '../../shared/contract';
import type { Db } from '../workspace/open-workspace';

// Who belongs to which producer, with which role. Read by the permission check
// (electron/access/resolve.ts) and by the producers' own handlers.
export function memberRole(db: Db, producerId: number, userId: number): MemberRole | null {
  const row = db.prepare('SELECT role FROM producer_members WHERE producer_id = ? AND user_id = ?').get(producerId, userId) as
    | { role: MemberRole }
    | undefined;
  return row?.role ?? null;
}

// The producers a user belongs to, by id.
export function membershipsOf(db: Db, userId: number): Map<number, MemberRole> {
  const rows = db.prepare('SELECT producer_id AS producerId, role FROM producer_members WHERE user_id = ? ORDER BY producer_id').all(userId) as {
    producerId: number;
    role: MemberRole;
  }[];
  return new Map(rows.map((r) => [r.producerId, r.role]));
}
