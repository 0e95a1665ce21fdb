/**
 * The embedded store: reports, mentions, claims and the audit log in one encrypted SQLite file.
 * Every write happens inside a transaction, so a report is either wholly in or wholly out.
 */
import type { Db } from './db.ts';
import type { ProcessedReport } from '../ingest/process.ts';
import type { ContractEvent } from '../extract/contract.ts';
import { CONFIDENTIALITY, type Confidentiality } from '../schema/taxonomy.ts';
import { sealRow, unsealRow, openColumns, refusePlaceholder, OWN_COLUMNS, type FieldKeys, type Reader, type SealedTable, type SealLevel } from './confidential.ts';
import { auditMac, currentHead, GENESIS_HASH, stampWrites, watchWrites } from './integrity.ts';
import { KeyFileError, updateKeyFile, type WorkspaceKeys } from './keyfile.ts';
import type { Derived } from './derived.ts';

export { GENESIS_HASH } from './integrity.ts';

export class ConfidentialityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfidentialityError';
  }
}

/** A decision that cannot be undone (not the reviewer's own, or none): the message says why. */
export class UndoError extends Error {}

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

/** A claim row read with its report's and mention's sealed columns named apart. */
const CLAIM_COLUMNS = { evidence: 'evidence', detail: 'detail', place: 'place', claimant: 'claimant' } as const;

/** Opens a joined claim row for a reader: the claim's own fields, its report's title and URL. */
export function openClaimRow<T extends { id: number; report_id: number }>(db: Db, keys: FieldKeys, r: T): T {
  openColumns(db, keys, 'claims', r.id, r, CLAIM_COLUMNS as never);
  return openColumns(db, keys, 'reports', r.report_id, r, { title: 'title', url: 'url' } as never);
}

const levelOf = (l: Confidentiality): SealLevel | null => (l === 'public' ? null : l);

/** What `vigil mark` sets a level on; an attachment follows its report or mention. */
export type MarkedTable = Exclude<SealedTable, 'attachments' | 'person_views'>;

export class SqliteStore {
  /** The least level every report ingested through this store gets (`vigil ingest --confidentiality`). */
  ingestLevel: Confidentiality = 'public';
  /** What every write keeps up to date (derived.ts: persons, views, the search index); set when the store is opened. */
  derived: Derived | null = null;
  private headMoved = false;

  /**
   * `keys` are the owner's (the passphrase or recovery key opened them): whoever holds the store
   * holds every field key and the integrity key. `keyFile` is where the audit head is anchored.
   */
  constructor(readonly db: Db, readonly keys: WorkspaceKeys, readonly keyFile: string, public epoch: number) {
    watchWrites(db);
  }

  get fieldKeys(): FieldKeys {
    return { internal: this.keys.internal, confidential: this.keys.confidential };
  }

  /** The owner reads everything, every sealed field opened. */
  get owner(): Reader {
    return { clearance: 'confidential', keys: this.fieldKeys };
  }

  /**
   * Runs `fn` as one write: one IMMEDIATE transaction in which what derives from the rows it changed
   * is brought up to date (persons, views, search) and every row changed is stamped with its MAC,
   * then the audit head is anchored in the key file. Inside another write it is part of that one
   * (maintained, stamped and anchored when the outer write ends).
   */
  write<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    let r: T;
    try {
      r = this.db.transaction(() => {
        const v = fn();
        this.derived?.maintain();
        stampWrites(this.db, this.keys.integrity);
        return v;
      }).immediate();
    } catch (e) {
      this.derived?.rolledBack();
      throw e;
    }
    this.anchor();
    return r;
  }

  /** Writes the audit head and row counts to the key file, unless a rotation or a panic replaced it. */
  anchor(): void {
    if (!this.headMoved || this.db.inTransaction) return;
    try {
      this.db.transaction(() => {
        stampWrites(this.db, this.keys.integrity);
        const head = currentHead(this.db, this.keys.integrity);
        updateKeyFile(this.keyFile, (f) => (f.bundle.epoch === this.epoch ? { ...f, head } : null));
      }).immediate();
      this.headMoved = false;
    } catch (e) {
      // The key file is gone (panic) or locked for long: the server locks itself; verify names a missing anchor.
      if (!(e instanceof KeyFileError)) throw e;
    }
  }

  /**
   * Sets the confidentiality of a report, mention or claim. Internal and confidential seal its
   * content under that level's key (and, for a mention or claim, the report's text and original,
   * which contain it; for a mention, other claims and the title where they quote its name; for a
   * report or mention, everything under it, the attachments kept with them included); a lower
   * level opens it again or seals it under the lower key. The audit log records the level before
   * and after, never the content.
   */
  setConfidentiality(table: MarkedTable, id: number, level: Confidentiality, actor: string): { before: Confidentiality; after: Confidentiality } {
    if (!isConfidentiality(level)) throw new ConfidentialityError(`Unknown confidentiality “${String(level).slice(0, 40)}”: one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
    const keys = this.fieldKeys;
    const r = this.write(() => {
      const row = this.db.prepare(`SELECT confidentiality${table === 'reports' ? '' : ', report_id'} FROM ${table} WHERE id = ?`).get(id) as { confidentiality: Confidentiality; report_id?: number } | undefined;
      if (!row) throw new NotFoundError(`No ${table.slice(0, -1)} #${id}.`);
      const below: [Exclude<SealedTable, 'person_views'>, number][] = [[table, id]];
      if (table === 'reports') {
        for (const m of this.db.prepare('SELECT id FROM mentions WHERE report_id = ?').all(id) as { id: number }[]) below.push(['mentions', m.id]);
        for (const c of this.db.prepare('SELECT id FROM claims WHERE report_id = ?').all(id) as { id: number }[]) below.push(['claims', c.id]);
        for (const a of this.db.prepare('SELECT id FROM attachments WHERE report_id = ? OR mention_id IN (SELECT id FROM mentions WHERE report_id = ?)').all(id, id) as { id: number }[]) below.push(['attachments', a.id]);
      } else if (table === 'mentions') {
        for (const c of this.db.prepare('SELECT id FROM claims WHERE mention_id = ?').all(id) as { id: number }[]) below.push(['claims', c.id]);
        for (const a of this.db.prepare('SELECT id FROM attachments WHERE mention_id = ?').all(id) as { id: number }[]) below.push(['attachments', a.id]);
      }
      const seal = levelOf(level);
      if (seal) {
        if (table === 'mentions') this.sealQuotes(row.report_id!, id, seal);
        for (const [t, i] of below) {
          const was = (this.db.prepare(`SELECT confidentiality FROM ${t} WHERE id = ?`).get(i) as { confidentiality: Confidentiality }).confidentiality;
          this.db.prepare(`UPDATE ${t} SET confidentiality = ? WHERE id = ?`).run(level, i);
          // Lowered from confidential: opened, then sealed again under the lower key.
          if (CONFIDENTIALITY[was].rank > CONFIDENTIALITY[level].rank) unsealRow(this.db, keys, t, i, seal);
          else sealRow(this.db, keys, t, i, seal);
        }
        // The text and original of a report hold every sentence in it: sealed when any part is.
        if (table !== 'reports') sealRow(this.db, keys, 'reports', row.report_id!, seal, ['original', 'main_text']);
        // A stored person name may have come from what is now sealed: blank until the next resolution names it from public mentions.
        this.db.prepare("UPDATE persons SET name = '' WHERE id IN (SELECT person_id FROM mentions WHERE report_id = ?)").run(table === 'reports' ? id : row.report_id!);
      } else {
        for (const [t, i] of below) {
          this.db.prepare(`UPDATE ${t} SET confidentiality = ? WHERE id = ?`).run(level, i);
          unsealRow(this.db, keys, t, i);
        }
      }
      this.audit(actor, 'confidentiality', `${table.slice(0, -1)}:${id}`, { confidentiality: row.confidentiality }, { confidentiality: level });
      return { before: row.confidentiality, after: level, reportId: table === 'reports' ? id : row.report_id! };
    });
    if (level !== 'public') this.purgeSearch(r.reportId);
    return { before: r.before, after: r.after };
  }

  /** Other claims of the report, and its title, may quote a mention's name: their text is sealed too, their level stays. */
  private sealQuotes(reportId: number, mentionId: number, level: SealLevel): void {
    const m = openColumns(this.db, this.fieldKeys, 'mentions', mentionId, this.db.prepare('SELECT name, variants_json FROM mentions WHERE id = ?').get(mentionId) as { name: string; variants_json: string }, OWN_COLUMNS.mentions);
    const names = [m.name, ...(JSON.parse(m.variants_json) as string[])].filter((n) => n && n.length > 2);
    const quotes = (...vs: (string | null)[]) => names.some((n) => vs.some((v) => v?.includes(n)));
    for (const c of this.db.prepare('SELECT id, evidence, detail, place, claimant FROM claims WHERE report_id = ?').all(reportId) as { id: number; evidence: string; detail: string | null; place: string | null; claimant: string | null }[]) {
      const open = openColumns(this.db, this.fieldKeys, 'claims', c.id, c, OWN_COLUMNS.claims);
      if (quotes(open.evidence, open.detail, open.place, open.claimant)) sealRow(this.db, this.fieldKeys, 'claims', c.id, level);
    }
    const t = openColumns(this.db, this.fieldKeys, 'reports', reportId, this.db.prepare('SELECT title FROM reports WHERE id = ?').get(reportId) as { title: string | null }, { title: 'title' });
    if (quotes(t.title)) sealRow(this.db, this.fieldKeys, 'reports', reportId, level, ['title']);
  }

  /**
   * The search index (queries.ts) holds folded copies of the text it indexed: drop the rows of a
   * report and merge the index so deleted terms leave its segments too; what may stay is indexed
   * again as the write ends. Old page images of the text may sit in the WAL: push them out.
   */
  private purgeSearch(reportId: number): void {
    this.write(() => {
      this.db.prepare("DELETE FROM search_fts WHERE (kind = 'report' AND ref = ?) OR (kind = 'claim' AND ref IN (SELECT id FROM claims WHERE report_id = ?))").run(reportId, reportId);
      this.db.prepare("INSERT INTO search_fts(search_fts) VALUES ('optimize')").run();
      this.db.prepare("INSERT OR IGNORE INTO search_dirty VALUES ('report', ?)").run(reportId);
      this.db.prepare("INSERT OR IGNORE INTO search_dirty SELECT 'claim', id FROM claims WHERE report_id = ?").run(reportId);
    });
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.anchor();
    this.db.close();
    for (const k of Object.values(this.keys) as Buffer[]) k.fill(0);
  }

  hasReport(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM reports WHERE sha256 = ?').get(sha256) !== undefined;
  }

  /** Appends to the chain (HMAC under the integrity key); callers are inside a write. */
  audit(actor: string, action: string, entity: string, before: unknown, after: unknown, at = new Date().toISOString()): void {
    const last = this.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const beforeJson = before === undefined ? null : JSON.stringify(before);
    const afterJson = after === undefined ? null : JSON.stringify(after);
    const hash = auditMac(this.keys.integrity, prevHash, { at, actor, action, entity, beforeJson, afterJson });
    this.db
      .prepare('INSERT INTO audit_log(at, actor, action, entity, before_json, after_json, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)')
      .run(at, actor, action, entity, beforeJson, afterJson, prevHash, hash);
    this.headMoved = true;
  }

  /** Stores the original, its cleaned text, its mentions and its claims in one transaction. */
  addReport(p: ProcessedReport, actor: string, opts: { confidentiality?: Confidentiality } = {}): { reportId: number; mentions: number; claims: number } | { duplicate: true; reportId: number } {
    // A report's level: the most protective of the ingest option, the store's ingest level, the header's field.
    const header = p.raw.meta.extra?.confidentiality?.trim().toLowerCase() ?? 'public';
    if (!isConfidentiality(header)) throw new ConfidentialityError(`Unknown confidentiality “${header.slice(0, 40)}” in the report: one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
    const asked = [opts.confidentiality ?? 'public', this.ingestLevel, header].reduce((a, b) => (CONFIDENTIALITY[b].rank > CONFIDENTIALITY[a].rank ? b : a));
    // A planted placeholder could only be a try to make a reader open another row's secret.
    refusePlaceholder(`The report ${p.raw.filename ?? ''}`.trim(), p.raw.bytes, p.extraction.main_text, p.extraction.source.title, p.extraction.source.url, p.raw.filename, JSON.stringify(p.raw.meta));
    return this.write(() => {
      const existing = this.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(p.raw.sha256) as { id: number } | undefined;
      if (existing) return { duplicate: true as const, reportId: existing.id };
      const now = new Date().toISOString();
      const src = p.extraction.source;
      const metadata = { ...p.raw.meta.extra, encoding: p.raw.encoding, author: p.cleaned.author, outlet: p.cleaned.outlet };
      const reportId = Number(
        this.db
          .prepare(`INSERT INTO reports(sha256, original, filename, format, captured_at, url, title, published, language,
                     metadata_json, main_text, cleaner_version, extractor_version, confidentiality) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
          .run(p.raw.sha256, p.raw.bytes, p.raw.filename, p.raw.format, now, src.url, src.title, src.published, src.language,
            JSON.stringify(metadata), p.extraction.main_text, p.cleanerVersion, p.extractorVersion, asked).lastInsertRowid,
      );
      const mentionIds = new Map<string, number>();
      const insMention = this.db.prepare('INSERT INTO mentions(report_id, name, variants_json, role, confidentiality) VALUES (?,?,?,?,?)');
      for (const person of p.extraction.persons) {
        const id = Number(insMention.run(reportId, person.name, JSON.stringify(person.variants), person.role, asked).lastInsertRowid);
        mentionIds.set(person.name, id);
      }
      const insClaim = this.db.prepare(`INSERT INTO claims(mention_id, report_id, type, date, place, detail, claimant, evidence,
        span_start, span_end, confidence, made_by, rule, review_status, created_at, confidentiality) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
      let claims = 0;
      for (const ev of p.extraction.events) {
        let mentionId = mentionIds.get(ev.person);
        if (mentionId === undefined) {
          // The contract promises events name a listed person; keep the claim rather than drop it.
          mentionId = Number(insMention.run(reportId, ev.person, '[]', null, asked).lastInsertRowid);
          mentionIds.set(ev.person, mentionId);
        }
        const claimant = (ev as ContractEvent & { claimant?: string | null }).claimant ?? null;
        insClaim.run(mentionId, reportId, ev.type, ev.date, ev.place, ev.detail, claimant, ev.evidence, ev.start, ev.end,
          ev.confidence, `extractor:${p.extractorVersion}`, ev.rule ?? null, 'proposed', now, asked);
        claims++;
      }
      const seal = levelOf(asked);
      if (seal) {
        sealRow(this.db, this.fieldKeys, 'reports', reportId, seal);
        for (const t of ['mentions', 'claims'] as const) for (const r of this.db.prepare(`SELECT id FROM ${t} WHERE report_id = ?`).all(reportId) as { id: number }[]) sealRow(this.db, this.fieldKeys, t, r.id, seal);
      }
      // A file name can be made confidential later: the audit entry never carries it.
      this.audit(actor, 'ingest', `report:${p.raw.sha256}`, undefined, { format: p.raw.format, mentions: mentionIds.size, claims, confidentiality: asked });
      return { reportId, mentions: mentionIds.size, claims };
    });
  }

  /**
   * Deletes a report with everything drawn from it: its mentions, claims, their reviews and sealed
   * fields, and its rows in the search index. The audit entry keeps its SHA-256 and the counts.
   * Persons are grouped again, all of them (see the README: this is the one write that costs as much as the workspace).
   */
  deleteReport(id: number, actor: string): { sha256: string; mentions: number; claims: number; reviews: number; attachments: number } {
    const r = this.write(() => {
      const rep = this.db.prepare('SELECT sha256, confidentiality FROM reports WHERE id = ?').get(id) as { sha256: string; confidentiality: Confidentiality } | undefined;
      if (!rep) throw new NotFoundError(`No report #${id}.`);
      const attachments = this.dropAttachments(id);
      const ofReport = '(SELECT id FROM claims WHERE report_id = ?)';
      const reviews = this.db.prepare(`DELETE FROM reviews WHERE claim_id IN ${ofReport}`).run(id).changes;
      this.db.prepare(`DELETE FROM sealed_fields WHERE (tbl = 'claims' AND row_id IN ${ofReport}) OR (tbl = 'mentions' AND row_id IN (SELECT id FROM mentions WHERE report_id = ?)) OR (tbl = 'reports' AND row_id = ?)`).run(id, id, id);
      this.db.prepare(`DELETE FROM search_fts WHERE (kind = 'report' AND ref = ?) OR (kind = 'claim' AND ref IN ${ofReport})`).run(id, id);
      const claims = this.db.prepare('DELETE FROM claims WHERE report_id = ?').run(id).changes;
      const mentions = this.db.prepare('DELETE FROM mentions WHERE report_id = ?').run(id).changes;
      this.db.prepare('DELETE FROM reports WHERE id = ?').run(id);
      // Persons are grouped again from nothing: a name gone from the workspace changes what the names after it joined.
      if (this.derived) this.derived.rebuild();
      else this.db.prepare('DELETE FROM persons WHERE id NOT IN (SELECT person_id FROM mentions WHERE person_id IS NOT NULL)').run();
      const counts = { mentions, claims, reviews, attachments };
      this.audit(actor, 'report:delete', `report:${rep.sha256}`, { confidentiality: rep.confidentiality, ...counts }, null);
      return { sha256: rep.sha256, ...counts };
    });
    this.purgeSearch(id);
    return r;
  }

  /**
   * Deletes what was kept with a report: its attachments, its links to other reports, its source
   * key. A person's picture kept with one of its mentions moves to another mention of the same
   * person (keeping its own level, so no more readers see it than before), or goes when none is left.
   */
  private dropAttachments(reportId: number): number {
    const db = this.db;
    for (const a of db.prepare('SELECT a.id, m.person_id FROM attachments a JOIN mentions m ON m.id = a.mention_id WHERE m.report_id = ?').all(reportId) as { id: number; person_id: number | null }[]) {
      const other = a.person_id === null ? null : (db.prepare('SELECT min(id) AS id FROM mentions WHERE person_id = ? AND report_id != ?').get(a.person_id, reportId) as { id: number | null }).id;
      if (other !== null) db.prepare('UPDATE attachments SET mention_id = ? WHERE id = ?').run(other, a.id);
    }
    const gone = 'SELECT id FROM attachments WHERE report_id = ? OR mention_id IN (SELECT id FROM mentions WHERE report_id = ?)';
    db.prepare(`DELETE FROM sealed_fields WHERE tbl = 'attachments' AND row_id IN (${gone})`).run(reportId, reportId);
    const n = db.prepare(`DELETE FROM attachments WHERE id IN (${gone})`).run(reportId, reportId).changes;
    db.prepare('DELETE FROM report_links WHERE report_id = ? OR parent_id = ?').run(reportId, reportId);
    db.prepare('DELETE FROM source_keys WHERE report_id = ?').run(reportId);
    return n;
  }

  listReports(): ReportSummary[] {
    const rows = this.db
      .prepare(`SELECT r.id, r.sha256, r.filename, r.format, r.title, r.published, r.language, r.url, r.captured_at,
                (SELECT count(*) FROM claims c WHERE c.report_id = r.id) AS claims FROM reports r ORDER BY r.id`)
      .all() as { id: number; sha256: string; filename: string | null; format: string; title: string | null; published: string | null; language: string | null; url: string | null; captured_at: string; claims: number }[];
    return rows.map((r) => openColumns(this.db, this.fieldKeys, 'reports', r.id, r, OWN_COLUMNS.reports))
      .map((r) => ({ id: r.id, sha256: r.sha256, filename: r.filename, format: r.format, title: r.title, published: r.published, language: r.language, url: r.url, capturedAt: r.captured_at, claims: r.claims }));
  }

  getOriginal(sha256: string): Buffer | null {
    const row = this.db.prepare('SELECT id, original FROM reports WHERE sha256 = ?').get(sha256) as { id: number; original: Buffer } | undefined;
    return row ? openColumns(this.db, this.fieldKeys, 'reports', row.id, row, { original: 'original' }).original : null;
  }

  /** Every mention, sealed names opened (for tests and a full re-resolution: readers see only their own). */
  allMentions(): MentionRow[] {
    return this.mentionsWhere('1');
  }

  mentionsOfReport(reportId: number): MentionRow[] {
    return this.mentionsWhere('report_id = ?', reportId);
  }

  private mentionsWhere(where: string, ...params: unknown[]): MentionRow[] {
    const rows = this.db.prepare(`SELECT id, report_id, name, variants_json, role, person_id FROM mentions WHERE ${where} ORDER BY id`).all(...params) as { id: number; report_id: number; name: string; variants_json: string; role: string | null; person_id: number | null }[];
    return rows.map((r) => openColumns(this.db, this.fieldKeys, 'mentions', r.id, r, OWN_COLUMNS.mentions))
      .map((r) => ({ id: r.id, reportId: r.report_id, name: r.name, variants: JSON.parse(r.variants_json) as string[], role: r.role, personId: r.person_id }));
  }

  /** Ids of mentions a public reader may see: the only ones whose names may name a person in the clear. */
  publicMentionIds(): Set<number> {
    return new Set((this.db.prepare("SELECT m.id FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.confidentiality = 'public' AND r.confidentiality = 'public'").all() as { id: number }[]).map((r) => r.id));
  }

  /**
   * What each mention's claims say that can tell two people of one surname apart: type, date and
   * detail of every claim not rejected and not replaced by a correction (of the given mentions only).
   */
  claimClues(mentionIds?: number[]): ClaimClue[] {
    // The superseded claims are few and indexed: one anti-join, never a scan per claim.
    const only = mentionIds ? 'AND c.mention_id IN (SELECT value FROM json_each(?))' : '';
    return (this.db.prepare(`SELECT c.id, c.mention_id AS mentionId, c.type, c.date, c.detail FROM claims c
      LEFT JOIN claims n ON n.supersedes = c.id
      WHERE c.review_status != 'rejected' AND n.id IS NULL ${only} ORDER BY c.id`).all(...(mentionIds ? [JSON.stringify(mentionIds)] : [])) as (ClaimClue & { id: number })[])
      .map(({ id, ...c }) => openColumns(this.db, this.fieldKeys, 'claims', id, c, { detail: 'detail' }));
  }

  claim(id: number): ClaimRow | null {
    const row = this.db.prepare(`${CLAIM_SELECT} WHERE c.id = ?`).get(id) as ClaimDbRow | undefined;
    return row ? toClaim(openClaimRow(this.db, this.fieldKeys, row)) : null;
  }

  /** A reviewer's decision on a claim: the status changes, and the decision is kept with who and when. */
  reviewClaim(claimId: number, decision: 'accepted' | 'rejected' | 'disputed' | 'proposed', reviewer: string, note: string | null = null): ClaimRow {
    return this.write(() => {
      const before = this.db.prepare('SELECT review_status FROM claims WHERE id = ?').get(claimId) as { review_status: string } | undefined;
      if (!before) throw new NotFoundError(`No claim #${claimId}.`);
      const at = new Date().toISOString();
      this.db.prepare('UPDATE claims SET review_status = ? WHERE id = ?').run(decision, claimId);
      this.db.prepare('INSERT INTO reviews(claim_id, decision, reviewer, at, note) VALUES (?,?,?,?,?)').run(claimId, decision, reviewer, at, note);
      this.audit(reviewer, `review:${decision}`, `claim:${claimId}`, { reviewStatus: before.review_status }, { reviewStatus: decision, note }, at);
      return this.claim(claimId)!;
    });
  }

  /**
   * A fact a person enters by hand (a phone call, a letter, a court document, an organisation's
   * decision), on a report already stored as its source: the person is named there as a mention,
   * and the claim quotes the source's text, made by the person and accepted, with a review saying
   * so. Resolution then places the mention with the person of that name.
   */
  addHandClaim(reportId: number, personName: string, fact: { type: string; date: string | null; place: string | null; detail: string | null }, actor: string): ClaimRow {
    refusePlaceholder('The fact', personName, fact.type, fact.date, fact.place, fact.detail);
    const id = this.write(() => {
      const report = this.db.prepare('SELECT main_text, confidentiality FROM reports WHERE id = ?').get(reportId) as { main_text: string; confidentiality: Confidentiality } | undefined;
      if (!report) throw new NotFoundError(`No report #${reportId}.`);
      const text = openColumns(this.db, this.fieldKeys, 'reports', reportId, { main_text: report.main_text }, { main_text: 'main_text' }).main_text;
      const evidence = text.trim().slice(0, 1000);
      const start = text.indexOf(evidence);
      const at = new Date().toISOString();
      const mentionId = Number(this.db.prepare("INSERT INTO mentions(report_id, name, variants_json, role, confidentiality) VALUES (?, ?, '[]', NULL, ?)").run(reportId, personName.trim(), report.confidentiality).lastInsertRowid);
      const seal = levelOf(report.confidentiality);
      if (seal) sealRow(this.db, this.fieldKeys, 'mentions', mentionId, seal);
      const claimId = Number(this.db.prepare(`INSERT INTO claims(mention_id, report_id, type, date, place, detail, claimant, evidence, span_start, span_end,
          confidence, made_by, rule, review_status, created_at, supersedes, confidentiality) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
        .run(mentionId, reportId, fact.type, fact.date, fact.place, fact.detail, null, evidence, Math.max(0, start), Math.max(0, start) + evidence.length,
          1, `person:${actor}`, null, 'accepted', at, null, report.confidentiality).lastInsertRowid);
      if (seal) sealRow(this.db, this.fieldKeys, 'claims', claimId, seal);
      this.db.prepare('INSERT INTO reviews(claim_id, decision, reviewer, at, note) VALUES (?,?,?,?,?)').run(claimId, 'accepted', actor, at, 'entered by hand');
      this.audit(actor, 'claim:by-hand', `claim:${claimId}`, null, { report: reportId, mention: mentionId, type: fact.type }, at);
      return claimId;
    });
    return this.claim(id)!;
  }

  /**
   * Undoes the last decision on a claim, when it is the reviewer's own: the claim goes back to the
   * status it had before it, and the undoing is itself a review (decision: that status; note: what it
   * undid), so nothing is lost. Undoing a correction also rejects the claim the correction made.
   */
  undoLastReview(claimId: number, reviewer: string): ClaimRow {
    return this.write(() => {
      const reviews = this.db.prepare('SELECT id, decision, reviewer, note FROM reviews WHERE claim_id = ? ORDER BY id').all(claimId) as { id: number; decision: string; reviewer: string; note: string | null }[];
      if (!this.db.prepare('SELECT 1 FROM claims WHERE id = ?').get(claimId)) throw new NotFoundError(`No claim #${claimId}.`);
      const last = reviews.at(-1);
      if (!last) throw new UndoError('This claim has no decision to undo.');
      if (last.reviewer !== reviewer) throw new UndoError(`The last decision on this claim is ${last.reviewer}'s: only your own last decision can be undone.`);
      const statusAfter = (d: string) => (d === 'corrected' ? 'rejected' : d);
      const previous = reviews.length > 1 ? statusAfter(reviews.at(-2)!.decision) : 'proposed';
      const at = new Date().toISOString();
      const before = (this.db.prepare('SELECT review_status FROM claims WHERE id = ?').get(claimId) as { review_status: string }).review_status;
      this.db.prepare('UPDATE claims SET review_status = ? WHERE id = ?').run(previous, claimId);
      this.db.prepare('INSERT INTO reviews(claim_id, decision, reviewer, at, note) VALUES (?,?,?,?,?)').run(claimId, previous, reviewer, at, `undid review #${last.id} (${last.decision})`);
      let withdrawn: number | null = null;
      if (last.decision === 'corrected') {
        const fresh = this.db.prepare("SELECT id FROM claims WHERE supersedes = ? AND review_status != 'rejected' ORDER BY id DESC LIMIT 1").get(claimId) as { id: number } | undefined;
        if (fresh) {
          withdrawn = fresh.id;
          this.db.prepare("UPDATE claims SET review_status = 'rejected' WHERE id = ?").run(fresh.id);
          this.db.prepare('INSERT INTO reviews(claim_id, decision, reviewer, at, note) VALUES (?,?,?,?,?)').run(fresh.id, 'rejected', reviewer, at, `correction of claim #${claimId} undone`);
        }
      }
      this.audit(reviewer, 'review:undo', `claim:${claimId}`, { reviewStatus: before, review: last.id }, { reviewStatus: previous, withdrawn }, at);
      return this.claim(claimId)!;
    });
  }

  /**
   * A correction: a new claim by the reviewer with the corrected values, on the same evidence,
   * accepted; the proposed one is marked rejected and kept. A new subject name becomes a
   * mention in the same report, so resolution places it with the right person. The new claim is
   * written from the old one's clear values and sealed as the old one was, field by field.
   */
  correctClaim(claimId: number, changes: { type?: string; date?: string | null; place?: string | null; detail?: string | null; person?: string }, reviewer: string): ClaimRow {
    refusePlaceholder('The correction', changes.type, changes.date, changes.place, changes.detail, changes.person);
    const id = this.write(() => {
      const old = this.claim(claimId);
      if (!old) throw new NotFoundError(`No claim #${claimId}.`);
      const level = (this.db.prepare('SELECT confidentiality FROM claims WHERE id = ?').get(old.id) as { confidentiality: Confidentiality }).confidentiality;
      const at = new Date().toISOString();
      let mentionId = old.mentionId;
      if (changes.person !== undefined && changes.person.trim() !== '') {
        const name = changes.person.trim();
        const same = this.mentionsOfReport(old.reportId).find((m) => m.name === name);
        mentionId = same?.id ?? Number(this.db.prepare("INSERT INTO mentions(report_id, name, variants_json, role, confidentiality) VALUES (?, ?, '[]', NULL, ?)").run(old.reportId, name, level).lastInsertRowid);
        const seal = levelOf(level);
        if (!same && seal) sealRow(this.db, this.fieldKeys, 'mentions', mentionId, seal);
      }
      const pick = <K extends 'type' | 'date' | 'place' | 'detail'>(k: K) => (changes[k] !== undefined ? changes[k] : old[k]);
      const id = Number(
        this.db
          .prepare(`INSERT INTO claims(mention_id, report_id, type, date, place, detail, claimant, evidence, span_start, span_end,
                    confidence, made_by, rule, review_status, created_at, supersedes, confidentiality) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
          .run(mentionId, old.reportId, pick('type'), pick('date'), pick('place'), pick('detail'), old.claimant, old.evidence, old.start, old.end,
            1, `person:${reviewer}`, null, 'accepted', at, old.id, level).lastInsertRowid,
      );
      // Each field sealed in the old claim is sealed in the new one at the same level; the claim's own level seals the rest.
      for (const f of this.db.prepare("SELECT field, level FROM sealed_fields WHERE tbl = 'claims' AND row_id = ?").all(old.id) as { field: string; level: SealLevel }[]) {
        sealRow(this.db, this.fieldKeys, 'claims', id, f.level, [f.field]);
      }
      const seal = levelOf(level);
      if (seal) sealRow(this.db, this.fieldKeys, 'claims', id, seal);
      this.db.prepare("UPDATE claims SET review_status = 'rejected' WHERE id = ?").run(old.id);
      this.db.prepare('INSERT INTO reviews(claim_id, decision, reviewer, at, note) VALUES (?,?,?,?,?)').run(old.id, 'corrected', reviewer, at, `superseded by claim #${id}`);
      // Which fields changed, never their text: a field can be made confidential after the fact.
      const changed = (['type', 'date', 'place', 'detail'] as const).filter((k) => changes[k] !== undefined && changes[k] !== old[k]);
      if (mentionId !== old.mentionId) changed.push('person' as never);
      this.audit(reviewer, 'review:corrected', `claim:${old.id}`, { reviewStatus: old.reviewStatus, confidentiality: level }, { claim: id, supersedes: old.id, changed }, at);
      return id;
    });
    return this.claim(id)!;
  }

  reviewsOf(claimId: number): { decision: string; reviewer: string; at: string; note: string | null }[] {
    return this.db.prepare('SELECT decision, reviewer, at, note FROM reviews WHERE claim_id = ? ORDER BY id').all(claimId) as { decision: string; reviewer: string; at: string; note: string | null }[];
  }

  reportById(id: number): (ReportSummary & { mainText: string }) | null {
    const r = this.listReports().find((x) => x.id === id);
    if (!r) return null;
    const row = openColumns(this.db, this.fieldKeys, 'reports', id, this.db.prepare('SELECT main_text FROM reports WHERE id = ?').get(id) as { main_text: string }, { main_text: 'main_text' });
    return { ...r, mainText: row.main_text };
  }

  addPersonDecision(kind: 'merge' | 'split', namesA: string[], namesB: string[], madeBy: string, note: string | null = null): number {
    return this.write(() => {
      const at = new Date().toISOString();
      const id = Number(this.db.prepare('INSERT INTO person_decisions(kind, names_a, names_b, made_by, at, note) VALUES (?,?,?,?,?,?)').run(kind, JSON.stringify(namesA), JSON.stringify(namesB), madeBy, at, note).lastInsertRowid);
      // The names are in the decision row; the audit entry points at it rather than repeat them.
      this.audit(madeBy, `persons:${kind}`, `decision:${id}`, undefined, { names: namesA.length + namesB.length }, at);
      return id;
    });
  }

  personDecisions(): PersonDecision[] {
    const rows = this.db.prepare('SELECT * FROM person_decisions ORDER BY id').all() as { id: number; kind: 'merge' | 'split'; names_a: string; names_b: string; made_by: string; at: string; note: string | null }[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, namesA: JSON.parse(r.names_a) as string[], namesB: JSON.parse(r.names_b) as string[], madeBy: r.made_by, at: r.at, note: r.note }));
  }

  listPersonRows(): { id: number; name: string }[] {
    return this.db.prepare('SELECT id, name FROM persons ORDER BY name COLLATE NOCASE, id').all() as { id: number; name: string }[];
  }

  claimsForPerson(personId: number): ClaimRow[] {
    return (this.db.prepare(`${CLAIM_SELECT} WHERE m.person_id = ? ORDER BY c.id`).all(personId) as ClaimDbRow[]).map((r) => toClaim(openClaimRow(this.db, this.fieldKeys, r)));
  }

  allClaims(): ClaimRow[] {
    return (this.db.prepare(`${CLAIM_SELECT} ORDER BY c.id`).all() as ClaimDbRow[]).map((r) => toClaim(openClaimRow(this.db, this.fieldKeys, r)));
  }

  auditLog(): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; at: string; actor: string; action: string; entity: string; before_json: string | null; after_json: string | null; prev_hash: string; hash: string }[];
    return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, before: r.before_json === null ? null : JSON.parse(r.before_json), after: r.after_json === null ? null : JSON.parse(r.after_json), prevHash: r.prev_hash, hash: r.hash }));
  }
}
