/**
 * Re-resolves every mention in the store into persons. The grouping itself is the pure
 * `clusterNames` of the resolve stage; here we only read mentions, name the groups and write them.
 */
import { clusterNames, samePerson, type NameContext } from '../resolve/index.ts';
import type { NameItem } from '../resolve/cluster.ts';
import { articlesIn } from '../extract/articles.ts';
import { ROLES, isRole } from '../schema/taxonomy.ts';
import type { ClaimClue, MentionRow, PersonDecision, SqliteStore } from './sqlite-store.ts';

/** The display name: the form most reports use, the fullest on a tie. */
export function displayName(mentions: Pick<MentionRow, 'name'>[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * People's decisions over the machine's grouping, in the order they were made: a merge joins every
 * group holding a name of one side with every group holding a name of the other; a split takes the
 * mentions named like one side out of any group that also holds the other side.
 */
export function applyDecisions(clusters: string[][], nameOf: (id: string) => string, decisions: PersonDecision[]): string[][] {
  let groups = clusters.map((c) => [...c]);
  for (const d of decisions) {
    const a = new Set(d.namesA);
    const b = new Set(d.namesB);
    const has = (g: string[], names: Set<string>) => g.some((id) => names.has(nameOf(id)));
    if (d.kind === 'merge') {
      const joined = groups.filter((g) => has(g, a) || has(g, b));
      if (joined.some((g) => has(g, a)) && joined.some((g) => has(g, b))) {
        groups = [...groups.filter((g) => !joined.includes(g)), joined.flat()];
      }
    } else {
      const next: string[][] = [];
      for (const g of groups) {
        if (has(g, a) && has(g, b)) {
          next.push(g.filter((id) => !a.has(nameOf(id))), g.filter((id) => a.has(nameOf(id))));
        } else next.push(g);
      }
      groups = next;
    }
  }
  return groups.filter((g) => g.length > 0);
}

/** What claims contribute to telling people apart: the articles a person is charged or sentenced under, and the exact days of their events. */
export function cluesOf(claims: ClaimClue[]): Map<number, string[]> {
  const out = new Map<number, Set<string>>();
  const add = (id: number, k: string) => {
    const set = out.get(id) ?? new Set<string>();
    set.add(k);
    out.set(id, set);
  };
  for (const c of claims) {
    if (c.type === 'charge' || c.type === 'sentence') for (const a of articlesIn(c.detail)) add(c.mentionId, `art:${a}`);
    // Only a whole day is a clue: "in 2021" is shared by too many people to tell any apart.
    if (c.date && /^\d{4}-\d{2}-\d{2}$/.test(c.date)) add(c.mentionId, `on:${c.type}:${c.date}`);
  }
  return new Map([...out].map(([id, set]) => [id, [...set]]));
}

/**
 * The variants of a mention that are no spelling, case or short form of its name: the other names
 * the report gave the person (Igor Strelkov for Igor Girkin).
 */
export function aliasesOf(m: MentionRow): string[] {
  // Most variants end in a word of the name (Orlov, Mr Orlov): no comparison needed for those.
  const words = new Set(m.name.toLowerCase().split(/\s+/));
  const other = m.variants.filter((v) => v && !words.has(v.toLowerCase().split(/\s+/).at(-1)!) && !samePerson(m.name, v).same);
  // The fullest first; a short form of an alias already kept (Zimin for Lev Zimin) adds nothing.
  const kept: string[] = [];
  for (const v of other.sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length)) if (!kept.some((k) => samePerson(k, v).same)) kept.push(v);
  return kept;
}

/** Groups that share a mention through its aliases' ids (`17~0` is mention 17's first alias) become one; alias ids are dropped. */
export function joinThroughAliases(groups: string[][]): string[][] {
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => !id.includes('~') && groupOf.set(id, i)));
  groups.forEach((g, i) => {
    for (const id of g) {
      const owner = id.includes('~') ? groupOf.get(id.split('~')[0]!) : undefined;
      if (owner !== undefined) parent[find(i)] = find(owner);
    }
  });
  const joined = new Map<number, string[]>();
  groups.forEach((g, i) => {
    const ids = g.filter((id) => !id.includes('~'));
    if (ids.length) joined.set(find(i), [...(joined.get(find(i)) ?? []), ...ids]);
  });
  return [...joined.values()];
}

/** The role's side, not the role itself, is the context: see ROLES in the taxonomy. */
export function contextOf(m: Pick<MentionRow, 'role'>): NameContext {
  return { role: m.role && isRole(m.role) ? ROLES[m.role].side : m.role };
}

/**
 * What clustering groups for a mention, in the order it groups them: the mention's name, then each
 * other name its report gave the person (`17~0` is mention 17's first alias, with the same context).
 * Mentions come in id order, each followed by its aliases, so that a mention added later is also
 * grouped later: the incremental index (resolve-index.ts) relies on it.
 */
export function mentionItems(m: MentionRow, companions: readonly string[], clues: readonly string[] | undefined): NameItem[] {
  const item = { id: String(m.id), name: m.name, ctx: contextOf(m), companions, clues };
  return [item, ...aliasesOf(m).map((alias, n) => ({ ...item, id: `${m.id}~${n}`, name: alias }))];
}

export function groupMentions(mentions: MentionRow[], decisions: PersonDecision[] = [], claims: ClaimClue[] = []): { id: number; name: string; mentionIds: number[] }[] {
  const byId = new Map(mentions.map((m) => [String(m.id), m]));
  const clues = cluesOf(claims);
  const namesIn = new Map<number, string[]>();
  for (const m of mentions) {
    const list = namesIn.get(m.reportId) ?? [];
    list.push(m.name);
    namesIn.set(m.reportId, list);
  }
  // A report's other names for a person (Strelkov for Girkin) are grouped like names of their own,
  // then pull their mention's group with them.
  const items = [...mentions].sort((a, b) => a.id - b.id).flatMap((m) => mentionItems(m, namesIn.get(m.reportId)!.filter((n) => n !== m.name), clues.get(m.id)));
  const machine = joinThroughAliases(clusterNames(items));
  const clusters = applyDecisions(machine, (id) => byId.get(id)!.name, decisions);
  return clusters.map((ids) => {
    const ms = ids.map((id) => byId.get(id)!).sort((a, b) => a.id - b.id);
    return { id: ms[0]!.id, name: displayName(ms), mentionIds: ms.map((m) => m.id) };
  });
}

/**
 * Brings persons up to date. Every write already does (resolve-index.ts groups the mentions it adds
 * with the persons their blocking keys find), so this only finishes what a write left (or, inside a
 * write, derives what it has written so far), and returns how many persons the workspace knows.
 */
export function resolvePersons(store: SqliteStore, _actor: string): number {
  // Inside a write (an import that reads the persons it made before it commits), what it wrote so far is derived now.
  if (store.db.inTransaction) store.derived?.maintain();
  else store.write(() => undefined);
  return (store.db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
}

/**
 * Groups every mention again from nothing, as `groupMentions` would (`vigil persons rebuild`: for
 * when the rules of grouping change). People's merges and splits are applied again; audited.
 */
export function rebuildPersons(store: SqliteStore, actor: string): number {
  return store.write(() => {
    const before = (store.db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
    store.derived!.rebuild();
    const after = (store.db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
    store.audit(actor, 'persons:rebuild', 'persons', { persons: before }, { persons: after });
    return after;
  });
}
