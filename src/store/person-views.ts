/**
 * One row per person and clearance level: what the prisoner list, the list of persons and the
 * statistics show of the person to a reader of that level (views/person-row.ts), with sums over the
 * rows of each level (view_counts). Every write refreshes the rows of the persons whose mentions or
 * claims it changed (derived.ts), so lists are pages of an index and statistics a few sums.
 *
 * Confidentiality: a level's row is computed as a reader of that level sees the person (its rows,
 * its keys). A name, place or articles that differ from what the public row shows may come from a
 * sealed field, so they are sealed under the row's level, and the row is marked `sealed`: it keeps
 * no sort key, no folded place and no article rows in the clear, and readers sort, filter and count
 * such rows after opening them with their own keys.
 */
import { CONFIDENTIALITY, PERSON_STATUSES, type Confidentiality, type PersonStatus } from '../schema/taxonomy.ts';
import type { SqliteStore } from './sqlite-store.ts';
import { openColumns, sealRow, OWN_COLUMNS, type Reader } from './confidential.ts';
import { claimsWhere, mentionsFor, prep, readerOf } from './queries.ts';
import { displayName } from './resolve-persons.ts';
import { isHeld, personRow, type MonthShare, type PrisonerRow } from '../views/person-row.ts';
import { encodeCursor, type Cursor } from './cursor.ts';

export const LEVELS = Object.keys(CONFIDENTIALITY) as Confidentiality[];

type ViewRow = PrisonerRow & { months: MonthShare; sealed: boolean };

interface DbRow {
  id: number; person_id: number; level: Confidentiality; sealed: number; sort_key: string; name: string; status: PersonStatus;
  status_since: string | null; place: string | null; place_since: string | null; articles_json: string; arrested: string | null;
  claims: number; reports: number; months_json?: string; persecuted: number;
}

const viewId = (person: number, level: Confidentiality) => person * 4 + CONFIDENTIALITY[level].rank;

/** The order of names in lists: case, accents and ё do not count; a tie goes by person id. */
export function sortKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folding of the facility filter. */
export const foldPlace = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');

function fromDb(r: DbRow): ViewRow {
  return {
    id: r.person_id, name: r.name, status: r.status, statusSince: r.status_since, place: r.place, placeSince: r.place_since,
    articles: JSON.parse(r.articles_json) as string[], arrested: r.arrested, claims: r.claims, reports: r.reports, persecuted: r.persecuted === 1,
    // Lists do not show it: read only when the row is refreshed.
    months: r.months_json === undefined ? { events: {}, detained: {} } : JSON.parse(r.months_json) as MonthShare, sealed: r.sealed === 1,
  };
}

/** The columns a list reads (not the monthly share). */
const LIST_COLUMNS = 'v.id, v.person_id, v.level, v.sealed, v.sort_key, v.name, v.status, v.status_since, v.place, v.place_since, v.articles_json, v.arrested, v.claims, v.reports, v.persecuted';

/** What a row adds to its level's sums; a sealed row's articles and place are counted by readers after opening. */
function contributions(row: ViewRow): [string, string, number][] {
  const out: [string, string, number][] = [['status', row.status, 1], ['claims', '', row.claims - (row.months.facts ?? 0)]];
  for (const [k, n] of Object.entries(row.months.events)) out.push(['event', k, n]);
  for (const [m, d] of Object.entries(row.months.detained)) out.push(['held', m, d]);
  if (!row.sealed) {
    for (const a of row.articles) out.push(['article', `${row.status}|${a}`, 1]);
    if (row.place) out.push(['facility', `${row.status}|${row.place}`, 1]);
  }
  // The same sums over the prisoner list alone (dims prefixed `listed:`).
  if (row.persecuted) for (const [dim, key, n] of [...out]) if (dim === 'status' || dim === 'article' || dim === 'facility') out.push([`${LISTED}${dim}`, key, n]);
  return out;
}

const LISTED = 'listed:';

/** Moves the sums by what rows added and took away: summed first, so that what a refresh leaves as it was is never written. */
function moveSums(store: SqliteStore, delta: Map<string, number>): void {
  const move = prep(store, 'UPDATE view_counts SET n = n + ? WHERE level = ? AND dim = ? AND key = ?');
  // No upsert: its conflict clause would override the MAC watch triggers' own (integrity.ts).
  const add = prep(store, 'INSERT INTO view_counts(level, dim, key, n) VALUES (?, ?, ?, ?)');
  const drop = prep(store, 'DELETE FROM view_counts WHERE level = ? AND dim = ? AND key = ? AND n = 0');
  for (const [k, n] of delta) {
    if (n === 0) continue;
    const [level, dim, key] = k.split('\u0000') as [string, string, string];
    if (move.run(n, level, dim, key).changes === 0) add.run(level, dim, key, n);
    else drop.run(level, dim, key);
  }
}

/** The person as a reader of this level sees it, or null if no mention of it is theirs to see. */
function compute(store: SqliteStore, person: number, level: Confidentiality): ViewRow | null {
  const reader = readerOf(level, store.fieldKeys);
  const mentions = mentionsFor(store, reader, 'm.person_id = ?', [person]);
  if (mentions.length === 0) return null;
  const claims = claimsWhere(store, reader, "m.person_id = ? AND c.review_status != 'rejected'", [person]);
  return { ...personRow({ id: person, name: displayName(mentions) }, mentions, claims), sealed: false };
}

/** Whether every mention, report and claim of the person is public and unsealed: then every level sees what the public sees. */
function allPublic(store: SqliteStore, person: number): boolean {
  return !prep(store, `SELECT 1 FROM mentions m JOIN reports r ON r.id = m.report_id LEFT JOIN claims c ON c.mention_id = m.id
    WHERE m.person_id = ? AND (m.confidentiality != 'public' OR r.confidentiality != 'public' OR c.confidentiality != 'public'
      OR EXISTS (SELECT 1 FROM sealed_fields s WHERE (s.tbl = 'claims' AND s.row_id = c.id) OR (s.tbl = 'mentions' AND s.row_id = m.id)))
    LIMIT 1`).get(person);
}

const same = (a: ViewRow | null, b: ViewRow | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Brings the rows of these persons up to date (inside a write): computes each level's row, and
 * where it differs from the stored one moves the sums, rewrites the row and its articles and seals
 * what must be. Also the name stored with the person: the one its public mentions give, or none.
 */
export function refreshPersonViews(store: SqliteStore, persons: Iterable<number>): void {
  const db = store.db;
  const exists = prep(store, 'SELECT name FROM persons WHERE id = ?');
  const stored = prep(store, 'SELECT * FROM person_views WHERE id = ?');
  const delta = new Map<string, number>();
  for (const person of persons) {
    const p = exists.get(person) as { name: string } | undefined;
    const rows = new Map<Confidentiality, ViewRow | null>();
    if (p) {
      const pub = compute(store, person, 'public');
      rows.set('public', pub);
      const shared = allPublic(store, person);
      for (const level of LEVELS.slice(1)) {
        const row = shared ? pub : compute(store, person, level);
        // Anything a cleared reader sees that the public row does not show may have come from a sealed field.
        const differs = !!row && (!pub || row.name !== pub.name || row.place !== pub.place || JSON.stringify(row.articles) !== JSON.stringify(pub.articles));
        rows.set(level, row && { ...row, sealed: differs });
      }
      const name = pub?.name ?? '';
      if (name !== p.name) prep(store, 'UPDATE persons SET name = ? WHERE id = ?').run(name, person);
    }
    for (const level of LEVELS) {
      const id = viewId(person, level);
      const was = stored.get(id) as DbRow | undefined;
      const before = was ? fromDb(openColumns(db, store.fieldKeys, 'person_views', id, was, OWN_COLUMNS.person_views as never)) : null;
      const after = rows.get(level) ?? null;
      if (same(before, after)) continue;
      for (const [row, sign] of [[before, -1], [after, 1]] as const) {
        if (row) for (const [dim, key, n] of contributions(row)) delta.set(`${level}\u0000${dim}\u0000${key}`, (delta.get(`${level}\u0000${dim}\u0000${key}`) ?? 0) + sign * n);
      }
      if (was?.sealed) prep(store, "DELETE FROM sealed_fields WHERE tbl = 'person_views' AND row_id = ?").run(id);
      const articlesChanged = !before || !after || before.sealed || after.sealed || JSON.stringify(before.articles) !== JSON.stringify(after.articles);
      if (before && articlesChanged) prep(store, 'DELETE FROM person_articles WHERE view_id = ?').run(id);
      if (!after) {
        prep(store, 'DELETE FROM person_views WHERE id = ?').run(id);
        continue;
      }
      const values = [after.sealed ? 1 : 0, after.sealed ? '' : sortKey(after.name), after.name, after.status, after.statusSince, after.place,
        after.sealed || !after.place ? null : foldPlace(after.place), after.placeSince, JSON.stringify(after.articles), after.arrested, after.claims, after.reports, JSON.stringify(after.months),
        after.persecuted ? 1 : 0];
      if (before) {
        prep(store, `UPDATE person_views SET sealed = ?, sort_key = ?, name = ?, status = ?, status_since = ?, place = ?, place_fold = ?, place_since = ?,
          articles_json = ?, arrested = ?, claims = ?, reports = ?, months_json = ?, persecuted = ? WHERE id = ?`).run(...values, id);
      } else {
        prep(store, `INSERT INTO person_views(person_id, level, sealed, sort_key, name, status, status_since, place, place_fold, place_since,
          articles_json, arrested, claims, reports, months_json, persecuted, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(person, level, ...values, id);
      }
      if (after.sealed && level !== 'public') sealRow(db, store.fieldKeys, 'person_views', id, level);
      else if (articlesChanged) for (const a of after.articles) prep(store, 'INSERT INTO person_articles(view_id, article) VALUES (?, ?)').run(id, a);
    }
  }
  moveSums(store, delta);
}

/** Forgets every row and sum (before they are computed again for every person); counts the reports of each level anew. */
export function resetPersonViews(store: SqliteStore): void {
  store.db.exec("DELETE FROM person_articles; DELETE FROM view_counts; DELETE FROM sealed_fields WHERE tbl = 'person_views'; DELETE FROM person_views;");
  countReports(store);
}

/** The rows that count reports by level, which triggers move from then on (schema.sql). */
export function countReports(store: SqliteStore): void {
  prep(store, "DELETE FROM view_counts WHERE dim = 'reports'").run();
  for (const level of LEVELS) {
    const n = (prep(store, 'SELECT count(*) AS n FROM reports WHERE confidentiality = ?').get(level) as { n: number }).n;
    prep(store, "INSERT INTO view_counts(level, dim, key, n) VALUES (?, 'reports', '', ?)").run(level, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** persecuted: true for the prisoner list, false for those only in the persons index, absent for everyone. */
export interface PrisonerFilter { status?: string; article?: string; facility?: string; from?: string; to?: string; persecuted?: boolean }

const byteOrder = (a: Cursor, b: Cursor) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)) || a.id - b.id;

function matches(r: ViewRow, f: PrisonerFilter): boolean {
  if (f.persecuted !== undefined && r.persecuted !== f.persecuted) return false;
  if (f.status && r.status !== f.status) return false;
  if (f.article && !r.articles.some((a) => a === f.article || a.startsWith(`${f.article}.`))) return false;
  if (f.facility && !(r.place && foldPlace(r.place).includes(foldPlace(f.facility)))) return false;
  const when = r.arrested ?? r.statusSince;
  if ((f.from || f.to) && !when) return false;
  if (f.from && when! < f.from) return false;
  if (f.to && when!.slice(0, f.to.length) > f.to) return false;
  return true;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL of a filter over clear rows (the same test as `matches`). */
function filterSql(f: PrisonerFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.persecuted !== undefined) { where.push('v.persecuted = ?'); params.push(f.persecuted ? 1 : 0); }
  if (f.status) { where.push('v.status = ?'); params.push(f.status); }
  if (f.article) {
    where.push("EXISTS (SELECT 1 FROM person_articles a WHERE a.view_id = v.id AND (a.article = ? OR a.article LIKE ? ESCAPE '\\'))");
    params.push(f.article, `${escapeLike(f.article)}.%`);
  }
  if (f.facility) { where.push("v.place_fold LIKE ? ESCAPE '\\'"); params.push(`%${escapeLike(foldPlace(f.facility))}%`); }
  if (f.from || f.to) where.push('COALESCE(v.arrested, v.status_since) IS NOT NULL');
  if (f.from) { where.push('COALESCE(v.arrested, v.status_since) >= ?'); params.push(f.from); }
  if (f.to) { where.push('substr(COALESCE(v.arrested, v.status_since), 1, ?) <= ?'); params.push(f.to.length, f.to); }
  return { where: where.length ? where.join(' AND ') : '1', params };
}

/** The sealed rows of the reader's level, opened with the reader's keys (a reader without them sees them redacted). */
function sealedRows(store: SqliteStore, reader: Reader): (ViewRow & Cursor)[] {
  return (prep(store, `SELECT ${LIST_COLUMNS} FROM person_views v WHERE level = ? AND sealed = 1`).all(reader.clearance) as DbRow[])
    .map((r) => fromDb(openColumns(store.db, reader.keys, 'person_views', r.id, r, OWN_COLUMNS.person_views as never)))
    .map((r) => ({ ...r, key: sortKey(r.name), id: r.id }));
}

/**
 * One page of the persons a reader may see that pass the filter, in the order of their names, after
 * `cursor`; `next` is where the following page starts, null after the last.
 */
export function personPage(store: SqliteStore, reader: Reader, f: PrisonerFilter, limit: number, cursor: Cursor | null): { rows: PrisonerRow[]; next: string | null } {
  const { where, params } = filterSql(f);
  const after = cursor ? 'AND (v.sort_key > ? OR (v.sort_key = ? AND v.person_id > ?))' : '';
  const clear = (prep(store, `SELECT ${LIST_COLUMNS} FROM person_views v WHERE v.level = ? AND v.sealed = 0 AND ${where} ${after} ORDER BY v.sort_key, v.person_id LIMIT ?`)
    .all(reader.clearance, ...params, ...(cursor ? [cursor.key, cursor.key, cursor.id] : []), limit + 1) as DbRow[])
    .map((r) => ({ ...fromDb(r), key: r.sort_key }));
  const sealed = sealedRows(store, reader).filter((r) => matches(r, f) && (!cursor || byteOrder(r, cursor) > 0));
  const rows = [...clear, ...sealed].sort(byteOrder).slice(0, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page.map(({ months: _m, sealed: _s, key: _k, ...row }) => row), next: rows.length > limit && last ? encodeCursor(last) : null };
}

/** Counts over the persons that pass the filter: by status, by article, by facility; and how many a reader sees in all. */
export function filterCounts(store: SqliteStore, reader: Reader, f: PrisonerFilter): { total: number; shown: number; byStatus: Record<string, number>; byArticle: Record<string, number>; byFacility: Record<string, number> } {
  const byStatus: Record<string, number> = Object.fromEntries(Object.keys(PERSON_STATUSES).map((s) => [s, 0]));
  const byArticle: Record<string, number> = {};
  const byFacility: Record<string, number> = {};
  const add = (o: Record<string, number>, k: string, n: number) => { o[k] = (o[k] ?? 0) + n; };
  // The prisoner list reads the sums over its own rows; everyone's otherwise.
  const prefix = f.persecuted ? LISTED : '';
  const sums = (prep(store, 'SELECT dim, key, n FROM view_counts WHERE level = ? AND dim IN (?, ?, ?)').all(reader.clearance, `${prefix}status`, `${prefix}article`, `${prefix}facility`) as { dim: string; key: string; n: number }[])
    .map((s) => ({ ...s, dim: s.dim.slice(prefix.length) }));
  const total = sums.filter((s) => s.dim === 'status').reduce((a, s) => a + s.n, 0);
  if (!f.article && !f.facility && !f.from && !f.to && f.persecuted !== false) {
    // By status alone (or no filter): the level's sums.
    for (const s of sums) {
      const [status, value] = s.dim === 'status' ? [s.key, ''] : [s.key.slice(0, s.key.indexOf('|')), s.key.slice(s.key.indexOf('|') + 1)];
      if (f.status && status !== f.status) continue;
      add(s.dim === 'status' ? byStatus : s.dim === 'article' ? byArticle : byFacility, s.dim === 'status' ? status! : value!, s.n);
    }
    // Sealed rows are in the status sums; their articles and places are counted here, opened.
    for (const r of sealedRows(store, reader).filter((x) => matches(x, f))) {
      for (const a of r.articles) add(byArticle, a, 1);
      if (r.place) add(byFacility, r.place, 1);
    }
  } else {
    const { where, params } = filterSql(f);
    const base = `FROM person_views v WHERE v.level = ? AND v.sealed = 0 AND ${where}`;
    for (const r of prep(store, `SELECT v.status AS k, count(*) AS n ${base} GROUP BY v.status`).all(reader.clearance, ...params) as { k: string; n: number }[]) add(byStatus, r.k, r.n);
    for (const r of prep(store, `SELECT a.article AS k, count(*) AS n FROM person_articles a JOIN person_views v ON v.id = a.view_id WHERE v.level = ? AND v.sealed = 0 AND ${where} GROUP BY a.article`).all(reader.clearance, ...params) as { k: string; n: number }[]) add(byArticle, r.k, r.n);
    for (const r of prep(store, `SELECT v.place AS k, count(*) AS n ${base} AND v.place IS NOT NULL GROUP BY v.place`).all(reader.clearance, ...params) as { k: string; n: number }[]) add(byFacility, r.k, r.n);
    for (const r of sealedRows(store, reader).filter((x) => matches(x, f))) {
      add(byStatus, r.status, 1);
      for (const a of r.articles) add(byArticle, a, 1);
      if (r.place) add(byFacility, r.place, 1);
    }
  }
  return { total, shown: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, byArticle, byFacility };
}

/** Names of these persons as a reader sees them (null for one it may not see). */
export function viewNames(store: SqliteStore, reader: Reader, ids: number[]): Map<number, string> {
  const rows = prep(store, 'SELECT * FROM person_views WHERE level = ? AND person_id IN (SELECT value FROM json_each(?))').all(reader.clearance, JSON.stringify(ids)) as DbRow[];
  return new Map(rows.map((r) => [r.person_id, openColumns(store.db, reader.keys, 'person_views', r.id, r, { name: 'name' }).name]));
}

export interface Stats {
  detainedOverTime: { month: string; detained: number }[];
  byArticle: { article: string; persons: number }[];
  byFacility: { facility: string; persons: number }[];
  eventsPerMonth: { month: string; events: number; byType: Record<string, number> }[];
  totals: { persons: number; detainedNow: number; claims: number; reports: number };
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Every month from the earliest to the latest given, so quiet months show as zero (at most 50 years). */
function monthsBetween(months: string[]): string[] {
  const sorted = [...months].sort();
  const out: string[] = [];
  for (let m = sorted[0], guard = 0; m && m <= sorted.at(-1)! && guard < 600; m = nextMonth(m), guard++) out.push(m);
  return out;
}

/** The statistics of a reader's level, from its sums: detained = held (detained or sentenced) by the claims dated up to that month. */
export function viewStatistics(store: SqliteStore, reader: Reader): Stats {
  const sums = prep(store, "SELECT dim, key, n FROM view_counts WHERE level = ? AND dim != 'reports'").all(reader.clearance) as { dim: string; key: string; n: number }[];
  const perMonth = new Map<string, Record<string, number>>();
  const held = new Map<string, number>();
  const byArticle = new Map<string, number>();
  const byFacility = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  let persons = 0;
  let detainedNow = 0;
  let claims = 0;
  for (const s of sums) {
    const bar = s.key.indexOf('|');
    if (s.dim === 'status') {
      persons += s.n;
      if (isHeld(s.key as PersonStatus)) detainedNow += s.n;
    } else if (s.dim === 'claims') claims += s.n;
    else if (s.dim === 'held') held.set(s.key, s.n);
    else if (s.dim === 'event') {
      const rec = perMonth.get(s.key.slice(0, bar)) ?? {};
      rec[s.key.slice(bar + 1)] = s.n;
      perMonth.set(s.key.slice(0, bar), rec);
    } else if (s.dim === 'article') bump(byArticle, s.key.slice(bar + 1), s.n);
    else if (s.dim === 'facility' && isHeld(s.key.slice(0, bar) as PersonStatus)) bump(byFacility, s.key.slice(bar + 1), s.n);
  }
  for (const r of sealedRows(store, reader)) {
    for (const a of r.articles) bump(byArticle, a, 1);
    if (r.place && isHeld(r.status)) bump(byFacility, r.place, 1);
  }
  const months = monthsBetween([...perMonth.keys()]);
  let running = 0;
  const detainedOverTime = months.map((month) => ({ month, detained: (running += held.get(month) ?? 0) }));
  const sortDesc = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const levels = LEVELS.filter((l) => CONFIDENTIALITY[l].rank <= CONFIDENTIALITY[reader.clearance].rank);
  const reports = (prep(store, "SELECT sum(n) AS n FROM view_counts WHERE dim = 'reports' AND level IN (SELECT value FROM json_each(?))").get(JSON.stringify(levels)) as { n: number | null }).n ?? 0;
  return {
    detainedOverTime,
    byArticle: sortDesc(byArticle).map(([article, n]) => ({ article, persons: n })),
    byFacility: sortDesc(byFacility).map(([facility, n]) => ({ facility, persons: n })),
    eventsPerMonth: months.map((m) => {
      const byType = perMonth.get(m) ?? {};
      return { month: m, events: Object.values(byType).reduce((a, b) => a + b, 0), byType };
    }),
    totals: { persons, detainedNow, claims, reports },
  };
}


/** The person with the most claims a reader may see (the demo shows their case file). */
export function mostDocumented(store: SqliteStore, reader: Reader): number | null {
  const row = prep(store, 'SELECT person_id FROM person_views WHERE level = ? ORDER BY claims DESC, sealed, sort_key, person_id LIMIT 1').get(reader.clearance) as { person_id: number } | undefined;
  return row?.person_id ?? null;
}
