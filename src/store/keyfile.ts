/**
 * The key file beside the database. The database key is 256 random bits; it is stored only
 * wrapped (AES-256-GCM) by keys derived from a passphrase with Argon2id. Changing the passphrase
 * rewraps the same database key, so the database itself is never re-encrypted.
 * Several slots may wrap the same key (a passphrase, later a recovery key).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, renameSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { hashRaw } from '@node-rs/argon2';

export const KEYFILE_FORMAT = 'vigil-keyfile';
export const KEYFILE_VERSION = 1;

/** OWASP's second recommended Argon2id setting is m=46 MiB, t=1; we go well above it. */
export interface KdfCost {
  memoryCost: number; // KiB
  timeCost: number;
  parallelism: number;
}
export const DEFAULT_KDF: Readonly<KdfCost> = { memoryCost: 64 * 1024, timeCost: 3, parallelism: 1 };

export interface KdfParams {
  name: 'argon2id';
  memoryCost: number; // KiB
  timeCost: number;
  parallelism: number;
  salt: string; // base64
}

export interface KeySlot {
  id: string;
  kdf: KdfParams;
  iv: string;
  tag: string;
  wrappedKey: string;
  /**
   * Other keys wrapped under the same KEK: 'ck' (the confidential key) in the owner's slots,
   * 'x25519' (the user's private key) in a user's slot. See confidential.ts.
   */
  extras?: Record<string, { iv: string; tag: string; ct: string }>;
}

export interface KeyFile {
  format: typeof KEYFILE_FORMAT;
  version: number;
  created: string;
  slots: KeySlot[];
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase: the workspace could not be unlocked.');
    this.name = 'WrongPassphraseError';
  }
}

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

async function deriveKek(secret: string, kdf: KdfParams): Promise<Buffer> {
  const out = await hashRaw(secret, {
    algorithm: 2, // Argon2id
    memoryCost: kdf.memoryCost,
    timeCost: kdf.timeCost,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
  return Buffer.from(out);
}

/** Binds the wrapped key to its slot so that slots cannot be swapped around unnoticed. */
function aad(slotId: string): Buffer {
  return Buffer.from(`${KEYFILE_FORMAT}/${KEYFILE_VERSION}/${slotId}`, 'utf8');
}

export async function wrapKey(dbKey: Buffer, secret: string, slotId: string, params: KdfCost = DEFAULT_KDF, extras: Record<string, Buffer> = {}): Promise<KeySlot> {
  const kdf: KdfParams = { name: 'argon2id', ...params, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKek(slotId === 'recovery' ? normaliseRecoveryKey(secret) : secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(slotId));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  const slot: KeySlot = { id: slotId, kdf, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrapped.toString('base64') };
  for (const [name, value] of Object.entries(extras)) {
    const xiv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', kek, xiv);
    c.setAAD(Buffer.concat([aad(slotId), Buffer.from(`/extra/${name}`)]));
    const ct = Buffer.concat([c.update(value), c.final()]);
    (slot.extras ??= {})[name] = { iv: xiv.toString('base64'), tag: c.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  }
  kek.fill(0);
  return slot;
}

/** Recovery keys are typed by hand: case, spaces and dashes should not matter. */
export function normaliseRecoveryKey(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return compact.match(/.{1,5}/g)?.join('-') ?? '';
}

/** A user's slot: their password wraps the database key so they can sign in without the passphrase. */
export const USER_SLOT_PREFIX = 'user:';

/**
 * Tries every slot the caller may use; the GCM tag tells a wrong secret from a right one without
 * any oracle on the data. By default users' slots are skipped: a user's password must never open
 * the workspace as its owner (the passphrase and recovery key do); `only` picks one slot by id.
 */
export async function unwrapKey(file: KeyFile, secret: string, opts: { only?: string } = {}): Promise<{ key: Buffer; slotId: string; extras: Record<string, Buffer> }> {
  const slots = opts.only !== undefined ? file.slots.filter((s) => s.id === opts.only) : file.slots.filter((s) => !s.id.startsWith(USER_SLOT_PREFIX));
  for (const slot of slots) {
    const kek = await deriveKek(slot.id === 'recovery' ? normaliseRecoveryKey(secret) : secret, slot.kdf);
    try {
      const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
      decipher.setAAD(aad(slot.id));
      decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
      const key = Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
      const extras: Record<string, Buffer> = {};
      for (const [name, x] of Object.entries(slot.extras ?? {})) {
        const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(x.iv, 'base64'));
        d.setAAD(Buffer.concat([aad(slot.id), Buffer.from(`/extra/${name}`)]));
        d.setAuthTag(Buffer.from(x.tag, 'base64'));
        extras[name] = Buffer.concat([d.update(Buffer.from(x.ct, 'base64')), d.final()]);
      }
      return { key, slotId: slot.id, extras };
    } catch {
      // wrong secret for this slot: try the next
    } finally {
      kek.fill(0);
    }
  }
  throw new WrongPassphraseError();
}

/** A new workspace: a database key and a confidential key (CK), both under the passphrase. */
export async function createKeyFile(secret: string, params: KdfCost = DEFAULT_KDF): Promise<{ file: KeyFile; key: Buffer; ck: Buffer }> {
  const key = randomBytes(32);
  const ck = randomBytes(32);
  const slot = await wrapKey(key, secret, 'passphrase', params, { ck });
  return { file: { format: KEYFILE_FORMAT, version: KEYFILE_VERSION, created: new Date().toISOString(), slots: [slot] }, key, ck };
}

export function readKeyFile(path: string): KeyFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new KeyFileError(code === 'ENOENT' ? `No key file at ${path}: is this a Vigil workspace? Run \`vigil init\` first.` : `Cannot read the key file ${path} (${code ?? 'error'}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new KeyFileError(`The key file ${path} is damaged (not valid JSON).`);
  }
  const f = parsed as Partial<KeyFile>;
  if (f.format !== KEYFILE_FORMAT || typeof f.version !== 'number' || !Array.isArray(f.slots) || f.slots.length === 0) {
    throw new KeyFileError(`The key file ${path} is not a Vigil key file or is damaged.`);
  }
  if (f.version > KEYFILE_VERSION) throw new KeyFileError(`The key file ${path} is from a newer Vigil (version ${f.version}).`);
  return f as KeyFile;
}

/** Write-then-rename with fsync, so a crash leaves either the old or the new key file, never half of one. */
export function writeKeyFile(path: string, file: KeyFile): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
