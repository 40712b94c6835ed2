import { resolveDataset } from '../access/resolve';
import type { Handlers } from '../host/handler-context';
import { previewImport, startImport } from './run-import';

// Both run off the API's thread: the preview in a parse worker, the import in an import
// worker (which starts its own parse worker) reported through jobs.*.
export const importingHandlers = {
  'importing.preview': (input, { services }) => previewImport(services, input),
  'importing.start': (input, ctx) => {
    // A new version of an existing dataset is an edit of it; a new dataset is the caller's own.
    if (input.datasetId !== undefined) resolveDataset(ctx, input.datasetId, 'edit');
    return { jobId: startImport(ctx.services, ctx.user, input) };
  },
} satisfies Partial<Handlers>;
