/**
 * Opening the encrypted SQLite file. SQLCipher 4 format through SQLite3MultipleCiphers, so the
 * file opens with the standard `sqlcipher` tool too. The raw 256-bit key is passed as a blob
 * literal, so no passphrase-derived key ever reaches SQLite's own (weaker) KDF.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { WrongPassphraseError } from './keyfile.ts';

export type Db = Database.Database;

const SCHEMA_SQL = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');
export const SCHEMA_VERSION = '1';

export function openDatabase(path: string, key: Buffer, opts: { create: boolean }): Db {
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
    // Idempotent: creates a new store, and brings an older one up to this schema.
    db.exec(SCHEMA_SQL);
    // Columns added after a table first shipped.
    const has = (t: string, c: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).some((x) => x.name === c);
    if (!has('mentions', 'confidentiality')) db.exec("ALTER TABLE mentions ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'public'");
    if (!has('users', 'public_key')) db.exec('ALTER TABLE users ADD COLUMN public_key TEXT; ALTER TABLE users ADD COLUMN sealed_ck TEXT');
    db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run('schema_version', SCHEMA_VERSION);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
