// The review grid, edits, comments and compare (findings: ./findings.ts).
import { z } from 'zod';
import { cellValue, columnType, colId, id, isoDateTime, versionRef, type MethodSpec } from './common';
import { rowFinding } from './findings';

// The grid's sort and filter models as AG Grid sends them; the service turns them into
// parameterized SQL after checking every column id against the version's columns.
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
  // Open findings on this row's cells ('' = the whole row), and columns with a comment.
  findings: z.array(rowFinding),
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

// A cell (or, column null, a whole row) that the person's pending edits and a version saved
// meanwhile both changed: both values, and the person's choice once made.
export const editConflict = z.object({
  rowId: id,
  column: z.string().nullable(),
  label: z.string().nullable(),
  base: cellValue,
  mine: cellValue,
  theirs: cellValue,
  // For a whole row: who deleted it (the other side changed it).
  deleted: z.enum(['mine', 'theirs']).nullable(),
  choice: z.enum(['mine', 'theirs']).nullable(),
});
export const editConflicts = z.object({
  latestVersionId: id,
  latestNumber: z.number().int().positive(),
  // Who saved the newest version (null when there is nothing to carry over).
  savedBy: z.string().nullable(),
  total: z.number().int().min(0),
  conflicts: z.array(editConflict),
});
export type EditConflicts = z.infer<typeof editConflicts>;

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

export const reviewingMethods = {
  // ---- reviewing (grid): added by the reviewing capability below this line
  'grid.rows': {
    input: gridView.extend({ startRow: z.number().int().min(0), endRow: z.number().int().min(1) }).refine(
      (v) => v.endRow > v.startRow && v.endRow - v.startRow <= 1000,
      { path: ['endRow'] },
    ),
    output: z.object({ rows: z.array(gridRow), rowCount: z.number().int().min(0) }),
    access: 'agent',
  },
  // Where a row stands in the current view (sorted, filtered): the findings list jumps there.
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
      column: colId.nullable().default(null),
      matchCase: z.boolean().default(false),
      wholeCell: z.boolean().default(false),
      apply: z.boolean().default(false),
    }),
    output: editState.extend({ matches: z.number().int(), skipped: z.number().int() }),
    access: 'agent',
  },
      // null: every column.
      // false: only count the cells that would change (the dialog's preview).
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
  // After someone else saved the version: what the person's pending edits clash with.
  'edits.conflicts': { input: versionRef, output: editConflicts, access: 'agent' },
  // Keep my value ('mine') or take the saved one ('theirs'), for these conflicts.
  'edits.resolveConflicts': {
    input: versionRef.extend({
      choice: z.enum(['mine', 'theirs']),
      cells: z.array(z.object({ rowId: id, column: colId.nullable() })).min(1).max(1000),
    }),
    output: editConflicts,
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
      keyColumn: colId.nullable().default(null),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: compareResult,
    access: 'agent',
  },
} as const satisfies Record<string, MethodSpec>;

export const reviewingEvents = {
  // Pending edits of a version changed (another window refreshes its grid).
  'edits.changed': z.object({ versionId: id }),
} as const;
