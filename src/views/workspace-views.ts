/**
 * The owner's views at the terminal: one person's case file, the persons a name may mean, and the
 * list of persons a page at a time. Each reads only the persons it shows.
 */
import type { SqliteStore } from '../store/sqlite-store.ts';
import { claimsWhere, mentionsFor, reportsFor } from '../store/queries.ts';
import { displayName } from '../store/resolve-persons.ts';
import { buildCaseFile, type CaseFile } from './casefile.ts';
import { personListFor, type Page } from './dossier.ts';
import type { PersonSummary } from './persons.ts';
import { foldName } from '../eval/score.ts';
import { samePerson } from '../resolve/index.ts';

/** The case file of one person as the owner sees it (every level), or null if there is no such person. */
export function caseFileOf(store: SqliteStore, personId: number): CaseFile | null {
  const mentions = mentionsFor(store, store.owner, 'm.person_id = ?', [personId]);
  if (mentions.length === 0) return null;
  const claims = claimsWhere(store, store.owner, 'm.person_id = ?', [personId]);
  const reports = reportsFor(store, store.owner, [...new Set(mentions.map((m) => m.reportId))]);
  return buildCaseFile({ id: personId, name: displayName(mentions) }, mentions, claims, reports);
}

/** A page of the list of persons, in the order of their names, each with every name it goes by. */
export function personListPage(store: SqliteStore, page: Page): { persons: PersonSummary[]; next: string | null } {
  return personListFor(store, store.owner, page);
}

/**
 * Exact forms first (any spelling the reports used), then names that can be the same person, so
 * "Михалевич" or "Mikhalevic" still finds the case file. Only the persons holding a name that
 * shares a blocking key with the query are read (the resolution index finds them).
 */
export function findCaseFiles(store: SqliteStore, query: string): CaseFile[] {
  const q = query.trim();
  if (/^#?\d+$/.test(q)) {
    const one = caseFileOf(store, Number(q.replace('#', '')));
    return one ? [one] : [];
  }
  const all = store.derived!.resolution.personsMeeting(q).map((id) => caseFileOf(store, id)).filter((c): c is CaseFile => c !== null);
  const fq = foldName(q);
  const exact = all.filter((c) => [c.name, ...c.aliases].some((n) => foldName(n) === fq));
  if (exact.length) return exact;
  return all
    .map((c) => ({ c, score: Math.max(...[c.name, ...c.aliases].map((n) => { const d = samePerson(q, n); return d.same ? d.score : 0; })) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.c.id - b.c.id)
    .map((x) => x.c);
}
