import type { Session } from '../host/handler-context';

// Pushed events (job progress, dataset changes) go only to the sessions where someone is
// signed in: a window still on the sign-in screen learns nothing about the workspace.
export function eventRecipients(sessions: ReadonlyMap<string, Pick<Session, 'user'>>): string[] {
  const keys: string[] = [];
  for (const [key, session] of sessions) if (session.user !== null) keys.push(key);
  return keys;
}
