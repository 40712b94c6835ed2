// Import settings, detected dialects and the preview.
import { z } from 'zod';
import { cellValue, columnType, id, message, type MethodSpec } from './common';
import { fileToken } from './files';

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


export const importingMethods = {
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
      // The producer a new dataset belongs to; by default the caller's only one.
      producerId: id.optional(),
      keyColumn: z.string().optional(),
    }),
    output: z.object({ jobId: z.string() }),
    access: 'agent',
  },
} as const satisfies Record<string, MethodSpec>;
