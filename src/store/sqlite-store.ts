/**
 * The embedded store: reports, mentions, claims and the audit log in one encrypted SQLite file.
 * Every write happens inside a transaction, so a report is either wholly in or wholly out.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.ts';
import type { ProcessedReport } from '../ingest/process.ts';
import type { ContractEvent } from '../extract/contract.ts';
import { CONFIDENTIALITY, type Confidentiality } from '../schema/taxonomy.ts';
import { sealRow, openField, SEALED_FIELDS, type SealedTable } from './confidential.ts';

export class ConfidentialityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfidentialityError';
  }
}

export function isConfidentiality(s: string): s is Confidentiality {
  return Object.hasOwn(CONFIDENTIALITY, s);
}

export interface ReportSummary {
  id: number;
  sha256: string;
  filename: string | null;
  format: string;
  title: string | null;
  published: string | null;
  language: string | null;
  url: string | null;
  capturedAt: string;
  claims: number;
}

/** A claim as resolution sees it: whose mention, what type, which day, what detail (articles). */
export interface ClaimClue { mentionId: number; type: string; date: string | null; detail: string | null }

export interface MentionRow {
  id: number;
  reportId: number;
  name: string;
  variants: string[];
  role: string | null;
  personId: number | null;
}

export interface ClaimRow {
  id: number;
  mentionId: number;
  personId: number | null;
  reportId: number;
  reportSha256: string;
  reportTitle: string | null;
  reportPublished: string | null;
  reportUrl: string | null;
  type: string;
  date: string | null;
  place: string | null;
  detail: string | null;
  claimant: string | null;
  evidence: string;
  start: number;
  end: number;
  confidence: number;
  madeBy: string;
  rule: string | null;
  reviewStatus: string;
  createdAt: string;
  supersedes: number | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export interface PersonDecision {
  id: number;
  kind: 'merge' | 'split';
  namesA: string[];
  namesB: string[];
  madeBy: string;
  at: string;
  note: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, e: { at: string; actor: string; action: string; entity: string; beforeJson: string | null; afterJson: string | null }): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, e.at, e.actor, e.action, e.entity, e.beforeJson, e.afterJson]))
    .digest('hex');
}

interface ClaimDbRow {
  id: number;
  mention_id: number;
  person_id: number | null;
  report_id: number;
  sha256: string;
  title: string | null;
  published: string | null;
  url: string | null;
  type: string;
  date: string | null;
  place: string | null;
  detail: string | null;
  claimant: string | null;
  evidence: string;
  span_start: number;
  span_end: number;
  confidence: number;
  made_by: string;
  rule: string | null;
  review_status: string;
  created_at: string;
  supersedes: number | null;
}

function toClaim(r: ClaimDbRow): ClaimRow {
  return {
    id: r.id, mentionId: r.mention_id, personId: r.person_id, reportId: r.report_id, reportSha256: r.sha256,
    reportTitle: r.title, reportPublished: r.published, reportUrl: r.url, type: r.type, date: r.date, place: r.place,
    detail: r.detail, claimant: r.claimant, evidence: r.evidence, start: r.span_start, end: r.span_end,
    confidence: r.confidence, madeBy: r.made_by, rule: r.rule, reviewStatus: r.review_status, createdAt: r.created_at,
    supersedes: r.supersedes,
  };
}

const CLAIM_SELECT = `SELECT c.*, m.person_id, r.sha256, r.title, r.published, r.url
  FROM claims c JOIN mentions m ON m.id = c.mention_id JOIN reports r ON r.id = c.report_id`;

export class SqliteStore {
  /** The confidential key, when whoever opened the store holds it (owner, or a cleared user). */
  ck: Buffer | null = null;
  /** The least level every report ingested through this store gets (`vigil ingest --confidentiality`). */
  ingestLevel: Confidentiality = 'public';

  constructor(readonly db: Db) {}

  /**
   * Sets the confidentiality of a report, mention or claim. 'confidential' seals its content under
   * CK (and, for a mention or claim, the report's text and original, which contain it; for a report
   * or mention, everything under it); a lower level opens it again. The audit log records the
   * level before and after, never the content.
   */
  setConfidentiality(table: SealedTable, id: number, level: Confidentiality, actor: string): { before: Confidentiality; after: Confidentiality } {
    if (!isConfidentiality(level)) throw new ConfidentialityError(`Unknown confidentiality “${String(level).slice(0, 40)}”: one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
    const tx = this.db.transaction(() => {
      const row = this.db.prepare(`SELECT confidentiality${table === 'reports' ? '' : ', report_id'} FROM ${table} WHERE id = ?`).get(id) as { confidentiality: Confidentiality; report_id?: number } | undefined;
      if (!row) throw new NotFoundError(`No ${table.slice(0, -1)} #${id}.`);
      if (!this.ck) throw new ConfidentialityError('Changing confidentiality needs the confidential key: sign in with a role cleared for confidential content.');
      const below: [SealedTable, number][] = [[table, id]];
      if (table === 'reports') {
        for (const m of this.db.prepare('SELECT id FROM mentions WHERE report_id = ?').all(id) as { id: number }[]) below.push(['mentions', m.id]);
        for (const c of this.db.prepare('SELECT id FROM claims WHERE report_id = ?').all(id) as { id: number }[]) below.push(['claims', c.id]);
      } else if (table === 'mentions') {
        for (const c of this.db.prepare('SELECT id FROM claims WHERE mention_id = ?').all(id) as { id: number }[]) below.push(['claims', c.id]);
      }
      if (level === 'confidential') {
        if (table === 'mentions') {
          // Other claims of the report may quote the name (a witness's name in a public claim's
          // sentence): their text fields are sealed too, while their level stays as it was.
          const m = this.db.prepare('SELECT name, variants_json FROM mentions WHERE id = ?').get(id) as { name: string; variants_json: string };
          const names = [m.name, ...(JSON.parse(m.variants_json) as string[])].filter((n) => n && !n.startsWith('⟦'));
          for (const c of this.db.prepare('SELECT id, evidence, detail, place, claimant FROM claims WHERE report_id = ?').all(row.report_id) as Record<string, string | null>[]) {
            if (names.some((n) => [c.evidence, c.detail, c.place, c.claimant].some((v) => v?.includes(n)))) sealRow(this.db, this.ck, 'claims', Number(c.id));
          }
        }
        for (const [t, i] of below) {
          this.db.prepare(`UPDATE ${t} SET confidentiality = 'confidential' WHERE id = ?`).run(i);
          sealRow(this.db, this.ck, t, i);
        }
        if (table !== 'reports') this.sealReportText(row.report_id!);
      } else {
        for (const [t, i] of below) {
          this.db.prepare(`UPDATE ${t} SET confidentiality = ? WHERE id = ?`).run(level, i);
          this.unsealRow(t, i);
        }
        if (table === 'reports') this.unsealRow('reports', id);
      }
      this.audit(actor, 'confidentiality', `${table.slice(0, -1)}:${id}`, { confidentiality: row.confidentiality }, { confidentiality: level });
      return { before: row.confidentiality, after: level };
    });
    const r = tx.immediate();
    if (level === 'confidential') {
      // The search index (queries.ts) holds folded copies of the text it indexed: drop the rows of
      // this report and merge the index so deleted terms leave its segments too.
      if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").get()) {
        const reportId = table === 'reports' ? id : (this.db.prepare(`SELECT report_id FROM ${table} WHERE id = ?`).get(id) as { report_id: number }).report_id;
        this.db.prepare("DELETE FROM search_fts WHERE (kind = 'report' AND ref = ?) OR (kind = 'claim' AND ref IN (SELECT id FROM claims WHERE report_id = ?))").run(reportId, reportId);
        this.db.prepare("INSERT INTO search_fts(search_fts) VALUES ('optimize')").run();
        // What stays public in the report is indexed again (from its now-sealed columns: tokens only).
        if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_dirty'").get()) this.db.prepare("INSERT OR IGNORE INTO search_dirty SELECT 'claim', id FROM claims WHERE report_id = ?").run(reportId);
      }
      // Old page images of the clear text may sit in the WAL until a checkpoint: push them out now.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return r;
  }

  /** The text and original of a report hold every sentence in it: sealed when any part is confidential. */
  private sealReportText(reportId: number): void {
    sealRow(this.db, this.ck!, 'reports', reportId, ['original', 'main_text']);
  }

  /** Puts a sealed row's fields back in the clear (needs CK). */
  private unsealRow(table: SealedTable, id: number): void {
    for (const f of SEALED_FIELDS[table]) {
      const v = openField(this.db, this.ck!, table, id, f);
      if (v === null) continue;
      this.db.prepare(`UPDATE ${table} SET ${f} = ? WHERE id = ?`).run(v, id);
      this.db.prepare('DELETE FROM sealed_fields WHERE tbl = ? AND row_id = ? AND field = ?').run(table, id, f);
    }
  }

  close(): void {
    this.db.close();
  }

  hasReport(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM reports WHERE sha256 = ?').get(sha256) !== undefined;
  }

  /** Appends to the hash chain; callers are already inside a transaction. */
  audit(actor: string, action: string, entity: string, before: unknown, after: unknown, at = new Date().toISOString()): void {
    const last = this.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const beforeJson = before === undefined ? null : JSON.stringify(before);
    const afterJson = after === undefined ? null : JSON.stringify(after);
    const hash = auditHash(prevHash, { at, actor, action, entity, beforeJson, afterJson });
    this.db
      .prepare('INSERT INTO audit_log(at, actor, action, entity, before_json, after_json, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)')
      .run(at, actor, action, entity, beforeJson, afterJson, prevHash, hash);
  }

  /** Stores the original, its cleaned text, its mentions and its claims in one transaction. */
  addReport(p: ProcessedReport, actor: string, opts: { confidentiality?: Confidentiality } = {}): { reportId: number; mentions: number; claims: number } | { duplicate: true; reportId: number } {
    // A report's level: the ingest option, else its header's `confidentiality:` field, else public.
    // The most protective of: the ingest option, the store's ingest level, the header's field.
    const header = p.raw.meta.extra?.confidentiality?.trim().toLowerCase() ?? 'public';
    if (!isConfidentiality(header)) throw new ConfidentialityError(`Unknown confidentiality “${header.slice(0, 40)}” in the report: one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
    const asked = [opts.confidentiality ?? 'public', this.ingestLevel, header].reduce((a, b) => (CONFIDENTIALITY[b].rank > CONFIDENTIALITY[a].rank ? b : a));
    if (asked === 'confidential' && !this.ck) throw new ConfidentialityError('A confidential report needs the confidential key: ingest it as the owner or a role cleared for confidential content.');
    const tx = this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(p.raw.sha256) as { id: number } | undefined;
      if (existing) return { duplicate: true as const, reportId: existing.id };
      const now = new Date().toISOString();
      const src = p.extraction.source;
      const metadata = { ...p.raw.meta.extra, encoding: p.raw.encoding, author: p.cleaned.author, outlet: p.cleaned.outlet };
      const reportId = Number(
        this.db
          .prepare(`INSERT INTO reports(sha256, original, filename, format, captured_at, url, title, published, language,
                     metadata_json, main_text, cleaner_version, extractor_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
          .run(p.raw.sha256, p.raw.bytes, p.raw.filename, p.raw.format, now, src.url, src.title, src.published, src.language,
            JSON.stringify(metadata), p.extraction.main_text, p.cleanerVersion, p.extractorVersion).lastInsertRowid,
      );
      const mentionIds = new Map<string, number>();
      const insMention = this.db.prepare('INSERT INTO mentions(report_id, name, variants_json, role) VALUES (?,?,?,?)');
      for (const person of p.extraction.persons) {
        const id = Number(insMention.run(reportId, person.name, JSON.stringify(person.variants), person.role).lastInsertRowid);
        mentionIds.set(person.name, id);
      }
      const insClaim = this.db.prepare(`INSERT INTO claims(mention_id, report_id, type, date, place, detail, claimant, evidence,
        span_start, span_end, confidence, made_by, rule, review_status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
      let claims = 0;
      for (const ev of p.extraction.events) {
        let mentionId = mentionIds.get(ev.person);
        if (mentionId === undefined) {
          // The contract promises events name a listed person; keep the claim rather than drop it.
          mentionId = Number(insMention.run(reportId, ev.person, '[]', null).lastInsertRowid);
          mentionIds.set(ev.person, mentionId);
        }
        const claimant = (ev as ContractEvent & { claimant?: string | null }).claimant ?? null;
        insClaim.run(mentionId, reportId, ev.type, ev.date, ev.place, ev.detail, claimant, ev.evidence, ev.start, ev.end,
          ev.confidence, `extractor:${p.extractorVersion}`, ev.rule ?? null, 'proposed', now);
        claims++;
      }
      if (asked !== 'public') {
        for (const t of ['reports', 'mentions', 'claims'] as const) this.db.prepare(`UPDATE ${t} SET confidentiality = ? WHERE ${t === 'reports' ? 'id' : 'report_id'} = ?`).run(asked, reportId);
      }
      if (asked === 'confidential') {
        sealRow(this.db, this.ck!, 'reports', reportId);
        for (const t of ['mentions', 'claims'] as const) for (const r of this.db.prepare(`SELECT id FROM ${t} WHERE report_id = ?`).all(reportId) as { id: number }[]) sealRow(this.db, this.ck!, t, r.id);
      }
      // A confidential report's file name is itself confidential: the audit entry does not carry it.
      this.audit(actor, 'ingest', `report:${p.raw.sha256}`, undefined, { filename: asked === 'confidential' ? null : p.raw.filename, format: p.raw.format, mentions: mentionIds.size, claims, confidentiality: asked });
      return { reportId, mentions: mentionIds.size, claims };
    });
    return tx.immediate();
  }

  listReports(): ReportSummary[] {
    const rows = this.db
      .prepare(`SELECT r.id, r.sha256, r.filename, r.format, r.title, r.published, r.language, r.url, r.captured_at,
                (SELECT count(*) FROM claims c WHERE c.report_id = r.id) AS claims FROM reports r ORDER BY r.id`)
      .all() as { id: number; sha256: string; filename: string | null; format: string; title: string | null; published: string | null; language: string | null; url: string | null; captured_at: string; claims: number }[];
    return rows.map((r) => ({ id: r.id, sha256: r.sha256, filename: r.filename, format: r.format, title: r.title, published: r.published, language: r.language, url: r.url, capturedAt: r.captured_at, claims: r.claims }));
  }

  getOriginal(sha256: string): Buffer | null {
    const row = this.db.prepare('SELECT original FROM reports WHERE sha256 = ?').get(sha256) as { original: Buffer } | undefined;
    return row?.original ?? null;
  }

  allMentions(): MentionRow[] {
    // A sealed name is a token, not a name: resolution would group tokens by their likeness to each
    // other. Sealed mentions stay outside persons (resolving them would need CK in the resolver).
    const rows = this.db.prepare("SELECT id, report_id, name, variants_json, role, person_id FROM mentions WHERE name NOT LIKE '⟦sealed:%' ORDER BY id").all() as { id: number; report_id: number; name: string; variants_json: string; role: string | null; person_id: number | null }[];
    return rows.map((r) => ({ id: r.id, reportId: r.report_id, name: r.name, variants: JSON.parse(r.variants_json) as string[], role: r.role, personId: r.person_id }));
  }

  /**
   * What each mention's claims say that can tell two people of one surname apart: type, date and
   * detail of every claim not rejected and not replaced by a correction.
   */
  claimClues(): ClaimClue[] {
    return this.db.prepare(`SELECT mention_id AS mentionId, type, date, detail FROM claims c
      WHERE review_status != 'rejected' AND NOT EXISTS (SELECT 1 FROM claims n WHERE n.supersedes = c.id)`).all() as ClaimClue[];
  }

  /** Replaces the person grouping: each cluster of mention ids becomes one person, named `name`. */
  applyResolution(persons: { id: number; name: string; mentionIds: number[] }[], actor: string): void {
    const tx = this.db.transaction(() => {
      const before = this.db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number };
      this.db.prepare('UPDATE mentions SET person_id = NULL').run();
      this.db.prepare('DELETE FROM persons').run();
      const insPerson = this.db.prepare('INSERT INTO persons(id, name) VALUES (?, ?)');
      const setMention = this.db.prepare('UPDATE mentions SET person_id = ? WHERE id = ?');
      for (const p of persons) {
        insPerson.run(p.id, p.name);
        for (const m of p.mentionIds) setMention.run(p.id, m);
      }
      this.audit(actor, 'resolve', 'persons', { persons: before.n }, { persons: persons.length });
    });
    tx.immediate();
  }

  claim(id: number): ClaimRow | null {
    const row = this.db.prepare(`${CLAIM_SELECT} WHERE c.id = ?`).get(id) as ClaimDbRow | undefined;
    return row ? toClaim(row) : null;
  }

  /** A reviewer's decision on a claim: the status changes, and the decision is kept with who and when. */
  reviewClaim(claimId: number, decision: 'accepted' | 'rejected' | 'disputed' | 'proposed', reviewer: string, note: string | null = null): ClaimRow {
    const tx = this.db.transaction(() => {
      const before = this.claim(claimId);
      if (!before) throw new NotFoundError(`No claim #${claimId}.`);
      const at = new Date().toISOString();
      this.db.prepare('UPDATE claims SET review_status = ? WHERE id = ?').run(decision, claimId);
      this.db.prepare('INSERT INTO reviews(claim_id, decision, reviewer, at, note) VALUES (?,?,?,?,?)').run(claimId, decision, reviewer, at, note);
      this.audit(reviewer, `review:${decision}`, `claim:${claimId}`, { reviewStatus: before.reviewStatus }, { reviewStatus: decision, note }, at);
      return this.claim(claimId)!;
    });
    return tx.immediate();
  }

  /**
   * A correction: a new claim by the reviewer with the corrected values, on the same evidence,
   * accepted; the proposed one is marked rejected and kept. A new subject name becomes a
   * mention in the same report, so resolution places it with the right person.
   */
  correctClaim(claimId: number, changes: { type?: string; date?: string | null; place?: string | null; detail?: string | null; person?: string }, reviewer: string): ClaimRow {
    const tx = this.db.transaction(() => {
      const old = this.claim(claimId);
      if (!old) throw new NotFoundError(`No claim #${claimId}.`);
      const at = new Date().toISOString();
      let mentionId = old.mentionId;
      if (changes.person !== undefined && changes.person.trim() !== '') {
        const name = changes.person.trim();
        const existing = this.db.prepare('SELECT id FROM mentions WHERE report_id = ? AND name = ?').get(old.reportId, name) as { id: number } | undefined;
        mentionId = existing?.id ?? Number(this.db.prepare("INSERT INTO mentions(report_id, name, variants_json, role) VALUES (?, ?, '[]', NULL)").run(old.reportId, name).lastInsertRowid);
      }
      const pick = <K extends 'type' | 'date' | 'place' | 'detail'>(k: K) => (changes[k] !== undefined ? changes[k] : old[k]);
      const id = Number(
        this.db
          .prepare(`INSERT INTO claims(mention_id, report_id, type, date, place, detail, claimant, evidence, span_start, span_end,
                    confidence, made_by, rule, review_status, created_at, supersedes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
          .run(mentionId, old.reportId, pick('type'), pick('date'), pick('place'), pick('detail'), old.claimant, old.evidence, old.start, old.end,
            1, `person:${reviewer}`, null, 'accepted', at, old.id).lastInsertRowid,
      );
      // A correction of a confidential claim is as confidential as it, and sealed before the audit entry sees it.
      const level = (this.db.prepare('SELECT confidentiality FROM claims WHERE id = ?').get(old.id) as { confidentiality: Confidentiality }).confidentiality;
      if (level !== 'public') this.db.prepare('UPDATE claims SET confidentiality = ? WHERE id = ?').run(level, id);
      if (level === 'confidential') {
        if (!this.ck) throw new ConfidentialityError('Correcting a confidential claim needs the confidential key.');
        for (const f of SEALED_FIELDS.claims) {
          // Unchanged fields still hold the old claim's token: store their clear value under the new id.
          const v = (this.db.prepare(`SELECT ${f} AS v FROM claims WHERE id = ?`).get(id) as { v: string | null }).v;
          const m = v ? /^⟦sealed:claims:(\d+):([a-z_]+)⟧$/.exec(v) : null;
          if (m) this.db.prepare(`UPDATE claims SET ${f} = ? WHERE id = ?`).run(openField(this.db, this.ck, 'claims', Number(m[1]), m[2]!), id);
        }
        sealRow(this.db, this.ck, 'claims', id);
      }
      this.db.prepare("UPDATE claims SET review_status = 'rejected' WHERE id = ?").run(old.id);
      this.db.prepare('INSERT INTO reviews(claim_id, decision, reviewer, at, note) VALUES (?,?,?,?,?)').run(old.id, 'corrected', reviewer, at, `superseded by claim #${id}`);
      this.audit(reviewer, 'review:corrected', `claim:${old.id}`, old, { ...this.claim(id), supersedes: old.id }, at);
      return { id, newMention: mentionId !== old.mentionId && changes.person !== undefined };
    });
    const { id } = tx.immediate();
    return this.claim(id)!;
  }

  reviewsOf(claimId: number): { decision: string; reviewer: string; at: string; note: string | null }[] {
    return this.db.prepare('SELECT decision, reviewer, at, note FROM reviews WHERE claim_id = ? ORDER BY id').all(claimId) as { decision: string; reviewer: string; at: string; note: string | null }[];
  }

  reportById(id: number): (ReportSummary & { mainText: string }) | null {
    const r = this.listReports().find((x) => x.id === id);
    if (!r) return null;
    const row = this.db.prepare('SELECT main_text FROM reports WHERE id = ?').get(id) as { main_text: string };
    return { ...r, mainText: row.main_text };
  }

  addPersonDecision(kind: 'merge' | 'split', namesA: string[], namesB: string[], madeBy: string, note: string | null = null): number {
    const tx = this.db.transaction(() => {
      const at = new Date().toISOString();
      const id = Number(this.db.prepare('INSERT INTO person_decisions(kind, names_a, names_b, made_by, at, note) VALUES (?,?,?,?,?,?)').run(kind, JSON.stringify(namesA), JSON.stringify(namesB), madeBy, at, note).lastInsertRowid);
      this.audit(madeBy, `persons:${kind}`, `decision:${id}`, undefined, { namesA, namesB, note }, at);
      return id;
    });
    return tx.immediate();
  }

  personDecisions(): PersonDecision[] {
    const rows = this.db.prepare('SELECT * FROM person_decisions ORDER BY id').all() as { id: number; kind: 'merge' | 'split'; names_a: string; names_b: string; made_by: string; at: string; note: string | null }[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, namesA: JSON.parse(r.names_a) as string[], namesB: JSON.parse(r.names_b) as string[], madeBy: r.made_by, at: r.at, note: r.note }));
  }

  listPersonRows(): { id: number; name: string }[] {
    return this.db.prepare('SELECT id, name FROM persons ORDER BY name COLLATE NOCASE, id').all() as { id: number; name: string }[];
  }

  claimsForPerson(personId: number): ClaimRow[] {
    return (this.db.prepare(`${CLAIM_SELECT} WHERE m.person_id = ? ORDER BY c.id`).all(personId) as ClaimDbRow[]).map(toClaim);
  }

  allClaims(): ClaimRow[] {
    return (this.db.prepare(`${CLAIM_SELECT} ORDER BY c.id`).all() as ClaimDbRow[]).map(toClaim);
  }

  auditLog(): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; at: string; actor: string; action: string; entity: string; before_json: string | null; after_json: string | null; prev_hash: string; hash: string }[];
    return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, before: r.before_json === null ? null : JSON.parse(r.before_json), after: r.after_json === null ? null : JSON.parse(r.after_json), prevHash: r.prev_hash, hash: r.hash }));
  }
}
