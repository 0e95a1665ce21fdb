/**
 * Event coreference inside one report. Reports restate: the lede says "he was released", the body
 * says "on 19 February he was released from the KGB jail", a quote says it again, and crawled text
 * repeats whole paragraphs. A monitor wants one proposed event per happening: its first sentence
 * as evidence (the first one that dates it, if an earlier one does not), the firmest date any gives,
 * and the other sentences kept in `also`.
 */
import type { ContractEvent } from './contract.ts';
import { TORTURE_SPECIFIC } from './lexicon/triggers.ts';

export type MergedEvent = ContractEvent & { also?: { start: number; end: number }[] };

/** Types where two mentions with compatible date and place are one happening. */
const ONE_PER_OCCASION = new Set(['arrest', 'detention', 'release', 'flight_abroad', 'charge', 'sentence', 'trial', 'travel_ban', 'death_in_custody', 'transfer']);

/** Dates agree when one is unknown or one is a prefix of the other ("2011-02" and "2011-02-19"). */
function datesAgree(a: string | null, b: string | null): boolean {
  return !a || !b || a.startsWith(b) || b.startsWith(a);
}

function placesAgree(a: string | null, b: string | null): boolean {
  return !a || !b || a.toLowerCase() === b.toLowerCase();
}

/** Articles named in a detail ("Art. 293 (…)"); two charges under different articles are two charges. */
function articlesOf(detail: string | null): string[] {
  return [...(detail ?? '').matchAll(/Art\. (\S+)/g)].map((m) => m[1]!);
}

function articlesAgree(a: string | null, b: string | null): boolean {
  const x = articlesOf(a);
  const y = articlesOf(b);
  return !x.length || !y.length || x.some((n) => y.includes(n));
}

/** A torture allegation that describes something (a method, an agent, a date) rather than naming it. */
export function isSpecificTorture(e: ContractEvent): boolean {
  return e.date !== null || TORTURE_SPECIFIC.test(e.evidence);
}

/** A date read from the sentence or a relative day; one carried over from the story or a citation is only a guess. */
function firmDate(e: ContractEvent): string | null {
  return e.dateBasis === 'story' || e.dateBasis === 'citation' || e.dateBasis === 'present' ? null : e.date;
}

function sameHappening(a: ContractEvent, b: ContractEvent): boolean {
  if (a.evidence === b.evidence) return true;
  if (ONE_PER_OCCASION.has(a.type)) {
    if (!datesAgree(firmDate(a), firmDate(b)) || !placesAgree(a.place, b.place)) return false;
    if (a.type === 'transfer' && (a.place === null) !== (b.place === null)) return false;
    // A trial has many hearings: two mentions are one only when a date says so.
    if (a.type === 'trial' && (!firmDate(a) || !firmDate(b))) return false;
    return articlesAgree(a.detail, b.detail);
  }
  // Accounts of ill-treatment, searches and denials are told apart by what they describe.
  return a.detail !== null && a.detail.toLowerCase() === b.detail?.toLowerCase() && datesAgree(firmDate(a), firmDate(b));
}

export function mergeEvents(events: ContractEvent[]): MergedEvent[] {
  const groups = new Map<string, MergedEvent[]>();
  for (const e of events) {
    const key = `${e.type}|${e.person}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(e);
  }
  const out: MergedEvent[] = [];
  for (const group of groups.values()) {
    let items = group;
    if (group[0]!.type === 'torture_allegation' && group.some(isSpecificTorture)) {
      // "his claim of torture", "after his torture": passing mentions of an account given elsewhere.
      const specific = group.filter(isSpecificTorture);
      const first = { ...specific[0]!, also: group.filter((e) => !isSpecificTorture(e)).map(({ start, end }) => ({ start, end })) };
      items = [first, ...specific.slice(1)];
    }
    const kept: MergedEvent[] = [];
    for (const e of items) {
      const k = kept.findIndex((x) => sameHappening(x, e));
      if (k < 0) {
        kept.push(e);
        continue;
      }
      const a = kept[k]!;
      // The first sentence that states the event is its evidence, unless only a later one dates it.
      const [best, other] = firmDate(e) && !firmDate(a) ? [e, a] : [a, e];
      // The firm date wins over a guessed one, the more precise over the less.
      const rank = (x: ContractEvent) => (firmDate(x) ? 20 : 0) + (x.date?.length ?? 0);
      const dated = rank(a) >= rank(e) ? a : e;
      // The other sentences accumulate in one array, appended to in place (a report may restate an event thousands of times).
      const also = a.also ?? [];
      if (e.also) also.push(...e.also);
      also.push({ start: other.start, end: other.end });
      kept[k] = { ...best, date: dated.date, dateBasis: dated.dateBasis, place: best.place ?? other.place, detail: best.detail ?? other.detail, also };
    }
    out.push(...kept);
  }
  return out.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
}
