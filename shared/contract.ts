// The API of Atelier Open Data: every method once, named `capability.verb`, with the zod
// schemas of its input and output and the least role allowed to call it. Every transport
// (in-process, loopback HTTP, Electron IPC) goes through the one dispatcher that checks
// these schemas; types on both sides are derived from here and declared nowhere else.
import { z } from 'zod';
import type { ErrorPayload } from './errors';

export const roles = ['agent', 'reviewer', 'admin'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

// 'public' methods need no signed-in user (first run, sign-in); every other method names the
// least role allowed, in the order agent < reviewer < admin.
export type Access = 'public' | Role;

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
}

const empty = z.object({}).strict();
const id = z.number().int().positive();
const isoDateTime = z.string();

// ---------------------------------------------------------------- users and session
export const userName = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u);
export const password = z.string().min(1).max(1024);
export const locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof locale>;

export const userSummary = z.object({
  id,
  name: userName,
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  createdAt: isoDateTime,
  lastSignInAt: isoDateTime.nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const sessionStatus = z.object({
  needsSetup: z.boolean(),
  user: userSummary.nullable(),
  workspaceName: z.string(),
});
export type SessionStatus = z.infer<typeof sessionStatus>;

export const auditEntry = z.object({
  id,
  at: isoDateTime,
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

// ---------------------------------------------------------------- datasets and versions
export const columnType = z.enum(['integer', 'decimal', 'boolean', 'date', 'datetime', 'text']);
export type ColumnType = z.infer<typeof columnType>;

export const message = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Message = z.infer<typeof message>;

export const columnInfo = z.object({
  // Safe, unique identifier used in SQL (checked against this list before any use).
  name: z.string(),
  // The label as it stood in the file (may be blank or repeated there).
  label: z.string(),
  type: columnType,
  position: z.number().int().min(0),
  // Values that did not fit the type: kept as text in the row and flagged.
  errorCount: z.number().int().min(0),
});
export type ColumnInfo = z.infer<typeof columnInfo>;

export const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof cellValue>;

export const sourceFormat = z.enum(['csv', 'xlsx', 'xls', 'ods']);
export type SourceFormat = z.infer<typeof sourceFormat>;

export const encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-15', 'cp850']);
export type Encoding = z.infer<typeof encoding>;
export const delimiter = z.enum([';', ',', '\t', '|']);
export type Delimiter = z.infer<typeof delimiter>;

// Everything needed to replay an import on a new file (the scheduler will).
export const importSettings = z.object({
  sheet: z.union([z.string().min(1), z.number().int().min(0)]).optional(),
  headerRow: z.number().int().min(1).optional(),
  headerRows: z.number().int().min(1).max(5).optional(),
  encoding: encoding.optional(),
  delimiter: delimiter.optional(),
  columnTypes: z.record(z.string(), columnType).optional(),
});
export type ImportSettings = z.infer<typeof importSettings>;

export const changeSummary = z.object({
  columnsAdded: z.array(z.string()),
  columnsRemoved: z.array(z.string()),
  rowsBefore: z.number().int(),
  rowsAfter: z.number().int(),
  keyColumn: z.string().nullable(),
  rowsAdded: z.number().int().nullable(),
  rowsRemoved: z.number().int().nullable(),
  rowsChanged: z.number().int().nullable(),
});
export type ChangeSummary = z.infer<typeof changeSummary>;

export const versionSummary = z.object({
  id,
  datasetId: id,
  number: z.number().int().positive(),
  createdAt: isoDateTime,
  createdBy: z.string(),
  origin: z.enum(['import', 'edits']),
  rowCount: z.number().int().min(0),
  columns: z.array(columnInfo),
  source: z
    .object({
      fileName: z.string(),
      size: z.number().int().min(0),
      sha256: z.string(),
      format: sourceFormat,
      settings: importSettings,
    })
    .nullable(),
  changes: changeSummary.nullable(),
});
export type VersionSummary = z.infer<typeof versionSummary>;

export const datasetSummary = z.object({
  id,
  name: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: z.string(),
  latestVersion: z.number().int().min(0),
  rowCount: z.number().int().min(0),
  columnCount: z.number().int().min(0),
});
export type DatasetSummary = z.infer<typeof datasetSummary>;

// ---------------------------------------------------------------- files, jobs, importing
export const fileToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const jobStatus = z.enum(['running', 'done', 'failed', 'cancelled']);
export const jobInfo = z.object({
  id: z.string(),
  kind: z.string(),
  status: jobStatus,
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  error: message.nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
});
export type JobInfo = z.infer<typeof jobInfo>;

export const previewColumn = z.object({
  name: z.string(),
  label: z.string(),
  type: columnType,
  // Why this type was chosen, as a translatable message (e.g. "leading zeros: kept as text").
  reason: message,
  errorCount: z.number().int().min(0),
});

export const importPreview = z.object({
  format: sourceFormat,
  fileName: z.string(),
  size: z.number().int().min(0),
  sheets: z.array(z.object({ index: z.number().int().min(0), name: z.string(), hidden: z.boolean() })),
  settings: importSettings,
  columns: z.array(previewColumn),
  rows: z.array(z.array(cellValue)),
  rowCount: z.number().int().min(0),
  warnings: z.array(message),
});
export type ImportPreview = z.infer<typeof importPreview>;

// ---------------------------------------------------------------- the methods
export const methods = {
  'session.status': { input: empty, output: sessionStatus, access: 'public' },
  'session.setup': {
    input: z.object({ name: userName, displayName: z.string().trim().max(120).optional(), password }),
    output: userSummary,
    access: 'public',
  },
  'session.signIn': { input: z.object({ name: z.string().max(64), password }), output: userSummary, access: 'public' },
  'session.signOut': { input: empty, output: z.object({}), access: 'agent' },

  'users.list': { input: empty, output: z.array(userSummary), access: 'admin' },
  'users.create': {
    input: z.object({ name: userName, displayName: z.string().trim().max(120).optional(), password, role }),
    output: userSummary,
    access: 'admin',
  },
  'users.disable': { input: z.object({ userId: id }), output: userSummary, access: 'admin' },
  'users.enable': { input: z.object({ userId: id }), output: userSummary, access: 'admin' },

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

  'datasets.list': { input: empty, output: z.array(datasetSummary), access: 'agent' },
  'datasets.get': {
    input: z.object({ datasetId: id }),
    output: z.object({ dataset: datasetSummary, versions: z.array(versionSummary) }),
    access: 'agent',
  },

  // Uploads go in chunks so that every transport (IPC, HTTP) carries them the same way; the
  // page never sends a path, it gets an opaque token back.
  'files.uploadStart': {
    input: z.object({ fileName: z.string().min(1).max(255), size: z.number().int().min(0) }),
    output: z.object({ uploadId: fileToken }),
    access: 'agent',
  },
  'files.uploadChunk': {
    input: z.object({ uploadId: fileToken, offset: z.number().int().min(0), base64: z.string().max(12_000_000) }),
    output: z.object({ received: z.number().int() }),
    access: 'agent',
  },
  'files.uploadFinish': { input: z.object({ uploadId: fileToken }), output: z.object({ fileToken }), access: 'agent' },

  'importing.preview': {
    input: z.object({ fileToken, settings: importSettings.default({}) }),
    output: importPreview,
    access: 'agent',
  },
  'importing.start': {
    input: z.object({
      fileToken,
      settings: importSettings,
      datasetId: id.optional(),
      datasetName: z.string().trim().min(1).max(200).optional(),
      keyColumn: z.string().optional(),
    }),
    output: z.object({ jobId: z.string() }),
    access: 'agent',
  },

  'jobs.get': { input: z.object({ jobId: z.string() }), output: jobInfo, access: 'agent' },
  'jobs.cancel': { input: z.object({ jobId: z.string() }), output: jobInfo, access: 'agent' },

  // ---- reviewing (grid): added by the reviewing capability below this line
} as const satisfies Record<string, MethodSpec>;

export type MethodName = keyof typeof methods;
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>;

// ---------------------------------------------------------------- pushed events
export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    phase: z.string(),
    done: z.number(),
    total: z.number().nullable(),
  }),
  'job.finished': jobInfo,
  'dataset.changed': z.object({ datasetId: id }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export interface PushedEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

// ---------------------------------------------------------------- replies
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
