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

// What is wrong, when something is: the key outside the workspace is gone or cannot be
// unwrapped here; a row was changed (or the chain recomputed without the key); rows after the
// head recorded outside the workspace are gone; that head is missing or does not match.
export const auditProblem = z.enum(['key_missing', 'key_unavailable', 'row_changed', 'rows_missing', 'head_missing', 'head_mismatch']);

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  rows: z.number().int(),
  // The row count recorded in the head (the table may be ahead of it, never behind).
  expected: z.number().int().nullable(),
  firstBrokenId: id.nullable(),
  keyMissing: z.boolean(),
  problem: auditProblem.nullable(),
});

export const auditMethods = {
  'audit.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(auditEntry),
    access: 'admin',
  },
  'audit.verify': {
    input: empty,
    output: auditVerification,
    access: 'admin',
  },
} as const satisfies Record<string, MethodSpec>;
