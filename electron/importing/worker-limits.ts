import { AppError } from '../../shared/errors';

// Heap limits of the threads that read and write an import. Streaming threads make short-lived
// garbage only: a small young generation keeps a 1 GB import under the memory budget
// (its default would hold 48 MB per thread). The parser may hold a whole workbook (SheetJS for
// .xls, .ods and small .xlsx): its old generation is bounded, so that a crafted file ends in a
// clear error instead of the app's memory. The writer keeps a few batches in flight at most.
export const parserLimits = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 384 };
export const writerLimits = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 128 };

// A thread past its heap limit dies with ERR_WORKER_OUT_OF_MEMORY: told to the agent as such.
export function workerFailure(error: unknown): unknown {
  if (error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError('import.out_of_memory', { limit: `${parserLimits.maxOldGenerationSizeMb} Mo` });
  }
  return error;
}
