import { resolveJob } from '../access/resolve';
import type { Handlers } from '../host/handler-context';

export const jobsHandlers = {
  'jobs.get': ({ jobId }, ctx) => ctx.services.jobs.get(resolveJob(ctx, jobId)),
  'jobs.cancel': ({ jobId }, ctx) => ctx.services.jobs.cancel(resolveJob(ctx, jobId)),
} satisfies Partial<Handlers>;
