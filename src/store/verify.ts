/**
 * `vigil verify`: proves the store is what Vigil wrote. Checks the audit chain (HMAC under the
 * integrity key, which users never hold) and the head anchored in the key file, the MAC of every
 * row of every table that holds facts or rights, every sealed field's authentication tag,
 * re-hashes every archived original, checks each claim's evidence against its report, and runs
 * SQLite's integrity check. (PRAGMA cipher_integrity_check is a silent no-op in
 * SQLite3MultipleCiphers, so page-level tampering is caught by integrity_check and the MACs.)
 */
import { createHash } from 'node:crypto';
import type { SqliteStore } from './sqlite-store.ts';
import { openColumns, openField, isSealedValue, SEALED_FIELDS, type SealedTable } from './confidential.ts';
import { alteredRows, anchorIsGenuine, auditMac, GENESIS_HASH, MACED_TABLE_NAMES, rowCounts } from './integrity.ts';
import { readKeyFile, type HeadAnchor } from './keyfile.ts';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  checked: { auditEntries: number; originals: number; claims: number; rows: number; sealedFields: number; integrity: string };
  head: HeadAnchor | null;
}

export function verifyStore(store: SqliteStore): VerifyResult {
  const problems: string[] = [];
  const db = store.db;
  const mk = store.keys.integrity;

  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const integrityText = integrity.join('; ');
  if (integrityText !== 'ok') problems.push(`SQLite integrity check failed: ${integrityText}`);

  // The audit chain: each entry's MAC over the one before it and its own content.
  const audit = db.prepare('SELECT id, at, actor, action, entity, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY id').all() as { id: number; at: string; actor: string; action: string; entity: string; before_json: string | null; after_json: string | null; prev_hash: string; hash: string }[];
  let prev = GENESIS_HASH;
  let prevId = 0;
  for (const e of audit) {
    if (e.prev_hash !== prev) problems.push(`audit entry #${e.id} does not follow entry #${prevId}: the chain is broken (an entry was removed, inserted or rewritten)`);
    const h = auditMac(mk, e.prev_hash, { at: e.at, actor: e.actor, action: e.action, entity: e.entity, beforeJson: e.before_json, afterJson: e.after_json });
    if (h !== e.hash) problems.push(`audit entry #${e.id} (${e.action} ${e.entity}) was altered: its content no longer matches its MAC`);
    prev = e.hash;
    prevId = e.id;
  }

  // The head anchored outside the database: the entry it names must be there, unchanged, and with
  // no entry after it the tables must hold as many rows as when it was written.
  const head = readKeyFile(store.keyFile).head ?? null;
  if (!head) {
    if (audit.length > 0) problems.push('the key file holds no anchored audit head, yet the audit log has entries (the key file was replaced?)');
  } else if (!anchorIsGenuine(mk, head)) {
    problems.push('the audit head anchored in the key file was altered: its MAC fails');
  } else if (head.auditId > 0) {
    const at = audit.find((e) => e.id === head.auditId);
    if (!at) problems.push(`audit entry #${head.auditId}, the anchored head, is gone: entries were deleted from the end of the log`);
    else if (at.hash !== head.auditHash) problems.push(`audit entry #${head.auditId} is not the anchored head: the log was rewritten`);
    else if (audit.at(-1)!.id === head.auditId) {
      const now = rowCounts(db);
      for (const [t, n] of Object.entries(head.rows)) if (now[t] !== n) problems.push(`table ${t} holds ${now[t]} rows, ${n} when the head was anchored: rows were ${now[t]! < n ? 'deleted' : 'added'} outside Vigil`);
    }
  }

  // Every row of every table that holds facts or rights.
  let rows = 0;
  for (const t of MACED_TABLE_NAMES) {
    rows += (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    for (const k of alteredRows(db, mk, t)) problems.push(`${t} row ${k} was altered outside Vigil: its MAC fails`);
  }

  // Every sealed field opens (its tag holds) and every placeholder has its sealed value.
  let sealedFields = 0;
  for (const s of db.prepare('SELECT tbl, row_id, field FROM sealed_fields').all() as { tbl: string; row_id: number; field: string }[]) {
    sealedFields++;
    try {
      if (openField(db, store.fieldKeys, s.tbl, s.row_id, s.field) === null) problems.push(`${s.tbl.slice(0, -1)} #${s.row_id}: its sealed ${s.field} has a level no key opens`);
    } catch {
      problems.push(`${s.tbl.slice(0, -1)} #${s.row_id}: its sealed ${s.field} was altered (the authentication tag fails)`);
    }
  }
  for (const [t, fields] of Object.entries(SEALED_FIELDS) as [SealedTable, readonly string[]][]) {
    const has = db.prepare('SELECT 1 FROM sealed_fields WHERE tbl = ? AND row_id = ? AND field = ?');
    for (const r of db.prepare(`SELECT id, ${fields.join(', ')} FROM ${t}`).iterate() as Iterable<Record<string, unknown>>) {
      for (const f of fields) if (isSealedValue(t, Number(r.id), f, r[f]) && !has.get(t, r.id, f)) problems.push(`${t.slice(0, -1)} #${String(r.id)}: its sealed ${f} is missing`);
    }
  }

  let originals = 0;
  for (const r of db.prepare('SELECT id, sha256, filename, original FROM reports ORDER BY id').iterate() as Iterable<{ id: number; sha256: string; filename: string | null; original: Buffer }>) {
    originals++;
    openColumns(db, store.fieldKeys, 'reports', r.id, r, { original: 'original', filename: 'filename' });
    const actual = createHash('sha256').update(r.original).digest('hex');
    if (actual !== r.sha256) problems.push(`report #${r.id} (${r.filename ?? 'no file name'}): the archived original was altered (SHA-256 ${actual.slice(0, 12)}…, recorded ${r.sha256.slice(0, 12)}…)`);
  }

  // Attachments (pictures, media) are originals too: each file, and a picture's shown copy, is
  // re-hashed against its recorded SHA-256 (sealed ones opened first).
  for (const a of db.prepare('SELECT id, sha256, shown_sha256, filename, original, shown FROM attachments ORDER BY id').iterate() as Iterable<{ id: number; sha256: string; shown_sha256: string | null; filename: string; original: Buffer; shown: Buffer | null }>) {
    originals++;
    openColumns(db, store.fieldKeys, 'attachments', a.id, a, { original: 'original', shown: 'shown', filename: 'filename' });
    const actual = createHash('sha256').update(a.original).digest('hex');
    if (actual !== a.sha256) problems.push(`attachment #${a.id} (${a.filename}): the archived file was altered (SHA-256 ${actual.slice(0, 12)}…, recorded ${a.sha256.slice(0, 12)}…)`);
    const shown = a.shown === null ? null : createHash('sha256').update(a.shown).digest('hex');
    if (shown !== a.shown_sha256) problems.push(`attachment #${a.id} (${a.filename}): the copy shown without metadata was altered or replaced`);
  }

  let claims = 0;
  // Claims come grouped by report, so only one report's text is held at a time.
  let textOf = -1;
  let text = '';
  const mainText = db.prepare('SELECT main_text FROM reports WHERE id = ?');
  for (const c of db.prepare('SELECT id, report_id, evidence, span_start, span_end FROM claims ORDER BY report_id, id').iterate() as Iterable<{ id: number; report_id: number; evidence: string; span_start: number; span_end: number }>) {
    claims++;
    if (c.report_id !== textOf) {
      const row = mainText.get(c.report_id) as { main_text: string } | undefined;
      text = row ? openColumns(db, store.fieldKeys, 'reports', c.report_id, row, { main_text: 'main_text' }).main_text : '';
      textOf = c.report_id;
    }
    const evidence = openColumns(db, store.fieldKeys, 'claims', c.id, c, { evidence: 'evidence' }).evidence;
    if (text.slice(c.span_start, c.span_end) !== evidence) problems.push(`claim #${c.id}: its evidence no longer matches the text of report #${c.report_id} at ${c.span_start}–${c.span_end}`);
  }

  return { ok: problems.length === 0, problems, checked: { auditEntries: audit.length, originals, claims, rows, sealedFields, integrity: integrityText }, head };
}
