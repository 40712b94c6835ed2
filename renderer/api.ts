import { createApiClient, type Transport } from '../shared/api-client';
import { createHttpTransport } from './http-transport';

// The desktop preload exposes exactly a Transport as `window.atelier`; in a plain browser
// (browser mode, end-to-end tests) the page talks to the loopback HTTP host instead.
declare global {
  interface Window {
    atelier?: Transport;
  }
}

const tokenKey = 'atelier.token';
const sessionIdKey = 'atelier.session';

// The launch token arrives in the URL fragment (never sent to a server); it moves to
// sessionStorage at once and leaves the address bar, history and screenshots.
function takePageToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(tokenKey, decodeURIComponent(match[1]!));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(tokenKey);
}


const token = window.atelier ? null : takePageToken();

export const missingToken = !window.atelier && !token;

// One session per page, under the id the host issued (kept across reloads of the same tab),
// so two tabs can be signed in as two different people.
const transport: Transport =
  window.atelier ??
  createHttpTransport({
    baseUrl: '',
    token: token ?? '',
    sessionId: sessionStorage.getItem(sessionIdKey),
    onSessionId: (id) => sessionStorage.setItem(sessionIdKey, id),
  });

// A session can end under the page (account disabled, host restarted): any call that comes
// back "not signed in" tells the app shell, which returns to the sign-in page.
export const sessionEndedEvent = 'atelier:session-ended';

export const api = createApiClient({
  async invoke(method, input) {
    const reply = await transport.invoke(method, input);
    if (!reply.ok && reply.error.code === 'auth.not_signed_in') window.dispatchEvent(new Event(sessionEndedEvent));
    return reply;
  },
  onEvent: (listener) => transport.onEvent(listener),
});
