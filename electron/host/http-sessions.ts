import { randomBytes } from 'node:crypto';
import type { Session } from './handler-context';

// The HTTP door's sessions. The server mints every id (a client cannot choose one, so it
// cannot plant one either), gives a new id whenever who is signed in changes, and forgets a
// session after an idle time, after an absolute lifetime, or when too many are open.
export interface SessionLimits {
  idleMs: number;
  lifetimeMs: number;
  max: number;
}

export const defaultSessionLimits: SessionLimits = {
  idleMs: 30 * 60_000,
  lifetimeMs: 10 * 60 * 60_000,
  max: 500,
};

interface Entry {
  session: Session;
  // When this id was minted: a sign-in mints a new one, so the lifetime runs from there.
  issuedAt: number;
  usedAt: number;
}

export class HttpSessions {
  // Kept in order of last use: the first entry is the one to evict.
  private readonly byId = new Map<string, Entry>();

  constructor(
    private readonly newSession: () => Session,
    private readonly limits: SessionLimits,
    // Told about every session that ends, to close its event streams.
    private readonly onEnd: (session: Session) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  // The live session an id names, without touching it (event streams).
  find(id: string | null | undefined): Session | undefined {
    const entry = id ? this.byId.get(id) : undefined;
    if (!entry || !id) return undefined;
    if (this.expired(entry)) {
      this.end(id);
      return undefined;
    }
    return entry.session;
  }

  // The session a call names, or a new one with nobody signed in; `id` goes back in the reply.
  use(id: string | null | undefined): { id: string; session: Session } {
    const session = this.find(id);
    if (id && session) {
      const entry = this.byId.get(id)!;
      this.byId.delete(id);
      entry.usedAt = this.now();
      this.byId.set(id, entry);
      return { id, session };
    }
    return this.add(this.newSession());
  }

  // After a call that changed who is signed in: the old id stops working. A sign-in keeps its
  // session under a new id; a sign-out ends it and the page starts again with a fresh one.
  reissue(id: string): string {
    const entry = this.byId.get(id);
    this.byId.delete(id);
    if (entry) this.onEnd(entry.session);
    if (!entry?.session.user) return this.add(this.newSession()).id;
    return this.add(entry.session).id;
  }

  end(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    this.onEnd(entry.session);
  }

  sweep(): void {
    for (const [id, entry] of this.byId) if (this.expired(entry)) this.end(id);
  }

  private add(session: Session): { id: string; session: Session } {
    while (this.byId.size >= this.limits.max) this.end(this.byId.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    this.byId.set(id, { session, issuedAt: now, usedAt: now });
    return { id, session };
  }

  private expired(entry: Entry): boolean {
    const now = this.now();
    return now - entry.usedAt > this.limits.idleMs || now - entry.issuedAt > this.limits.lifetimeMs;
  }
}
