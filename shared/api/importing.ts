// Import settings, detected dialects and the preview.
import { z } from 'zod';
import { cellValue, columnType, id, message, type MethodSpec } from './common';
import { fileToken } from './files';

export const sourceFormat = z.enum(['csv', 'xlsx', 'xls', 'ods']);
export type SourceFormat = z.infer<typeof sourceFormat>;

// The encodings French files come in, offered first; then every other single-byte encoding
// the CSV reader can decode (iconv-lite's list: test/unit/importing/encodings.test.ts checks it).
export const frenchEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-15', 'cp850'] as const;
export const otherEncodings = [
  'iso-8859-1', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8',
  'iso-8859-9', 'iso-8859-10', 'iso-8859-11', 'iso-8859-13', 'iso-8859-14', 'iso-8859-16',
  'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257',
  'windows-1258', 'windows-874',
  'cp437', 'cp720', 'cp737', 'cp775', 'cp808', 'cp852', 'cp855', 'cp856', 'cp857', 'cp858', 'cp860', 'cp861', 'cp862',
  'cp863', 'cp864', 'cp865', 'cp866', 'cp869', 'cp922', 'cp1046', 'cp1124', 'cp1125', 'cp1129', 'cp1133', 'cp1161',
  'cp1162', 'cp1163',
  'koi8-r', 'koi8-u', 'koi8-ru', 'koi8-t', 'mik', 'rk1048', 'pt154', 'armscii-8', 'georgian-academy', 'georgian-ps',
  'tcvn', 'viscii', 'tis-620', 'hp-roman8', 'iso-646-cn', 'iso-646-jp', 'ascii',
  'macintosh', 'mac-roman', 'mac-centeuro', 'mac-croatian', 'mac-cyrillic', 'mac-greek', 'mac-iceland', 'mac-romania',
  'mac-thai', 'mac-turkish', 'mac-ukraine',
] as const;
export const encoding = z.enum([...frenchEncodings, ...otherEncodings]);
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
