/**
 * `vigil verify`: proves the store is what was written. Checks the audit hash chain, re-hashes
 * every archived original, checks each claim's evidence against its report, and runs SQLite's
 * integrity check. (PRAGMA cipher_integrity_check is a silent no-op in SQLite3MultipleCiphers,
 * so page-level tampering is caught by integrity_check and the content hashes instead.)
 */
import { createHash } from 'node:crypto';
import { auditHash, GENESIS_HASH, type SqliteStore } from './sqlite-store.ts';
import { openField as openSealed, token } from './confidential.ts';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  checked: { auditEntries: number; originals: number; claims: number; integrity: string; sealedNotChecked?: number };
}

export function verifyStore(store: SqliteStore): VerifyResult {
  const problems: string[] = [];
  const db = store.db;
  let sealedSkipped = 0;
  const openField = (_db: unknown, ck: Buffer, t: string, id: number, f: string): string | Buffer | null => {
    try {
      return openSealed(db, ck, t, id, f);
    } catch {
      problems.push(`${t.slice(0, -1)} #${id}: its sealed ${f} was altered (the authentication tag fails)`);
      return null;
    }
  };

  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const integrityText = integrity.join('; ');
  if (integrityText !== 'ok') problems.push(`SQLite integrity check failed: ${integrityText}`);

  const audit = db.prepare('SELECT id, at, actor, action, entity, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY id').all() as { id: number; at: string; actor: string; action: string; entity: string; before_json: string | null; after_json: string | null; prev_hash: string; hash: string }[];
  let prev = GENESIS_HASH;
  let prevId = 0;
  for (const e of audit) {
    if (e.prev_hash !== prev) problems.push(`audit entry #${e.id} does not follow entry #${prevId}: the chain is broken (an entry was removed, inserted or rewritten)`);
    const h = auditHash(e.prev_hash, { at: e.at, actor: e.actor, action: e.action, entity: e.entity, beforeJson: e.before_json, afterJson: e.after_json });
    if (h !== e.hash) problems.push(`audit entry #${e.id} (${e.action} ${e.entity}) was altered: its content no longer matches its hash`);
    prev = e.hash;
    prevId = e.id;
  }

  let originals = 0;
  for (const r of db.prepare('SELECT id, sha256, filename, original FROM reports ORDER BY id').iterate() as Iterable<{ id: number; sha256: string; filename: string | null; original: Buffer }>) {
    originals++;
    let bytes = r.original;
    if (bytes.equals(Buffer.from(token('reports', r.id, 'original')))) {
      // Sealed under CK: re-hashed only by someone holding CK (the owner); otherwise counted.
      const open = store.ck ? openField(db, store.ck, 'reports', r.id, 'original') : null;
      if (!Buffer.isBuffer(open)) {
        sealedSkipped++;
        continue;
      }
      bytes = open;
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== r.sha256) problems.push(`report #${r.id} (${r.filename ?? 'no file name'}): the archived original was altered (SHA-256 ${actual.slice(0, 12)}…, recorded ${r.sha256.slice(0, 12)}…)`);
  }

  // Attachments (pictures, media) are originals too: each is re-hashed against its recorded SHA-256.
  for (const a of db.prepare('SELECT id, sha256, filename, original FROM attachments ORDER BY id').iterate() as Iterable<{ id: number; sha256: string; filename: string; original: Buffer }>) {
    originals++;
    const actual = createHash('sha256').update(a.original).digest('hex');
    if (actual !== a.sha256) problems.push(`attachment #${a.id} (${a.filename}): the archived file was altered (SHA-256 ${actual.slice(0, 12)}…, recorded ${a.sha256.slice(0, 12)}…)`);
  }

  let claims = 0;
  // Claims come grouped by report, so only one report's text is held at a time.
  let textOf = -1;
  let text = '';
  const mainText = db.prepare('SELECT main_text FROM reports WHERE id = ?');
  for (const c of db.prepare('SELECT id, report_id, evidence, span_start, span_end FROM claims ORDER BY report_id, id').iterate() as Iterable<{ id: number; report_id: number; evidence: string; span_start: number; span_end: number }>) {
    claims++;
    if (c.report_id !== textOf) {
      text = (mainText.get(c.report_id) as { main_text: string } | undefined)?.main_text ?? '';
      textOf = c.report_id;
      if (text === token('reports', c.report_id, 'main_text')) text = store.ck ? String(openField(db, store.ck, 'reports', c.report_id, 'main_text') ?? '') : '';
    }
    let evidence = c.evidence;
    const sealed = /^⟦sealed:claims:(\d+):evidence⟧$/.exec(evidence);
    if (sealed) evidence = store.ck ? String(openField(db, store.ck, 'claims', Number(sealed[1]), 'evidence') ?? '') : '';
    if (!text || !evidence) {
      sealedSkipped++;
      continue;
    }
    if (text.slice(c.span_start, c.span_end) !== evidence) problems.push(`claim #${c.id}: its evidence no longer matches the text of report #${c.report_id} at ${c.span_start}–${c.span_end}`);
  }

  return { ok: problems.length === 0, problems, checked: { auditEntries: audit.length, originals, claims, integrity: integrityText, sealedNotChecked: sealedSkipped } };
}
