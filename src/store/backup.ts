/**
 * Backups: one portable file holding an encrypted copy of the database (SQLite's VACUUM INTO keeps
 * the cipher and key) and the wrapped key slots, so the same passphrase or recovery key restores
 * it on any machine. A SHA-256 over the database bytes makes the file verifiable without a secret.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ownerKeys, readKeyFile, wipeKeys, writeKeyFile, type KeyFile } from './keyfile.ts';
import type { SqliteStore } from './sqlite-store.ts';
import { openWithOwnerKeys, workspacePaths, WorkspaceError } from './workspace.ts';

const MAGIC = 'VIGIL-BACKUP-1\n';

export interface BackupHeader {
  format: 'vigil-backup';
  version: 1;
  created: string;
  keyFile: KeyFile;
  database: { sha256: string; bytes: number };
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function writeAtomically(path: string, chunks: Buffer[]): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    for (const c of chunks) writeFileSync(fd, c);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function createBackup(store: SqliteStore, workspaceDir: string, file: string): BackupHeader {
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose a new file name.`);
  const p = workspacePaths(workspaceDir);
  const tmpDb = join(dirname(file), `.vigil-backup-${process.pid}-${Date.now()}.db`);
  try {
    store.db.prepare('VACUUM INTO ?').run(tmpDb);
    const db = readFileSync(tmpDb);
    const header: BackupHeader = {
      format: 'vigil-backup', version: 1, created: new Date().toISOString(), keyFile: readKeyFile(p.key),
      database: { sha256: createHash('sha256').update(db).digest('hex'), bytes: db.length },
    };
    writeAtomically(file, [Buffer.from(MAGIC), Buffer.from(JSON.stringify(header) + '\n'), db]);
    return header;
  } finally {
    rmSync(tmpDb, { force: true });
  }
}

/** Reads and checks a backup without any secret: its shape and the hash of the database it holds. */
export function readBackup(file: string): { header: BackupHeader; db: Buffer } {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    throw new BackupError(`Cannot read ${file}.`);
  }
  if (!buf.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw new BackupError(`${file} is not a Vigil backup.`);
  const nl = buf.indexOf(0x0a, MAGIC.length);
  let header: BackupHeader;
  try {
    header = JSON.parse(buf.subarray(MAGIC.length, nl).toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupError(`${file} is damaged: its header cannot be read.`);
  }
  if (header.format !== 'vigil-backup' || header.version !== 1) throw new BackupError(`${file} is not a backup this Vigil can read.`);
  const db = buf.subarray(nl + 1);
  if (db.length !== header.database.bytes) throw new BackupError(`${file} is damaged: ${db.length} database bytes, ${header.database.bytes} expected (truncated?).`);
  const actual = createHash('sha256').update(db).digest('hex');
  if (actual !== header.database.sha256) throw new BackupError(`${file} is damaged: the database it holds does not match its recorded SHA-256.`);
  return { header, db };
}

/** Restores into an empty or new folder, and proves the result opens with the given secret. */
export async function restoreBackup(file: string, dir: string, secret: string): Promise<void> {
  const { header, db } = readBackup(file);
  const p = workspacePaths(dir);
  if (existsSync(p.dir) && readdirSync(p.dir).length > 0) throw new WorkspaceError(`${p.dir} is not empty; restore into an empty or new folder.`);
  const owner = await ownerKeys(header.keyFile, secret);
  mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  writeAtomically(p.db, [db]);
  writeKeyFile(p.key, header.keyFile);
  try {
    const opened = openWithOwnerKeys(p.db, p.key, header.keyFile, owner);
    const check = (opened.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    opened.close();
    if (check !== 'ok') throw new BackupError(`The restored database fails SQLite's integrity check: ${check}`);
  } catch (e) {
    rmSync(p.dir, { recursive: true, force: true });
    throw e;
  } finally {
    owner.wmk.fill(0);
    wipeKeys(owner.keys);
    wipeKeys(owner.previous);
  }
}
