import { createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { Session } from '../host/handler-context';
import { nameKey } from '../users/name-key';
import type { Db } from '../workspace/open-workspace';

// After 3 failures each further attempt waits a little longer; at 5 the account locks for
// 15 minutes. A successful sign-in resets the count.
export const slowDownAfter = 3;
export const lockAfter = 5;
export const lockMinutes = 15;
// One client (a window, a page, a CLI run) may fail this many sign-ins per window, whatever
// the names: enough for two accounts' worth of typing mistakes, too few to lock a whole team.
export const clientFailureLimit = 2 * lockAfter;
export const clientWindowMs = 10 * 60_000;
// Failure rows in the audit log per minute; past it they are counted, and the count goes
// into the next row written.
export const failureRowsPerMinute = 20;
// Names without an account tracked at once; the oldest go first.
const maxUnknownNames = 10_000;

export type Reservation = { attempt: number } | { lockedUntil: string };

interface Counter {
  failures: number;
  lockedUntil: number | null;
}

// What sign-in must remember without storing it: attempts on names that have no account
// (answered exactly like accounts, lock included, so that names cannot be discovered) and
// the audit rate. Unknown names are kept only as an HMAC under a key that lives in memory,
// so a name typed by mistake (often a password) is never written anywhere.
export class SignInGuard {
  private readonly secret = randomBytes(32);
  private readonly unknown = new Map<string, Counter>();
  private audit = { windowStart: 0, rows: 0, suppressed: 0 };

  constructor(private readonly now: () => number = Date.now) {}

  // Counts this client's attempt before any work; the returned function takes it back when
  // the attempt did not fail (success, or refused without checking the password).
  reserveClient(session: Session): () => void {
    const now = this.now();
    const recent = session.failedSignIns.filter((at) => at > now - clientWindowMs);
    if (recent.length >= clientFailureLimit) {
      session.failedSignIns = recent;
      throw new AppError('auth.slow_down', { seconds: Math.ceil((recent[0]! + clientWindowMs - now) / 1000) });
    }
    recent.push(now);
    session.failedSignIns = recent;
    return () => {
      const index = session.failedSignIns.indexOf(now);
      if (index >= 0) session.failedSignIns.splice(index, 1);
    };
  }

  // The same rule as accounts (sign-in.ts reserveAttempt), synchronously: no await between
  // the check and the count, so attempts made at once are counted one after the other.
  reserveUnknown(name: string): Reservation {
    const key = this.keyOf(name);
    const now = this.now();
    let counter = this.unknown.get(key);
    this.unknown.delete(key);
    if (!counter || (counter.lockedUntil !== null && counter.lockedUntil <= now)) counter = { failures: 0, lockedUntil: null };
    this.unknown.set(key, counter);
    if (this.unknown.size > maxUnknownNames) this.unknown.delete(this.unknown.keys().next().value!);
    if (counter.lockedUntil === null && counter.failures >= lockAfter) counter.lockedUntil = now + lockMinutes * 60_000;
    if (counter.lockedUntil !== null) return { lockedUntil: new Date(counter.lockedUntil).toISOString() };
    counter.failures += 1;
    return { attempt: counter.failures };
  }

  // After a failed check: the lock time if this failure locked the name.
  failUnknown(name: string): string | null {
    const counter = this.unknown.get(this.keyOf(name));
    if (!counter || counter.failures < lockAfter) return null;
    counter.lockedUntil ??= this.now() + lockMinutes * 60_000;
    return new Date(counter.lockedUntil).toISOString();
  }

  // Failure rows are rate-limited: a flood of guesses must not flood the log.
  recordFailure(db: Db, entry: { target: string | null; action: string; details: Record<string, unknown> }): void {
    const now = this.now();
    if (now - this.audit.windowStart >= 60_000) this.audit = { windowStart: now, rows: 0, suppressed: this.audit.suppressed };
    if (this.audit.rows >= failureRowsPerMinute) {
      this.audit.suppressed += 1;
      return;
    }
    this.audit.rows += 1;
    const suppressed = this.audit.suppressed;
    this.audit.suppressed = 0;
    recordAudit(db, { actor: null, action: entry.action, target: entry.target, details: suppressed ? { ...entry.details, suppressed } : entry.details });
  }

  private keyOf(name: string): string {
    return createHmac('sha256', this.secret).update(nameKey(name)).digest('base64url');
  }
}
