/**
 * What the prisoner list and the statistics show of one person, from the claims and mentions one
 * reader may see: status and since when, current place, articles, date of arrest, counts, and the
 * person's share of the statistics by month. Pure: the store keeps one per person and level
 * (store/person-views.ts) and refreshes it when the person's claims change.
 */
import { isFact, type PersonStatus } from '../schema/taxonomy.ts';
import type { ClaimRow, MentionRow } from '../store/sqlite-store.ts';
import { articlesIn } from '../extract/articles.ts';
import { chronological, currentPlace, deriveStatus, isPersecuted } from './casefile.ts';

export interface PrisonerRow {
  id: number; name: string; status: PersonStatus; statusSince: string | null; place: string | null; placeSince: string | null;
  articles: string[]; arrested: string | null; claims: number; reports: number;
  /** On the prisoner list (a persecution event told of them in a persecuted role); else only in the persons index. */
  persecuted: boolean;
}

/**
 * A person's share of the statistics: claims per month and type, and where "detained" starts (+1)
 * and ends (-1); `facts` counts the claims that are facts (birth, nationality), which the
 * statistics of events leave out.
 */
export interface MonthShare {
  events: Record<string, number>;
  detained: Record<string, number>;
  facts?: number;
}

export const monthOf = (d: string | null): string | null => (d && /^\d{4}-\d{2}/.test(d) ? d.slice(0, 7) : null);

export const isHeld = (s: PersonStatus): boolean => s === 'detained' || s === 'sentenced';

/** `claims` are the person's claims a reader may see, rejected ones included or not (they are left out). */
export function personRow(person: { id: number; name: string }, mentions: MentionRow[], claims: ClaimRow[]): PrisonerRow & { months: MonthShare } {
  const cs = chronological(claims.filter((c) => c.reviewStatus !== 'rejected'));
  const { status, statusSince } = deriveStatus(cs);
  // A current place only with a status of custody: never "in exile" with a cell.
  const held = currentPlace(cs, status);
  const place = held?.place ?? null;
  const placeSince = held?.date ?? null;
  const articles = [...new Set(cs.filter((c) => c.type === 'charge' || c.type === 'sentence').flatMap((c) => articlesIn(c.detail)))];
  const arrested = cs.find((c) => c.type === 'arrest' && c.date)?.date ?? null;
  return {
    id: person.id, name: person.name, status, statusSince, place, placeSince, articles, arrested, claims: cs.length,
    reports: new Set(mentions.map((m) => m.reportId)).size, persecuted: isPersecuted(mentions, cs), months: monthShare(cs),
  };
}

/**
 * Claims per month, and the months where the person's status, told by the claims dated up to the
 * end of that month, turns to held or away from it: summed over persons, the number held each month.
 */
function monthShare(ordered: ClaimRow[]): MonthShare {
  const events: Record<string, number> = {};
  // A birth date is no event of persecution: it would stretch the charts back decades.
  const facts = ordered.filter((c) => isFact(c.type)).length;
  const dated = ordered.filter((c) => monthOf(c.date) && !isFact(c.type));
  for (const c of dated) {
    const k = `${monthOf(c.date)}|${c.type}`;
    events[k] = (events[k] ?? 0) + 1;
  }
  const detained: Record<string, number> = {};
  let held = false;
  for (const m of [...new Set(dated.map((c) => monthOf(c.date)!))]) {
    // Dated claims sort by date, so those of a month and before are a prefix of them.
    const now = isHeld(deriveStatus(dated.filter((c) => monthOf(c.date)! <= m)).status);
    if (now !== held) detained[m] = now ? 1 : -1;
    held = now;
  }
  return facts ? { events, detained, facts } : { events, detained };
}
