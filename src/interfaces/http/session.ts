import { randomBytes, timingSafeEqual } from 'node:crypto';
import { openWorkspace } from '../../store/workspace.ts';
import { WrongPassphraseError } from '../../store/keyfile.ts';
import type { SqliteStore } from '../../store/sqlite-store.ts';

/** Holds the one open store and the session token that unlocked it; locked until a correct passphrase. */
export class WorkspaceSession {
  private store: SqliteStore | null = null;
  private token: Buffer | null = null;
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

  /** Opens the workspace; returns a fresh session token, or null for a wrong passphrase. */
  async unlock(passphrase: string): Promise<string | null> {
    try {
      // Always checks the passphrase, even when already open: a second unlock must not be free.
      const store = await openWorkspace(this.workspace, passphrase);
      this.store?.close();
      this.store = store;
    } catch (e) {
      if (e instanceof WrongPassphraseError) {
        this.failures.push(Date.now());
        return null;
      }
      throw e;
    }
    const token = randomBytes(32);
    this.token = token;
    return token.toString('base64url');
  }

  /** The store, if the token is the current session's. */
  storeFor(token: string | undefined): SqliteStore | null {
    if (!this.store || !this.token || !token) return null;
    const given = Buffer.from(token, 'base64url');
    if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) return null;
    return this.store;
  }

  lock(): void {
    this.store?.close();
    this.store = null;
    this.token = null;
  }
}
