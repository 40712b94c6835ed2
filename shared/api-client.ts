import type { MethodInput, MethodName, MethodOutput, PushedEvent, Reply } from './contract';
import type { ErrorPayload } from './errors';

// What a transport must do: carry one call to the dispatcher and bring pushed events back.
// In-process, HTTP+SSE and Electron IPC all implement this; the client on top is the same.
export interface Transport {
  invoke(method: string, input: unknown): Promise<Reply>;
  onEvent(listener: (event: PushedEvent) => void): () => void;
}

export class ApiError extends Error {
  readonly error: ErrorPayload;
  constructor(error: ErrorPayload) {
    super(error.code);
    this.name = 'ApiError';
    this.error = error;
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  // For tests and callers that branch on the error code rather than catch.
  reply<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>>;
  onEvent: Transport['onEvent'];
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const reply = await transport.invoke(method, input);
      if (!reply.ok) throw new ApiError(reply.error);
      return reply.value as never;
    },
    reply: (method, input) => transport.invoke(method, input) as never,
    onEvent: (listener) => transport.onEvent(listener),
  };
}
