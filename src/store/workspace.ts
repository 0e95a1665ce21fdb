/**
 * A workspace is a folder: the encrypted database and the key file that unlocks it.
 * Nothing else is written there, so a seized folder shows only ciphertext without the passphrase.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKeyFile, readKeyFile, unwrapKey, writeKeyFile, DEFAULT_KDF, type KdfCost } from './keyfile.ts';
import { openDatabase } from './db.ts';
import { SqliteStore } from './sqlite-store.ts';

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
  const { file, key, ck } = await createKeyFile(passphrase, kdf);
  // The database is created first with the key, then the key file is written: a crash in
  // between leaves an unopenable folder, never a key file pointing at nothing usable.
  const db = openDatabase(p.db, key, { create: true });
  key.fill(0);
  writeKeyFile(p.key, file);
  const store = new SqliteStore(db);
  store.ck = ck;
  return store;
}

export async function openWorkspace(dir: string, passphrase: string): Promise<SqliteStore> {
  const p = workspacePaths(dir);
  if (!existsSync(p.dir)) throw new WorkspaceError(`No workspace at ${p.dir}. Run \`vigil init ${dir}\` first.`);
  const file = readKeyFile(p.key);
  if (!existsSync(p.db)) throw new WorkspaceError(`The workspace ${p.dir} has a key file but no database (${DB_FILE}).`);
  const { key, extras } = await unwrapKey(file, passphrase);
  try {
    const store = new SqliteStore(openDatabase(p.db, key, { create: false }));
    // The owner's slots carry the confidential key: whoever holds the passphrase reads everything.
    store.ck = extras.ck ?? null;
    return store;
  } finally {
    key.fill(0);
  }
}
