/**
 * Key management on a closed workspace: passphrase change, a recovery slot, and panic destruction.
 * These change only the owner's slots, which wrap the workspace master key: the database is never
 * re-encrypted for them (a user's removal is what rotates keys: rotation.ts).
 */
import { randomBytes } from 'node:crypto';
import { openSync, writeSync, fsyncSync, closeSync, statSync, unlinkSync, existsSync } from 'node:fs';
import { readKeyFile, unwrapSlot, updateKeyFile, wrapSecret, type KdfCost, DEFAULT_KDF } from './keyfile.ts';
import { workspacePaths, WorkspaceError } from './workspace.ts';

export async function changePassphrase(dir: string, oldSecret: string, newSecret: string, kdf: KdfCost = DEFAULT_KDF): Promise<void> {
  if (newSecret.length < 8) throw new WorkspaceError('The new passphrase must be at least 8 characters long.');
  const p = workspacePaths(dir);
  // The old secret may be the recovery key: that is how a forgotten passphrase is replaced.
  const { value: wmk } = await unwrapSlot(readKeyFile(p.key), oldSecret);
  try {
    const slot = await wrapSecret(wmk, newSecret, 'passphrase', kdf);
    updateKeyFile(p.key, (file) => ({ ...file, slots: [slot, ...file.slots.filter((s) => s.id !== 'passphrase')] }));
  } finally {
    wmk.fill(0);
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
  const { value: wmk } = await unwrapSlot(readKeyFile(p.key), secret);
  try {
    const recovery = newRecoveryKey();
    const slot = await wrapSecret(wmk, recovery, 'recovery', kdf);
    updateKeyFile(p.key, (file) => ({ ...file, slots: [...file.slots.filter((s) => s.id !== 'recovery'), slot] }));
    return recovery;
  } finally {
    wmk.fill(0);
  }
}

/**
 * Destroys the key file: overwritten with random bytes, flushed, then removed. The database stays
 * as ciphertext that no passphrase can open any more, and a running `vigil serve` that watches the
 * key file locks itself and ends every session. (On SSDs and journaling file systems an
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
