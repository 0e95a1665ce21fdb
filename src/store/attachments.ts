/**
 * Attachments (pictures and media kept with a report or a person), links between reports (an
 * e-mail and the documents attached to it) and source keys (a Telegram message's chat and id).
 * Functions over the store rather than methods of it: each write is audited like the rest.
 */
import { createHash } from 'node:crypto';
import { cleanImage, imageType } from '../ingest/images.ts';
import { InputError, type MediaFile } from '../ingest/formats.ts';
import { cleared, type Confidentiality } from '../schema/taxonomy.ts';
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

/**
 * Keeps a file with a report or a person (by the mention that forms the person). A picture gets a
 * copy without its metadata, which is what readers see. A picture a person attaches is refused when
 * it cannot be cleaned; a file that came with a report (a message's video, an unreadable document)
 * is kept as it is, and only its original exists, for roles cleared for confidential content.
 */
export function addAttachment(store: SqliteStore, owner: { reportId: number } | { mentionId: number }, file: MediaFile, actor: string, opts: { picture?: boolean } = {}): AttachmentInfo {
  let cleaned: ReturnType<typeof cleanImage> | null = null;
  try {
    cleaned = opts.picture || imageType(file.bytes) ? cleanImage(file.bytes) : null;
  } catch (e) {
    if (opts.picture || !(e instanceof InputError)) throw e;
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const reportId = 'reportId' in owner ? owner.reportId : null;
  const mentionId = 'mentionId' in owner ? owner.mentionId : null;
  const tx = store.db.transaction(() => {
    if (reportId !== null && !store.db.prepare('SELECT 1 FROM reports WHERE id = ?').get(reportId)) throw new NotFoundError(`No report #${reportId}.`);
    if (mentionId !== null && !store.db.prepare('SELECT 1 FROM mentions WHERE id = ?').get(mentionId)) throw new NotFoundError(`No person #${mentionId}.`);
    const at = new Date().toISOString();
    const id = Number(store.db.prepare(`INSERT INTO attachments(sha256, report_id, mention_id, filename, media_type, original, shown, removed_json, added_at, added_by)
      VALUES (?,?,?,?,?,?,?,?,?,?)`).run(sha256, reportId, mentionId, file.filename, cleaned?.mediaType ?? file.mediaType, file.bytes, cleaned?.shown ?? null, JSON.stringify(cleaned?.removed ?? []), at, actor).lastInsertRowid);
    // The audit entry names the file and what was removed from what is shown, never the metadata itself.
    store.audit(actor, 'attach', `attachment:${id}`, undefined, { sha256, report: reportId, person: mentionId, mediaType: cleaned?.mediaType ?? file.mediaType, removed: cleaned?.removed ?? [] }, at);
    return id;
  });
  return attachmentInfo(store, tx.immediate())!;
}

interface Row { id: number; sha256: string; report_id: number | null; mention_id: number | null; filename: string; media_type: string; size: number; picture: number; removed_json: string; added_at: string; added_by: string; person_id: number | null }

const SELECT = `SELECT a.id, a.sha256, a.report_id, a.mention_id, a.filename, a.media_type, length(a.original) AS size, a.shown IS NOT NULL AS picture,
  a.removed_json, a.added_at, a.added_by, m.person_id FROM attachments a LEFT JOIN mentions m ON m.id = a.mention_id`;

const toInfo = (r: Row): AttachmentInfo => ({
  id: r.id, sha256: r.sha256, reportId: r.report_id, personId: r.mention_id === null ? null : (r.person_id ?? r.mention_id), filename: r.filename, mediaType: r.media_type,
  bytes: r.size, picture: r.picture === 1, removed: JSON.parse(r.removed_json) as string[], addedAt: r.added_at, addedBy: r.added_by,
});

export function attachmentInfo(store: SqliteStore, id: number): AttachmentInfo | null {
  const r = store.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  return r ? toInfo(r) : null;
}

export function attachmentsOfReport(store: SqliteStore, reportId: number): AttachmentInfo[] {
  return (store.db.prepare(`${SELECT} WHERE a.report_id = ? ORDER BY a.id`).all(reportId) as Row[]).map(toInfo);
}

/** A person's attachments: those kept with any mention now grouped into the person. */
export function attachmentsOfPerson(store: SqliteStore, personId: number): AttachmentInfo[] {
  return (store.db.prepare(`${SELECT} WHERE m.person_id = ? ORDER BY a.id`).all(personId) as Row[]).map(toInfo);
}

/**
 * Whether a reader of this clearance may see an attachment: a report's goes with the report's
 * level, a person's with the level of the mention it was kept with.
 */
export function attachmentVisible(store: SqliteStore, id: number, clearance: Confidentiality): boolean {
  const r = store.db.prepare(`SELECT COALESCE(r.confidentiality, m.confidentiality) AS c FROM attachments a
    LEFT JOIN reports r ON r.id = a.report_id LEFT JOIN mentions m ON m.id = a.mention_id WHERE a.id = ?`).get(id) as { c: Confidentiality | null } | undefined;
  return !!r?.c && cleared(clearance, r.c);
}

/**
 * The bytes to give out: 'shown' is a picture's copy without metadata, and nothing for a file
 * that has none (it may carry metadata of its own); 'original' is the file as received, which the
 * caller gives only to readers cleared for confidential content.
 */
export function attachmentBytes(store: SqliteStore, id: number, which: 'shown' | 'original'): { bytes: Buffer; mediaType: string; filename: string } | null {
  const r = store.db.prepare('SELECT original, shown, media_type, filename FROM attachments WHERE id = ?').get(id) as { original: Buffer; shown: Buffer | null; media_type: string; filename: string } | undefined;
  if (!r) return null;
  const bytes = which === 'original' ? r.original : r.shown;
  return bytes ? { bytes, mediaType: r.media_type, filename: r.filename } : null;
}

/** Records that a report came inside another (an e-mail's attachment), both by SHA-256; twice is once. */
export function linkReports(store: SqliteStore, sha256: string, parentSha256: string, relation: string): void {
  const id = (sha: string) => (store.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(sha) as { id: number } | undefined)?.id;
  const child = id(sha256);
  const parent = id(parentSha256);
  if (child === undefined || parent === undefined || parent === child) return;
  store.db.prepare('INSERT OR IGNORE INTO report_links(report_id, parent_id, relation) VALUES (?,?,?)').run(child, parent, relation);
}

/** The reports a report is linked with: what it came inside, and what came inside it. */
export function linkedReports(store: SqliteStore, reportId: number): { parents: { id: number; relation: string }[]; children: { id: number; relation: string }[] } {
  return {
    parents: store.db.prepare('SELECT parent_id AS id, relation FROM report_links WHERE report_id = ? ORDER BY parent_id').all(reportId) as { id: number; relation: string }[],
    children: store.db.prepare('SELECT report_id AS id, relation FROM report_links WHERE parent_id = ? ORDER BY report_id').all(reportId) as { id: number; relation: string }[],
  };
}

export function reportBySourceKey(store: SqliteStore, key: string): number | null {
  return (store.db.prepare('SELECT report_id AS id FROM source_keys WHERE key = ?').get(key) as { id: number } | undefined)?.id ?? null;
}

export function recordSourceKey(store: SqliteStore, key: string, reportId: number): void {
  store.db.prepare('INSERT OR IGNORE INTO source_keys(key, report_id) VALUES (?, ?)').run(key, reportId);
}
