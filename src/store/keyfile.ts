/**
 * The key file beside the database (format 2). Keys by clearance, not by user:
 *
 *   passphrase / recovery key --Argon2id--> KEK --AES-GCM--> workspace master key (WMK)
 *   WMK --AES-GCM--> the key bundle: the database key (SQLCipher), the internal and the
 *                    confidential field keys, and the integrity key (HMAC over audit and facts)
 *   user password --Argon2id--> KEK --AES-GCM--> the user's X25519 private key, and nothing else
 *
 * Only the owner's secrets reach the database key. A user's password proves who they are to a
 * running server (which the owner unlocked) and opens the field keys of their clearance that the
 * server sealed to their public key (users.ts). Rotating keys (a user removed or demoted) seals a
 * new bundle under the same WMK, so the passphrase and the recovery key both keep working.
 * The file also anchors the audit chain's head (integrity.ts), outside the database.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, renameSync, openSync, fsyncSync, closeSync, unlinkSync, existsSync } from 'node:fs';
import { hashRaw } from '@node-rs/argon2';

export const KEYFILE_FORMAT = 'vigil-keyfile';
export const KEYFILE_VERSION = 2;

/** OWASP's second recommended Argon2id setting is m=46 MiB, t=1; we go well above it. */
export interface KdfCost {
  memoryCost: number; // KiB
  timeCost: number;
  parallelism: number;
}
export const DEFAULT_KDF: Readonly<KdfCost> = { memoryCost: 64 * 1024, timeCost: 3, parallelism: 1 };

export interface KdfParams extends KdfCost {
  name: 'argon2id';
  salt: string; // base64
}

/** AES-256-GCM output, base64. */
export interface Boxed {
  iv: string;
  tag: string;
  ct: string;
}

export interface KeySlot extends Boxed {
  id: string;
  kdf: KdfParams;
}

/** The working keys of a workspace. `integrity` never leaves the owner and the unlocked server. */
export interface WorkspaceKeys {
  db: Buffer;
  internal: Buffer;
  confidential: Buffer;
  integrity: Buffer;
}

export interface SealedBundle extends Boxed {
  epoch: number;
}

/** The audit chain's last entry and each fact table's row count when last written, MAC'd (integrity.ts). */
export interface HeadAnchor {
  auditId: number;
  auditHash: string;
  rows: Record<string, number>;
  at: string;
  mac: string;
}

export interface KeyFile {
  format: typeof KEYFILE_FORMAT;
  version: number;
  created: string;
  slots: KeySlot[];
  bundle: SealedBundle;
  /** Only during a rotation: the bundle before it, so a crash half-way still opens the database. */
  previous?: SealedBundle;
  head?: HeadAnchor;
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

/** Spends the same Argon2id work as a real slot, so an unknown user name does not answer faster. */
export async function spendKdf(secret: string, kdf: KdfCost): Promise<void> {
  await deriveKek(secret, { name: 'argon2id', ...kdf, salt: randomBytes(16).toString('base64') });
}

export function box(key: Buffer, plain: Buffer, aad: string): Boxed {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

export function unbox(key: Buffer, b: Boxed, aad: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(b.iv, 'base64'));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(Buffer.from(b.tag, 'base64'));
  return Buffer.concat([d.update(Buffer.from(b.ct, 'base64')), d.final()]);
}

/** Binds the wrapped value to its slot so that slots cannot be swapped around unnoticed. */
const slotAad = (slotId: string) => `${KEYFILE_FORMAT}/${KEYFILE_VERSION}/${slotId}`;
const bundleAad = (epoch: number) => `${KEYFILE_FORMAT}/${KEYFILE_VERSION}/bundle/${epoch}`;

/** Recovery keys are typed by hand: case, spaces and dashes should not matter. */
export function normaliseRecoveryKey(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return compact.match(/.{1,5}/g)?.join('-') ?? '';
}

export async function wrapSecret(value: Buffer, secret: string, slotId: string, params: KdfCost = DEFAULT_KDF): Promise<KeySlot> {
  const kdf: KdfParams = { name: 'argon2id', ...params, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKek(slotId === 'recovery' ? normaliseRecoveryKey(secret) : secret, kdf);
  try {
    return { id: slotId, kdf, ...box(kek, value, slotAad(slotId)) };
  } finally {
    kek.fill(0);
  }
}

/** A user's slot holds their X25519 private key under their password. */
export const USER_SLOT_PREFIX = 'user:';

/**
 * Tries every slot the caller may use; the GCM tag tells a wrong secret from a right one without
 * any oracle on the data. By default only the owner's slots (passphrase, recovery) are tried: a
 * user's password never opens the workspace; `only` picks one slot by id.
 */
export async function unwrapSlot(file: KeyFile, secret: string, opts: { only?: string } = {}): Promise<{ value: Buffer; slotId: string }> {
  const slots = opts.only !== undefined ? file.slots.filter((s) => s.id === opts.only) : file.slots.filter((s) => !s.id.startsWith(USER_SLOT_PREFIX));
  for (const slot of slots) {
    const kek = await deriveKek(slot.id === 'recovery' ? normaliseRecoveryKey(secret) : secret, slot.kdf);
    try {
      return { value: unbox(kek, slot, slotAad(slot.id)), slotId: slot.id };
    } catch {
      // wrong secret for this slot: try the next
    } finally {
      kek.fill(0);
    }
  }
  throw new WrongPassphraseError();
}

const KEY_NAMES = ['db', 'internal', 'confidential', 'integrity'] as const;

export function sealBundle(wmk: Buffer, keys: WorkspaceKeys, epoch: number): SealedBundle {
  const plain = Buffer.from(JSON.stringify(Object.fromEntries(KEY_NAMES.map((k) => [k, keys[k].toString('base64')]))));
  return { epoch, ...box(wmk, plain, bundleAad(epoch)) };
}

export function openBundle(wmk: Buffer, sealed: SealedBundle): WorkspaceKeys {
  const o = JSON.parse(unbox(wmk, sealed, bundleAad(sealed.epoch)).toString('utf8')) as Record<string, string>;
  return Object.fromEntries(KEY_NAMES.map((k) => [k, Buffer.from(o[k]!, 'base64')])) as unknown as WorkspaceKeys;
}

export function newKeys(integrity = randomBytes(32)): WorkspaceKeys {
  return { db: randomBytes(32), internal: randomBytes(32), confidential: randomBytes(32), integrity };
}

/** The owner's view of a key file: the WMK, the current keys, and the keys before an unfinished rotation. */
export interface OwnerKeys {
  wmk: Buffer;
  keys: WorkspaceKeys;
  previous: WorkspaceKeys | null;
  slotId: string;
}

export async function ownerKeys(file: KeyFile, secret: string): Promise<OwnerKeys> {
  const { value: wmk, slotId } = await unwrapSlot(file, secret);
  return { wmk, slotId, keys: openBundle(wmk, file.bundle), previous: file.previous ? openBundle(wmk, file.previous) : null };
}

export function wipeKeys(k: WorkspaceKeys | null | undefined): void {
  if (k) for (const n of KEY_NAMES) k[n].fill(0);
}

/** A new workspace: a WMK under the passphrase, and a bundle of fresh keys under the WMK. */
export async function createKeyFile(secret: string, params: KdfCost = DEFAULT_KDF): Promise<{ file: KeyFile; keys: WorkspaceKeys }> {
  const wmk = randomBytes(32);
  const keys = newKeys();
  const slot = await wrapSecret(wmk, secret, 'passphrase', params);
  const file: KeyFile = { format: KEYFILE_FORMAT, version: KEYFILE_VERSION, created: new Date().toISOString(), slots: [slot], bundle: sealBundle(wmk, keys, 1) };
  wmk.fill(0);
  return { file, keys };
}

/** `quiet`: null instead of an error for a file this Vigil cannot use. */
export function readKeyFile(path: string, opts: { quiet: true }): KeyFile | null;
export function readKeyFile(path: string): KeyFile;
export function readKeyFile(path: string, opts: { quiet?: boolean } = {}): KeyFile | null {
  if (opts.quiet) {
    try {
      return readKeyFile(path);
    } catch {
      return null;
    }
  }
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
  if (f.version < KEYFILE_VERSION || !f.bundle) {
    throw new KeyFileError(`The key file ${path} is from an earlier Vigil (version ${f.version}), whose user slots held the database key; this Vigil does not open it. Export what you need with the earlier version and ingest it into a new workspace.`);
  }
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

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Read, change and write the key file under a lock file, so that a server anchoring the audit
 * head and a CLI adding a user never lose each other's change. A lock left by a dead process is
 * taken over. `change` returns the new file, or null to leave it as it is.
 */
export function updateKeyFile(path: string, change: (file: KeyFile) => KeyFile | null): KeyFile {
  const lock = `${path}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(existsSync(lock) ? readFileSync(lock, 'utf8') || 0 : 0);
      if (holder && holder !== process.pid && !alive(holder)) unlinkSync(lock);
      else if (tries > 500) throw new KeyFileError(`The key file ${path} stays locked by process ${holder}; if no Vigil is running, remove ${lock}.`);
      else sleep(10);
    }
  }
  try {
    const next = change(readKeyFile(path));
    if (next) writeKeyFile(path, next);
    return next ?? readKeyFile(path);
  } finally {
    unlinkSync(lock);
  }
}
