import { z } from 'zod';
import { message, type MethodSpec } from './common';

export const jobStatus = z.enum(['running', 'done', 'failed', 'cancelled']);
export const jobInfo = z.object({
  id: z.string(),
  kind: z.string(),
  status: jobStatus,
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  error: message.nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
});
export type JobInfo = z.infer<typeof jobInfo>;

export const jobsMethods = {
  'jobs.get': { input: z.object({ jobId: z.string() }), output: jobInfo, access: 'agent' },
  'jobs.cancel': { input: z.object({ jobId: z.string() }), output: jobInfo, access: 'agent' },
} as const satisfies Record<string, MethodSpec>;

export const jobsEvents = {
  'job.progress': z.object({
    jobId: z.string(),
    phase: z.string(),
    done: z.number(),
    total: z.number().nullable(),
  }),
  'job.finished': jobInfo,
} as const;
