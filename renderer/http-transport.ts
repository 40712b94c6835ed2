import type { Transport } from '../shared/api-client';
import type { PushedEvent, Reply } from '../shared/contract';

// The browser-mode transport: `POST /api/<method>` and a Server-Sent Events stream, both read
// with fetch so the same code runs in the page and in Node tests. The session id is the
// server's: every reply carries the one to send next (a new one after a sign-in or a
// sign-out), and the events stream takes token and session as query parameters.

export interface HttpTransportOptions {
  // Origin of the HTTP host, or '' for the page's own origin.
  baseUrl: string;
  token: string;
  // An id the server issued earlier (a page reloaded in the same tab), if any.
  sessionId?: string | null;
  // Told each new id, to keep it across a reload.
  onSessionId?: (id: string) => void;
}

// The header both ways; electron/host/http-host.ts uses the same name.
const sessionHeader = 'x-atelier-session';

export interface HttpTransport extends Transport {
  close(): void;
}

const reconnectMs = 1000;

function transportFailure(status: number): Reply {
  return { ok: false, error: { code: 'api.transport', params: { status } } };
}

export function createHttpTransport({ baseUrl, token, sessionId = null, onSessionId }: HttpTransportOptions): HttpTransport {
  const listeners = new Set<(event: PushedEvent) => void>();
  let stream: AbortController | null = null;
  let currentId = sessionId;

  async function readEvents(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        // The id of the moment: the server closes a stream when its session gets a new id.
        const query = new URLSearchParams({ token, session: currentId ?? '' });
        const response = await fetch(`${baseUrl}/api/events?${query}`, { signal, headers: { accept: 'text/event-stream' } });
        if (response.ok && response.body) await readFrames(response.body, signal);
      } catch {
        // The stream drops when the host restarts or the machine sleeps: reconnect below.
      }
      if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, reconnectMs));
    }
  }

  async function readFrames(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        buffer = buffer.slice(end + 2);
        if (data) for (const listener of listeners) listener(JSON.parse(data) as PushedEvent);
      }
    }
  }

  return {
    async invoke(method, input) {
      const sentWith = currentId;
      try {
        const response = await fetch(`${baseUrl}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            ...(sentWith ? { [sessionHeader]: sentWith } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
        if (!response.ok) return transportFailure(response.status);
        // A reply to a call sent with an id already replaced (calls in flight during a
        // sign-in) must not bring the old session back.
        const issued = response.headers.get(sessionHeader);
        if (issued && sentWith === currentId && issued !== currentId) {
          currentId = issued;
          onSessionId?.(issued);
        }
        return (await response.json()) as Reply;
      } catch {
        return transportFailure(0);
      }
    },
    // The stream opens with the first listener and stays open, so a job's events are not
    // lost between two screens that listen in turn.
    onEvent(listener) {
      listeners.add(listener);
      if (!stream) {
        stream = new AbortController();
        void readEvents(stream.signal);
      }
      return () => listeners.delete(listener);
    },
    close() {
      stream?.abort();
      listeners.clear();
    },
  };
}
