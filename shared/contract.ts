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
// The rule the services enforce (users.weak_password) and the screens state.
export const minPasswordLength = 12;
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


// ---------------------------------------------------------------- reviewing (grid, edits, flags, comments, compare)
// The grid's sort and filter models as AG Grid sends them; the service turns them into
// parameterized SQL after checking every column id against the version's columns.
const colId = z.string().min(1).max(64);
export const sortModel = z.array(z.object({ colId, sort: z.enum(['asc', 'desc']) })).max(12);
const textCondition = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(1000).nullish(),
});
const rangeTypes = z.enum([
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
]);
const numberCondition = z.object({
  filterType: z.literal('number'),
  type: rangeTypes,
  filter: z.number().finite().nullish(),
  filterTo: z.number().finite().nullish(),
});
const dateCondition = z.object({
  filterType: z.literal('date'),
  type: rangeTypes,
  dateFrom: z.string().max(32).nullish(),
  dateTo: z.string().max(32).nullish(),
});
const setCondition = z.object({ filterType: z.literal('set'), values: z.array(cellValue).max(1000) });
const combined = <T extends z.ZodType>(filterType: 'text' | 'number' | 'date', condition: T) =>
  z.object({ filterType: z.literal(filterType), operator: z.enum(['AND', 'OR']), conditions: z.array(condition).min(1).max(4) });
export const columnFilter = z.union([
  combined('text', textCondition),
  combined('number', numberCondition),
  combined('date', dateCondition),
  textCondition,
  numberCondition,
  dateCondition,
  setCondition,
]);
export type ColumnFilter = z.infer<typeof columnFilter>;
export type FilterCondition = z.infer<typeof textCondition | typeof numberCondition | typeof dateCondition>;
export const filterModel = z.record(colId, columnFilter);
export type FilterModel = z.infer<typeof filterModel>;
export type SortModel = z.infer<typeof sortModel>;

export const gridView = z.object({
  versionId: id,
  sortModel: sortModel.default([]),
  filterModel: filterModel.default({}),
  quickFilter: z.string().max(200).default(''),
});
export type GridView = z.output<typeof gridView>;

export const gridRow = z.object({
  id,
  // In the order of the version's columns.
  values: z.array(cellValue),
  // Columns with a flag on this row ('' = the whole row), and with a comment.
  flagged: z.array(z.string()),
  commented: z.array(z.string()),
});
export type GridRow = z.infer<typeof gridRow>;

const bound = z.union([z.number(), z.string()]).nullable();
export const columnProfile = z.object({
  column: z.string(),
  type: columnType,
  count: z.number().int(),
  blanks: z.number().int(),
  distinct: z.number().int(),
  min: bound,
  max: bound,
  // Dates: the mean day as YYYY-MM-DD.
  mean: bound,
  top: z.array(z.object({ value: cellValue, count: z.number().int() })),
  histogram: z.array(z.object({ from: bound, to: bound, count: z.number().int() })),
});
export type ColumnProfile = z.infer<typeof columnProfile>;

export const editState = z.object({
  versionId: id,
  // Edits not yet saved as a version (undone ones excluded).
  pending: z.number().int().min(0),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  rowCount: z.number().int().min(0),
});
export type EditState = z.infer<typeof editState>;

export const editKind = z.enum(['cell', 'add_row', 'delete_rows', 'replace', 'fill_down']);
export const editLogEntry = z.object({
  id,
  kind: editKind,
  by: z.string(),
  at: isoDateTime,
  state: z.enum(['done', 'undone', 'discarded', 'saved']),
  changeCount: z.number().int(),
  // The first changes of the group (a replace may touch thousands of cells).
  changes: z.array(z.object({ rowId: id, column: z.string().nullable(), old: cellValue, new: cellValue })),
});

export const flagEntry = z.object({
  id,
  rowId: id,
  column: z.string().nullable(),
  kind: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const commentEntry = z.object({
  id,
  rowId: id.nullable(),
  column: z.string().nullable(),
  body: z.string(),
  author: z.string(),
  at: isoDateTime,
});
export type CommentEntry = z.infer<typeof commentEntry>;

export const diffStatus = z.enum(['added', 'removed', 'changed']);
export const compareResult = z.object({
  keyColumn: z.string().nullable(),
  columns: z.array(z.string()),
  columnsAdded: z.array(z.string()),
  columnsRemoved: z.array(z.string()),
  summary: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  }),
  total: z.number().int(),
  rows: z.array(
    z.object({
      status: diffStatus,
      fromRowId: id.nullable(),
      toRowId: id.nullable(),
      // Values of `columns`, on each side.
      from: z.array(cellValue).nullable(),
      to: z.array(cellValue).nullable(),
      changedColumns: z.array(z.string()),
    }),
  ),
});
export type CompareResult = z.infer<typeof compareResult>;

const versionRef = z.object({ versionId: id });

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
  'grid.rows': {
    input: gridView.extend({ startRow: z.number().int().min(0), endRow: z.number().int().min(1) }).refine(
      (v) => v.endRow > v.startRow && v.endRow - v.startRow <= 1000,
      { path: ['endRow'] },
    ),
    output: z.object({ rows: z.array(gridRow), rowCount: z.number().int().min(0) }),
    access: 'agent',
  },
  // Where a row stands in the current view (sorted, filtered): the flags list jumps there.
  'grid.rowIndex': {
    input: gridView.extend({ rowId: id }),
    output: z.object({ index: z.number().int().min(0).nullable() }),
    access: 'agent',
  },
  'grid.distinctValues': {
    input: z.object({ versionId: id, column: colId }),
    output: z.object({ values: z.array(z.object({ value: cellValue, count: z.number().int() })), complete: z.boolean() }),
    access: 'agent',
  },
  'grid.profile': { input: z.object({ versionId: id, column: colId }), output: columnProfile, access: 'agent' },

  'edits.state': { input: versionRef, output: editState, access: 'agent' },
  'edits.log': {
    input: versionRef.extend({ limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(editLogEntry),
    access: 'agent',
  },
  'edits.setCell': {
    input: versionRef.extend({ rowId: id, column: colId, value: z.string().max(100_000).nullable() }),
    output: editState,
    access: 'agent',
  },
  'edits.undo': { input: versionRef, output: editState, access: 'agent' },
  'edits.redo': { input: versionRef, output: editState, access: 'agent' },
  'edits.addRow': { input: versionRef, output: editState.extend({ rowId: id }), access: 'agent' },
  'edits.deleteRows': {
    input: versionRef.extend({ rowIds: z.array(id).min(1).max(100_000) }),
    output: editState,
    access: 'agent',
  },
  'edits.findReplace': {
    input: versionRef.extend({
      find: z.string().min(1).max(1000),
      replace: z.string().max(1000),
      // null: every column.
      column: colId.nullable().default(null),
      matchCase: z.boolean().default(false),
      wholeCell: z.boolean().default(false),
      // false: only count the cells that would change (the dialog's preview).
      apply: z.boolean().default(false),
    }),
    output: editState.extend({ matches: z.number().int(), skipped: z.number().int() }),
    access: 'agent',
  },
  // Copies the first row's cell of each column to the other rows, in the order given.
  'edits.fillDown': {
    input: versionRef.extend({ columns: z.array(colId).min(1).max(200), rowIds: z.array(id).min(2).max(100_000) }),
    output: editState,
    access: 'agent',
  },
  'edits.save': {
    input: versionRef,
    output: z.object({ versionId: id, number: z.number().int().positive(), datasetId: id }),
    access: 'agent',
  },

  'flags.list': {
    input: versionRef.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ total: z.number().int(), flags: z.array(flagEntry) }),
    access: 'agent',
  },
  'comments.list': { input: versionRef, output: z.array(commentEntry), access: 'agent' },
  'comments.add': {
    input: versionRef
      .extend({ rowId: id.nullable().default(null), column: colId.nullable().default(null), body: z.string().trim().min(1).max(4000) })
      .refine((v) => v.rowId !== null || v.column !== null, { path: ['rowId'] }),
    output: commentEntry,
    access: 'agent',
  },

  'compare.versions': {
    input: z.object({
      fromVersionId: id,
      toVersionId: id,
      // null: compare by row position.
      keyColumn: colId.nullable().default(null),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: compareResult,
    access: 'agent',
  },
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
  // Pending edits of a version changed (another window refreshes its grid).
  'edits.changed': z.object({ versionId: id }),
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
