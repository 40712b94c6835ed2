import type { Handlers } from '../host/handler-context';

export const filesHandlers = {
  'files.uploadStart': ({ fileName, size }, { services }) => ({ uploadId: services.files.startUpload(fileName, size) }),
  'files.uploadChunk': ({ uploadId, offset, base64 }, { services }) => ({
    received: services.files.appendChunk(uploadId, offset, Buffer.from(base64, 'base64')),
  }),
  'files.uploadFinish': ({ uploadId }, { services }) => ({ fileToken: services.files.finishUpload(uploadId) }),
} satisfies Partial<Handlers>;
