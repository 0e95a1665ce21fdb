/**
 * Grouping many mentions into persons. Blocking by surname skeleton keeps it near-linear; full
 * names (with a given name) are grouped first, so a surname-only mention cannot chain two
 * different people together: it joins a group only when exactly one group fits it.
 */
import { parseName, type ParsedName } from './parse-name.ts';
import { acronymLetters, arabicLooking, comparePersons, initialsOf, readingsOf, surnameTokens, type NameContext } from './same-person.ts';
import { dropRussianSuffix, surnameForms } from './surname-match.ts';
import { armenianKey } from './name-forms.ts';
import { latinKeys, scriptKeys, type CrossMode } from './cross-script.ts';
import { EAST_ASIAN_SCRIPT, eastAsianCore, familySyllables, looksEastAsian } from './east-asian.ts';
import { SKELETON_SCRIPT, abjadFamilyKeys } from './abjad.ts';
import { eastSlavicGiven, givenKey, givenRows } from './given-match.ts';
import { skeleton, tokenKeys, toLatin } from './phonetic.ts';

/**
 * Consonant skeletons of a surname, for blocking: under every press reading of every form the
 * matcher gives it (case endings, article, silent final h, đ), of each part of a hyphenated one, and
 * without a Russified -ov where the given name is not East Slavic (Rahmon = Rahmonov).
 */
function surnameBlocks(surname: string, russified = false): string[] {
  const out = new Set<string>();
  const forms = surnameForms(surname);
  if (surname.includes('-')) forms.push(...surname.split('-').filter((x) => x.length >= 2));
  for (const v of forms) {
    for (const k of tokenKeys(v)) {
      out.add(skeleton(k));
      const stem = russified ? dropRussianSuffix(k) : null;
      if (stem) out.add(skeleton(stem));
    }
  }
  return [...out];
}

/**
 * The blocks a parsed name belongs to, worked out once per name: its surname's skeletons (and its
 * nominative's, for a Russian or Belarusian name in another case); every surname-like word of a
 * longer name (Murillo in Rosario María Murillo Zambrana); the first word of a two-word name
 * whose first word is no given name the table knows (Orbán Viktor, Hun Sen); an Armenian surname's
 * consonants (Sargsyan = Sarkissian); for Chinese, Korean and Vietnamese names the syllables the
 * family name may be (习 = xi, 鄧 = deng or tang); and for names in Arabic script or with Arabic
 * naming marks, the skeletons of the family name (الأسد = Assad, Haniyeh = Haniya).
 */
const BLOCKS = new WeakMap<ParsedName, string[]>();
export function nameBlocks(p: ParsedName): string[] {
  let out = BLOCKS.get(p);
  if (out) return out;
  const keys = new Set<string>();
  const russified = !!p.given && !eastSlavicGiven(p.given);
  const surnames = [p.surname, ...readingsOf(p).map((n) => n.surname)];
  for (const s of surnames) if (s) for (const k of surnameBlocks(s, russified)) keys.add(`s:${k}`);
  if (p.tokens.length >= 3) for (const t of surnameTokens(p)) for (const k of surnameBlocks(t)) keys.add(`s:${k}`);
  if (p.tokens.length === 2 && p.given && !givenRows(p.given)) for (const k of surnameBlocks(p.given)) keys.add(`s:${k}`);
  const armenian = p.surname ? armenianKey(p.surname) : null;
  if (armenian) keys.add(`r:${armenian}`);
  const core = eastAsianCore(p.tokens);
  if (p.tokens.some((t) => EAST_ASIAN_SCRIPT.test(t)) || looksEastAsian(p.tokens) || core) {
    for (const f of familySyllables(core ?? p.tokens)) keys.add(`e:${f}`);
  }
  if (p.tokens.some((t) => SKELETON_SCRIPT.test(t)) || arabicLooking(p)) for (const k of abjadFamilyKeys(p.tokens, 'arabic')) keys.add(`a:${k}`);
  out = [...keys];
  BLOCKS.set(p, out);
  return out;
}

/** Names that can be the same person share at least one of these keys. */
export function blockingKeys(name: string): string[] {
  const p = parseName(name);
  const keys = new Set<string>(nameBlocks(p));
  // A lone token may be a given name ("Milana"): its g: key is for looking up full names by their
  // given name (clusterNames indexes them so). Full names do not emit g: keys, or every Ales would
  // share a block with every other Ales.
  if (p.tokens.length === 1 && p.surname) keys.add(`g:${givenKey(p.surname)}`);
  return [...keys];
}

/**
 * Whether clustering ever compares two names: they share a block, or one is in a script and the
 * other meets it in that script's reading. For tests and measurements of the blocking.
 */
export function blocksMeet(a: string, b: string): boolean {
  const pa = parseName(a);
  const pb = parseName(b);
  const ka = new Set(blockingKeys(a));
  if (blockingKeys(b).some((k) => ka.has(k))) return true;
  const [sa, sb] = [scriptKeys(pa), scriptKeys(pb)];
  const cross = (script: typeof sa, other: ParsedName) => !!script && !scriptKeys(other) && latinKeys(other, new Set(script.modes)).some((k) => script.keys.includes(k));
  const initials = (acronym: ParsedName, full: ParsedName) => {
    const letters = acronymLetters(acronym);
    return !!letters && initialsOf([...letters]) === initialsOf(full.tokens);
  };
  return cross(sa, pb) || cross(sb, pa) || initials(pa, pb) || initials(pb, pa);
}

/** Folded Latin form for display keys and search: no titles, possessives, case or diacritics. */
export function normaliseName(name: string): string {
  const p = parseName(name);
  return p.tokens.map((t) => toLatin(t).replace(/[^a-z-]/g, '')).filter(Boolean).join(' ');
}

/** An item as clustering holds it: a distinct name with its context, and what its reports say. */
export interface Item {
  id: string;
  parsed: ParsedName;
  ctx: NameContext;
  /** Surname keys of the other people named in the reports of a full name, and its clues (capped). */
  companions: Set<string>;
  /** A partial name's mentions split by their report's companions: each part may go its own way. */
  parts: Map<string, Set<string>>;
}

/** What clusterNames groups: a name, its context, and who else the report names. */
export interface NameItem {
  id: string;
  name: string;
  ctx?: NameContext;
  /** The other names in the same report: a bare surname goes with the person whose reports name the same people. */
  companions?: readonly string[];
  /** What the report says of this mention that another report may repeat (`art:342`, `on:arrest:2021-05-23`): weighed like a companion. */
  clues?: readonly string[];
}

/** At most this many companion keys are kept per distinct full name: enough to break a tie, bounded memory. */
export const MAX_COMPANIONS = 32;

/** A full name has a given name or another word beside its surname; a partial one is grouped after all full ones. */
export const isFull = (p: ParsedName) => p.tokens.length >= 2 && !!p.surname;

/** Identical spellings in an identical context are one item. */
export function itemKey(name: string, ctx?: NameContext): string {
  return `${name}\u0000${ctx ? JSON.stringify([ctx.role ?? null, ctx.birthYear ?? null, ctx.country ?? null]) : ''}`;
}

/** The key a companion name contributes: its surname's skeleton ('' when it has none). */
export function companionKey(p: ParsedName): string {
  return p.surname ? skeleton(p.surname) : '';
}

/** An item's companion keys and clues, sorted: its part when the name is partial, its companions when full. */
export function contextKeys(companionKeys: readonly string[], clues: readonly string[] = []): string[] {
  // Clues carry a colon, which no surname skeleton does, so the two kinds never collide.
  return [...new Set([...companionKeys, ...clues].filter(Boolean))].sort();
}

/**
 * The keys under which a group is found, one namespace for all: the name's blocks (s:, r:, e:, a:),
 * its given name (g:), its initials (i:, for names written as initials), and its cross-script keys:
 * x: for a name in one of those scripts, l: for a Latin or Cyrillic name read in the `modes` present.
 */
export function indexKeys(p: ParsedName, modes: ReadonlySet<CrossMode>, initials = true): string[] {
  const out = [...nameBlocks(p)];
  if (p.given) out.push(`g:${givenKey(p.given)}`);
  if (initials && p.tokens.length >= 3 && p.tokens.length <= 5) out.push(`i:${initialsOf(p.tokens)}`);
  if (modes.size === 0) return out;
  const script = scriptKeys(p);
  if (script) for (const k of script.keys) out.push(`x:${k}`);
  else for (const k of latinKeys(p, modes)) out.push(`l:${k}`);
  return out;
}

/**
 * The keys a name looks its candidate groups up by, in the order they are tried (a full name joins
 * the first group that fits): its blocks, a lone word as a given name, an acronym's initials, and a
 * script name's Latin readings (or a Latin name's readings in the scripts present).
 */
export function lookupKeys(p: ParsedName, modes: ReadonlySet<CrossMode>): string[] {
  const out = [...nameBlocks(p)];
  if (p.tokens.length === 1 && p.surname) out.push(`g:${givenKey(p.surname)}`);
  const letters = acronymLetters(p);
  if (letters) out.push(`i:${initialsOf([...letters])}`);
  if (modes.size > 0) {
    const script = scriptKeys(p);
    if (script) for (const k of script.keys) out.push(`l:${k}`);
    else for (const k of latinKeys(p, modes)) out.push(`x:${k}`);
  }
  return out;
}

/** The cross-script modes of the script names among these, in one order whatever order they came in. */
export function modesOf(names: Iterable<ParsedName>): Set<CrossMode> {
  const modes = new Set<CrossMode>();
  for (const p of names) for (const m of scriptKeys(p)?.modes ?? []) modes.add(m);
  return new Set([...modes].sort());
}

/** Whether a name fits a group: it agrees with every full name already in it. */
export function fitsAll(members: readonly Pick<Item, 'parsed' | 'ctx'>[], it: Pick<Item, 'parsed' | 'ctx'>): boolean {
  return members.every((m) => comparePersons(m.parsed, it.parsed, m.ctx, it.ctx).same);
}

/** Where a part of a partial name goes: one of the fitting groups, or a group of its own named by `apart`. */
export type PartPlace = { part: string; group: number } | { part: string; apart: string };

/**
 * Places each part of a partial name among the groups it fits (given by their members, in the order
 * they were found). One group: every part joins it. None: the parts stay apart. Several: a shared
 * role may decide; else each part goes with the group whose reports name the most of the same other
 * people, articles and event days, if one leads, and stays apart if none does. `own` is the name's
 * own surname key, as its parts' keys are written (a shared surname says nothing).
 */
export function placePartial(it: Item, fitting: { group: number; members: readonly Pick<Item, 'ctx' | 'companions'>[] }[], own = companionKey(it.parsed)): PartPlace[] {
  if (fitting.length > 1 && it.ctx.role) {
    const sameRole = fitting.filter((f) => f.members.some((m) => m.ctx.role === it.ctx.role));
    if (sameRole.length === 1) fitting = sameRole;
  }
  if (fitting.length === 1) return [...it.parts.keys()].map((part) => ({ part, group: fitting[0]!.group }));
  if (fitting.length === 0) return [...it.parts.keys()].map((part) => ({ part, apart: apartKey(it, false) }));
  const theirs = fitting.map((f) => new Set(f.members.flatMap((m) => [...m.companions])));
  return [...it.parts].map(([part, keys]) => {
    const shared = theirs.map((t) => [...keys].filter((k) => k !== own && t.has(k)).length);
    const best = Math.max(...shared);
    if (best > 0 && shared.filter((n) => n === best).length === 1) return { part, group: fitting[shared.indexOf(best)]!.group };
    return { part, apart: apartKey(it, true) };
  });
}

/** Parts that stay apart are grouped by surname and given-name key, and by whether they were ambiguous. */
function apartKey(it: Item, ambiguous: boolean): string {
  return `${ambiguous ? 'ambiguous' : 'alone'}:${it.parsed.surname ? skeleton(it.parsed.surname) : it.id}:${it.parsed.surname ? givenKey(it.parsed.surname) : ''}`;
}

/**
 * Groups of ids. Identical spellings with identical context are resolved once: a million mentions
 * hold far fewer distinct names, and comparing each group against its distinct names keeps groups cheap.
 * A partial name's mentions are kept in parts by their report's companions, compared once, and the
 * parts are only told apart when the name is ambiguous.
 */
export function clusterNames(items: NameItem[]): string[][] {
  const idsOf = new Map<string, string[]>();
  const reps = new Map<string, Item>();
  const parsedOf = new Map<string, ParsedName>();
  const parse = (name: string) => {
    let p = parsedOf.get(name);
    if (!p) {
      p = parseName(name);
      parsedOf.set(name, p);
    }
    return p;
  };
  const keyOfName = new Map<string, string>();
  const keyOf = (name: string) => {
    let k = keyOfName.get(name);
    if (k === undefined) {
      k = companionKey(parse(name));
      keyOfName.set(name, k);
    }
    return k;
  };
  for (const it of items) {
    const key = itemKey(it.name, it.ctx);
    let rep = reps.get(key);
    if (!rep) {
      rep = { id: key, parsed: parse(it.name), ctx: it.ctx ?? {}, companions: new Set(), parts: new Map() };
      reps.set(key, rep);
    }
    const keys = contextKeys((it.companions ?? []).map(keyOf), it.clues);
    if (isFull(rep.parsed)) {
      for (const k of keys) if (rep.companions.size < MAX_COMPANIONS) rep.companions.add(k);
      const ids = idsOf.get(key) ?? [];
      ids.push(it.id);
      idsOf.set(key, ids);
    } else {
      const part = `${key}\u0001${keys.join(' ')}`;
      if (!rep.parts.has(part)) rep.parts.set(part, new Set(keys));
      const ids = idsOf.get(part) ?? [];
      ids.push(it.id);
      idsOf.set(part, ids);
    }
  }
  return clusterDistinct([...reps.values()]).map((g) => g.flatMap((k) => idsOf.get(k)!));
}

/** Groups of member keys: a full name's key, or a partial name's part key. */
function clusterDistinct(parsed: Item[]): string[][] {
  const full = parsed.filter((i) => isFull(i.parsed));
  const partial = parsed.filter((i) => !isFull(i.parsed));

  const groups: Item[][] = [];
  const members: string[][] = [];
  // One index for every kind of key (indexKeys): each key lists the groups found under it, in the order they came.
  const byKey = new Map<string, number[]>();
  // Cross-script keys only in the modes of the script names present (none for an all-Latin run).
  const modes = modesOf(parsed.map((i) => i.parsed));
  // Initials are only looked up by names written as initials (AMLO, MBS): indexed only when the run holds one.
  const acronyms = partial.some((i) => acronymLetters(i.parsed));
  const index = (g: number, it: Item) => {
    for (const k of indexKeys(it.parsed, modes, acronyms)) {
      const list = byKey.get(k) ?? [];
      if (!list.includes(g)) list.push(g);
      byKey.set(k, list);
    }
  };
  const candidates = (it: Item): number[] => {
    const out = new Set<number>();
    for (const k of lookupKeys(it.parsed, modes)) for (const g of byKey.get(k) ?? []) out.add(g);
    return [...out];
  };

  for (const it of full) {
    const g = candidates(it).find((c) => fitsAll(groups[c]!, it));
    if (g === undefined) {
      groups.push([it]);
      members.push([it.id]);
      index(groups.length - 1, it);
    } else {
      groups[g]!.push(it);
      members[g]!.push(it.id);
      index(g, it);
    }
  }
  const partialGroups = new Map<string, string[]>();
  for (const it of partial) {
    const fitting = candidates(it).filter((c) => fitsAll(groups[c]!, it)).map((group) => ({ group, members: groups[group]! }));
    for (const place of placePartial(it, fitting)) {
      if ('group' in place) members[place.group]!.push(place.part);
      else partialGroups.set(place.apart, [...(partialGroups.get(place.apart) ?? []), place.part]);
    }
  }
  return [...members, ...partialGroups.values()];
}
