import { resolveDataset, resolveFile, resolveNewDatasetProducer } from '../access/resolve';
import type { Handlers } from '../host/handler-context';
import { previewImport, startImport } from './run-import';

// Both run off the API's thread: the preview in a parse worker, the import in an import
// worker (which starts its own parse worker) reported through jobs.*.
export const importingHandlers = {
  'importing.preview': (input, ctx) => previewImport(resolveFile(ctx, input.fileToken), input.settings),
  'importing.start': (input, ctx) => {
    const file = resolveFile(ctx, input.fileToken);
    // A new version of an existing dataset is an edit of it; a new dataset goes to a producer
    // the caller belongs to.
    const target =
      input.datasetId !== undefined
        ? { datasetId: resolveDataset(ctx, input.datasetId, 'edit').datasetId, producerId: null }
        : { datasetId: null, producerId: resolveNewDatasetProducer(ctx, input.producerId) };
    return { jobId: startImport(ctx.services, ctx.user, file, input, target) };
  },
} satisfies Partial<Handlers>;
