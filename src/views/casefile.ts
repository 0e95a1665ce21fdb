/**
 * The case file of one person, computed from claims (DESIGN.md: views are computed, never stored).
 * Rejected claims are left out; everything else is shown with its source and sentence.
 */
import { EVENT_TYPES, ROLES, isEventType, isHeldStatus, isPersecution, isRole, type PersonStatus } from '../schema/taxonomy.ts';
import type { ClaimRow, MentionRow, ReportSummary } from '../store/sqlite-store.ts';
import { groupEvents, type CaseEvent, type GroupOptions } from './events.ts';

export interface SourceRef {
  sha256: string;
  title: string | null;
  published: string | null;
  url: string | null;
}

/** A claim as the case file shows it: its values, its review, and where it comes from. */
export type TimelineEntry = Pick<ClaimRow, 'type' | 'date' | 'place' | 'detail' | 'claimant' | 'evidence' | 'confidence' | 'reviewStatus' | 'madeBy'> & {
  claimId: number;
  source: SourceRef;
};

export interface CaseFile {
  id: number;
  name: string;
  aliases: string[];
  roles: string[];
  status: PersonStatus;
  statusSince: string | null;
  /** Told of a persecution event in a persecuted role (or by a person's own hand): on the prisoner list, else in the persons index. */
  persecuted: boolean;
  /** Recognition as a political prisoner: a person's decision, entered by hand with its source (who recognised, when, who entered it). */
  recognition: { by: string | null; date: string | null; enteredBy: string; source: SourceRef } | null;
  lastPlace: { place: string; date: string | null; source: SourceRef; evidence: string } | null;
  /** The claims grouped into events, each with all its sources (views/events.ts). */
  events: CaseEvent[];
  /** Every claim not rejected, one row each, for review. */
  timeline: TimelineEntry[];
  reports: SourceRef[];
}

function sourceOf(c: ClaimRow): SourceRef {
  return { sha256: c.reportSha256, title: c.reportTitle, published: c.reportPublished, url: c.reportUrl };
}

/** Undated claims sort by their report's publication date, so "when it was said" stands in for "when". */
function sortKey(c: ClaimRow): string {
  return c.date ?? c.reportPublished ?? '';
}

/** Partial dates compare as strings ("2011-01" < "2011-01-06"), which is the order a reader expects. */
export function chronological(claims: ClaimRow[]): ClaimRow[] {
  return [...claims].sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.id - b.id);
}

const PLACE_TYPES = new Set(['arrest', 'detention', 'transfer']);

/**
 * Whether the claims tell of the person's persecution: a claim of a persecution type (taxonomy) on a
 * mention naming them in a persecuted role (a detainee, not a wife, lawyer or official), or a claim
 * a person made or corrected by hand. Give it the claims that count (not rejected; for a public
 * output, the accepted ones).
 */
export function isPersecuted(mentions: Pick<MentionRow, 'id' | 'role'>[], claims: Pick<ClaimRow, 'type' | 'mentionId' | 'madeBy'>[]): boolean {
  const role = new Map(mentions.map((m) => [m.id, m.role]));
  return claims.some((c) => {
    if (!isPersecution(c.type)) return false;
    if (c.madeBy.startsWith('person:')) return true;
    const r = role.get(c.mentionId);
    return !!r && isRole(r) && ROLES[r].persecuted;
  });
}

/** The latest recognition a person entered (never one Vigil proposed), or null. */
function recognitionOf(live: ClaimRow[]): CaseFile['recognition'] {
  const r = live.filter((c) => c.type === 'recognition' && c.madeBy.startsWith('person:')).at(-1);
  return r ? { by: r.detail, date: r.date, enteredBy: r.madeBy.slice('person:'.length), source: sourceOf(r) } : null;
}

/** The place a person is held now: the last place told of, only while the status says held (never "in exile" with a cell). */
export function currentPlace<C extends Pick<ClaimRow, 'type' | 'place'>>(ordered: C[], status: string): C | null {
  if (!isHeldStatus(status)) return null;
  let last: C | null = null;
  for (const c of ordered) {
    if (PLACE_TYPES.has(c.type) && c.place) last = c;
    if (c.type === 'release' || c.type === 'flight_abroad' || c.type === 'death_in_custody') last = null;
  }
  return last;
}

/**
 * Status from the claims in time order. A sentenced person held or moved is still sentenced.
 * An undated "held" or "moved" counts only when its report is later than the report of the last
 * dated status claim: "he was held in a crowded cell", told after a dated release, is no new arrest.
 */
export function deriveStatus(ordered: ClaimRow[]): { status: PersonStatus; statusSince: string | null } {
  let status: PersonStatus = 'unknown';
  let statusSince: string | null = null;
  let lastDatedReport = '';
  for (const c of ordered) {
    if (!isEventType(c.type)) continue;
    const after = EVENT_TYPES[c.type].statusAfter;
    if (!after) continue;
    if (!c.date && after === 'detained' && (c.reportPublished ?? '') <= lastDatedReport) continue;
    if (after === 'detained' && status === 'sentenced' && c.type !== 'arrest') continue;
    status = after;
    statusSince = c.date ?? c.reportPublished;
    if (c.date) lastDatedReport = c.reportPublished ?? lastDatedReport;
  }
  return { status, statusSince };
}

export function buildCaseFile(person: { id: number; name: string }, mentions: MentionRow[], claims: ClaimRow[], reports: ReportSummary[], grouping: GroupOptions = {}): CaseFile {
  const live = chronological(claims.filter((c) => c.reviewStatus !== 'rejected'));
  const { status, statusSince } = deriveStatus(live);
  const held = currentPlace(live, status);
  const lastPlace: CaseFile['lastPlace'] = held ? { place: held.place!, date: held.date, source: sourceOf(held), evidence: held.evidence } : null;
  const names = new Set<string>();
  const roles = new Set<string>();
  for (const m of mentions) {
    names.add(m.name);
    for (const v of m.variants) names.add(v);
    if (m.role) roles.add(m.role);
  }
  names.delete(person.name);
  const reportIds = new Set(mentions.map((m) => m.reportId));
  return {
    id: person.id,
    name: person.name,
    aliases: [...names].sort(),
    roles: [...roles].sort(),
    status,
    statusSince,
    persecuted: isPersecuted(mentions, live),
    recognition: recognitionOf(live),
    lastPlace,
    events: groupEvents(live, grouping),
    timeline: live.map((c) => ({
      claimId: c.id, type: c.type, date: c.date, place: c.place, detail: c.detail, claimant: c.claimant, evidence: c.evidence,
      confidence: c.confidence, reviewStatus: c.reviewStatus, madeBy: c.madeBy, source: sourceOf(c),
    })),
    reports: reports.filter((r) => reportIds.has(r.id)).map((r) => ({ sha256: r.sha256, title: r.title, published: r.published, url: r.url })),
  };
}
