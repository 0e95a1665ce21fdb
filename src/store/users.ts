/**
 * Users of `vigil serve`. Each user has a key-file slot `user:NAME` that wraps the workspace's
 * database key under a key derived from their password with Argon2id (the same KDF and cost as
 * the passphrase slot): the password is never stored, and a wrong one fails the slot's GCM tag.
 * Their role lives in the `users` table; every change is written to the audit log (who, when,
 * before, after) — never a password or a key.
 *
 * A user's slot opens only the sign-in path (`loginUser`): `unwrapKey` skips users' slots for the
 * passphrase, so a user's password never makes its holder the workspace's owner.
 */
import { hashRaw } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readKeyFile, unwrapKey, wrapKey, writeKeyFile, WrongPassphraseError, USER_SLOT_PREFIX, DEFAULT_KDF, type KdfCost } from './keyfile.ts';
import { openDatabase } from './db.ts';
import { SqliteStore } from './sqlite-store.ts';
import { workspacePaths, WorkspaceError } from './workspace.ts';
import { isUserRole, USER_ROLE_NAMES, USER_ROLES, type UserRole } from '../schema/access.ts';
import { newUserKeyPair, sealCk, unsealCk } from './confidential.ts';

/** Whether a role is granted the confidential key (its clearance reaches 'confidential'). */
export function roleHoldsCk(role: UserRole): boolean {
  return USER_ROLES[role].clearance === 'confidential';
}

export interface UserRecord {
  name: string;
  role: UserRole;
  createdAt: string;
  createdBy: string;
}

export const MIN_PASSWORD = 10;
const NAME_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function userSlotId(name: string): string {
  return `${USER_SLOT_PREFIX}${name}`;
}

export function checkUserName(name: string): string {
  if (!NAME_RE.test(name)) throw new WorkspaceError(`A user name is 1–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (not “${name.slice(0, 80)}”).`);
  if (name === 'owner') throw new WorkspaceError('“owner” is reserved for whoever unlocks with the workspace passphrase.');
  return name;
}

function checkRole(role: string): UserRole {
  if (!isUserRole(role)) throw new WorkspaceError(`Unknown role “${role.slice(0, 40)}”: one of ${USER_ROLE_NAMES.join(', ')}.`);
  return role;
}

export function listUsers(store: SqliteStore): UserRecord[] {
  return (store.db.prepare('SELECT name, role, created_at, created_by FROM users ORDER BY name').all() as { name: string; role: UserRole; created_at: string; created_by: string }[])
    .map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at, createdBy: r.created_by }));
}

export function userRecord(store: SqliteStore, name: string): UserRecord | null {
  const r = store.db.prepare('SELECT name, role, created_at, created_by FROM users WHERE name = ?').get(name) as { name: string; role: UserRole; created_at: string; created_by: string } | undefined;
  return r ? { name: r.name, role: r.role, createdAt: r.created_at, createdBy: r.created_by } : null;
}

/** Opens the workspace with its passphrase (or recovery key) and hands over the raw key too. */
async function withOwnerKey<T>(dir: string, passphrase: string, fn: (store: SqliteStore, key: Buffer) => Promise<T> | T): Promise<T> {
  const p = workspacePaths(dir);
  if (!existsSync(p.db)) throw new WorkspaceError(`No workspace at ${p.dir}.`);
  const { key, extras } = await unwrapKey(readKeyFile(p.key), passphrase);
  const store = new SqliteStore(openDatabase(p.db, key, { create: false }));
  store.ck = extras.ck ?? null;
  try {
    return await fn(store, key);
  } finally {
    store.close();
    key.fill(0);
  }
}

/**
 * Adds a user: the row (with its audit entry) first, then the key slot. A crash in between leaves
 * a user who cannot sign in yet — never a slot without a row, which sign-in refuses anyway.
 */
export async function addUser(dir: string, passphrase: string, name: string, role: string, password: string, actor: string, kdf: KdfCost = DEFAULT_KDF): Promise<UserRecord> {
  checkUserName(name);
  const r = checkRole(role);
  if (password.length < MIN_PASSWORD) throw new WorkspaceError(`A user's password must be at least ${MIN_PASSWORD} characters long.`);
  return withOwnerKey(dir, passphrase, async (store, key) => {
    const p = workspacePaths(dir);
    const file = readKeyFile(p.key);
    if (userRecord(store, name) || file.slots.some((s) => s.id === userSlotId(name))) throw new WorkspaceError(`There is already a user “${name}”.`);
    const pair = newUserKeyPair();
    const slot = await wrapKey(key, password, userSlotId(name), kdf, { x25519: pair.privateKey });
    pair.privateKey.fill(0);
    const sealed = roleHoldsCk(r) ? sealFor(store, pair.publicKey) : null;
    const at = new Date().toISOString();
    store.db.transaction(() => {
      store.db.prepare('INSERT INTO users(name, role, created_at, created_by, public_key, sealed_ck) VALUES (?,?,?,?,?,?)').run(name, r, at, actor, pair.publicKey, sealed);
      store.audit(actor, 'users:add', `user:${name}`, null, { name, role: r }, at);
    })();
    writeKeyFile(p.key, { ...readKeyFile(p.key), slots: [...readKeyFile(p.key).slots.filter((s) => s.id !== slot.id), slot] });
    return { name, role: r, createdAt: at, createdBy: actor };
  });
}

/** Removes a user: their key slot first (they can no longer sign in), then the row. */
export async function removeUser(dir: string, passphrase: string, name: string, actor: string): Promise<void> {
  await withOwnerKey(dir, passphrase, (store) => {
    const before = userRecord(store, name);
    const p = workspacePaths(dir);
    const file = readKeyFile(p.key);
    const hasSlot = file.slots.some((s) => s.id === userSlotId(name));
    if (!before && !hasSlot) throw new WorkspaceError(`There is no user “${name.slice(0, 80)}”.`);
    if (hasSlot) writeKeyFile(p.key, { ...file, slots: file.slots.filter((s) => s.id !== userSlotId(name)) });
    store.db.transaction(() => {
      store.db.prepare('DELETE FROM users WHERE name = ?').run(name);
      store.audit(actor, 'users:remove', `user:${name}`, before ? { name, role: before.role } : { name }, null);
    })();
  });
}

export async function setUserRole(dir: string, passphrase: string, name: string, role: string, actor: string): Promise<{ before: UserRole; after: UserRole }> {
  const r = checkRole(role);
  return withOwnerKey(dir, passphrase, (store) => {
    const before = userRecord(store, name);
    if (!before) throw new WorkspaceError(`There is no user “${name.slice(0, 80)}”.`);
    const pk = (store.db.prepare('SELECT public_key FROM users WHERE name = ?').get(name) as { public_key: string | null }).public_key;
    // Granting the confidential key is sealing it to the user; revoking deletes the sealed copy.
    // (CK itself is not rotated on revocation: see the security notes.)
    const sealed = roleHoldsCk(r) && pk ? sealFor(store, pk) : null;
    store.db.transaction(() => {
      store.db.prepare('UPDATE users SET role = ?, sealed_ck = ? WHERE name = ?').run(r, sealed, name);
      store.audit(actor, 'users:role', `user:${name}`, { role: before.role, holdsCk: roleHoldsCk(before.role) }, { role: r, holdsCk: sealed !== null });
    })();
    return { before: before.role, after: r };
  });
}

export async function listUsersOf(dir: string, passphrase: string): Promise<UserRecord[]> {
  return withOwnerKey(dir, passphrase, (store) => listUsers(store));
}

function sealFor(store: SqliteStore, publicKey: string): string {
  if (!store.ck) throw new WorkspaceError('This workspace has no confidential key in its passphrase slot (made by an older Vigil); a cleared role cannot be granted.');
  return sealCk(store.ck, publicKey);
}

/** The confidential key for a signed-in user: unsealed with their private key, if their role holds it. */
export function userCk(store: SqliteStore, name: string, privateKey: Buffer | undefined): Buffer | null {
  const r = store.db.prepare('SELECT role, public_key, sealed_ck FROM users WHERE name = ?').get(name) as { role: UserRole; public_key: string | null; sealed_ck: string | null } | undefined;
  if (!r || !r.sealed_ck || !r.public_key || !privateKey || !roleHoldsCk(r.role)) return null;
  return unsealCk(r.sealed_ck, privateKey, r.public_key);
}

/**
 * Checks a user's password against their slot and returns the database key it unwraps.
 * An unknown user costs the same Argon2id work as a known one, so timing does not tell names.
 */
export async function unwrapUserKey(dir: string, name: string, password: string): Promise<{ key: Buffer; privateKey?: Buffer }> {
  const file = readKeyFile(workspacePaths(dir).key);
  const slot = file.slots.find((s) => s.id === userSlotId(name));
  if (!slot) {
    const kdf = file.slots[0]!.kdf;
    await hashRaw(password, { algorithm: 2, memoryCost: kdf.memoryCost, timeCost: kdf.timeCost, parallelism: kdf.parallelism, outputLen: 32, salt: randomBytes(16) });
    throw new WrongPassphraseError();
  }
  const { key, extras } = await unwrapKey(file, password, { only: slot.id });
  return { key, privateKey: extras.x25519 };
}
