/**
 * Re-resolves every mention in the store into persons. The grouping itself is the pure
 * `clusterNames` of the resolve stage; here we only read mentions, name the groups and write them.
 */
import { clusterNames } from '../resolve/index.ts';
import type { MentionRow, SqliteStore } from './sqlite-store.ts';

/** The display name: the form most reports use, the fullest on a tie. */
export function displayName(mentions: MentionRow[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0];
}

export function groupMentions(mentions: MentionRow[]): { id: number; name: string; mentionIds: number[] }[] {
  const byId = new Map(mentions.map((m) => [String(m.id), m]));
  const clusters = clusterNames(mentions.map((m) => ({ id: String(m.id), name: m.name, ctx: { role: m.role } })));
  return clusters.map((ids) => {
    const ms = ids.map((id) => byId.get(id)!).sort((a, b) => a.id - b.id);
    return { id: ms[0]!.id, name: displayName(ms), mentionIds: ms.map((m) => m.id) };
  });
}

export function resolvePersons(store: SqliteStore, actor: string): number {
  const persons = groupMentions(store.allMentions());
  store.applyResolution(persons, actor);
  return persons.length;
}
