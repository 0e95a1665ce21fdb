/**
 * Field-level encryption of confidential content, under a key of its own.
 *
 * Key hierarchy:
 *   passphrase / recovery key --Argon2id--> KEK --AES-GCM--> database key (SQLCipher) + CK
 *   user password --Argon2id--> KEK --AES-GCM--> database key + the user's X25519 private key
 *   CK --sealed (X25519 + HKDF-SHA256 + AES-256-GCM)--> each user whose role is cleared for
 *   'confidential' (users.sealed_ck); granting = sealing, revoking = deleting the sealed copy.
 *   CK --AES-256-GCM--> each confidential field, in `sealed_fields`, bound to table/row/field.
 *
 * Every user holds the database key (that is how they sign in without the passphrase), so the
 * database alone must not hold confidential text in the clear: a sealed field's plain column
 * holds only a token, ⟦sealed:TABLE:ID:FIELD⟧, which the HTTP edge swaps for the clear text
 * only in answers to sessions holding CK, and for '[confidential]' in every other answer.
 */
import { createCipheriv, createDecipheriv, createPublicKey, createPrivateKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import type { Db } from './db.ts';

export const REDACTED = '[confidential]';
export const TOKEN_RE = /⟦sealed:(reports|mentions|claims):(\d+):([a-z_]+)⟧/g;
export const token = (table: string, id: number, field: string): string => `⟦sealed:${table}:${id}:${field}⟧`;

export function newCk(): Buffer {
  return randomBytes(32);
}

function gcm(key: Buffer, plain: Buffer, aad: string): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv, tag: c.getAuthTag(), ct };
}

function ungcm(key: Buffer, b: { iv: Buffer; tag: Buffer; ct: Buffer }, aad: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, b.iv);
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(b.tag);
  return Buffer.concat([d.update(b.ct), d.final()]);
}

// ---- user key pairs and sealing CK to them ----

export function newUserKeyPair(): { publicKey: string; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }) };
}

const pub = (b64: string): KeyObject => createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });

function sealKey(shared: Buffer, epk: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(epk + recipient), 'vigil/ck-seal/v1', 32));
}

/** Seals CK to a user's public key; only their private key (under their password) opens it. */
export function sealCk(ck: Buffer, recipientPublicKey: string): string {
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const k = sealKey(diffieHellman({ privateKey: eph.privateKey, publicKey: pub(recipientPublicKey) }), epk, recipientPublicKey);
  const b = gcm(k, ck, `vigil/ck/${recipientPublicKey}`);
  k.fill(0);
  return JSON.stringify({ epk, iv: b.iv.toString('base64'), tag: b.tag.toString('base64'), ct: b.ct.toString('base64') });
}

export function unsealCk(sealed: string, privateKeyDer: Buffer, recipientPublicKey: string): Buffer {
  const s = JSON.parse(sealed) as { epk: string; iv: string; tag: string; ct: string };
  const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  const k = sealKey(diffieHellman({ privateKey, publicKey: pub(s.epk) }), s.epk, recipientPublicKey);
  try {
    return ungcm(k, { iv: Buffer.from(s.iv, 'base64'), tag: Buffer.from(s.tag, 'base64'), ct: Buffer.from(s.ct, 'base64') }, `vigil/ck/${recipientPublicKey}`);
  } finally {
    k.fill(0);
  }
}

// ---- fields ----

/** Which columns of a row are sealed when the row is confidential. */
export const SEALED_FIELDS = {
  reports: ['original', 'main_text', 'title', 'filename', 'url', 'metadata_json'],
  mentions: ['name', 'variants_json'],
  claims: ['evidence', 'detail', 'place', 'claimant'],
} as const;
export type SealedTable = keyof typeof SEALED_FIELDS;

/** JSON columns keep valid JSON in the clear (readers parse them); their content is sealed all the same. */
const JSON_PLACEHOLDER: Record<string, string> = { variants_json: '[]', metadata_json: '{}' };
const placeholder = (table: string, id: number, field: string): string => JSON_PLACEHOLDER[field] ?? token(table, id, field);

const aadOf = (table: string, id: number, field: string) => `vigil/field/${table}/${id}/${field}`;

/**
 * Moves the row's sealable columns into `sealed_fields` as ciphertext under CK and leaves a token
 * in each plain column (a blob column gets the token's bytes). Idempotent: sealed columns stay.
 * Callers are inside a transaction.
 */
export function sealRow(db: Db, ck: Buffer, table: SealedTable, id: number, only?: readonly string[]): number {
  const cols = only ?? SEALED_FIELDS[table];
  const row = db.prepare(`SELECT ${cols.join(', ')} FROM ${table} WHERE id = ?`).get(id) as Record<string, string | Buffer | null> | undefined;
  if (!row) return 0;
  const ins = db.prepare('INSERT OR REPLACE INTO sealed_fields(tbl, row_id, field, is_blob, iv, tag, ct) VALUES (?,?,?,?,?,?,?)');
  let n = 0;
  for (const f of cols) {
    const v = row[f];
    if (v === null || v === undefined) continue;
    const t = placeholder(table, id, f);
    const already = db.prepare('SELECT 1 FROM sealed_fields WHERE tbl = ? AND row_id = ? AND field = ?').get(table, id, f);
    if (already && (typeof v === 'string' ? v === t : Buffer.from(t).equals(v))) continue;
    const plain = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
    const b = gcm(ck, plain, aadOf(table, id, f));
    ins.run(table, id, f, typeof v === 'string' ? 0 : 1, b.iv, b.tag, b.ct);
    db.prepare(`UPDATE ${table} SET ${f} = ? WHERE id = ?`).run(typeof v === 'string' ? t : Buffer.from(t), id);
    n++;
  }
  return n;
}

/** The clear value of one sealed field, or null if it is not sealed. Throws if CK is wrong. */
export function openField(db: Db, ck: Buffer, table: string, id: number, field: string): string | Buffer | null {
  const r = db.prepare('SELECT is_blob, iv, tag, ct FROM sealed_fields WHERE tbl = ? AND row_id = ? AND field = ?').get(table, id, field) as { is_blob: number; iv: Buffer; tag: Buffer; ct: Buffer } | undefined;
  if (!r) return null;
  const plain = ungcm(ck, r, aadOf(table, id, field));
  return r.is_blob ? plain : plain.toString('utf8');
}

/** Like resolveTokens, inside serialized JSON: each clear text is JSON-escaped where it lands. */
export function resolveTokensJson(s: string, db: Db | null, ck: Buffer | null): string {
  if (!s.includes('⟦sealed:')) return s;
  return s.replace(TOKEN_RE, (m) => JSON.stringify(resolveTokens(m, db, ck)).slice(1, -1));
}

/** Replaces every token in a string: by the clear text for a CK holder, by REDACTED for anyone else. */
export function resolveTokens(s: string, db: Db | null, ck: Buffer | null): string {
  if (!s.includes('⟦sealed:')) return s;
  return s.replace(TOKEN_RE, (_m, table: string, id: string, field: string) => {
    if (!ck || !db) return REDACTED;
    try {
      const v = openField(db, ck, table, Number(id), field);
      return v === null ? REDACTED : typeof v === 'string' ? v : v.toString('utf8');
    } catch {
      return REDACTED;
    }
  });
}

/** Walks a JSON-ready value and resolves tokens in every string (keys too). */
export function resolveDeep(v: unknown, db: Db | null, ck: Buffer | null): unknown {
  if (typeof v === 'string') return resolveTokens(v, db, ck);
  if (Array.isArray(v)) return v.map((x) => resolveDeep(x, db, ck));
  if (v && typeof v === 'object' && !(v instanceof Buffer) && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [resolveTokens(k, db, ck), resolveDeep(x, db, ck)]));
  }
  return v;
}
