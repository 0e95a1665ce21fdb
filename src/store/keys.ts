/**
 * Key management on a closed workspace: passphrase change, a recovery slot, and panic destruction.
 * Only the key file changes; the database is never re-encrypted.
 */
import { randomBytes } from 'node:crypto';
import { openSync, writeSync, fsyncSync, closeSync, statSync, unlinkSync, existsSync } from 'node:fs';
import { readKeyFile, unwrapKey, wrapKey, writeKeyFile, type KdfCost, DEFAULT_KDF } from './keyfile.ts';
import { workspacePaths, WorkspaceError } from './workspace.ts';

export async function changePassphrase(dir: string, oldSecret: string, newSecret: string, kdf: KdfCost = DEFAULT_KDF): Promise<void> {
  if (newSecret.length < 8) throw new WorkspaceError('The new passphrase must be at least 8 characters long.');
  const p = workspacePaths(dir);
  const file = readKeyFile(p.key);
  // The old secret may be the recovery key: that is how a forgotten passphrase is replaced.
  const { key, extras } = await unwrapKey(file, oldSecret);
  try {
    const slot = await wrapKey(key, newSecret, 'passphrase', kdf, extras);
    writeKeyFile(p.key, { ...file, slots: [slot, ...file.slots.filter((s) => s.id !== 'passphrase')] });
  } finally {
    key.fill(0);
  }
}

/** 32 random bytes as 8 groups of Crockford base32: easy to print, read back and type. */
export function newRecoveryKey(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(40);
  let out = '';
  for (let i = 0; i < 40; i++) out += alphabet[bytes[i]! % 32];
  return out.match(/.{5}/g)!.join('-');
}

/** Adds (or replaces) the recovery slot; returns the recovery key, which is shown once and never stored. */
export async function addRecoverySlot(dir: string, secret: string, kdf: KdfCost = DEFAULT_KDF): Promise<string> {
  const p = workspacePaths(dir);
  const file = readKeyFile(p.key);
  const { key, extras } = await unwrapKey(file, secret);
  try {
    const recovery = newRecoveryKey();
    const slot = await wrapKey(key, recovery, 'recovery', kdf, extras);
    writeKeyFile(p.key, { ...file, slots: [...file.slots.filter((s) => s.id !== 'recovery'), slot] });
    return recovery;
  } finally {
    key.fill(0);
  }
}

/**
 * Destroys the key file: overwritten with random bytes, flushed, then removed. The database stays
 * as ciphertext that no passphrase can open any more. (On SSDs and journaling file systems an
 * overwrite is not a guarantee that old blocks are gone; removal of the only wrapped copy is.)
 */
export function destroyKeyFile(dir: string): void {
  const p = workspacePaths(dir);
  if (!existsSync(p.key)) throw new WorkspaceError(`No key file at ${p.key}: nothing to destroy.`);
  const size = Math.max(statSync(p.key).size, 4096);
  const fd = openSync(p.key, 'r+');
  try {
    writeSync(fd, randomBytes(size), 0, size, 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(p.key);
}
