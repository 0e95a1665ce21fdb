import { randomBytes, timingSafeEqual } from 'node:crypto';
import { unwatchFile, watchFile } from 'node:fs';
import { openWorkspace, workspacePaths } from '../../store/workspace.ts';
import { readKeyFile, WrongPassphraseError } from '../../store/keyfile.ts';
import type { SqliteStore } from '../../store/sqlite-store.ts';
import { authenticateUser, userKeys, userRecord } from '../../store/users.ts';
import { keysFor, type FieldKeys } from '../../store/confidential.ts';
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
  /** The field keys of the actor's clearance: the owner's from the key file, a user's unsealed with their private key. */
  keys: FieldKeys;
  expires: number;
}

const SESSION_MS = 8 * 3600_000;

/**
 * Guesses at a password: each attempt is counted when it starts, before any hashing, so parallel
 * guesses cannot all slip past the limit while their hashes run; a right answer is forgiven.
 * Limits: attempts in a sliding minute per key (a user name) and in all, and attempts in flight at
 * once per key and in all (each costs an Argon2id hash: a flood must not queue up CPU and memory).
 */
export class Throttle {
  private readonly byKey = new Map<string, number[]>();
  private all: number[] = [];
  private readonly running = new Map<string, number>();
  private runningAll = 0;

  constructor(readonly perKey: number, readonly global: number, readonly concurrentPerKey = 1, readonly concurrentAll = 4) {}

  /** Starts an attempt, or returns null when a limit is reached; `end(true)` forgives it. */
  begin(key: string, now = Date.now()): { end(success: boolean): void } | null {
    this.all = this.all.filter((t) => now - t < 60_000);
    const mine = (this.byKey.get(key) ?? []).filter((t) => now - t < 60_000);
    if (mine.length) this.byKey.set(key, mine);
    else this.byKey.delete(key);
    if (mine.length >= this.perKey || this.all.length >= this.global) return null;
    if ((this.running.get(key) ?? 0) >= this.concurrentPerKey || this.runningAll >= this.concurrentAll) return null;
    // Bounded: a flood of made-up names cannot grow the map past the global limit for long.
    if (this.byKey.size > 10_000) this.byKey.clear();
    this.byKey.set(key, [...mine, now]);
    this.all.push(now);
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    this.runningAll++;
    let ended = false;
    return {
      end: (success) => {
        if (ended) return;
        ended = true;
        this.runningAll--;
        const n = (this.running.get(key) ?? 1) - 1;
        if (n > 0) this.running.set(key, n);
        else this.running.delete(key);
        if (success) {
          const drop = (list: number[]) => list.includes(now) && list.splice(list.indexOf(now), 1);
          drop(this.byKey.get(key) ?? []);
          drop(this.all);
        }
      },
    };
  }
}

/**
 * Holds the one open store and its sessions; locked until the owner's passphrase. While open it
 * watches the key file: removed (`vigil lock --panic`) or rotated (a user removed), it locks
 * itself and ends every session.
 */
export class WorkspaceSession {
  private store: SqliteStore | null = null;
  private sessions = new Map<string, Session>();
  /** Unlocking with the passphrase: 5 attempts a minute, one at a time. */
  readonly unlockThrottle: Throttle;
  /** Sign-in by user: 5 attempts a minute per user name, 20 a minute in all; one at a time per name, 4 in all. */
  readonly loginThrottle = new Throttle(5, 20, 1, 4);
  private watching: string | null = null;

  constructor(readonly workspace: string, maxAttemptsPerMinute = 5) {
    this.unlockThrottle = new Throttle(maxAttemptsPerMinute, maxAttemptsPerMinute, 1, 1);
  }

  get unlocked(): boolean {
    return this.store !== null;
  }

  /** Opens the workspace; returns the owner's session token, null for a wrong passphrase, or 'throttled'. */
  async unlock(passphrase: string): Promise<string | null | 'throttled'> {
    const attempt = this.unlockThrottle.begin('owner');
    if (!attempt) return 'throttled';
    let store: SqliteStore;
    try {
      // Always checks the passphrase, even when already open: a second unlock must not be free.
      store = await openWorkspace(this.workspace, passphrase);
    } catch (e) {
      attempt.end(false);
      if (e instanceof WrongPassphraseError) return null;
      throw e;
    }
    attempt.end(true);
    if (this.store) store.close();
    else {
      this.store = store;
      this.watchKeyFile();
    }
    // Whoever holds the workspace passphrase holds every key: they act as its owner, an admin.
    const keys = this.store.fieldKeys;
    return this.open({ name: 'owner', role: 'admin', clearance: USER_ROLES.admin.clearance }, Date.now(), { internal: Buffer.from(keys.internal!), confidential: Buffer.from(keys.confidential!) });
  }

  /**
   * Signs a user in with their own password, on a workspace the owner unlocked (a password opens
   * no database). Returns the session token, null for a wrong name or password, 'throttled', or
   * 'locked'.
   */
  async login(name: string, password: string): Promise<string | null | 'throttled' | 'locked'> {
    if (!this.store) return 'locked';
    const attempt = this.loginThrottle.begin(name);
    if (!attempt) return 'throttled';
    let ok = false;
    try {
      const { user, privateKey } = await authenticateUser(this.store, this.workspace, name, password);
      const store = this.store;
      if (!store) return 'locked';
      const keys = userKeys(store, name, privateKey);
      privateKey.fill(0);
      store.write(() => store.audit(name, 'session:login', `user:${name}`, null, { role: user.role }));
      ok = true;
      return this.open({ name, role: user.role, clearance: USER_ROLES[user.role].clearance, user: true }, Date.now(), keys);
    } catch (e) {
      if (e instanceof WrongPassphraseError) return null;
      throw e;
    } finally {
      attempt.end(ok);
    }
  }

  /** Starts a session for an authenticated actor with the keys it brought (none by default: nothing falls back to the server's). */
  open(actor: Actor, now = Date.now(), keys: FieldKeys = {}): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { actor, csrf: randomBytes(24).toString('base64url'), expires: now + SESSION_MS, keys: keysFor(actor.clearance, keys) });
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
          // A role change or removal (also from the CLI) takes effect on the next request; a row
          // whose MAC fails is no user at all.
          const u = userRecord(this.store, s.actor.name);
          if (!u) {
            this.sessions.delete(key);
            return null;
          }
          if (u.role !== s.actor.role) {
            s.actor = { ...s.actor, role: u.role, clearance: USER_ROLES[u.role].clearance };
            // Demoted: the keys above the new clearance go now. Promoted: they come with the next sign-in.
            s.keys = keysFor(s.actor.clearance, s.keys);
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

  /** Locks when the key file is gone (panic) or holds another key epoch (a rotation). */
  private watchKeyFile(): void {
    const path = workspacePaths(this.workspace).key;
    this.watching = path;
    watchFile(path, { interval: 200, persistent: false }, () => {
      if (!this.store) return;
      let epoch: number | null = null;
      try {
        epoch = readKeyFile(path).bundle.epoch;
      } catch {
        epoch = null;
      }
      if (epoch !== this.store.epoch) this.lock();
    });
  }

  lock(): void {
    if (this.watching) unwatchFile(this.watching);
    this.watching = null;
    for (const s of this.sessions.values()) for (const k of Object.values(s.keys)) k?.fill(0);
    this.sessions.clear();
    this.store?.close();
    this.store = null;
  }
}
