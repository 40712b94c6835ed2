import type { Handlers } from '../host/handler-context';

export const jobsHandlers = {
  'jobs.get': ({ jobId }, { services }) => services.jobs.get(jobId),
  'jobs.cancel': ({ jobId }, { services }) => services.jobs.cancel(jobId),
} satisfies Partial<Handlers>;
