import { randomBytes, timingSafeEqual } from 'node:crypto';
import { openWorkspace } from '../../store/workspace.ts';
import { WrongPassphraseError } from '../../store/keyfile.ts';
import type { SqliteStore } from '../../store/sqlite-store.ts';
import { USER_ROLES, type UserRole } from '../../schema/access.ts';
import type { Confidentiality } from '../../schema/taxonomy.ts';

/** The person behind a request, as every route handler sees them. */
export interface Actor {
  name: string;
  role: UserRole;
  clearance: Confidentiality;
}

export interface Session {
  actor: Actor;
  /** Sent back in the x-vigil-csrf header on every state-changing request. */
  csrf: string;
  expires: number;
}

const SESSION_MS = 8 * 3600_000;

/** Holds the one open store and its sessions; locked until a correct passphrase. */
export class WorkspaceSession {
  private store: SqliteStore | null = null;
  private sessions = new Map<string, Session>();
  private failures: number[] = [];

  constructor(readonly workspace: string, private readonly maxAttemptsPerMinute = 5) {}

  get unlocked(): boolean {
    return this.store !== null;
  }

  /** Throttles guessing: at most maxAttemptsPerMinute failed attempts in any minute. */
  throttled(now = Date.now()): boolean {
    this.failures = this.failures.filter((t) => now - t < 60_000);
    return this.failures.length >= this.maxAttemptsPerMinute;
  }

  noteFailure(now = Date.now()): void {
    this.failures.push(now);
  }

  /** Opens the workspace; returns the owner's session token, or null for a wrong passphrase. */
  async unlock(passphrase: string): Promise<string | null> {
    try {
      // Always checks the passphrase, even when already open: a second unlock must not be free.
      const store = await openWorkspace(this.workspace, passphrase);
      if (this.store) store.close();
      else this.store = store;
    } catch (e) {
      if (e instanceof WrongPassphraseError) {
        this.noteFailure();
        return null;
      }
      throw e;
    }
    // Whoever holds the workspace passphrase holds every key: they act as its owner, an admin.
    return this.open({ name: 'owner', role: 'admin', clearance: USER_ROLES.admin.clearance });
  }

  /** Starts a session for an authenticated actor; returns its token. */
  open(actor: Actor, now = Date.now()): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { actor, csrf: randomBytes(24).toString('base64url'), expires: now + SESSION_MS });
    return token;
  }

  /** The session behind a cookie token, if it is live. Compared in constant time. */
  sessionFor(token: string | undefined, now = Date.now()): Session | null {
    if (!this.store || !token) return null;
    const given = Buffer.from(token);
    for (const [key, s] of this.sessions) {
      const k = Buffer.from(key);
      if (k.length === given.length && timingSafeEqual(k, given)) {
        if (s.expires < now) {
          this.sessions.delete(key);
          return null;
        }
        return s;
      }
    }
    return null;
  }

  get openStore(): SqliteStore | null {
    return this.store;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  lock(): void {
    this.store?.close();
    this.store = null;
    this.sessions.clear();
  }
}
