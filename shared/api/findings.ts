// Findings: what the import, validation, personal-data scans, reviewers and anyone reading a
// version point out on a cell, a row, a column or the whole version; and the publish gate.
import { z } from 'zod';
import { colId, id, isoDateTime, versionRef, type MethodSpec } from './common';

// An open list: each capability that writes findings adds its source here (the table has no
// CHECK on it, so no migration is needed for a new one).
export const findingSources = ['type', 'security', 'validation', 'personal_data', 'review', 'manual'] as const;
export const findingSource = z.enum(findingSources);
export type FindingSource = z.infer<typeof findingSource>;

export const findingSeverities = ['error', 'warning', 'info'] as const;
export const findingSeverity = z.enum(findingSeverities);
export type FindingSeverity = z.infer<typeof findingSeverity>;

export const findingStatuses = ['open', 'resolved', 'dismissed'] as const;
export const findingStatus = z.enum(findingStatuses);
export type FindingStatus = z.infer<typeof findingStatus>;

export const findingScope = z.enum(['cell', 'row', 'column', 'table']);
export type FindingScope = z.infer<typeof findingScope>;

export const findingParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const findingEntry = z.object({
  id,
  source: findingSource,
  scope: findingScope,
  rowId: id.nullable(),
  column: z.string().nullable(),
  severity: findingSeverity,
  // A catalog key under reviewing.findings.codes, with its params.
  code: z.string(),
  params: findingParams,
  // What the person who flagged it wrote (manual flags).
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
  status: findingStatus,
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  justification: z.string().nullable(),
});
export type FindingEntry = z.infer<typeof findingEntry>;

// Open findings of a grid row: the cells ('' = the whole row) and how to style them.
export const rowFinding = z.object({ column: z.string(), source: findingSource, severity: findingSeverity });
export type RowFinding = z.infer<typeof rowFinding>;

export const findingsFilter = z.object({
  sources: z.array(findingSource).max(findingSources.length).default([]),
  severities: z.array(findingSeverity).max(3).default([]),
  // Empty: every status.
  statuses: z.array(findingStatus).max(3).default(['open']),
});
export type FindingsFilter = z.output<typeof findingsFilter>;

export const findingsCount = z.object({ source: findingSource, severity: findingSeverity, status: findingStatus, count: z.number().int() });

export const versionGate = z.object({
  // Open findings of severity error, whatever their source.
  openErrors: z.number().int().min(0),
  // Open personal-data findings whose score (0 to 1) reaches the threshold.
  personalData: z.number().int().min(0),
  threshold: z.number(),
  blocked: z.boolean(),
});
export type VersionGate = z.infer<typeof versionGate>;

const justification = z.string().max(4000);

export const findingsMethods = {
  'findings.list': {
    input: versionRef.extend({
      filter: findingsFilter.default({ sources: [], severities: [], statuses: ['open'] }),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    // total: matching the filter; counts: every finding of the version by source, severity
    // and status (the filter chips).
    output: z.object({ total: z.number().int(), findings: z.array(findingEntry), counts: z.array(findingsCount) }),
    access: 'agent',
  },
  // A manual flag with a note, by anyone who may read the version.
  'findings.add': {
    input: versionRef
      .extend({
        rowId: id.nullable().default(null),
        column: colId.nullable().default(null),
        severity: findingSeverity.default('warning'),
        note: z.string().trim().min(1).max(4000),
      })
      .refine((v) => v.rowId !== null || v.column !== null, { path: ['rowId'] }),
    output: findingEntry,
    access: 'agent',
  },
  'findings.resolve': {
    input: z.object({ findingId: id, justification: justification.default('') }),
    output: findingEntry,
    access: 'agent',
  },
  // The justification is required (findings.justification_required) and goes to the audit.
  'findings.dismiss': {
    input: z.object({ findingId: id, justification }),
    output: findingEntry,
    access: 'agent',
  },
  'findings.gate': { input: versionRef, output: versionGate, access: 'agent' },
} as const satisfies Record<string, MethodSpec>;
