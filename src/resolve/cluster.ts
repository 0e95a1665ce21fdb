/**
 * Grouping many mentions into persons. Blocking by surname skeleton keeps it near-linear; full
 * names (with a given name) are grouped first, so a surname-only mention cannot chain two
 * different people together: it joins a group only when exactly one group fits it.
 */
import { parseName, type ParsedName } from './parse-name.ts';
import { comparePersons, givenKey, type NameContext } from './same-person.ts';
import { skeleton, tokenKeys, toLatin } from './phonetic.ts';
import { stripCaseEnding } from './parse-name.ts';

/** Consonant skeletons of a surname under every press reading and case ending: its blocking keys. */
function surnameBlocks(surname: string): string[] {
  const out = new Set<string>();
  for (const v of stripCaseEnding(surname)) for (const k of tokenKeys(v)) out.add(skeleton(k));
  return [...out];
}

/** Names that can be the same person share at least one of these keys. */
export function blockingKeys(name: string): string[] {
  const p = parseName(name);
  const keys = new Set<string>();
  if (p.surname) for (const k of surnameBlocks(p.surname)) keys.add(`s:${k}`);
  // A lone token may be a given name ("Milana"): its g: key is for looking up full names by their
  // given name (clusterNames indexes them so). Full names do not emit g: keys, or every Ales would
  // share a block with every other Ales.
  if (p.tokens.length === 1 && p.surname) keys.add(`g:${givenKey(p.surname)}`);
  return [...keys];
}

/** Folded Latin form for display keys and search: no titles, possessives, case or diacritics. */
export function normaliseName(name: string): string {
  const p = parseName(name);
  return p.tokens.map((t) => toLatin(t).replace(/[^a-z-]/g, '')).filter(Boolean).join(' ');
}

interface Item {
  id: string;
  parsed: ParsedName;
  ctx: NameContext;
}

/**
 * Groups of ids. Identical spellings with identical context are resolved once: a million mentions
 * hold far fewer distinct names, and comparing each group against its distinct names keeps groups cheap.
 */
export function clusterNames(items: { id: string; name: string; ctx?: NameContext }[]): string[][] {
  const idsOf = new Map<string, string[]>();
  const reps: { id: string; name: string; ctx?: NameContext }[] = [];
  for (const it of items) {
    const key = `${it.name}\u0000${it.ctx ? JSON.stringify([it.ctx.role ?? null, it.ctx.birthYear ?? null, it.ctx.country ?? null]) : ''}`;
    const ids = idsOf.get(key);
    if (ids) ids.push(it.id);
    else {
      idsOf.set(key, [it.id]);
      reps.push({ ...it, id: key });
    }
  }
  return clusterDistinct(reps).map((g) => g.flatMap((k) => idsOf.get(k)!));
}

function clusterDistinct(items: { id: string; name: string; ctx?: NameContext }[]): string[][] {
  const parsed: Item[] = items.map((i) => ({ id: i.id, parsed: parseName(i.name), ctx: i.ctx ?? {} }));
  const full = parsed.filter((i) => i.parsed.tokens.length >= 2 && i.parsed.surname);
  const partial = parsed.filter((i) => !(i.parsed.tokens.length >= 2 && i.parsed.surname));

  const groups: Item[][] = [];
  const groupOf = new Map<Item, number>();
  const bySurname = new Map<string, number[]>();
  const byGiven = new Map<string, number[]>();
  const index = (g: number, it: Item) => {
    for (const k of surnameBlocks(it.parsed.surname ?? '')) {
      const list = bySurname.get(k) ?? [];
      if (!list.includes(g)) list.push(g);
      bySurname.set(k, list);
    }
    if (it.parsed.given) {
      const k = givenKey(it.parsed.given);
      const list = byGiven.get(k) ?? [];
      if (!list.includes(g)) list.push(g);
      byGiven.set(k, list);
    }
  };
  /** A group accepts a name only if it agrees with every full name already in it. */
  const fits = (g: number, it: Item) => groups[g]!.every((m) => comparePersons(m.parsed, it.parsed, m.ctx, it.ctx).same);
  const candidates = (it: Item): number[] => {
    const out = new Set<number>();
    for (const k of surnameBlocks(it.parsed.surname ?? '')) for (const g of bySurname.get(k) ?? []) out.add(g);
    if (it.parsed.tokens.length === 1 && it.parsed.surname) for (const g of byGiven.get(givenKey(it.parsed.surname)) ?? []) out.add(g);
    return [...out];
  };

  for (const it of full) {
    const g = candidates(it).find((c) => fits(c, it));
    if (g === undefined) {
      groups.push([it]);
      groupOf.set(it, groups.length - 1);
      index(groups.length - 1, it);
    } else {
      groups[g]!.push(it);
      groupOf.set(it, g);
      index(g, it);
    }
  }
  const partialGroups = new Map<string, Item[]>();
  for (const it of partial) {
    let fitting = candidates(it).filter((c) => fits(c, it));
    // Ambiguous ("Mikhalevich" fits both husband and wife): a shared role may decide; else keep apart.
    if (fitting.length > 1 && it.ctx.role) {
      const sameRole = fitting.filter((c) => groups[c]!.some((m) => m.ctx.role === it.ctx.role));
      if (sameRole.length === 1) fitting = sameRole;
    }
    if (fitting.length === 1) groups[fitting[0]!]!.push(it);
    else {
      const key = `${fitting.length > 1 ? 'ambiguous' : 'alone'}:${it.parsed.surname ? skeleton(it.parsed.surname) : it.id}:${it.parsed.surname ? givenKey(it.parsed.surname) : ''}`;
      const list = partialGroups.get(key) ?? [];
      list.push(it);
      partialGroups.set(key, list);
    }
  }
  return [...groups, ...partialGroups.values()].map((g) => g.map((i) => i.id));
}
