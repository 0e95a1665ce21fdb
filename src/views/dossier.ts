/**
 * The case file as the web UI shows it, for one person at a time and for one reader (clearance and keys):
 * the CaseFile of casefile.ts plus places, charges, disagreements, related persons and reviews.
 * Also the prisoner list with its filters and the statistics — all computed from claims.
 */
import type { PersonStatus } from '../schema/taxonomy.ts';
import type { Reader } from '../store/confidential.ts';
import { PERSON_STATUSES, isFact } from '../schema/taxonomy.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { claimsWhere, memoView, mentionsFor, personsFor, reportsFor, reviewsFor, type ClaimWithLevel } from '../store/queries.ts';
import { displayName } from '../store/resolve-persons.ts';
import { buildCaseFile, chronological, deriveStatus, type CaseFile, type SourceRef, type TimelineEntry } from './casefile.ts';
import { caseFiles, groupBy, summarise } from './persons.ts';
import { articlesIn } from '../extract/articles.ts';

export interface Dossier extends Omit<CaseFile, 'timeline'> {
  timeline: (TimelineEntry & { reviews: { decision: string; reviewer: string; at: string }[] })[];
  places: { place: string; since: string | null; type: string; source: SourceRef; evidence: string }[];
  charges: { article: string; date: string | null; source: SourceRef; evidence: string }[];
  sentences: { detail: string | null; date: string | null; source: SourceRef; evidence: string }[];
  disagreements: { type: string; field: 'date' | 'place' | 'detail'; versions: { value: string; claims: { claimId: number; evidence: string; source: SourceRef }[] }[] }[];
  /** coDefendant: named as a detainee in a report that also names this person as one. */
  related: { id: number; name: string; roles: string[]; reports: number; coDefendant: boolean }[];
}

const sourceOf = (c: ClaimWithLevel): SourceRef => ({ sha256: c.reportSha256, title: c.reportTitle, published: c.reportPublished, url: c.reportUrl });

/** Fields where two sources giving different values for a once-only event is worth showing. */
const ONCE: Record<string, ('date' | 'place' | 'detail')[]> = {
  arrest: ['date', 'place'],
  sentence: ['date', 'detail'],
  release: ['date'],
  death_in_custody: ['date', 'place'],
  flight_abroad: ['date'],
};

function disagreements(live: ClaimWithLevel[]): Dossier['disagreements'] {
  const out: Dossier['disagreements'] = [];
  for (const [type, fields] of Object.entries(ONCE)) {
    const of = live.filter((c) => c.type === type);
    if (new Set(of.map((c) => c.reportId)).size < 2) continue;
    for (const field of fields) {
      const by = groupBy(of.filter((c) => c[field]), (c) => String(c[field]).trim().toLowerCase());
      if (by.size < 2) continue;
      // Different values only count when they come from different reports.
      const reports = new Set([...by.values()].map((cs) => cs.map((c) => c.reportId).join(',')));
      if (reports.size < 2) continue;
      out.push({ type, field, versions: [...by.values()].map((cs) => ({ value: String(cs[0]![field]), claims: cs.map((c) => ({ claimId: c.id, evidence: c.evidence, source: sourceOf(c) })) })) });
    }
  }
  return out;
}

export function dossier(store: SqliteStore, personId: number, reader: Reader): Dossier | null {
  const mentions = mentionsFor(store, reader, 'm.person_id = ?', [personId]);
  if (mentions.length === 0) return null;
  // Named as the mentions this reader may see name the person, never by a name it may not see.
  const person = { id: personId, name: displayName(mentions) };
  const claims = claimsWhere(store, reader, 'm.person_id = ?', [personId]);
  const reportIds = new Set(mentions.map((m) => m.reportId));
  const reports = reportsFor(store, reader, [...reportIds]);
  const cf = buildCaseFile(person, mentions, claims, reports);
  const live = chronological(claims.filter((c) => c.reviewStatus !== 'rejected')) as ClaimWithLevel[];
  const reviews = reviewsFor(store, cf.timeline.map((t) => t.claimId));
  const places: Dossier['places'] = [];
  for (const c of live) {
    if (!['arrest', 'detention', 'transfer'].includes(c.type) || !c.place) continue;
    const prev = places[places.length - 1];
    if (prev && prev.place.toLowerCase() === c.place.toLowerCase()) continue;
    places.push({ place: c.place, since: c.date, type: c.type, source: sourceOf(c), evidence: c.evidence });
  }
  const charges: Dossier['charges'] = [];
  for (const c of live.filter((x) => x.type === 'charge' || x.type === 'sentence')) {
    for (const article of articlesIn(c.detail)) if (!charges.some((x) => x.article === article)) charges.push({ article, date: c.date, source: sourceOf(c), evidence: c.evidence });
  }
  const sentences = live.filter((c) => c.type === 'sentence').map((c) => ({ detail: c.detail, date: c.date, source: sourceOf(c), evidence: c.evidence }));
  const detaineeIn = new Set(mentions.filter((m) => m.role === 'detainee').map((m) => m.reportId));
  const others = mentionsFor(store, reader, 'm.report_id IN (SELECT value FROM json_each(?)) AND m.person_id IS NOT NULL AND m.person_id != ?', [JSON.stringify([...reportIds]), personId]);
  // Every mention here is one the reader may see; each related person is named by all the mentions of it the reader may see.
  const names = new Map(personsFor(store, reader, [...new Set(others.map((m) => m.personId!))]).map((p) => [p.id, p.name]));
  const related = [...groupBy(others, (m) => m.personId!).entries()]
    .filter(([id]) => names.has(id))
    .map(([id, ms]) => ({
      id, name: names.get(id)!, roles: [...new Set(ms.map((m) => m.role).filter((r): r is string => !!r))].sort(), reports: new Set(ms.map((m) => m.reportId)).size,
      coDefendant: ms.some((m) => m.role === 'detainee' && detaineeIn.has(m.reportId)),
    }))
    .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name));
  return {
    ...cf,
    timeline: cf.timeline.map((t) => ({ ...t, reviews: (reviews.get(t.claimId) ?? []).map(({ decision, reviewer, at }) => ({ decision, reviewer, at })) })),
    places, charges, sentences, disagreements: disagreements(live), related,
  };
}

// ---------------------------------------------------------------------------------------------
// The prisoner list

export interface PrisonerFilter { status?: string; article?: string; facility?: string; from?: string; to?: string }
export interface PrisonerRow {
  id: number; name: string; status: PersonStatus; statusSince: string | null; place: string | null; placeSince: string | null;
  articles: string[]; arrested: string | null; claims: number; reports: number;
}

interface Everyone { rows: PrisonerRow[]; claims: Map<number, ClaimWithLevel[]> }

/** Memo keys name the clearance and the keys held: two readers of one clearance may hold different keys. */
const memoKey = (reader: Reader) => `${reader.clearance}:${Object.keys(reader.keys).sort().join(',')}`;

function everyone(store: SqliteStore, reader: Reader): Everyone {
  return memoView(store, `everyone:${memoKey(reader)}`, () => computeEveryone(store, reader));
}

function computeEveryone(store: SqliteStore, reader: Reader): Everyone {
  const persons = personsFor(store, reader);
  const mentions = groupBy(mentionsFor(store, reader, 'm.person_id IS NOT NULL'), (m) => m.personId!);
  const claims = groupBy(claimsWhere(store, reader, "m.person_id IS NOT NULL AND c.review_status != 'rejected'"), (c) => c.personId!);
  const rows = persons.map((p) => {
    const cs = chronological(claims.get(p.id) ?? []) as ClaimWithLevel[];
    const { status, statusSince } = deriveStatus(cs);
    let place: string | null = null;
    let placeSince: string | null = null;
    for (const c of cs) {
      if (['arrest', 'detention', 'transfer'].includes(c.type) && c.place) { place = c.place; placeSince = c.date; }
      if (c.type === 'release' || c.type === 'flight_abroad') { place = null; placeSince = null; }
    }
    const articles = [...new Set(cs.filter((c) => c.type === 'charge' || c.type === 'sentence').flatMap((c) => articlesIn(c.detail)))];
    const arrested = cs.find((c) => c.type === 'arrest' && c.date)?.date ?? null;
    return { id: p.id, name: p.name, status, statusSince, place, placeSince, articles, arrested, claims: cs.length, reports: new Set((mentions.get(p.id) ?? []).map((m) => m.reportId)).size };
  });
  return { rows, claims };
}

export function prisonerList(store: SqliteStore, reader: Reader, f: PrisonerFilter): { total: number; shown: number; byStatus: Record<string, number>; byArticle: Record<string, number>; byFacility: Record<string, number>; persons: PrisonerRow[] } {
  const { rows } = everyone(store, reader);
  const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
  const list = rows.filter((r) => {
    if (f.status && r.status !== f.status) return false;
    if (f.article && !r.articles.some((a) => a === f.article || a.startsWith(`${f.article}.`))) return false;
    if (f.facility && !(r.place && fold(r.place).includes(fold(f.facility)))) return false;
    const when = r.arrested ?? r.statusSince;
    if ((f.from || f.to) && !when) return false;
    if (f.from && when! < f.from) return false;
    if (f.to && when!.slice(0, f.to.length) > f.to) return false;
    return true;
  });
  const count = (keys: string[][]) => {
    const out: Record<string, number> = {};
    for (const ks of keys) for (const k of ks) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const byStatus = Object.fromEntries(Object.keys(PERSON_STATUSES).map((s) => [s, 0]));
  for (const r of list) byStatus[r.status]!++;
  return {
    total: rows.length, shown: list.length, byStatus,
    byArticle: count(list.map((r) => r.articles)), byFacility: count(list.map((r) => (r.place ? [r.place] : []))),
    persons: list,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

const month = (d: string | null) => (d && /^\d{4}-\d{2}/.test(d) ? d.slice(0, 7) : null);
function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Every month from the earliest to the latest given, so quiet months show as zero. */
function monthsBetween(months: string[]): string[] {
  const sorted = [...months].sort();
  const out: string[] = [];
  if (!sorted.length) return out;
  for (let m = sorted[0]!, guard = 0; m <= sorted[sorted.length - 1]! && guard < 600; m = nextMonth(m), guard++) out.push(m);
  return out;
}

export interface Stats {
  detainedOverTime: { month: string; detained: number }[];
  byArticle: { article: string; persons: number }[];
  byFacility: { facility: string; persons: number }[];
  eventsPerMonth: { month: string; events: number; byType: Record<string, number> }[];
  totals: { persons: number; detainedNow: number; claims: number; reports: number };
}

/** Detained at the end of a month = detained or sentenced by the claims dated up to that month. */
export function statistics(store: SqliteStore, reader: Reader): Stats {
  return memoView(store, `stats:${memoKey(reader)}`, () => computeStatistics(store, reader));
}

function computeStatistics(store: SqliteStore, reader: Reader): Stats {
  const { rows, claims } = everyone(store, reader);
  // A birth date is no event of persecution: it would stretch the charts back decades.
  const all = [...claims.values()].flat().filter((c) => !isFact(c.type));
  const months = all.map((c) => month(c.date)).filter((m): m is string => !!m).sort();
  const detainedOverTime: Stats['detainedOverTime'] = [];
  if (months.length) {
    const first = months[0]!;
    const last = months[months.length - 1]!;
    const dated = [...claims.values()].map((cs) => chronological(cs.filter((c) => month(c.date) && !isFact(c.type))) as ClaimWithLevel[]);
    for (let m = first, guard = 0; m <= last && guard < 600; m = nextMonth(m), guard++) {
      let n = 0;
      for (const cs of dated) {
        const upto = cs.filter((c) => month(c.date)! <= m);
        if (upto.length === 0) continue;
        const s = deriveStatus(upto).status;
        if (s === 'detained' || s === 'sentenced') n++;
      }
      detainedOverTime.push({ month: m, detained: n });
    }
  }
  const byArticle = new Map<string, number>();
  const byFacility = new Map<string, number>();
  for (const r of rows) {
    for (const a of r.articles) byArticle.set(a, (byArticle.get(a) ?? 0) + 1);
    if (r.place && (r.status === 'detained' || r.status === 'sentenced')) byFacility.set(r.place, (byFacility.get(r.place) ?? 0) + 1);
  }
  const perMonth = new Map<string, Record<string, number>>();
  for (const c of all) {
    const m = month(c.date);
    if (!m) continue;
    const rec = perMonth.get(m) ?? {};
    rec[c.type] = (rec[c.type] ?? 0) + 1;
    perMonth.set(m, rec);
  }
  const sortDesc = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    detainedOverTime,
    byArticle: sortDesc(byArticle).map(([article, persons]) => ({ article, persons })),
    byFacility: sortDesc(byFacility).map(([facility, persons]) => ({ facility, persons })),
    eventsPerMonth: monthsBetween([...perMonth.keys()]).map((m) => {
      const byType = perMonth.get(m) ?? {};
      return { month: m, events: Object.values(byType).reduce((a, b) => a + b, 0), byType };
    }),
    totals: { persons: rows.length, detainedNow: rows.filter((r) => r.status === 'detained' || r.status === 'sentenced').length, claims: all.length, reports: reportsFor(store, reader).length },
  };
}

/** The list of persons a reader may see, each summarised from its own claims and reports. */
export function personListFor(store: SqliteStore, reader: Reader): ReturnType<typeof summarise>[] {
  return caseFiles(personsFor(store, reader), mentionsFor(store, reader), claimsWhere(store, reader), reportsFor(store, reader)).map(summarise);
}
