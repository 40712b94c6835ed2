// Exports of a version as a file: started as a job, then handed to the person by the platform
// (a one-time download link in browser mode, a save dialog in the desktop app, a path for the
// CLI).
import { z } from 'zod';
import { id, type MethodSpec } from './common';

export const exportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormat>;

// The result of a job of kind 'export'.
export const exportResult = z.object({
  exportId: z.string(),
  fileName: z.string(),
  format: exportFormat,
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportResult = z.infer<typeof exportResult>;

export const exportDelivery = z.discriminatedUnion('kind', [
  // Browser mode: the page opens this same-origin address once to download the file.
  z.object({ kind: z.literal('link'), url: z.string() }),
  // The file was written where the person (or the CLI) chose.
  z.object({ kind: z.literal('saved'), path: z.string() }),
]);
export type ExportDelivery = z.infer<typeof exportDelivery>;

export const exportingMethods = {
  'export.start': {
    input: z.object({
      versionId: id,
      format: exportFormat,
      // true: cells are written as stored, formula-like ones included (explicit choice only).
      raw: z.boolean().default(false),
    }),
    output: z.object({ jobId: z.string() }),
    access: 'agent',
  },
  'export.download': { input: z.object({ exportId: z.string().min(1).max(64) }), output: exportDelivery, access: 'agent' },
} as const satisfies Record<string, MethodSpec>;
