/**
 * Field-level encryption of internal and confidential content, each level under a key of its own
 * (the key hierarchy is in keyfile.ts).
 *
 * A sealed field's plain column holds only its own placeholder, ⟦sealed:TABLE:ID:FIELD⟧ (inside a
 * JSON value for JSON columns); the ciphertext is in `sealed_fields`, bound to table/row/field and
 * level. Readers open sealed fields row by row (`openColumns`): a column is opened only when it
 * holds its own row's placeholder, and only with a key the reader holds; anything else is text.
 * Nothing ever searches an answer for placeholders, and uploads and corrections that contain one
 * are refused (`refusePlaceholder`), so planted text can never be turned into another row's secret.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import type { Db } from './db.ts';
import { cleared, type Confidentiality } from '../schema/taxonomy.ts';

export const REDACTED = '[confidential]';
export const PLACEHOLDER_MARK = '⟦sealed:';
export const token = (table: string, id: number, field: string): string => `⟦sealed:${table}:${id}:${field}⟧`;

/** The levels that are sealed, each under its own key. */
export type SealLevel = Exclude<Confidentiality, 'public'>;
export const SEAL_LEVELS: readonly SealLevel[] = ['internal', 'confidential'];
export type FieldKeys = Partial<Record<SealLevel, Buffer>>;

/** Who reads: the clearance that filters rows, and the field keys that open sealed fields. */
export interface Reader {
  clearance: Confidentiality;
  keys: FieldKeys;
  /** A publishing reader sees only claims in these review statuses (views/publish.ts); others see every one. */
  statuses?: readonly string[];
}

/** The field keys a clearance may hold, taken from a fuller set. */
export function keysFor(clearance: Confidentiality, keys: FieldKeys): FieldKeys {
  return Object.fromEntries(SEAL_LEVELS.filter((l) => cleared(clearance, l) && keys[l]).map((l) => [l, keys[l]])) as FieldKeys;
}

export class PlaceholderError extends Error {
  constructor(what: string) {
    super(`${what} contains “${PLACEHOLDER_MARK}…⟧”, which Vigil keeps for sealed fields; remove it and try again.`);
    this.name = 'PlaceholderError';
  }
}

/** Uploads and corrections may not carry a placeholder: it could only be a try to read another row. */
export function refusePlaceholder(what: string, ...values: (string | Buffer | null | undefined)[]): void {
  for (const v of values) if (v && (typeof v === 'string' ? v : v.toString('utf8')).includes(PLACEHOLDER_MARK)) throw new PlaceholderError(what);
}

export function gcm(key: Buffer, plain: Buffer, aad: string): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv, tag: c.getAuthTag(), ct };
}

export function ungcm(key: Buffer, b: { iv: Buffer; tag: Buffer; ct: Buffer }, aad: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, b.iv);
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(b.tag);
  return Buffer.concat([d.update(b.ct), d.final()]);
}

// ---- user key pairs and sealing field keys to them ----

export function newUserKeyPair(): { publicKey: string; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }) };
}

const pub = (b64: string): KeyObject => createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });

/** The public key that belongs to a private key: a swapped key-file slot does not match its user's row. */
export function publicKeyOf(privateKeyDer: Buffer): string {
  return createPublicKey(createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'der' }).toString('base64');
}

function sealKey(shared: Buffer, epk: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(epk + recipient), 'vigil/key-seal/v2', 32));
}

/** Seals a key to a user's public key; only their private key (under their password) opens it. */
export function sealTo(key: Buffer, recipientPublicKey: string, label: string): string {
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const k = sealKey(diffieHellman({ privateKey: eph.privateKey, publicKey: pub(recipientPublicKey) }), epk, recipientPublicKey);
  const b = gcm(k, key, `vigil/${label}/${recipientPublicKey}`);
  k.fill(0);
  return JSON.stringify({ epk, iv: b.iv.toString('base64'), tag: b.tag.toString('base64'), ct: b.ct.toString('base64') });
}

export function unsealFrom(sealed: string, privateKeyDer: Buffer, recipientPublicKey: string, label: string): Buffer {
  const s = JSON.parse(sealed) as { epk: string; iv: string; tag: string; ct: string };
  const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  const k = sealKey(diffieHellman({ privateKey, publicKey: pub(s.epk) }), s.epk, recipientPublicKey);
  try {
    return ungcm(k, { iv: Buffer.from(s.iv, 'base64'), tag: Buffer.from(s.tag, 'base64'), ct: Buffer.from(s.ct, 'base64') }, `vigil/${label}/${recipientPublicKey}`);
  } finally {
    k.fill(0);
  }
}

// ---- fields ----

/** Which columns of a row are sealed when the row is internal or confidential. */
export const SEALED_FIELDS = {
  reports: ['original', 'main_text', 'title', 'filename', 'url', 'metadata_json'],
  mentions: ['name', 'variants_json', 'role'],
  claims: ['evidence', 'detail', 'place', 'claimant'],
  attachments: ['original', 'shown', 'filename', 'removed_json'],
  // What a list shows of a person at a level above public, when a sealed field gave it (person-views.ts).
  person_views: ['name', 'place', 'articles_json'],
} as const;
export type SealedTable = keyof typeof SEALED_FIELDS;

/**
 * Fields sealed at least at this level, whatever their row's level: an attachment's original keeps
 * the metadata (a GPS location, a time) that only roles cleared for confidential content may have,
 * so it is sealed under the confidential key even when its report is public.
 */
export const FLOOR: Partial<Record<SealedTable, Record<string, SealLevel>>> = { attachments: { original: 'confidential' } };

/** JSON columns keep valid JSON (readers parse them) that holds nothing but the placeholder. */
export function placeholder(table: string, id: number, field: string): string {
  const t = token(table, id, field);
  return field === 'variants_json' || field === 'removed_json' || field === 'articles_json' ? JSON.stringify([t]) : field === 'metadata_json' ? JSON.stringify({ sealed: t }) : t;
}
const REDACTED_VALUE: Record<string, string> = { variants_json: '[]', removed_json: '[]', articles_json: '[]', metadata_json: '{}' };

/** Whether a column value is exactly its own row's placeholder: the only thing that is ever opened. */
export function isSealedValue(table: string, id: number, field: string, v: unknown): boolean {
  if (typeof v === 'string') return v.startsWith('⟦') || v.startsWith('[') || v.startsWith('{') ? v === placeholder(table, id, field) : false;
  return Buffer.isBuffer(v) && v.length < 200 && v.equals(Buffer.from(placeholder(table, id, field)));
}

export const aadOf = (table: string, id: number, field: string, level: SealLevel) => `vigil/field/${table}/${id}/${field}/${level}`;

const RANK: Record<SealLevel, number> = { internal: 1, confidential: 2 };
const atLeast = (table: SealedTable, field: string, level: SealLevel): SealLevel => {
  const floor = FLOOR[table]?.[field];
  return floor && RANK[floor] > RANK[level] ? floor : level;
};

/**
 * Moves the row's sealable columns into `sealed_fields` as ciphertext under the level's key (or
 * the field's FLOOR, when higher) and leaves the placeholder in each plain column. A field already
 * sealed at this level or above stays; one sealed at a lower level is opened and sealed again under
 * the higher key. Callers are inside a transaction and hold every key (the owner or the unlocked server).
 */
export function sealRow(db: Db, keys: FieldKeys, table: SealedTable, id: number, rowLevel: SealLevel, only?: readonly string[]): number {
  const cols = only ?? SEALED_FIELDS[table];
  const row = db.prepare(`SELECT ${cols.join(', ')} FROM ${table} WHERE id = ?`).get(id) as Record<string, string | Buffer | null> | undefined;
  if (!row) return 0;
  const ins = db.prepare('INSERT OR REPLACE INTO sealed_fields(tbl, row_id, field, level, is_blob, iv, tag, ct) VALUES (?,?,?,?,?,?,?,?)');
  let n = 0;
  for (const f of cols) {
    let v = row[f];
    if (v === null || v === undefined) continue;
    const level = atLeast(table, f, rowLevel);
    const key = keys[level];
    if (!key) throw new Error(`sealing at level ${level} needs its key`);
    if (isSealedValue(table, id, f, v)) {
      const was = db.prepare('SELECT level FROM sealed_fields WHERE tbl = ? AND row_id = ? AND field = ?').get(table, id, f) as { level: SealLevel } | undefined;
      if (!was || RANK[was.level] >= RANK[level]) continue;
      v = openField(db, keys, table, id, f);
      if (v === null) continue;
    }
    const isBlob = Buffer.isBuffer(v);
    const b = gcm(key, typeof v === 'string' ? Buffer.from(v, 'utf8') : v, aadOf(table, id, f, level));
    ins.run(table, id, f, level, isBlob ? 1 : 0, b.iv, b.tag, b.ct);
    const p = placeholder(table, id, f);
    db.prepare(`UPDATE ${table} SET ${f} = ? WHERE id = ?`).run(isBlob ? Buffer.from(p) : p, id);
    n++;
  }
  return n;
}

/** Puts a row's sealed fields back in the clear (needs their keys); a field with a FLOOR stays sealed at it. */
export function unsealRow(db: Db, keys: FieldKeys, table: SealedTable, id: number, below?: SealLevel): void {
  for (const f of SEALED_FIELDS[table]) {
    if (FLOOR[table]?.[f]) continue;
    const was = db.prepare('SELECT level FROM sealed_fields WHERE tbl = ? AND row_id = ? AND field = ?').get(table, id, f) as { level: SealLevel } | undefined;
    if (!was) continue;
    const v = openField(db, keys, table, id, f);
    db.prepare('DELETE FROM sealed_fields WHERE tbl = ? AND row_id = ? AND field = ?').run(table, id, f);
    if (v === null) continue;
    db.prepare(`UPDATE ${table} SET ${f} = ? WHERE id = ?`).run(v, id);
    // Lowered to internal: what was confidential is sealed again, now under the internal key.
    if (below) sealRow(db, keys, table, id, below, [f]);
  }
}

/**
 * The clear value of one sealed field; null if it is not sealed or the caller lacks its level's
 * key. Throws if the ciphertext or its binding was altered.
 */
export function openField(db: Db, keys: FieldKeys, table: string, id: number, field: string): string | Buffer | null {
  const r = db.prepare('SELECT level, is_blob, iv, tag, ct FROM sealed_fields WHERE tbl = ? AND row_id = ? AND field = ?').get(table, id, field) as { level: SealLevel; is_blob: number; iv: Buffer; tag: Buffer; ct: Buffer } | undefined;
  if (!r) return null;
  const key = keys[r.level];
  if (!key) return null;
  const plain = ungcm(key, r, aadOf(table, id, field, r.level));
  return r.is_blob ? plain : plain.toString('utf8');
}

/**
 * Opens the sealed columns of one row read from `table`, in place: `columns` maps the row's keys to
 * the table's field names (a joined query names them differently). A column holding its own row's
 * placeholder becomes its clear text for a reader holding the key, REDACTED for anyone else.
 */
export function openColumns<T extends object>(db: Db, keys: FieldKeys, table: SealedTable, id: number, row: T, columns: Partial<Record<keyof T & string, string>>): T {
  const r = row as Record<string, unknown>;
  for (const [col, field] of Object.entries(columns) as [string, string][]) {
    const v = r[col];
    if (!isSealedValue(table, id, field, v)) continue;
    let clear: string | Buffer | null = null;
    try {
      clear = openField(db, keys, table, id, field);
    } catch {
      clear = null; // altered: verify names it; readers see it redacted
    }
    r[col] = clear ?? (Buffer.isBuffer(v) ? Buffer.from(REDACTED) : (REDACTED_VALUE[field] ?? REDACTED));
  }
  return row;
}

/** Every column of a table's sealable fields, mapped to itself: for rows read with their own names. */
export const OWN_COLUMNS = Object.fromEntries(Object.entries(SEALED_FIELDS).map(([t, fs]) => [t, Object.fromEntries(fs.map((f) => [f, f]))])) as Record<SealedTable, Record<string, string>>;
