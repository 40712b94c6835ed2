import { z } from 'zod';
import type { MethodSpec } from './common';

export const fileToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const filesMethods = {
  // Uploads go in chunks so that every transport (IPC, HTTP) carries them the same way; the
  // page never sends a path, it gets an opaque token back.
  'files.uploadStart': {
    input: z.object({ fileName: z.string().min(1).max(255), size: z.number().int().min(0) }),
    output: z.object({ uploadId: fileToken }),
    access: 'agent',
  },
  'files.uploadChunk': {
    input: z.object({ uploadId: fileToken, offset: z.number().int().min(0), base64: z.string().max(12_000_000) }),
    output: z.object({ received: z.number().int() }),
    access: 'agent',
  },
  'files.uploadFinish': { input: z.object({ uploadId: fileToken }), output: z.object({ fileToken }), access: 'agent' },
} as const satisfies Record<string, MethodSpec>;
