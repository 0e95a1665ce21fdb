import { randomBytes, timingSafeEqual } from 'node:crypto';
import { openWorkspace, workspacePaths } from '../../store/workspace.ts';
import { WrongPassphraseError } from '../../store/keyfile.ts';
import { SqliteStore } from '../../store/sqlite-store.ts';
import { openDatabase } from '../../store/db.ts';
import { unwrapUserKey, userRecord, userCk, roleHoldsCk } from '../../store/users.ts';
import { USER_ROLES, type UserRole } from '../../schema/access.ts';
import type { Confidentiality } from '../../schema/taxonomy.ts';

/** The person behind a request, as every route handler sees them. */
export interface Actor {
  name: string;
  role: UserRole;
  clearance: Confidentiality;
  /** Signed in as a user (not the owner): role re-read from the users table on every request. */
  user?: boolean;
}

export interface Session {
  actor: Actor;
  /** Sent back in the x-vigil-csrf header on every state-changing request. */
  csrf: string;
  /** The confidential key, held only for an actor whose role is cleared for it. */
  ck?: Buffer;
  expires: number;
}

const SESSION_MS = 8 * 3600_000;

/** Failed attempts in a sliding minute, per key (a user name) and over all keys. */
export class Throttle {
  private readonly byKey = new Map<string, number[]>();
  private all: number[] = [];

  constructor(readonly perKey: number, readonly global: number) {}

  blocked(key: string, now = Date.now()): boolean {
    this.all = this.all.filter((t) => now - t < 60_000);
    const mine = (this.byKey.get(key) ?? []).filter((t) => now - t < 60_000);
    if (mine.length) this.byKey.set(key, mine);
    else this.byKey.delete(key);
    return mine.length >= this.perKey || this.all.length >= this.global;
  }

  fail(key: string, now = Date.now()): void {
    this.all.push(now);
    // Bounded: a flood of made-up names cannot grow the map past the global limit for long.
    if (this.byKey.size > 10_000) this.byKey.clear();
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), now]);
  }
}

/** Holds the one open store and its sessions; locked until a correct passphrase. */
export class WorkspaceSession {
  private store: SqliteStore | null = null;
  private sessions = new Map<string, Session>();
  private failures: number[] = [];
  /** Sign-in by user: 5 failures a minute per user name, 20 a minute in all. */
  readonly loginThrottle = new Throttle(5, 20);

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
      if (this.store) {
        if (!this.store.ck && store.ck) this.store.ck = Buffer.from(store.ck);
        store.close();
      } else this.store = store;
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

  /**
   * Signs a user in with their own password (their key-file slot), opening the store if it is
   * locked. Returns the session token, null for a wrong name or password, or 'throttled'.
   */
  async login(name: string, password: string): Promise<string | null | 'throttled'> {
    if (this.loginThrottle.blocked(name)) return 'throttled';
    let key: Buffer;
    let privateKey: Buffer | undefined;
    try {
      ({ key, privateKey } = await unwrapUserKey(this.workspace, name, password));
    } catch (e) {
      if (e instanceof WrongPassphraseError) {
        this.loginThrottle.fail(name);
        return null;
      }
      throw e;
    }
    try {
      if (!this.store) this.store = new SqliteStore(openDatabase(workspacePaths(this.workspace).db, key, { create: false }));
    } finally {
      key.fill(0);
    }
    // The slot alone is not enough: a removed user's row is gone even if an old slot survived.
    const user = userRecord(this.store, name);
    if (!user) {
      this.loginThrottle.fail(name);
      return null;
    }
    const ck = userCk(this.store, name, privateKey);
    privateKey?.fill(0);
    // A user who brings CK lets the store seal what they write (uploads marked confidential).
    if (ck && !this.store.ck) this.store.ck = Buffer.from(ck);
    this.store.audit(name, 'session:login', `user:${name}`, null, { role: user.role });
    return this.open({ name, role: user.role, clearance: USER_ROLES[user.role].clearance, user: true }, Date.now(), ck ?? undefined);
  }

  /** Starts a session for an authenticated actor; returns its token. */
  open(actor: Actor, now = Date.now(), ck?: Buffer): string {
    const token = randomBytes(32).toString('base64url');
    // Tests and callers that open a session for a cleared role without a key get the store's.
    const key = ck ?? (actor.clearance === 'confidential' && this.store?.ck ? this.store.ck : undefined);
    this.sessions.set(token, { actor, csrf: randomBytes(24).toString('base64url'), expires: now + SESSION_MS, ...(key && actor.clearance === 'confidential' ? { ck: key } : {}) });
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
        if (s.actor.user) {
          // A role change or removal (also from the CLI) takes effect on the next request.
          const u = userRecord(this.store, s.actor.name);
          if (!u) {
            this.sessions.delete(key);
            return null;
          }
          if (u.role !== s.actor.role) {
            s.actor = { ...s.actor, role: u.role, clearance: USER_ROLES[u.role].clearance };
            // Demoted: the key goes now. Promoted: it comes with the next sign-in (unsealing needs the password).
            if (!roleHoldsCk(u.role)) delete s.ck;
          }
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
    this.store?.ck?.fill(0);
    for (const s of this.sessions.values()) s.ck = undefined;
    this.store?.close();
    this.store = null;
    this.sessions.clear();
  }
}
