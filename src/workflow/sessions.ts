/**
 * Sessions of team mode (random tokens in memory, expiring after a quiet spell) and the brake on failed logins:
 * after each failed attempt for a user name from an address, that pair must wait before it may try again
 * (1, 2, 4 … up to 300 seconds); an attempt during the wait is refused without checking the password.
 */
import { randomBytes } from 'node:crypto';
import type { Identity } from './people.js';

export interface Session {
  readonly token: string;
  readonly who: Identity;
  lastSeen: number;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs = 8 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  create(who: Identity): Session {
    this.prune();
    const session: Session = { token: randomBytes(32).toString('base64url'), who, lastSeen: this.now() };
    this.sessions.set(session.token, session);
    return session;
  }

  get(token: string | undefined): Session | undefined {
    if (token === undefined) return undefined;
    const s = this.sessions.get(token);
    if (s === undefined) return undefined;
    if (this.now() - s.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return undefined;
    }
    s.lastSeen = this.now();
    return s;
  }

  end(token: string | undefined): void {
    if (token !== undefined) this.sessions.delete(token);
  }

  /** Ends every session of a user (after the account changed or was removed). */
  endFor(gebruikersnaam: string): void {
    for (const [t, s] of this.sessions) if (s.who.gebruikersnaam === gebruikersnaam) this.sessions.delete(t);
  }

  private prune(): void {
    const now = this.now();
    for (const [t, s] of this.sessions) if (now - s.lastSeen > this.idleMs) this.sessions.delete(t);
  }
}

export class LoginBrake {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly maxWaitSeconds = 300,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds this key must still wait before trying again (0: it may try now). */
  wait(key: string): number {
    const f = this.failures.get(key);
    if (f === undefined) return 0;
    return Math.max(0, Math.ceil((f.until - this.now()) / 1000));
  }

  failed(key: string): number {
    if (this.failures.size > 10_000) this.failures.clear();
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const seconds = Math.min(this.maxWaitSeconds, 2 ** (count - 1));
    this.failures.set(key, { count, until: this.now() + seconds * 1000 });
    return seconds;
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
