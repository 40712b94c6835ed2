import { resolveUpload } from '../access/resolve';
import type { Handlers } from '../host/handler-context';

// An upload belongs to the user who started it (resolveUpload), and so does its file token.
export const filesHandlers = {
  'files.uploadStart': ({ fileName, size }, { services, user }) => ({ uploadId: services.files.startUpload(fileName, size, user.id) }),
  'files.uploadChunk': ({ uploadId, offset, base64 }, ctx) => {
    resolveUpload(ctx, uploadId);
    return { received: ctx.services.files.appendChunk(uploadId, offset, Buffer.from(base64, 'base64')) };
  },
  'files.uploadFinish': ({ uploadId }, ctx) => {
    resolveUpload(ctx, uploadId);
    return { fileToken: ctx.services.files.finishUpload(uploadId) };
  },
} satisfies Partial<Handlers>;
