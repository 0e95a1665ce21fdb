/**
 * Opening the encrypted SQLite file. SQLCipher 4 format through SQLite3MultipleCiphers, so the
 * file opens with the standard `sqlcipher` tool too. The raw 256-bit key is passed as a blob
 * literal, so no passphrase-derived key ever reaches SQLite's own (weaker) KDF.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { WrongPassphraseError } from './keyfile.ts';

export type Db = Database.Database;

const SCHEMA_SQL = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');
export const SCHEMA_VERSION = '2';

/** The database, its WAL and shared-memory file are for the owner alone (SQLite gives the WAL the database's mode). */
export function ownerOnly(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

export function openDatabase(path: string, key: Buffer, opts: { create: boolean }): Db {
  // Created empty with mode 0600 first, so no moment exists where the file is readable by others.
  if (opts.create && !existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
  ownerOnly(path);
  const db = new Database(path, { fileMustExist: !opts.create });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    // Probe before anything can be written: a wrong key makes this throw "file is not a database".
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new WrongPassphraseError();
    }
    // Temporary tables and indices are NOT encrypted on disk: keep them in memory.
    db.pragma('temp_store=MEMORY');
    db.pragma('secure_delete=ON');
    db.pragma('journal_mode=WAL');
    db.pragma('foreign_keys=ON');
    db.pragma('busy_timeout=5000');
    // Idempotent: creates a new store (stores of schema 1 come with key files this Vigil refuses).
    db.exec(SCHEMA_SQL);
    db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run('schema_version', SCHEMA_VERSION);
    ownerOnly(path);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
