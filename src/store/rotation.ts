/**
 * Key rotation, when a user is removed or loses clearance: a new database key (SQLCipher
 * `PRAGMA rekey`) and new internal and confidential field keys, every sealed field sealed again
 * and the new field keys sealed to the users who keep them. The integrity key stays: users never
 * hold it, and the audit chain's past entries are MAC'd under it.
 *
 * Crash-safe in three steps: (1) the key file gets the new bundle and keeps the old one as
 * `previous` — a running server sees the epoch change and locks itself, releasing the database;
 * (2) the fields are sealed again and the database records the new field epoch in one transaction,
 * then the database is re-keyed (SQLite3MultipleCiphers re-keys only outside WAL mode);
 * (3) `previous` is dropped. A crash anywhere opens with whichever keys the database has.
 */
import { newKeys, sealBundle, updateKeyFile, type WorkspaceKeys } from './keyfile.ts';
import { WorkspaceError } from './workspace.ts';
import type { SqliteStore } from './sqlite-store.ts';
import { aadOf, gcm, ungcm, type SealLevel } from './confidential.ts';

export interface RotationResult {
  epoch: number;
  fields: number;
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every sealed field: opened with its level's old key, sealed under the new one, same binding. */
function resealFields(store: SqliteStore, from: WorkspaceKeys, to: WorkspaceKeys): number {
  const db = store.db;
  const upd = db.prepare('UPDATE sealed_fields SET iv = ?, tag = ?, ct = ? WHERE tbl = ? AND row_id = ? AND field = ?');
  let n = 0;
  for (const r of db.prepare('SELECT tbl, row_id, field, level, iv, tag, ct FROM sealed_fields').all() as { tbl: string; row_id: number; field: string; level: SealLevel; iv: Buffer; tag: Buffer; ct: Buffer }[]) {
    const aad = aadOf(r.tbl, r.row_id, r.field, r.level);
    const plain = ungcm(from[r.level], r, aad);
    const b = gcm(to[r.level], plain, aad);
    plain.fill(0);
    upd.run(b.iv, b.tag, b.ct, r.tbl, r.row_id, r.field);
    n++;
  }
  return n;
}

/** Waits until this is the only connection (a running server locks itself on the epoch change). */
async function leaveWal(store: SqliteStore): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      if ((store.db.pragma('journal_mode=DELETE', { simple: true }) as string) === 'delete') return;
    } catch (e) {
      if (!/locked|busy/i.test((e as Error).message)) throw e;
    }
    await sleep(100);
  }
  throw new WorkspaceError('Another program keeps the workspace open, so its keys could not be rotated; stop it and run the command again (the workspace still opens with the passphrase).');
}

/** `resealUsers` seals the store's new field keys to every user who keeps them (users.ts knows the roles). */
export async function rotateKeys(store: SqliteStore, wmk: Buffer, actor: string, reason: string, resealUsers: () => void): Promise<RotationResult> {
  const started = performance.now();
  const old: WorkspaceKeys = { ...store.keys };
  const next = newKeys(Buffer.from(store.keys.integrity));
  let epoch = 0;
  updateKeyFile(store.keyFile, (f) => {
    epoch = f.bundle.epoch + 1;
    return { ...f, bundle: sealBundle(wmk, next, epoch), previous: f.bundle };
  });
  // The store works under the new keys from here; its write() anchors for the new epoch.
  Object.assign(store.keys, { internal: next.internal, confidential: next.confidential });
  store.epoch = epoch;
  let fields = 0;
  store.write(() => {
    fields = resealFields(store, old, next);
    resealUsers();
    store.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('field_epoch', ?)").run(String(epoch));
    store.audit(actor, 'keys:rotate', 'workspace', null, { epoch, reason, fields });
  });
  await leaveWal(store);
  store.db.pragma(`rekey="x'${next.db.toString('hex')}'"`);
  store.db.pragma('journal_mode=WAL');
  store.keys.db.fill(0);
  store.keys.db = next.db;
  updateKeyFile(store.keyFile, (f) => {
    const { previous: _gone, ...rest } = f;
    return rest;
  });
  old.internal.fill(0);
  old.confidential.fill(0);
  return { epoch, fields, ms: Math.round(performance.now() - started) };
}
