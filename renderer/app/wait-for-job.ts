import type { ApiClient } from '../../shared/api-client';
import type { EventName, EventPayload, JobInfo, PushedEvent } from '../../shared/contract';

function isEvent<E extends EventName>(event: PushedEvent, name: E): event is PushedEvent<E> {
  return event.name === name;
}

// Starts a job and resolves with its end. The listener is on before the start call: a short
// job may finish before its id comes back.
export function runJob(
  api: ApiClient,
  start: () => Promise<{ jobId: string }>,
  onProgress: (progress: EventPayload<'job.progress'>) => void,
): Promise<JobInfo> {
  return new Promise((resolveJob, reject) => {
    let jobId: string | null = null;
    const finishedEarly = new Map<string, JobInfo>();
    const stop = api.onEvent((event) => {
      if (isEvent(event, 'job.progress') && event.payload.jobId === jobId) onProgress(event.payload);
      if (!isEvent(event, 'job.finished')) return;
      if (event.payload.id !== jobId) finishedEarly.set(event.payload.id, event.payload);
      else {
        stop();
        resolveJob(event.payload);
      }
    });
    start().then(
      (started) => {
        jobId = started.jobId;
        const early = finishedEarly.get(started.jobId);
        if (early) {
          stop();
          resolveJob(early);
        }
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}
