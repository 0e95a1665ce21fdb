/**
 * A workspace is a folder (mode 0700): the encrypted database and the key file that unlocks it.
 * Nothing else is written there, so a seized folder shows only ciphertext without the passphrase.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKeyFile, ownerKeys, readKeyFile, wipeKeys, writeKeyFile, DEFAULT_KDF, WrongPassphraseError, type KdfCost, type KeyFile, type OwnerKeys, type WorkspaceKeys } from './keyfile.ts';
import { openDatabase, type Db } from './db.ts';
import { SqliteStore } from './sqlite-store.ts';
import { attachDerived } from './derived.ts';

export const DEFAULT_WORKSPACE = './vigil-data';
export const DB_FILE = 'vigil.db';
export const KEY_FILE = 'vigil.key';

export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export function workspacePaths(dir: string): { dir: string; db: string; key: string } {
  const abs = resolve(dir);
  return { dir: abs, db: join(abs, DB_FILE), key: join(abs, KEY_FILE) };
}

export function isWorkspace(dir: string): boolean {
  const p = workspacePaths(dir);
  return existsSync(p.key) && existsSync(p.db);
}

export async function initWorkspace(dir: string, passphrase: string, kdf: KdfCost = DEFAULT_KDF): Promise<SqliteStore> {
  if (passphrase.length < 8) throw new WorkspaceError('The passphrase must be at least 8 characters long.');
  const p = workspacePaths(dir);
  if (existsSync(p.key) || existsSync(p.db)) throw new WorkspaceError(`${p.dir} is already a Vigil workspace.`);
  if (existsSync(p.dir) && readdirSync(p.dir).length > 0) throw new WorkspaceError(`${p.dir} exists and is not empty; choose an empty or new folder.`);
  mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  // An existing empty folder keeps the mode it had: the workspace is the owner's alone.
  chmodSync(p.dir, 0o700);
  const { file, keys } = await createKeyFile(passphrase, kdf);
  // The database is created first with the key, then the key file is written: a crash in
  // between leaves an unopenable folder, never a key file pointing at nothing usable.
  const db = openDatabase(p.db, keys.db, { create: true });
  db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('field_epoch', ?)").run(String(file.bundle.epoch));
  writeKeyFile(p.key, file);
  const store = new SqliteStore(db, keys, p.key, file.bundle.epoch);
  attachDerived(store);
  return store;
}

/**
 * Opens the database with the owner's keys. After a rotation that stopped half-way the database
 * key may still be the previous one, and the field keys are those whose epoch the database records.
 */
export function openWithOwnerKeys(dbPath: string, keyPath: string, file: KeyFile, owner: OwnerKeys): SqliteStore {
  let db: Db | null = null;
  let dbKeys: WorkspaceKeys = owner.keys;
  for (const k of [owner.keys, owner.previous]) {
    if (!k || db) continue;
    try {
      db = openDatabase(dbPath, k.db, { create: false });
      dbKeys = k;
    } catch (e) {
      if (!(e instanceof WrongPassphraseError)) throw e;
    }
  }
  if (!db) throw new WorkspaceError(`The key file ${keyPath} does not open ${dbPath}: the two do not belong together.`);
  const fieldEpoch = Number((db.prepare("SELECT value FROM meta WHERE key = 'field_epoch'").get() as { value: string } | undefined)?.value ?? file.bundle.epoch);
  const fields = fieldEpoch === file.bundle.epoch || !owner.previous ? owner.keys : owner.previous;
  const keys = { db: Buffer.from(dbKeys.db), internal: Buffer.from(fields.internal), confidential: Buffer.from(fields.confidential), integrity: Buffer.from(owner.keys.integrity) };
  const store = new SqliteStore(db, keys, keyPath, file.bundle.epoch);
  attachDerived(store);
  return store;
}

export async function openWorkspace(dir: string, passphrase: string): Promise<SqliteStore> {
  const p = workspacePaths(dir);
  if (!existsSync(p.dir)) throw new WorkspaceError(`No workspace at ${p.dir}. Run \`vigil init ${dir}\` first.`);
  const file = readKeyFile(p.key);
  if (!existsSync(p.db)) throw new WorkspaceError(`The workspace ${p.dir} has a key file but no database (${DB_FILE}).`);
  const owner = await ownerKeys(file, passphrase);
  try {
    return openWithOwnerKeys(p.db, p.key, file, owner);
  } finally {
    owner.wmk.fill(0);
    wipeKeys(owner.keys);
    wipeKeys(owner.previous);
  }
}
