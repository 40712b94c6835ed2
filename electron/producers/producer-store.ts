import type { MemberRole, ProducerKind, ProducerMember, ProducerSummary } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { SignedInUser } from '../host/handler-context';
import { getUser } from '../users/user-store';
import type { Db } from '../workspace/open-workspace';
import { nowIso } from '../workspace/open-workspace';
import { cogEpci } from './cog';

const summarySelect = `SELECT p.id, p.name, p.kind, p.code, p.parent_id AS parentId, p.created_at AS createdAt,
       (SELECT COUNT(*) FROM producer_members m WHERE m.producer_id = p.id) AS memberCount,
       (SELECT COUNT(*) FROM datasets d WHERE d.producer_id = p.id) AS datasetCount,
       (SELECT role FROM producer_members m WHERE m.producer_id = p.id AND m.user_id = @userId) AS myRole
  FROM producers p`;

// Admins see every producer; everyone else the ones they belong to.
export function listProducers(db: Db, user: SignedInUser): ProducerSummary[] {
  const where = user.role === 'admin' ? '' : 'WHERE p.id IN (SELECT producer_id FROM producer_members WHERE user_id = @userId)';
  // An EPCI first, its communes after it, by name.
  return db
    .prepare(`${summarySelect} ${where} ORDER BY COALESCE(p.parent_id, p.id), p.parent_id IS NOT NULL, p.name COLLATE NOCASE, p.id`)
    .all({ userId: user.id }) as ProducerSummary[];
}

export function getProducer(db: Db, user: SignedInUser, producerId: number): ProducerSummary {
  const found = db.prepare(`${summarySelect} WHERE p.id = @producerId`).get({ userId: user.id, producerId }) as ProducerSummary | undefined;
  if (!found) throw new AppError('producers.not_found', { producerId });
  return found;
}

export interface NewProducer {
  name: string;
  kind: ProducerKind;
  code: string | null;
  parentId: number | null;
}

function insertProducer(db: Db, p: NewProducer): number {
  if (p.code !== null) {
    const taken = db.prepare('SELECT name FROM producers WHERE kind = ? AND code = ?').get(p.kind, p.code) as { name: string } | undefined;
    if (taken) throw new AppError('producers.code_taken', { code: p.code, name: taken.name });
  }
  if (p.parentId !== null && !db.prepare('SELECT 1 FROM producers WHERE id = ?').get(p.parentId)) {
    throw new AppError('producers.not_found', { producerId: p.parentId });
  }
  return Number(
    db
      .prepare('INSERT INTO producers (name, kind, code, parent_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(p.name, p.kind, p.code, p.parentId, nowIso()).lastInsertRowid,
  );
}

export function createProducer(db: Db, actor: SignedInUser, p: NewProducer): ProducerSummary {
  return db.transaction(() => {
    const id = insertProducer(db, p);
    recordAudit(db, { actor: actor.name, action: 'producer.create', target: `producer:${id}`, details: { name: p.name, kind: p.kind, code: p.code } });
    return getProducer(db, actor, id);
  }).immediate();
}

// The EPCI of that SIREN and each of its member communes, from the shipped COG extract.
// Producers already there (same kind and code) are kept as they are, so that importing twice,
// or after creating a commune by hand, adds only what is missing.
export function importFromCog(db: Db, actor: SignedInUser, siren: string) {
  const entry = cogEpci(siren);
  if (!entry) throw new AppError('producers.cog_not_found', { siren });
  return db.transaction(() => {
    const existing = db.prepare('SELECT id FROM producers WHERE kind = ? AND code = ?').pluck();
    let created = 0;
    const ensure = (p: NewProducer): number => {
      const found = existing.get(p.kind, p.code) as number | undefined;
      if (found !== undefined) return found;
      created++;
      return insertProducer(db, p);
    };
    const epciId = ensure({ name: entry.name, kind: 'epci', code: entry.siren, parentId: null });
    const communeIds = entry.communes.map((c) => ensure({ name: c.name, kind: 'commune', code: c.code, parentId: epciId }));
    recordAudit(db, { actor: actor.name, action: 'producer.import_cog', target: `producer:${epciId}`, details: { siren, created } });
    return { epci: getProducer(db, actor, epciId), communes: communeIds.map((id) => getProducer(db, actor, id)), created };
  }).immediate();
}

export function listMembers(db: Db, producerId: number): ProducerMember[] {
  if (!db.prepare('SELECT 1 FROM producers WHERE id = ?').get(producerId)) throw new AppError('producers.not_found', { producerId });
  return db
    .prepare(
      `SELECT u.id AS userId, u.name, u.display_name AS displayName, m.role
       FROM producer_members m JOIN users u ON u.id = m.user_id WHERE m.producer_id = ? ORDER BY u.name`,
    )
    .all(producerId) as ProducerMember[];
}

export function setMember(db: Db, actor: SignedInUser, producerId: number, userId: number, role: MemberRole): ProducerMember[] {
  return db.transaction(() => {
    listMembers(db, producerId);
    const user = getUser(db, userId);
    db.prepare(
      'INSERT INTO producer_members (producer_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (producer_id, user_id) DO UPDATE SET role = excluded.role',
    ).run(producerId, userId, role);
    recordAudit(db, { actor: actor.name, action: 'producer.member_set', target: `producer:${producerId}`, details: { user: user.name, role } });
    return listMembers(db, producerId);
  }).immediate();
}

export function removeMember(db: Db, actor: SignedInUser, producerId: number, userId: number): ProducerMember[] {
  return db.transaction(() => {
    listMembers(db, producerId);
    const user = getUser(db, userId);
    db.prepare('DELETE FROM producer_members WHERE producer_id = ? AND user_id = ?').run(producerId, userId);
    recordAudit(db, { actor: actor.name, action: 'producer.member_remove', target: `producer:${producerId}`, details: { user: user.name } });
    return listMembers(db, producerId);
  }).immediate();
}
