/**
 * Read queries for the HTTP API and the web UI: claims and reports filtered by the caller's
 * clearance, the full-text search index, and the figures the statistics page draws.
 *
 * Confidentiality: every function here takes a Reader — the caller's clearance and field keys —
 * and returns only rows whose `confidentiality` (and whose report's and mention's) that clearance
 * covers (`cleared()` in the taxonomy); each row's sealed fields are opened with the reader's keys,
 * row by row and field by field. The search index never holds the text of a confidential report
 * or claim.
 */
import { CONFIDENTIALITY, cleared, EVENT_TYPES, isEventType, REVIEW_STATUSES, type Confidentiality } from '../schema/taxonomy.ts';
import { toLatin, foldSpelling, looseKey } from '../resolve/phonetic.ts';
import { stripCaseEnding } from '../resolve/parse-name.ts';
import { openClaimRow, type ClaimRow, type MentionRow, type ReportSummary, type SqliteStore } from './sqlite-store.ts';
import { keysFor, openColumns, OWN_COLUMNS, type Reader } from './confidential.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

type Statement = import('better-sqlite3-multiple-ciphers').Statement<unknown[]>;
const statements = new WeakMap<object, Map<string, Statement>>();

/** A prepared statement, compiled once per open database (every route runs the same few). */
export function prep(store: SqliteStore, sql: string): Statement {
  let cache = statements.get(store.db);
  if (!cache) statements.set(store.db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    if (cache.size > 500) cache.clear();
    st = store.db.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}

/** The confidentiality levels a clearance may read, for `IN (...)` clauses. */
export function levelsFor(clearance: Confidentiality): Confidentiality[] {
  return (Object.keys(CONFIDENTIALITY) as Confidentiality[]).filter((l) => cleared(clearance, l));
}

function inList(levels: string[]): string {
  // The levels come from the taxonomy's own keys, never from a request.
  return levels.map((l) => `'${l.replace(/'/g, '')}'`).join(',');
}

export type ClaimWithLevel = ClaimRow & { confidentiality: Confidentiality; personName: string | null; mentionName: string };

interface ClaimDbRow {
  id: number; mention_id: number; person_id: number | null; report_id: number; sha256: string; title: string | null;
  published: string | null; url: string | null; type: string; date: string | null; place: string | null; detail: string | null;
  claimant: string | null; evidence: string; span_start: number; span_end: number; confidence: number; made_by: string;
  rule: string | null; review_status: string; created_at: string; supersedes: number | null; confidentiality: Confidentiality;
  person_name: string | null; mention_name: string;
}

const CLAIMS = `SELECT c.*, m.person_id, m.name AS mention_name, p.name AS person_name, r.sha256, r.title, r.published, r.url
  FROM claims c JOIN mentions m ON m.id = c.mention_id JOIN reports r ON r.id = c.report_id LEFT JOIN persons p ON p.id = m.person_id`;

function toClaim(store: SqliteStore, reader: Reader, r: ClaimDbRow): ClaimWithLevel {
  openClaimRow(store.db, reader.keys, r);
  openColumns(store.db, reader.keys, 'mentions', r.mention_id, r, { mention_name: 'name' });
  return {
    id: r.id, mentionId: r.mention_id, personId: r.person_id, reportId: r.report_id, reportSha256: r.sha256,
    reportTitle: r.title, reportPublished: r.published, reportUrl: r.url, type: r.type, date: r.date, place: r.place,
    detail: r.detail, claimant: r.claimant, evidence: r.evidence, start: r.span_start, end: r.span_end,
    confidence: r.confidence, madeBy: r.made_by, rule: r.rule, reviewStatus: r.review_status, createdAt: r.created_at,
    supersedes: r.supersedes, confidentiality: r.confidentiality, personName: r.person_name || null, mentionName: r.mention_name,
  };
}

function claimFilter(clearance: Confidentiality): string {
  const l = inList(levelsFor(clearance));
  return `c.confidentiality IN (${l}) AND r.confidentiality IN (${l}) AND m.confidentiality IN (${l})`;
}

/** A reader as a clearance alone sees it, with only the keys that clearance may hold. */
export function readerOf(clearance: Confidentiality, keys: Reader['keys']): Reader {
  return { clearance, keys: keysFor(clearance, keys) };
}

/** The review statuses a publishing reader may see, as SQL; only statuses the schema declares. */
function statusFilter(reader: Reader): string {
  if (!reader.statuses) return '';
  return ` AND c.review_status IN (${inList(reader.statuses.filter((x) => Object.hasOwn(REVIEW_STATUSES, x))) || "''"})`;
}

export function claimsWhere(store: SqliteStore, reader: Reader, where = '1', params: unknown[] = [], tail = 'ORDER BY c.id'): ClaimWithLevel[] {
  return (prep(store, `${CLAIMS} WHERE ${claimFilter(reader.clearance)}${statusFilter(reader)} AND (${where}) ${tail}`).all(...params) as ClaimDbRow[]).map((r) => toClaim(store, reader, r));
}

export function claimFor(store: SqliteStore, id: number, reader: Reader): ClaimWithLevel | null {
  return claimsWhere(store, reader, 'c.id = ?', [id])[0] ?? null;
}

/**
 * Reports a clearance covers, in id order; `ids` narrows to those reports (a JSON array is bound,
 * not spliced); `page` gives, newest first, at most `limit` older than the report `before`.
 */
export function reportsFor(store: SqliteStore, reader: Reader, ids?: number[], page?: { before: number | null; limit: number }): ReportSummary[] {
  const l = inList(levelsFor(reader.clearance));
  const only = ids ? 'AND r.id IN (SELECT value FROM json_each(?))' : '';
  const paged = page?.before ? 'AND r.id < ?' : '';
  const rows = prep(store, `SELECT r.id, r.sha256, r.filename, r.format, r.title, r.published, r.language, r.url, r.captured_at,
              (SELECT count(*) FROM claims c WHERE c.report_id = r.id AND c.confidentiality IN (${l})) AS claims
              FROM reports r WHERE r.confidentiality IN (${l}) ${only} ${paged} ORDER BY r.id ${page ? 'DESC' : ''} LIMIT ?`)
    .all(...(ids ? [JSON.stringify(ids)] : []), ...(page?.before ? [page.before] : []), page ? page.limit : -1) as { id: number; sha256: string; filename: string | null; format: string; title: string | null; published: string | null; language: string | null; url: string | null; captured_at: string; claims: number }[];
  return rows.map((r) => openColumns(store.db, reader.keys, 'reports', r.id, r, OWN_COLUMNS.reports))
    .map((r) => ({ id: r.id, sha256: r.sha256, filename: r.filename, format: r.format, title: r.title, published: r.published, language: r.language, url: r.url, capturedAt: r.captured_at, claims: r.claims }));
}

export function reportFor(store: SqliteStore, id: number, reader: Reader): (ReportSummary & { mainText: string; confidentiality: Confidentiality }) | null {
  const r = reportsFor(store, reader, [id])[0];
  if (!r) return null;
  const row = openColumns(store.db, reader.keys, 'reports', id, prep(store, 'SELECT main_text, confidentiality FROM reports WHERE id = ?').get(id) as { main_text: string; confidentiality: Confidentiality }, { main_text: 'main_text' });
  return { ...r, mainText: row.main_text, confidentiality: row.confidentiality };
}

/** The archived bytes, if the report exists and the clearance covers it. */
export function originalFor(store: SqliteStore, sha256: string, reader: Reader): Buffer | null {
  const row = prep(store, `SELECT id, original FROM reports WHERE sha256 = ? AND confidentiality IN (${inList(levelsFor(reader.clearance))})`).get(sha256) as { id: number; original: Buffer } | undefined;
  return row ? openColumns(store.db, reader.keys, 'reports', row.id, row, { original: 'original' }).original : null;
}

/** Mentions a reader may see: their own level and their report's both within its clearance. */
export function mentionsFor(store: SqliteStore, reader: Reader, where = '1', params: unknown[] = []): MentionRow[] {
  const l = inList(levelsFor(reader.clearance));
  const rows = prep(store, `SELECT m.id, m.report_id, m.name, m.variants_json, m.role, m.person_id FROM mentions m JOIN reports r ON r.id = m.report_id
              WHERE r.confidentiality IN (${l}) AND m.confidentiality IN (${l}) AND (${where}) ORDER BY m.id`)
    .all(...params) as { id: number; report_id: number; name: string; variants_json: string; role: string | null; person_id: number | null }[];
  return rows.map((r) => openColumns(store.db, reader.keys, 'mentions', r.id, r, OWN_COLUMNS.mentions))
    .map((r) => ({ id: r.id, reportId: r.report_id, name: r.name, variants: JSON.parse(r.variants_json) as string[], role: r.role, personId: r.person_id }));
}

export function reviewsFor(store: SqliteStore, claimIds: number[]): Map<number, { decision: string; reviewer: string; at: string; note: string | null }[]> {
  const out = new Map<number, { decision: string; reviewer: string; at: string; note: string | null }[]>();
  if (claimIds.length === 0) return out;
  const stmt = prep(store, `SELECT claim_id, decision, reviewer, at, note FROM reviews WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY id`);
  for (const r of stmt.all(JSON.stringify(claimIds)) as { claim_id: number; decision: string; reviewer: string; at: string; note: string | null }[]) {
    const list = out.get(r.claim_id) ?? [];
    list.push({ decision: r.decision, reviewer: r.reviewer, at: r.at, note: r.note });
    out.set(r.claim_id, list);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Review queue

export interface QueueItem {
  claim: ClaimWithLevel;
  context: { before: string; evidence: string; after: string };
  /** The claim's version: how many decisions it has had. A decision sent with another version is stale (409). */
  version: number;
}

/** A claim's version: the number of reviews on it (reviews are only ever added, so it only grows). */
export function claimVersion(store: SqliteStore, claimId: number): number {
  return (prep(store, 'SELECT count(*) AS n FROM reviews WHERE claim_id = ?').get(claimId) as { n: number }).n;
}

/** A correction's original is rejected, but it was not wrong in the sense a "Rejected" filter means: it is left out there. */
const notCorrected = (status: string) => (status === 'rejected' ? ' AND NOT EXISTS (SELECT 1 FROM claims s WHERE s.supersedes = c.id)' : '');

/**
 * Claims of one review status in report order, each with its sentence in the surrounding text: a
 * page after `cursor` (or `offset` claims in), and where the next page starts.
 */
export function reviewQueue(store: SqliteStore, reader: Reader, opts: { status: string; offset: number; limit: number; cursor?: string }): { total: number; items: QueueItem[]; next: string | null } {
  const total = (prep(store, `SELECT count(*) AS n FROM claims c JOIN reports r ON r.id = c.report_id JOIN mentions m ON m.id = c.mention_id WHERE ${claimFilter(reader.clearance)} AND c.review_status = ?${notCorrected(opts.status)}`).get(opts.status) as { n: number }).n;
  // The cursor is the last claim given, as its place in the order: report, start of the sentence, id.
  const after = decodeCursor(opts.cursor);
  const [report, start] = after ? after.key.split(':').map(Number) : [];
  const rows = (prep(store, `${CLAIMS} WHERE ${claimFilter(reader.clearance)} AND c.review_status = ?${notCorrected(opts.status)} ${after ? 'AND (c.report_id, c.span_start, c.id) > (?, ?, ?)' : ''}
    ORDER BY c.report_id, c.span_start, c.id LIMIT ? OFFSET ?`)
    .all(opts.status, ...(after ? [report, start, after.id] : []), opts.limit + 1, after ? 0 : opts.offset) as ClaimDbRow[]).map((r) => toClaim(store, reader, r));
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  const next = rows.length > opts.limit && last ? encodeCursor({ key: `${last.reportId}:${last.start}`, id: last.id }) : null;
  const texts = new Map<number, string>();
  const reviews = reviewsFor(store, page.map((c) => c.id));
  const items = page.map((claim) => {
    let text = texts.get(claim.reportId);
    if (text === undefined) {
      text = openColumns(store.db, reader.keys, 'reports', claim.reportId, prep(store, 'SELECT main_text FROM reports WHERE id = ?').get(claim.reportId) as { main_text: string }, { main_text: 'main_text' }).main_text;
      texts.set(claim.reportId, text);
    }
    return { claim, context: contextOf(text, claim.start, claim.end, claim.evidence), version: reviews.get(claim.id)?.length ?? 0 };
  });
  return { total, items, next };
}

/** The evidence span with up to ~300 characters either side, cut at whitespace. */
export function contextOf(text: string, start: number, end: number, evidence: string): QueueItem['context'] {
  if (!(start >= 0 && end > start && end <= text.length)) {
    const at = text.indexOf(evidence);
    if (at < 0) return { before: '', evidence, after: '' };
    start = at;
    end = at + evidence.length;
  }
  let a = Math.max(0, start - 300);
  let b = Math.min(text.length, end + 300);
  if (a > 0) a = text.indexOf(' ', a) + 1 || a;
  if (b < text.length) b = text.lastIndexOf(' ', b) > end ? text.lastIndexOf(' ', b) : b;
  return { before: (a > 0 ? '…' : '') + text.slice(a, start), evidence: text.slice(start, end), after: text.slice(end, b) + (b < text.length ? '…' : '') };
}

// ---------------------------------------------------------------------------------------------
// Search: FTS5 over a folded form of the text.

const folded = new Map<string, string>();

/** One word folded so that scripts, transliterations, diacritics and ё/е do not matter. */
export function foldWord(word: string): string {
  if (/^\p{N}+$/u.test(word)) return word;
  // Words repeat across reports: each is folded once (bounded, so memory stays flat).
  let f = folded.get(word);
  if (f === undefined) {
    const latin = toLatin(word);
    f = looseKey(foldSpelling(latin)) || latin.replace(/[^a-z0-9]/g, '');
    if (folded.size > 200_000) folded.clear();
    folded.set(word, f);
  }
  return f;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function foldText(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const f = foldWord(m[0]);
    if (f) out.push(f);
  }
  return out.join(' ');
}

const rowidOf = (kind: string, ref: number) => ref * 2 + (kind === 'claim' ? 1 : 0);

/** Indexes the rows the triggers marked (every write does, before it ends); a confidential row is removed and never written. */
export function syncSearchIndex(store: SqliteStore): number {
  const db = store.db;
  const dirty = prep(store, 'SELECT kind, ref FROM search_dirty LIMIT 1').get();
  if (!dirty) return 0;
  return db.transaction(() => {
    // A report's confidentiality covers its claims: a changed report re-indexes them too.
    prep(store, "INSERT OR IGNORE INTO search_dirty SELECT 'claim', c.id FROM claims c WHERE c.report_id IN (SELECT ref FROM search_dirty WHERE kind = 'report')").run();
    const rows = prep(store, 'SELECT kind, ref FROM search_dirty').all() as { kind: string; ref: number }[];
    const del = prep(store, 'DELETE FROM search_fts WHERE rowid = ?');
    const ins = prep(store, 'INSERT INTO search_fts(rowid, body, kind, ref, conf) VALUES (?,?,?,?,?)');
    const rep = prep(store, 'SELECT title, main_text, confidentiality FROM reports WHERE id = ?');
    const cl = prep(store, `SELECT c.id, c.report_id, c.mention_id, c.type, c.place, c.detail, c.evidence, c.confidentiality, m.name, m.confidentiality AS mconf, r.confidentiality AS rconf
      FROM claims c JOIN mentions m ON m.id = c.mention_id JOIN reports r ON r.id = c.report_id WHERE c.id = ?`);
    // Internal text is indexed (for cleared readers only); confidential text never is: its key is not even used here.
    const keys = keysFor('internal', store.fieldKeys);
    const sealedInternal = prep(store, "SELECT 1 FROM sealed_fields WHERE level = 'internal' AND ((tbl = 'reports' AND row_id = ?) OR (tbl = 'claims' AND row_id = ?) OR (tbl = 'mentions' AND row_id = ?)) LIMIT 1");
    for (const { kind, ref } of rows) {
      del.run(rowidOf(kind, ref));
      if (kind === 'report') {
        const r = rep.get(ref) as { title: string | null; main_text: string; confidentiality: Confidentiality } | undefined;
        if (!r || r.confidentiality === 'confidential') continue;
        openColumns(store.db, keys, 'reports', ref, r, { title: 'title', main_text: 'main_text' });
        const conf = r.confidentiality === 'public' && !sealedInternal.get(ref, -1, -1) ? 'public' : 'internal';
        ins.run(rowidOf(kind, ref), foldText(`${r.title ?? ''}\n${r.main_text}`), kind, ref, conf);
      } else {
        const c = cl.get(ref) as { id: number; report_id: number; mention_id: number; type: string; place: string | null; detail: string | null; evidence: string; confidentiality: Confidentiality; name: string; mconf: Confidentiality; rconf: Confidentiality } | undefined;
        if (!c || [c.confidentiality, c.mconf, c.rconf].includes('confidential')) continue;
        openColumns(store.db, keys, 'claims', c.id, c, { place: 'place', detail: 'detail', evidence: 'evidence' });
        openColumns(store.db, keys, 'mentions', c.mention_id, c, { name: 'name' });
        const label = isEventType(c.type) ? `${EVENT_TYPES[c.type].en} ${EVENT_TYPES[c.type].ru}` : c.type;
        const conf = [c.confidentiality, c.mconf, c.rconf].every((l) => l === 'public') && !sealedInternal.get(-1, c.id, c.mention_id) ? 'public' : 'internal';
        ins.run(rowidOf(kind, ref), foldText(`${c.name} ${label} ${c.place ?? ''} ${c.detail ?? ''} ${c.evidence}`), kind, ref, conf);
      }
    }
    prep(store, 'DELETE FROM search_dirty').run();
    return rows.length;
  }).immediate();
}

export interface Segment { text: string; hit?: true }
export interface SearchHit {
  kind: 'report' | 'claim';
  reportId: number;
  sha256: string;
  title: string | null;
  published: string | null;
  claimId?: number;
  type?: string;
  personId?: number | null;
  personName?: string;
  reviewStatus?: string;
  snippet: Segment[];
}

/** Splits text into plain and matching segments around the first match, ~`width` characters. */
export function highlight(text: string, keys: string[], width = 260): Segment[] {
  const hits: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    const f = foldWord(m[0]);
    if (f && keys.some((k) => f.startsWith(k))) hits.push([m.index, m.index + m[0].length]);
  }
  const first = hits[0]?.[0] ?? 0;
  let a = Math.max(0, first - Math.floor(width / 3));
  if (a > 0) a = text.indexOf(' ', a) + 1 || a;
  const b = Math.min(text.length, a + width);
  const out: Segment[] = [];
  let at = a;
  const push = (s: string, hit = false) => { if (s) out.push(hit ? { text: s, hit: true } : { text: s }); };
  if (a > 0) push('…');
  for (const [s, e] of hits) {
    if (e <= a || s >= b) continue;
    push(text.slice(at, Math.max(at, s)));
    push(text.slice(Math.max(at, s), Math.min(e, b)), true);
    at = Math.min(e, b);
  }
  push(text.slice(at, b).replace(/\s+/g, ' '));
  if (b < text.length) push('…');
  return out.map((s) => (s.hit ? s : { text: s.text.replace(/\s+/g, ' ') }));
}

/**
 * The best hits first, `limit` of them after `cursor` (where the previous page stopped among the
 * index's candidates); every candidate is read back through the clearance-filtered tables.
 */
export function search(store: SqliteStore, query: string, reader: Reader, limit = 30, cursor?: string): { query: string; keys: string[]; total: number; results: SearchHit[]; next: string | null } {
  // Each query word, and the same word without a Russian/Belarusian case ending (Ковальчука → Ковальчук), as a prefix.
  const groups = [...query.matchAll(WORD)].slice(0, 12)
    .map((m) => [...new Set(stripCaseEnding(m[0]).map(foldWord).filter(Boolean))])
    .filter((g) => g.length > 0);
  const keys = [...new Set(groups.flat())];
  if (keys.length === 0) return { query, keys, total: 0, results: [], next: null };
  // Every write indexes what it changed; rows changed outside Vigil's writes are indexed before answering.
  try {
    syncSearchIndex(store);
  } catch (e) {
    // Another process holds the write lock (a CLI ingest): search the index as it is. Safe, because
    // every hit is read back through the clearance-filtered tables below before it is shown.
    if (!/busy|locked/i.test((e as Error).message)) throw e;
  }
  const match = groups.map((g) => `(${g.map((k) => `"${k}"*`).join(' OR ')})`).join(' AND ');
  const levels = inList(levelsFor(reader.clearance).filter((l) => l !== 'confidential'));
  const candidates = prep(store, `SELECT kind, ref FROM search_fts WHERE search_fts MATCH ? AND conf IN (${levels}) ORDER BY bm25(search_fts), rowid LIMIT ? OFFSET ?`);
  const chunk = Math.max(limit * 3, 60);
  const results: SearchHit[] = [];
  let offset = decodeCursor(cursor)?.id ?? 0;
  let total = 0;
  // A few chunks at most: a reader who may see few of the candidates gets a short page and a cursor.
  for (let round = 0; round < 10; round++) {
    const rows = candidates.all(match, chunk, offset) as { kind: string; ref: number }[];
    total += rows.length;
    for (const [i, row] of rows.entries()) {
      if (results.length >= limit) return { query, keys, total, results, next: encodeCursor({ key: '', id: offset + i }) };
      const hit = searchHit(store, row, reader, keys);
      if (hit) results.push(hit);
    }
    offset += rows.length;
    if (rows.length < chunk) return { query, keys, total, results, next: null };
  }
  return { query, keys, total, results, next: encodeCursor({ key: '', id: offset }) };
}

function searchHit(store: SqliteStore, row: { kind: string; ref: number }, reader: Reader, keys: string[]): SearchHit | null {
  if (row.kind === 'report') {
    const r = reportFor(store, row.ref, reader);
    return r && { kind: 'report', reportId: r.id, sha256: r.sha256, title: r.title, published: r.published, snippet: highlight(`${r.title ?? ''} — ${r.mainText}`, keys) };
  }
  const c = claimFor(store, row.ref, reader);
  return c && {
    kind: 'claim', reportId: c.reportId, sha256: c.reportSha256, title: c.reportTitle, published: c.reportPublished, claimId: c.id, type: c.type,
    personId: c.personId, personName: c.personName ?? c.mentionName, reviewStatus: c.reviewStatus,
    snippet: highlight(`${c.mentionName}: ${c.evidence}${c.place ? ` (${c.place})` : ''}`, keys),
  };
}
