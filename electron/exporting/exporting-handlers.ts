import { resolveVersion } from '../access/resolve';
import type { Handlers } from '../host/handler-context';
import { startExport } from './run-export';

export const exportingHandlers = {
  'export.start': (input, ctx) => ({ jobId: startExport(ctx, input) }),
  // The file is handed over only to the one who asked for it, while they may still read it.
  'export.download': async ({ exportId }, ctx) => {
    const file = ctx.services.exports.get(exportId, ctx.user.id);
    resolveVersion(ctx, file.versionId, 'read');
    return ctx.services.delivery.deliver(file);
  },
} satisfies Partial<Handlers>;
