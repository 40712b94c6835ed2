import type { Handlers } from '../host/handler-context';
import { listAudit, verifyAudit } from './audit-log';

export const auditHandlers = {
  'audit.list': ({ limit }, { services }) => listAudit(services.db, limit),
  'audit.verify': (_input, { services }) => verifyAudit(services.db),
} satisfies Partial<Handlers>;
