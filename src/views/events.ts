/**
 * Events, not rows: the claims about one person that state the same event (same type, compatible
 * date and place; what "the same" means per type is declared in the taxonomy as `sameEvent`) are
 * grouped into one event with every source and quote beside it, the number of independent sources
 * (a syndicated copy of the same sentence is not a second source) and the values the sources
 * disagree on, side by side. Pure: a view over claims; the claims themselves stay as they are.
 */
import { EVENT_TYPES, isEventType, type SameEvent } from '../schema/taxonomy.ts';
import { articlesIn } from '../extract/articles.ts';

/** What grouping reads of a claim (ClaimRow has all of it). */
export interface EventClaimInput {
  id: number;
  type: string;
  date: string | null;
  place: string | null;
  detail: string | null;
  claimant: string | null;
  evidence: string;
  reviewStatus: string;
  madeBy: string;
  confidence: number;
  reportId: number;
  reportSha256: string;
  reportTitle: string | null;
  reportPublished: string | null;
  reportUrl: string | null;
}

export interface EventSource {
  sha256: string;
  title: string | null;
  published: string | null;
  url: string | null;
  /** The sentences of this report that state the event, with their claims. */
  quotes: { claimId: number; evidence: string; reviewStatus: string; madeBy: string }[];
  /** Index (in `sources`) of the first report carrying the same sentence, when this one is a copy of it. */
  copyOf: number | null;
}

export type EventField = 'date' | 'place' | 'detail';

export interface CaseEvent {
  /** Stable while the event's first claim stays: `type:lowest claim id`. */
  key: string;
  type: string;
  /** The value most sources support, the most precise of them; null when no source gives one. */
  date: string | null;
  /** For a stay (grouped by place): the latest date a source gives for it. */
  until: string | null;
  place: string | null;
  detail: string | null;
  /** accepted when a reviewer accepted any claim of it; disputed when one is disputed and none accepted; else proposed. */
  reviewStatus: 'accepted' | 'disputed' | 'proposed';
  claimIds: number[];
  sources: EventSource[];
  /** Reports that state it in their own words: copies of one sentence count once. */
  independentSources: number;
  disagreements: { field: EventField; versions: { value: string; claimIds: number[] }[] }[];
}

export interface GroupOptions {
  /** Pairs of claim ids a reviewer said are different events ("a:b" with a < b). */
  apart?: ReadonlySet<string>;
}

export const apartKey = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

// ---------------------------------------------------------------------------------------------
// Comparing values

const DAY = 86_400_000;

/** How two partial ISO dates relate: the same (or one more precise), full days `n` apart, or not comparable. */
export function dateGap(a: string, b: string): number | 'same' | 'different' {
  if (a.startsWith(b) || b.startsWith(a)) return 'same';
  if (/^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b)) return Math.round(Math.abs(Date.parse(a) - Date.parse(b)) / DAY);
  return 'different';
}

/** Case, ё, quotes and punctuation do not make two values different. */
export function foldValue(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[«»"“”„'’.,;:()]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Two places or details agree when one, folded, is the other or contains it as whole words ("Minsk" and "a court in Minsk"). */
function textAgrees(a: string, b: string): boolean {
  const x = ` ${foldValue(a)} `;
  const y = ` ${foldValue(b)} `;
  return x.includes(y) || y.includes(x);
}

function detailAgrees(a: string, b: string): boolean {
  const aa = articlesIn(a);
  const bb = articlesIn(b);
  if (aa.length && bb.length) return aa.some((x) => bb.some((y) => x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`)));
  return textAgrees(a, b);
}

const agrees = (field: EventField, a: string, b: string): boolean =>
  field === 'date' ? dateGap(a, b) === 'same' : field === 'detail' ? detailAgrees(a, b) : textAgrees(a, b);

/** The sentence as copies of it would share it: folded, without spacing or punctuation differences. */
const sentenceKey = (evidence: string): string => foldValue(evidence).replace(/[^\p{L}\p{N} ]/gu, '');

function sameEventOf(type: string): SameEvent {
  return isEventType(type) ? EVENT_TYPES[type].sameEvent : { by: 'none' };
}

// ---------------------------------------------------------------------------------------------
// Grouping

interface Group<C extends EventClaimInput> { type: string; claims: C[] }

/** The value deciding whether two claims are one event, per the type's rule; null when the claim has none. */
function decidingValue(c: EventClaimInput, rule: SameEvent): string | null {
  switch (rule.by) {
    case 'date': return c.date;
    case 'place': return c.place;
    case 'detail': return c.detail;
    case 'once': return '';
    case 'none': return sentenceKey(c.evidence);
  }
}

/** Whether a group may take a claim at all: no reviewer said they differ, and places agree where the type needs it. */
function allowed<C extends EventClaimInput>(c: C, g: Group<C>, rule: SameEvent, apart: ReadonlySet<string>): boolean {
  if (g.claims.some((x) => apart.has(apartKey(x.id, c.id)))) return false;
  if (rule.by === 'date' && rule.samePlace && c.place) return g.claims.every((x) => !x.place || textAgrees(x.place, c.place!));
  return true;
}

function fits<C extends EventClaimInput>(c: C, g: Group<C>, rule: SameEvent, apart: ReadonlySet<string>): boolean {
  if (!allowed(c, g, rule, apart)) return false;
  const mine = decidingValue(c, rule)!;
  return g.claims.every((x) => {
    const theirs = decidingValue(x, rule);
    if (theirs === null) return true;
    switch (rule.by) {
      case 'date': {
        const gap = dateGap(mine, theirs);
        return gap === 'same' || (typeof gap === 'number' && gap <= rule.days);
      }
      case 'place': return textAgrees(mine, theirs);
      case 'detail': return detailAgrees(mine, theirs);
      case 'once': return true;
      case 'none': return mine === theirs;
    }
  });
}

/** When a group's event happened as far as is known: the earliest date its claims give, else the earliest report telling of it. */
const groupWhen = (g: Group<EventClaimInput>): string | null =>
  g.claims.map((c) => c.date).filter((d): d is string => !!d).sort()[0] ?? g.claims.map((c) => c.reportPublished).filter((d): d is string => !!d).sort()[0] ?? null;

/**
 * A claim without the deciding value ("he was arrested", no date) tells of the latest event of its
 * type known by its report's publication; of the latest one when its report is undated; of the
 * first when all are later; an event of its own when there is none.
 */
function likeliest<C extends EventClaimInput>(c: C, groups: Group<C>[], rule: SameEvent, apart: ReadonlySet<string>): Group<C> | null {
  const open = groups.filter((g) => allowed(c, g, rule, apart));
  if (!open.length) return null;
  const dated = open.map((g) => ({ g, d: groupWhen(g) })).filter((x): x is { g: Group<C>; d: string } => x.d !== null).sort((a, b) => a.d.localeCompare(b.d));
  if (!dated.length) return open[0]!;
  const pub = c.reportPublished;
  if (!pub) return dated[dated.length - 1]!.g;
  const before = dated.filter((x) => x.d.slice(0, pub.length) <= pub);
  return (before.length ? before[before.length - 1]! : dated[0]!).g;
}

/** The claims' events, in time order. Give it the claims a reader may see and that are not rejected. */
export function groupEvents<C extends EventClaimInput>(claims: readonly C[], opts: GroupOptions = {}): CaseEvent[] {
  const apart = opts.apart ?? new Set<string>();
  const groups: Group<C>[] = [];
  const byType = new Map<string, C[]>();
  for (const c of [...claims].sort((a, b) => a.id - b.id)) {
    const list = byType.get(c.type);
    if (list) list.push(c);
    else byType.set(c.type, [c]);
  }
  for (const [type, cs] of byType) {
    const rule = sameEventOf(type);
    const mine: Group<C>[] = [];
    // Claims holding the deciding value first, most precise first, so vaguer ones find the event they agree with.
    const keyed = cs.filter((c) => decidingValue(c, rule) !== null)
      .sort((a, b) => (decidingValue(b, rule)!.length - decidingValue(a, rule)!.length) || (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id);
    for (const c of keyed) {
      const g = mine.find((x) => fits(c, x, rule, apart));
      if (g) g.claims.push(c);
      else mine.push({ type, claims: [c] });
    }
    for (const c of cs.filter((x) => decidingValue(x, rule) === null)) {
      const g = likeliest(c, mine, rule, apart);
      if (g) g.claims.push(c);
      else mine.push({ type, claims: [c] });
    }
    groups.push(...mine);
  }
  return groups.map((g) => summarise(g, sameEventOf(g.type))).sort(eventOrder);
}

/** Time order; undated events after dated ones of the same time by their first report. */
export function eventOrder(a: CaseEvent, b: CaseEvent): number {
  const ka = a.date ?? a.sources[0]?.published ?? '';
  const kb = b.date ?? b.sources[0]?.published ?? '';
  return ka.localeCompare(kb) || a.claimIds[0]! - b.claimIds[0]!;
}

// ---------------------------------------------------------------------------------------------
// Summarising a group

/**
 * The distinct values the claims give for a field: a vaguer value joins the more precise one it
 * agrees with ("2011-01" joins "2011-01-19"; "Minsk" joins "a court in Minsk"); each version is named
 * by its most precise value.
 */
function versionsOf(claims: EventClaimInput[], field: EventField): { value: string; claimIds: number[] }[] {
  const given = claims.filter((c) => c[field]).sort((a, b) => c2len(b, field) - c2len(a, field) || a.id - b.id);
  const versions: { value: string; claimIds: number[] }[] = [];
  for (const c of given) {
    const v = c[field]!;
    const same = versions.filter((x) => agrees(field, x.value, v));
    if (same.length === 1 || (same.length > 1 && same.every((x) => foldValue(x.value) === foldValue(same[0]!.value)))) same[0]!.claimIds.push(c.id);
    else if (same.length > 1) same.sort((a, b) => b.claimIds.length - a.claimIds.length)[0]!.claimIds.push(c.id);
    else versions.push({ value: v.trim(), claimIds: [c.id] });
  }
  return versions.sort((a, b) => b.claimIds.length - a.claimIds.length || a.value.localeCompare(b.value));
}

const c2len = (c: EventClaimInput, field: EventField) => (c[field] ?? '').length;

function summarise(g: Group<EventClaimInput>, rule: SameEvent): CaseEvent {
  const claims = [...g.claims].sort((a, b) => a.id - b.id);
  const fields: EventField[] = ['date', 'place', 'detail'];
  const versions = Object.fromEntries(fields.map((f) => [f, versionsOf(claims, f)])) as Record<EventField, { value: string; claimIds: number[] }[]>;
  // A stay told at several dates is one stay, not a disagreement about its date; and copies of one
  // sentence that differ only by what was read around it (a copy's later publication date) do not disagree.
  const sentenceOf = new Map(claims.map((c) => [c.id, sentenceKey(c.evidence)]));
  const oneSentence = (f: EventField) => new Set(versions[f].flatMap((v) => v.claimIds.map((id) => sentenceOf.get(id)))).size === 1;
  const manyDetails = rule.by === 'date' && !!rule.manyDetails;
  const disagreeOn = fields.filter((f) => versions[f].length > 1 && !(rule.by === 'place' && f === 'date') && !(manyDetails && f === 'detail') && !oneSentence(f));
  const dates = claims.map((c) => c.date).filter((d): d is string => !!d).sort();
  // Sources: one per report, in the order of the claims; copies of one sentence point at the first report carrying it.
  const sources: EventSource[] = [];
  const bySha = new Map<string, EventSource>();
  for (const c of claims) {
    let s = bySha.get(c.reportSha256);
    if (!s) {
      s = { sha256: c.reportSha256, title: c.reportTitle, published: c.reportPublished, url: c.reportUrl, quotes: [], copyOf: null };
      bySha.set(c.reportSha256, s);
      sources.push(s);
    }
    if (!s.quotes.some((q) => sentenceKey(q.evidence) === sentenceKey(c.evidence))) s.quotes.push({ claimId: c.id, evidence: c.evidence, reviewStatus: c.reviewStatus, madeBy: c.madeBy });
  }
  sources.sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.sha256.localeCompare(b.sha256));
  const firstWith = new Map<string, number>();
  sources.forEach((s, i) => {
    for (const q of s.quotes) {
      const k = sentenceKey(q.evidence);
      const first = firstWith.get(k);
      if (first === undefined) firstWith.set(k, i);
      else if (s.copyOf === null && first !== i) s.copyOf = sources[first]!.copyOf ?? first;
    }
  });
  const statuses = new Set(claims.map((c) => c.reviewStatus));
  return {
    key: `${g.type}:${claims[0]!.id}`,
    type: g.type,
    date: rule.by === 'place' ? dates[0] ?? null : versions.date[0]?.value ?? null,
    until: rule.by === 'place' && dates.length > 1 && dates[dates.length - 1] !== dates[0] ? dates[dates.length - 1]! : null,
    place: versions.place[0]?.value ?? null,
    detail: versions.detail[0]?.value ?? null,
    reviewStatus: statuses.has('accepted') ? 'accepted' : statuses.has('disputed') ? 'disputed' : 'proposed',
    claimIds: claims.map((c) => c.id),
    sources,
    independentSources: sources.filter((s) => s.copyOf === null).length,
    disagreements: disagreeOn.map((field) => ({ field, versions: versions[field] })),
  };
}
