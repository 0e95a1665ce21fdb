/**
 * Users of `vigil serve`. Keys go by clearance, not by user: each user has a key-file slot
 * `user:NAME` that holds only their X25519 private key, wrapped under a key derived from their
 * password with Argon2id; the field keys their role is cleared for are sealed to their public key
 * in the `users` row. No user's password reaches the database key or the integrity key, so a user
 * who copies the workspace files opens nothing; a user signs in to a server the owner unlocked.
 * Removing a user, or a role change that lowers their clearance, rotates the keys (rotation.ts).
 * Every change is written to the audit log (who, when, before, after) — never a password or a key.
 */
import { existsSync } from 'node:fs';
import { ownerKeys, readKeyFile, spendKdf, unwrapSlot, updateKeyFile, wipeKeys, wrapSecret, WrongPassphraseError, USER_SLOT_PREFIX, DEFAULT_KDF, type KdfCost } from './keyfile.ts';
import { SqliteStore } from './sqlite-store.ts';
import { openWithOwnerKeys, workspacePaths, WorkspaceError } from './workspace.ts';
import { isUserRole, USER_ROLE_NAMES, USER_ROLES, type UserRole } from '../schema/access.ts';
import { cleared } from '../schema/taxonomy.ts';
import { newUserKeyPair, publicKeyOf, sealTo, unsealFrom, SEAL_LEVELS, type FieldKeys, type SealLevel } from './confidential.ts';
import { macColumns, rowMac } from './integrity.ts';
import { rotateKeys, type RotationResult } from './rotation.ts';

/** The sealed levels a role's clearance reaches: the field keys its users receive. */
export function roleLevels(role: UserRole): SealLevel[] {
  return SEAL_LEVELS.filter((l) => cleared(USER_ROLES[role].clearance, l));
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

interface UserRow { name: string; role: UserRole; created_at: string; created_by: string; public_key: string | null; sealed_keys: string | null; mac: string | null }

/**
 * A user's row, only if its MAC holds: a row changed by anyone but Vigil (a role raised to admin
 * with the database key) grants nothing, and verify names it.
 */
function genuineRow(store: SqliteStore, name: string): UserRow | null {
  const r = store.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
  if (!r || !isUserRole(r.role)) return null;
  return r.mac === rowMac(store.keys.integrity, 'users', r as unknown as Record<string, unknown>, macColumns(store.db, 'users')) ? r : null;
}

const toRecord = (r: UserRow): UserRecord => ({ name: r.name, role: r.role, createdAt: r.created_at, createdBy: r.created_by });

export function listUsers(store: SqliteStore): UserRecord[] {
  return (store.db.prepare('SELECT name FROM users ORDER BY name').all() as { name: string }[]).map((u) => genuineRow(store, u.name)).filter((r): r is UserRow => r !== null).map(toRecord);
}

export function userRecord(store: SqliteStore, name: string): UserRecord | null {
  const r = genuineRow(store, name);
  return r ? toRecord(r) : null;
}

/** The field keys of a role, each sealed to the user's public key. */
export function sealKeysFor(keys: FieldKeys, publicKey: string, role: UserRole): string {
  return JSON.stringify(Object.fromEntries(roleLevels(role).map((l) => [l, sealTo(keys[l]!, publicKey, `field-key/${l}`)])));
}

/** After a rotation: every user gets the store's new field keys of their role, sealed to them. */
function resealUsers(store: SqliteStore): void {
  const upd = store.db.prepare('UPDATE users SET sealed_keys = ? WHERE name = ?');
  for (const u of store.db.prepare('SELECT name, role, public_key FROM users WHERE public_key IS NOT NULL').all() as { name: string; role: string; public_key: string }[]) {
    upd.run(isUserRole(u.role) ? sealKeysFor(store.fieldKeys, u.public_key, u.role) : null, u.name);
  }
}

/** Opens the workspace with its passphrase (or recovery key); the WMK is handed over for rotations. */
async function withOwner<T>(dir: string, passphrase: string, fn: (store: SqliteStore, wmk: Buffer) => Promise<T> | T): Promise<T> {
  const p = workspacePaths(dir);
  if (!existsSync(p.db)) throw new WorkspaceError(`No workspace at ${p.dir}.`);
  const file = readKeyFile(p.key);
  const owner = await ownerKeys(file, passphrase);
  const store = openWithOwnerKeys(p.db, p.key, file, owner);
  wipeKeys(owner.keys);
  wipeKeys(owner.previous);
  try {
    return await fn(store, owner.wmk);
  } finally {
    store.close();
    owner.wmk.fill(0);
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
  return withOwner(dir, passphrase, async (store) => {
    const p = workspacePaths(dir);
    if (store.db.prepare('SELECT 1 FROM users WHERE name = ?').get(name) || readKeyFile(p.key).slots.some((s) => s.id === userSlotId(name))) throw new WorkspaceError(`There is already a user “${name}”.`);
    const pair = newUserKeyPair();
    const slot = await wrapSecret(pair.privateKey, password, userSlotId(name), kdf);
    pair.privateKey.fill(0);
    const at = new Date().toISOString();
    store.write(() => {
      store.db.prepare('INSERT INTO users(name, role, created_at, created_by, public_key, sealed_keys) VALUES (?,?,?,?,?,?)').run(name, r, at, actor, pair.publicKey, sealKeysFor(store.fieldKeys, pair.publicKey, r));
      store.audit(actor, 'users:add', `user:${name}`, null, { name, role: r }, at);
    });
    updateKeyFile(p.key, (file) => ({ ...file, slots: [...file.slots.filter((s) => s.id !== slot.id), slot] }));
    return { name, role: r, createdAt: at, createdBy: actor };
  });
}

/**
 * Removes a user: their key slot first (they can no longer sign in), then the row; then every key
 * they could have held is replaced (the database is re-keyed, the field keys rotated and every
 * sealed field sealed again), so an old copy of the key file and their password open nothing new.
 */
export async function removeUser(dir: string, passphrase: string, name: string, actor: string): Promise<RotationResult> {
  return withOwner(dir, passphrase, (store, wmk) => {
    const before = store.db.prepare('SELECT role FROM users WHERE name = ?').get(name) as { role: string } | undefined;
    const p = workspacePaths(dir);
    const hasSlot = readKeyFile(p.key).slots.some((s) => s.id === userSlotId(name));
    if (!before && !hasSlot) throw new WorkspaceError(`There is no user “${name.slice(0, 80)}”.`);
    if (hasSlot) updateKeyFile(p.key, (file) => ({ ...file, slots: file.slots.filter((s) => s.id !== userSlotId(name)) }));
    store.write(() => {
      store.db.prepare('DELETE FROM users WHERE name = ?').run(name);
      store.audit(actor, 'users:remove', `user:${name}`, before ? { name, role: before.role } : { name }, null);
    });
    return rotateKeys(store, wmk, actor, `user:${name} removed`, () => resealUsers(store));
  });
}

/** Changes a role; one that loses a level of clearance rotates the keys as a removal does. */
export async function setUserRole(dir: string, passphrase: string, name: string, role: string, actor: string): Promise<{ before: UserRole; after: UserRole; rotation: RotationResult | null }> {
  const r = checkRole(role);
  return withOwner(dir, passphrase, async (store, wmk) => {
    const row = store.db.prepare('SELECT role, public_key FROM users WHERE name = ?').get(name) as { role: UserRole; public_key: string | null } | undefined;
    if (!row || !isUserRole(row.role)) throw new WorkspaceError(`There is no user “${name.slice(0, 80)}”.`);
    store.write(() => {
      store.db.prepare('UPDATE users SET role = ?, sealed_keys = ? WHERE name = ?').run(r, row.public_key ? sealKeysFor(store.fieldKeys, row.public_key, r) : null, name);
      store.audit(actor, 'users:role', `user:${name}`, { role: row.role, keys: roleLevels(row.role) }, { role: r, keys: roleLevels(r) });
    });
    const lost = roleLevels(row.role).some((l) => !roleLevels(r).includes(l));
    return { before: row.role, after: r, rotation: lost ? await rotateKeys(store, wmk, actor, `user:${name} demoted`, () => resealUsers(store)) : null };
  });
}

export async function listUsersOf(dir: string, passphrase: string): Promise<UserRecord[]> {
  return withOwner(dir, passphrase, (store) => listUsers(store));
}

/** The field keys for a signed-in user: only those sealed to them that their role is cleared for. */
export function userKeys(store: SqliteStore, name: string, privateKey: Buffer): FieldKeys {
  const r = genuineRow(store, name);
  if (!r?.sealed_keys || !r.public_key) return {};
  const sealed = JSON.parse(r.sealed_keys) as Partial<Record<SealLevel, string>>;
  const out: FieldKeys = {};
  for (const l of roleLevels(r.role)) if (sealed[l]) out[l] = unsealFrom(sealed[l], privateKey, r.public_key, `field-key/${l}`);
  return out;
}

/**
 * Checks a user's password against their slot and returns the private key it unwraps, if it is
 * the one whose public key their row holds (a slot swapped into the key file is refused).
 * An unknown user costs the same Argon2id work as a known one, so timing does not tell names.
 */
export async function authenticateUser(store: SqliteStore, dir: string, name: string, password: string): Promise<{ user: UserRecord; privateKey: Buffer }> {
  const file = readKeyFile(workspacePaths(dir).key);
  const slot = file.slots.find((s) => s.id === userSlotId(name));
  if (!slot) {
    await spendKdf(password, file.slots[0]!.kdf);
    throw new WrongPassphraseError();
  }
  const { value: privateKey } = await unwrapSlot(file, password, { only: slot.id });
  const row = genuineRow(store, name);
  if (!row || row.public_key !== publicKeyOf(privateKey)) {
    privateKey.fill(0);
    throw new WrongPassphraseError();
  }
  return { user: toRecord(row), privateKey };
}
