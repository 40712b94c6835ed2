import { z } from 'zod';
import { empty, id, isoDateTime, type MethodSpec } from './common';

export const auditEntry = z.object({
  id,
  at: isoDateTime,
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditMethods = {
  'audit.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(auditEntry),
    access: 'admin',
  },
  'audit.verify': {
    input: empty,
    output: z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenId: id.nullable() }),
    access: 'admin',
  },
} as const satisfies Record<string, MethodSpec>;
