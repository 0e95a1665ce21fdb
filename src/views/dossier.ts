/**
 * The case file as the web UI shows it, for one person at a time and for one reader (clearance and keys):
 * the CaseFile of casefile.ts plus places, charges, disagreements, related persons and reviews.
 * Also the prisoner list with its filters and the statistics — all computed from claims.
 */
import type { Reader } from '../store/confidential.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { claimsWhere, mentionsFor, reportsFor, reviewsFor, type ClaimWithLevel } from '../store/queries.ts';
import { filterCounts, personPage, viewNames, viewStatistics, type PrisonerFilter, type Stats } from '../store/person-views.ts';
import { decodeCursor } from '../store/cursor.ts';
import type { PrisonerRow } from './person-row.ts';
import { displayName } from '../store/resolve-persons.ts';
import { buildCaseFile, chronological, type CaseFile, type SourceRef, type TimelineEntry } from './casefile.ts';
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
  // Every mention here is one the reader may see; each related person is named as its view row for this reader names it.
  const names = viewNames(store, reader, [...new Set(others.map((m) => m.personId!))]);
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
// The prisoner list, the list of persons and the statistics: pages and sums of the view rows the
// store keeps per person and level (store/person-views.ts).

export type { PrisonerFilter, Stats } from '../store/person-views.ts';
export type { PrisonerRow } from './person-row.ts';

export interface Page { limit: number; cursor?: string }

export function prisonerList(store: SqliteStore, reader: Reader, f: PrisonerFilter, page: Page = { limit: 100 }): ReturnType<typeof filterCounts> & { persons: PrisonerRow[]; next: string | null } {
  // The prisoner list holds the persecuted; everyone else named is in the persons index (personListFor).
  const listed = { ...f, persecuted: true };
  const { rows, next } = personPage(store, reader, listed, page.limit, decodeCursor(page.cursor));
  return { ...filterCounts(store, reader, listed), persons: rows, next };
}

export function statistics(store: SqliteStore, reader: Reader): Stats {
  return viewStatistics(store, reader);
}

/** One page of the persons a reader may see, each summarised from its own claims and reports. */
export function personListFor(store: SqliteStore, reader: Reader, page: Page = { limit: 100 }): { persons: ReturnType<typeof summarise>[]; next: string | null } {
  const { rows, next } = personPage(store, reader, {}, page.limit, decodeCursor(page.cursor));
  const ids = rows.map((r) => r.id);
  const where = 'm.person_id IN (SELECT value FROM json_each(?))';
  const mentions = mentionsFor(store, reader, where, [JSON.stringify(ids)]);
  const reports = reportsFor(store, reader, [...new Set(mentions.map((m) => m.reportId))]);
  return { persons: caseFiles(rows, mentions, claimsWhere(store, reader, where, [JSON.stringify(ids)]), reports).map(summarise), next };
}
