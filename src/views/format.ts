/** Plain-text renderings for the terminal. Labels come from the schema, never typed again here. */
import { EVENT_TYPES, PERSON_STATUSES, isEventType } from '../schema/taxonomy.ts';
import type { CaseFile, SourceRef } from './casefile.ts';
import type { CaseEvent } from './events.ts';
import type { PersonSummary } from './persons.ts';

export function sourceLabel(s: SourceRef): string {
  const what = s.title ?? s.url ?? 'untitled report';
  return `${what}${s.published ? `, ${s.published}` : ''} [${s.sha256.slice(0, 12)}]`;
}

export function typeLabel(type: string): string {
  return isEventType(type) ? EVENT_TYPES[type].en : type;
}

export function formatCaseFile(cf: CaseFile): string {
  const out: string[] = [];
  out.push(`${cf.name}`);
  out.push('='.repeat(Math.min(cf.name.length, 80)));
  if (cf.aliases.length) out.push(`Also written: ${cf.aliases.join('; ')}`);
  if (cf.roles.length) out.push(`Roles in reports: ${cf.roles.join(', ')}`);
  out.push(`Status: ${PERSON_STATUSES[cf.status].en}${cf.statusSince ? ` (since ${cf.statusSince})` : ''}`);
  if (cf.lastPlace) {
    out.push(`Last known place of detention: ${cf.lastPlace.place}${cf.lastPlace.date ? `, ${cf.lastPlace.date}` : ''}`);
    out.push(`  source: ${sourceLabel(cf.lastPlace.source)}`);
  } else {
    out.push('Last known place of detention: not stated in any report');
  }
  out.push('', `Events (${cf.events.length}, grouped from ${cf.timeline.length} claims; each with all its sources):`);
  cf.events.forEach((e, i) => out.push(...formatEvent(e, i + 1)));
  out.push('', `Timeline (${cf.timeline.length} claims, all proposed by the extractor unless marked otherwise):`);
  for (const t of cf.timeline) {
    const bits = [t.date ?? 'date unknown', typeLabel(t.type)];
    if (t.place) bits.push(`at ${t.place}`);
    if (t.detail) bits.push(`(${t.detail})`);
    if (t.claimant) bits.push(`— according to ${t.claimant}`);
    out.push(`- ${bits.join(' ')}  [${t.reviewStatus}, confidence ${t.confidence.toFixed(2)}]`);
    out.push(`    “${t.evidence.replace(/\s+/g, ' ').trim()}”`);
    out.push(`    source: ${sourceLabel(t.source)}`);
  }
  out.push('', `Reports naming this person (${cf.reports.length}):`);
  for (const r of cf.reports) out.push(`- ${sourceLabel(r)}`);
  return out.join('\n');
}

export function formatPersons(list: PersonSummary[]): string {
  if (list.length === 0) return 'No persons yet. Ingest some reports with `vigil ingest PATH`.';
  return list
    .map((p) => {
      const aka = p.aliases.length ? `  also: ${p.aliases.join('; ')}` : '';
      return `${p.name} — ${PERSON_STATUSES[p.status].en.toLowerCase()}, ${p.claims} claims, ${p.reports.length} report(s)${p.roles.length ? `, ${p.roles.join('/')}` : ''}\n${aka}`.trimEnd();
    })
    .join('\n');
}

/** One event: its values, how many sources and how many of them independent, every quote, and what the sources disagree on. */
export function formatEvent(e: CaseEvent, n: number): string[] {
  const bits = [e.date ?? 'date unknown', typeLabel(e.type)];
  if (e.until) bits[0] = `${e.date} – ${e.until}`;
  if (e.place) bits.push(`at ${e.place}`);
  if (e.detail) bits.push(`(${e.detail})`);
  const copies = e.sources.length - e.independentSources;
  const out = [`${n}. ${bits.join(' ')}  [${e.reviewStatus}; ${e.sources.length} source(s)${copies ? `, ${e.independentSources} independent` : ''}]`];
  for (const d of e.disagreements) out.push(`    sources disagree on the ${d.field}: ${d.versions.map((v) => `${v.value} (${v.claimIds.length})`).join(' | ')}`);
  e.sources.forEach((s) => {
    for (const q of s.quotes) out.push(`    “${q.evidence.replace(/\s+/g, ' ').trim()}”`);
    out.push(`      source: ${sourceLabel(s)}${s.copyOf !== null ? ` — a copy of ${sourceLabel(e.sources[s.copyOf]!)}` : ''}`);
  });
  return out;
}
