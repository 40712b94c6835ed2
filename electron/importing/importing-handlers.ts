import type { Handlers } from '../host/handler-context';
import { previewImport, startImport } from './run-import';

// Both run off the API's thread: the preview in a parse worker, the import in an import
// worker (which starts its own parse worker) reported through jobs.*.
export const importingHandlers = {
  'importing.preview': (input, { services }) => previewImport(services, input),
  'importing.start': (input, { services, user }) => ({ jobId: startImport(services, user, input) }),
} satisfies Partial<Handlers>;
