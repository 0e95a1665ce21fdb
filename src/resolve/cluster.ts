/**
 * Grouping many mentions into persons. Blocking by surname skeleton keeps it near-linear; full
 * names (with a given name) are grouped first, so a surname-only mention cannot chain two
 * different people together: it joins a group only when exactly one group fits it.
 */
import { parseName, type ParsedName } from './parse-name.ts';
import { acronymLetters, comparePersons, initialsOf, readingsOf, surnameTokens, type NameContext } from './same-person.ts';
import { dropRussianSuffix, surnameForms } from './surname-match.ts';
import { latinKeys, scriptKeys, type CrossMode } from './cross-script.ts';
import { traditionKeys } from './traditions/index.ts';
import { slipKeys } from './typos.ts';
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
 * naming marks, the skeletons of the family name (الأسد = Assad, Haniyeh = Haniya); and for a full
 * name, its surname's skeleton less each consonant in turn, with its given name (typos.ts).
 */
const BLOCKS = new WeakMap<ParsedName, string[]>();
function nameBlocks(p: ParsedName): string[] {
  let out = BLOCKS.get(p);
  if (out) return out;
  const keys = new Set<string>();
  const russified = !!p.given && !eastSlavicGiven(p.given);
  const surnames = [p.surname, ...readingsOf(p).map((n) => n.surname)];
  for (const s of surnames) if (s) for (const k of surnameBlocks(s, russified)) keys.add(`s:${k}`);
  if (p.tokens.length >= 3) for (const t of surnameTokens(p)) for (const k of surnameBlocks(t)) keys.add(`s:${k}`);
  if (p.tokens.length === 2 && p.given && !givenRows(p.given)) for (const k of surnameBlocks(p.given)) keys.add(`s:${k}`);
  // Each tradition's own: an Armenian surname's consonants, the syllables a Chinese or Korean family name may be, Arabic skeletons.
  for (const k of traditionKeys(p)) keys.add(k);
  // A surname with a slip of typing (Marhuk, Ostapemko) shares its skeleton less one consonant, under the same given name.
  if (p.given && p.surname) for (const k of slipKeys(givenKey(p.given), skeleton(p.surname))) keys.add(k);
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

interface Item {
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
const MAX_COMPANIONS = 32;

const isFull = (p: ParsedName) => p.tokens.length >= 2 && !!p.surname;

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
  const companionKey = (name: string) => {
    let k = keyOfName.get(name);
    if (k === undefined) {
      const p = parse(name);
      k = p.surname ? skeleton(p.surname) : '';
      keyOfName.set(name, k);
    }
    return k;
  };
  for (const it of items) {
    const key = `${it.name}\u0000${it.ctx ? JSON.stringify([it.ctx.role ?? null, it.ctx.birthYear ?? null, it.ctx.country ?? null]) : ''}`;
    let rep = reps.get(key);
    if (!rep) {
      rep = { id: key, parsed: parse(it.name), ctx: it.ctx ?? {}, companions: new Set(), parts: new Map() };
      reps.set(key, rep);
    }
    // Clues carry a colon, which no surname skeleton does, so the two kinds never collide.
    const keys = [...new Set([...(it.companions ?? []).map(companionKey), ...(it.clues ?? [])].filter(Boolean))].sort();
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
  const bySurname = new Map<string, number[]>();
  const byGiven = new Map<string, number[]>();
  // Cross-script keys, only in the modes of the script names present (none for an all-Latin run):
  // groups by their script members' keys, looked up by Latin names, and back.
  const modes = new Set<CrossMode>(parsed.flatMap((i) => scriptKeys(i.parsed)?.modes ?? []));
  const byScriptKey = new Map<string, number[]>();
  const byLatinKey = new Map<string, number[]>();
  // Names written as initials (AMLO, MBS) look up full names of as many words by their initials, one
  // way, and only when the run holds such a name.
  const acronyms = partial.some((i) => acronymLetters(i.parsed));
  const byInitials = new Map<string, number[]>();
  const put = (map: Map<string, number[]>, k: string, g: number) => {
    const list = map.get(k) ?? [];
    if (!list.includes(g)) list.push(g);
    map.set(k, list);
  };
  const index = (g: number, it: Item) => {
    for (const k of nameBlocks(it.parsed)) put(bySurname, k, g);
    if (it.parsed.given) put(byGiven, givenKey(it.parsed.given), g);
    if (acronyms && it.parsed.tokens.length >= 3 && it.parsed.tokens.length <= 5) put(byInitials, initialsOf(it.parsed.tokens), g);
    if (modes.size === 0) return;
    const script = scriptKeys(it.parsed);
    if (script) for (const k of script.keys) put(byScriptKey, k, g);
    else for (const k of latinKeys(it.parsed, modes)) put(byLatinKey, k, g);
  };
  /** A group accepts a name only if it agrees with every full name already in it. */
  const fits = (g: number, it: Item) => groups[g]!.every((m) => comparePersons(m.parsed, it.parsed, m.ctx, it.ctx).same);
  const candidates = (it: Item): number[] => {
    const out = new Set<number>();
    for (const k of nameBlocks(it.parsed)) for (const g of bySurname.get(k) ?? []) out.add(g);
    if (it.parsed.tokens.length === 1 && it.parsed.surname) for (const g of byGiven.get(givenKey(it.parsed.surname)) ?? []) out.add(g);
    const letters = acronyms ? acronymLetters(it.parsed) : null;
    if (letters) for (const g of byInitials.get(initialsOf([...letters])) ?? []) out.add(g);
    if (modes.size > 0) {
      const script = scriptKeys(it.parsed);
      if (script) for (const k of script.keys) for (const g of byLatinKey.get(k) ?? []) out.add(g);
      else for (const k of latinKeys(it.parsed, modes)) for (const g of byScriptKey.get(k) ?? []) out.add(g);
    }
    return [...out];
  };

  for (const it of full) {
    const g = candidates(it).find((c) => fits(c, it));
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
  const keepApart = (it: Item, ambiguous: boolean, part: string) => {
    const key = `${ambiguous ? 'ambiguous' : 'alone'}:${it.parsed.surname ? skeleton(it.parsed.surname) : it.id}:${it.parsed.surname ? givenKey(it.parsed.surname) : ''}`;
    const list = partialGroups.get(key) ?? [];
    list.push(part);
    partialGroups.set(key, list);
  };
  for (const it of partial) {
    let fitting = candidates(it).filter((c) => fits(c, it));
    // Ambiguous ("Mikhalevich" fits both husband and wife): a shared role may decide.
    if (fitting.length > 1 && it.ctx.role) {
      const sameRole = fitting.filter((c) => groups[c]!.some((m) => m.ctx.role === it.ctx.role));
      if (sameRole.length === 1) fitting = sameRole;
    }
    if (fitting.length === 1) {
      members[fitting[0]!]!.push(...it.parts.keys());
      continue;
    }
    if (fitting.length === 0) {
      for (const part of it.parts.keys()) keepApart(it, false, part);
      continue;
    }
    // Still ambiguous: each report's mention goes with the group whose reports name the most of
    // the same other people, articles and event days, if one leads; else it stays apart.
    const own = it.parsed.surname ? skeleton(it.parsed.surname) : '';
    const theirs = fitting.map((c) => new Set(groups[c]!.flatMap((m) => [...m.companions])));
    for (const [part, keys] of it.parts) {
      const shared = theirs.map((t) => [...keys].filter((k) => k !== own && t.has(k)).length);
      const best = Math.max(...shared);
      if (best > 0 && shared.filter((n) => n === best).length === 1) members[fitting[shared.indexOf(best)]!]!.push(part);
      else keepApart(it, true, part);
    }
  }
  return [...members, ...partialGroups.values()];
}
