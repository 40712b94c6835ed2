// The API of Atelier Open Data: every method once, named `capability.verb`, with the zod
// schemas of its input and output and the least role allowed to call it. Each capability
// declares its part in `shared/api/<capability>.ts`; this file is the one place that assembles
// them. Every transport (in-process, loopback HTTP, Electron IPC) goes through the one
// dispatcher that checks these schemas; types on both sides are derived from here.
import type { z } from 'zod';
import { auditMethods } from './api/audit';
import type { MethodSpec } from './api/common';
import { datasetsEvents, datasetsMethods } from './api/datasets';
import { exportingMethods } from './api/exporting';
import { filesMethods } from './api/files';
import { findingsMethods } from './api/findings';
import { importingMethods } from './api/importing';
import { jobsEvents, jobsMethods } from './api/jobs';
import { producersMethods } from './api/producers';
import { reviewingEvents, reviewingMethods } from './api/reviewing';
import { sessionMethods } from './api/session';
import { usersMethods } from './api/users';
import type { ErrorPayload } from './errors';

export * from './api/audit';
export * from './api/common';
export * from './api/datasets';
export * from './api/exporting';
export * from './api/files';
export * from './api/findings';
export * from './api/importing';
export * from './api/jobs';
export * from './api/producers';
export * from './api/reviewing';
export * from './api/session';
export * from './api/users';

// ---------------------------------------------------------------- the methods
export const methods = {
  ...sessionMethods,
  ...usersMethods,
  ...producersMethods,
  ...auditMethods,
  ...datasetsMethods,
  ...filesMethods,
  ...importingMethods,
  ...jobsMethods,
  ...reviewingMethods,
  ...exportingMethods,
  ...findingsMethods,
} as const satisfies Record<string, MethodSpec>;

export type MethodName = keyof typeof methods;
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>;

// ---------------------------------------------------------------- pushed events
export const events = {
  ...jobsEvents,
  ...datasetsEvents,
  ...reviewingEvents,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export interface PushedEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

// ---------------------------------------------------------------- replies
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
