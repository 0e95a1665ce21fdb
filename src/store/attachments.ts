/**
 * Attachments (pictures and media kept with a report or a person), links between reports (an
 * e-mail and the documents attached to it) and source keys (a Telegram message's chat and id).
 * Functions over the store rather than methods of it: each write is one `store.write` (its rows
 * MAC'd, the audit head anchored) and audited like the rest.
 *
 * An attachment has the level of what it is kept with — its report, or the mention that forms
 * the person — and follows it when that level changes (setConfidentiality). Internal and
 * confidential attachments are sealed like a report's text: the shown copy, the file name and the
 * list of what was removed, under that level's key (SEALED_FIELDS). The original, which keeps its
 * metadata, goes only to roles cleared for confidential content, so it is sealed under the
 * confidential key at every level (FLOOR). Every read opens them row by row with the reader's keys.
 */
import { createHash, createHmac } from 'node:crypto';
import { cleanImage, imageType } from '../ingest/images.ts';
import { InputError, type MediaFile } from '../ingest/formats.ts';
import { CONFIDENTIALITY, type Confidentiality } from '../schema/taxonomy.ts';
import { openColumns, refusePlaceholder, sealRow, type Reader } from './confidential.ts';
import { levelsFor } from './queries.ts';
import { NotFoundError, type SqliteStore } from './sqlite-store.ts';

export interface AttachmentInfo {
  id: number;
  sha256: string;
  reportId: number | null;
  personId: number | null;
  filename: string;
  mediaType: string;
  bytes: number;
  /** Whether a copy without metadata exists to show (a picture); otherwise only the original is kept. */
  picture: boolean;
  removed: string[];
  addedAt: string;
  addedBy: string;
}

const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const higher = (a: Confidentiality, b: Confidentiality): Confidentiality => (CONFIDENTIALITY[b].rank > CONFIDENTIALITY[a].rank ? b : a);

/** The level of what an attachment is kept with: a report's, or a mention's together with its report's. */
function ownerLevel(store: SqliteStore, owner: { reportId: number } | { mentionId: number }): Confidentiality {
  if ('reportId' in owner) {
    const r = store.db.prepare('SELECT confidentiality AS c FROM reports WHERE id = ?').get(owner.reportId) as { c: Confidentiality } | undefined;
    if (!r) throw new NotFoundError(`No report #${owner.reportId}.`);
    return r.c;
  }
  const m = store.db.prepare('SELECT m.confidentiality AS m, r.confidentiality AS r FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.id = ?').get(owner.mentionId) as { m: Confidentiality; r: Confidentiality } | undefined;
  if (!m) throw new NotFoundError(`No person #${owner.mentionId}.`);
  return higher(m.m, m.r);
}

/**
 * Keeps a file with a report or a person (by the mention that forms the person). A picture gets a
 * copy without its metadata, which is what readers see. A picture a person attaches is refused when
 * it cannot be cleaned; a file that came with a report (a message's video, an unreadable document)
 * is kept as it is, and only its original exists, for roles cleared for confidential content.
 * Inside another write (an ingest) it is part of that one.
 */
export function addAttachment(store: SqliteStore, owner: { reportId: number } | { mentionId: number }, file: MediaFile, actor: string, opts: { picture?: boolean } = {}): AttachmentInfo {
  // A planted placeholder in a file name could only be a try to open another row's secret.
  refusePlaceholder(`The file name ${file.filename.slice(0, 80)}`, file.filename);
  let cleaned: ReturnType<typeof cleanImage> | null = null;
  try {
    cleaned = opts.picture || imageType(file.bytes) ? cleanImage(file.bytes) : null;
  } catch (e) {
    if (opts.picture || !(e instanceof InputError)) throw e;
  }
  const sha256 = sha256Of(file.bytes);
  const reportId = 'reportId' in owner ? owner.reportId : null;
  const mentionId = 'mentionId' in owner ? owner.mentionId : null;
  const mediaType = cleaned?.mediaType ?? file.mediaType;
  const id = store.write(() => {
    const level = ownerLevel(store, owner);
    const at = new Date().toISOString();
    const id = Number(store.db.prepare(`INSERT INTO attachments(sha256, report_id, mention_id, filename, media_type, original, shown, shown_sha256, size, removed_json, added_at, added_by, confidentiality)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(sha256, reportId, mentionId, file.filename, mediaType, file.bytes, cleaned?.shown ?? null,
      cleaned ? sha256Of(cleaned.shown) : null, file.bytes.length, JSON.stringify(cleaned?.removed ?? []), at, actor, level).lastInsertRowid);
    // The original is sealed under the confidential key whatever the level (FLOOR); the rest follows the level.
    sealRow(store.db, store.fieldKeys, 'attachments', id, level === 'public' ? 'confidential' : level, level === 'public' ? ['original'] : undefined);
    // The audit entry names neither the file nor what was removed (both are sealed with a sealed owner): counts only.
    store.audit(actor, 'attach', `attachment:${id}`, undefined, { sha256, report: reportId, person: mentionId, mediaType, removed: cleaned?.removed.length ?? 0, confidentiality: level }, at);
    return id;
  });
  return attachmentInfo(store, id, store.owner)!;
}

interface Row { id: number; sha256: string; report_id: number | null; mention_id: number | null; filename: string; media_type: string; size: number; picture: number; removed_json: string; added_at: string; added_by: string; person_id: number | null }

const SELECT = `SELECT a.id, a.sha256, a.report_id, a.mention_id, a.filename, a.media_type, a.size, a.shown IS NOT NULL AS picture,
  a.removed_json, a.added_at, a.added_by, m.person_id FROM attachments a LEFT JOIN mentions m ON m.id = a.mention_id
  LEFT JOIN reports mr ON mr.id = m.report_id LEFT JOIN reports r ON r.id = a.report_id`;

/** The reader may see the attachment's own level and that of the report or mention (and its report) it is kept with. */
function visibleTo(reader: Reader): string {
  const l = levelsFor(reader.clearance).map((x) => `'${x}'`).join(',');
  return `a.confidentiality IN (${l}) AND (a.report_id IS NULL OR r.confidentiality IN (${l}))
    AND (a.mention_id IS NULL OR (m.confidentiality IN (${l}) AND mr.confidentiality IN (${l})))`;
}

function toInfo(store: SqliteStore, reader: Reader, r: Row): AttachmentInfo {
  openColumns(store.db, reader.keys, 'attachments', r.id, r, { filename: 'filename', removed_json: 'removed_json' });
  return {
    id: r.id, sha256: r.sha256, reportId: r.report_id, personId: r.mention_id === null ? null : (r.person_id ?? r.mention_id), filename: r.filename, mediaType: r.media_type,
    bytes: r.size, picture: r.picture === 1, removed: JSON.parse(r.removed_json) as string[], addedAt: r.added_at, addedBy: r.added_by,
  };
}

/** One attachment, if the reader may see it. */
export function attachmentInfo(store: SqliteStore, id: number, reader: Reader): AttachmentInfo | null {
  const r = store.db.prepare(`${SELECT} WHERE a.id = ? AND ${visibleTo(reader)}`).get(id) as Row | undefined;
  return r ? toInfo(store, reader, r) : null;
}

export function attachmentsOfReport(store: SqliteStore, reportId: number, reader: Reader): AttachmentInfo[] {
  return (store.db.prepare(`${SELECT} WHERE a.report_id = ? AND ${visibleTo(reader)} ORDER BY a.id`).all(reportId) as Row[]).map((r) => toInfo(store, reader, r));
}

/** A person's attachments the reader may see: those kept with any mention now grouped into the person. */
export function attachmentsOfPerson(store: SqliteStore, personId: number, reader: Reader): AttachmentInfo[] {
  return (store.db.prepare(`${SELECT} WHERE m.person_id = ? AND ${visibleTo(reader)} ORDER BY a.id`).all(personId) as Row[]).map((r) => toInfo(store, reader, r));
}

/**
 * The bytes to give out, if the reader may see the attachment: 'shown' is a picture's copy without
 * metadata, and nothing for a file that has none (it may carry metadata of its own); 'original' is
 * the file as received, which the caller gives only to readers cleared for confidential content.
 */
export function attachmentBytes(store: SqliteStore, id: number, which: 'shown' | 'original', reader: Reader): { bytes: Buffer; mediaType: string; filename: string } | null {
  const r = store.db.prepare(`SELECT a.${which} AS bytes, a.media_type, a.filename FROM attachments a LEFT JOIN mentions m ON m.id = a.mention_id
    LEFT JOIN reports mr ON mr.id = m.report_id LEFT JOIN reports r ON r.id = a.report_id WHERE a.id = ? AND ${visibleTo(reader)}`).get(id) as { bytes: Buffer | null; media_type: string; filename: string } | undefined;
  if (!r?.bytes) return null;
  openColumns(store.db, reader.keys, 'attachments', id, r, { bytes: which, filename: 'filename' });
  return { bytes: r.bytes, mediaType: r.media_type, filename: r.filename };
}

/**
 * Records that a report came inside another (an e-mail's attachment), both by SHA-256; twice is
 * once. Audited, so that the anchored head counts the new row (a link written alone, when the
 * attachment was already known from another message, is a write of its own).
 */
export function linkReports(store: SqliteStore, sha256: string, parentSha256: string, relation: string, actor: string): void {
  store.write(() => {
    const id = (sha: string) => (store.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(sha) as { id: number } | undefined)?.id;
    const child = id(sha256);
    const parent = id(parentSha256);
    if (child === undefined || parent === undefined || parent === child) return;
    if (store.db.prepare('INSERT OR IGNORE INTO report_links(report_id, parent_id, relation) VALUES (?,?,?)').run(child, parent, relation).changes === 0) return;
    store.audit(actor, 'link', `report:${sha256}`, undefined, { parent: parentSha256, relation });
  });
}

/** The reports a report is linked with: what it came inside, and what came inside it (the caller filters by its reader). */
export function linkedReports(store: SqliteStore, reportId: number): { parents: { id: number; relation: string }[]; children: { id: number; relation: string }[] } {
  return {
    parents: store.db.prepare('SELECT parent_id AS id, relation FROM report_links WHERE report_id = ? ORDER BY parent_id').all(reportId) as { id: number; relation: string }[],
    children: store.db.prepare('SELECT report_id AS id, relation FROM report_links WHERE parent_id = ? ORDER BY report_id').all(reportId) as { id: number; relation: string }[],
  };
}

/**
 * A source key is only ever looked up, never shown, so the table keeps an HMAC of it (under the
 * integrity key, which rotation keeps): a confidential message's chat and id, sealed in its
 * report, are not left in the clear beside it.
 */
const sourceKeyOf = (store: SqliteStore, key: string) => createHmac('sha256', store.keys.integrity).update(`vigil/source-key/v1\n${key}`).digest('hex');

export function reportBySourceKey(store: SqliteStore, key: string): number | null {
  return (store.db.prepare('SELECT report_id AS id FROM source_keys WHERE key = ?').get(sourceKeyOf(store, key)) as { id: number } | undefined)?.id ?? null;
}

/** Inside the caller's write (storeProcessed). */
export function recordSourceKey(store: SqliteStore, key: string, reportId: number): void {
  store.db.prepare('INSERT OR IGNORE INTO source_keys(key, report_id) VALUES (?, ?)').run(sourceKeyOf(store, key), reportId);
}
