/** The list of persons: resolved people with every name they go by and the reports that name them. */
import type { ClaimRow, MentionRow, ReportSummary } from '../store/sqlite-store.ts';
import { buildCaseFile, type CaseFile } from './casefile.ts';
import { displayName } from '../store/resolve-persons.ts';

export interface PersonSummary {
  id: number;
  name: string;
  aliases: string[];
  roles: string[];
  status: CaseFile['status'];
  reports: { sha256: string; title: string | null; published: string | null }[];
  claims: number;
}

export function groupBy<K, V>(items: V[], key: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

export function caseFiles(persons: { id: number; name: string }[], mentions: MentionRow[], claims: ClaimRow[], reports: ReportSummary[]): CaseFile[] {
  const mentionsBy = groupBy(mentions, (m) => m.personId);
  const claimsBy = groupBy(claims, (c) => c.personId);
  // Each person is named by the mentions given here (those its reader may see), not by a stored name.
  return persons.map((p) => {
    const ms = mentionsBy.get(p.id) ?? [];
    return buildCaseFile({ id: p.id, name: ms.length ? displayName(ms) : p.name }, ms, claimsBy.get(p.id) ?? [], reports);
  });
}

export function summarise(cf: CaseFile): PersonSummary {
  return {
    id: cf.id, name: cf.name, aliases: cf.aliases, roles: cf.roles, status: cf.status,
    reports: cf.reports.map((r) => ({ sha256: r.sha256, title: r.title, published: r.published })),
    claims: cf.timeline.length,
  };
}
