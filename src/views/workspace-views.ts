/** Views over a whole store: the list of persons and each one's case file, and finding a person by name. */
import type { SqliteStore } from '../store/sqlite-store.ts';
import { caseFiles, summarise, type PersonSummary } from './persons.ts';
import type { CaseFile } from './casefile.ts';
import { foldName } from '../eval/score.ts';
import { samePerson } from '../resolve/index.ts';

export function allCaseFiles(store: SqliteStore): CaseFile[] {
  return caseFiles(store.listPersonRows(), store.allMentions(), store.allClaims(), store.listReports());
}

export function personList(store: SqliteStore): PersonSummary[] {
  return allCaseFiles(store).map(summarise);
}

/**
 * Exact forms first (any spelling the reports used), then names that can be the same person,
 * so "Михалевич" or "Mikhalevic" still finds the case file.
 */
export function findCaseFiles(all: CaseFile[], query: string): CaseFile[] {
  const q = query.trim();
  if (/^#?\d+$/.test(q)) return all.filter((c) => c.id === Number(q.replace('#', '')));
  const fq = foldName(q);
  const exact = all.filter((c) => [c.name, ...c.aliases].some((n) => foldName(n) === fq));
  if (exact.length) return exact;
  return all
    .map((c) => ({ c, score: Math.max(...[c.name, ...c.aliases].map((n) => { const d = samePerson(q, n); return d.same ? d.score : 0; })) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.c);
}
