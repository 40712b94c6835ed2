import { z } from 'zod';
import { columnType, empty, id, isoDateTime, type MethodSpec } from './common';
import { importSettings, sourceFormat } from './importing';


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
  // The organisation the dataset belongs to (see shared/api/producers.ts).
  producerId: id,
  producerName: z.string(),
  latestVersion: z.number().int().min(0),
  rowCount: z.number().int().min(0),
  columnCount: z.number().int().min(0),
});
export type DatasetSummary = z.infer<typeof datasetSummary>;

// What the caller may do with a dataset, as the one permission check (electron/access) found:
// the page shows or hides its actions from this, the services refuse the rest anyway.
// `edit` is about the latest version: older versions are read-only for everyone.
export const datasetAccess = z.object({
  read: z.boolean(),
  edit: z.boolean(),
  review: z.boolean(),
  administer: z.boolean(),
});
export type DatasetAccess = z.infer<typeof datasetAccess>;

export const datasetsMethods = {
  'datasets.list': { input: empty, output: z.array(datasetSummary), access: 'agent' },
  'datasets.get': {
    input: z.object({ datasetId: id }),
    output: z.object({ dataset: datasetSummary, versions: z.array(versionSummary), can: datasetAccess }),
    access: 'agent',
  },
} as const satisfies Record<string, MethodSpec>;

export const datasetsEvents = {
  'dataset.changed': z.object({ datasetId: id }),
} as const;
