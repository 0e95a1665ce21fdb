/**
 * How a name is typed, whatever its tradition: digits for letters (Dzm1try, K0valchuk), a name run
 * together (IharKovalchuk, dzmitry.zaretsky, Volha_Labanovich), a given name joined to the surname
 * by a hyphen (Ihar-Kovalchuk), particles moved to the end of a list entry (Berg Jan van den, Cruz
 * Maria de la). Each is read as a further form of the name, as the traditions' readings are, a
 * little less sure than the name as written.
 */
import { givenRows } from './given-match.ts';
import { PARTICLES, parseName, type ParsedName } from './parse-name.ts';
import type { Reading } from './traditions/index.ts';

/** Letters that digits stand for when typed in their place (leet, or a slip of the keyboard's top row). Data. */
const LATIN_DIGITS: Record<string, string[]> = { 0: ['o'], 1: ['i', 'l'], 3: ['e'], 4: ['a'], 5: ['s'], 6: ['b'], 7: ['t'], 8: ['b'], 9: ['g'] };
const CYRILLIC_DIGITS: Record<string, string[]> = { 0: ['о'], 3: ['з', 'е'], 4: ['ч', 'а'], 6: ['б'] };

/** At most this many spellings of one word: a word with several digits is read in its likeliest ways only. */
const MAX_SPELLINGS = 4;

/** A word with digits among its letters, read with letters in their place; none if it has no digit or no letter. */
function digitSpellings(word: string): string[] {
  if (!/\d/.test(word) || !/\p{L}/u.test(word)) return [];
  const table = /\p{Script=Cyrillic}/u.test(word) ? CYRILLIC_DIGITS : LATIN_DIGITS;
  // A word in capitals gets capitals for its digits (K0VALCHUK).
  const capitals = !/\p{Ll}/u.test(word);
  let out = [''];
  for (const ch of word) {
    const letters = /\d/.test(ch) ? table[ch]?.map((l) => (capitals ? l.toUpperCase() : l)) : [ch];
    // A digit no table reads leaves the word unread: it is no slip for a letter.
    if (!letters) return [];
    out = out.flatMap((o) => letters.map((l) => o + l)).slice(0, MAX_SPELLINGS);
  }
  return out;
}

/** One word that is a whole name run together: split where a capital follows a small letter, or at a dot or underscore. */
function splitJoined(word: string): string[] | null {
  const parts = word.replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ').replace(/(?<=\p{L})[._](?=\p{L})/gu, ' ').split(' ');
  return parts.length >= 2 && parts.every((x) => [...x].length >= 2) ? parts : null;
}

/**
 * A single hyphenated word whose first part is a given name the table knows: a given name and a
 * surname joined (Ihar-Kovalchuk), not a double surname (Kara-Murza) or given name (Jean-Pierre alone).
 */
function splitHyphen(word: string): string[] | null {
  const parts = word.split('-');
  return parts.length === 2 && [...parts[1]!].length >= 3 && !!givenRows(parts[0]!) && !givenRows(parts[1]!) ? parts : null;
}

const isParticle = (t: string) => PARTICLES.has(t.toLowerCase().replace(/-$/, ''));

/**
 * Particles a list moved to the end, put back before the surname: the surname may open the entry
 * (Berg Jan van den) or close it, after a comma was undone (Jan Berg van den, from "Berg van den, Jan").
 */
function particlesBack(tokens: readonly string[]): string[][] {
  let n = 0;
  while (n < tokens.length - 2 && isParticle(tokens[tokens.length - 1 - n]!)) n++;
  if (n === 0 || tokens.length - n < 2) return [];
  const words = tokens.slice(0, -n);
  const particles = tokens.slice(-n);
  // A particle written with its hyphen joins the surname again (al- Rashid is al-Rashid).
  const join = (surname: string) => (particles.at(-1)!.endsWith('-') ? [...particles.slice(0, -1), `${particles.at(-1)}${surname}`] : [...particles, surname]);
  return [[...words.slice(1), ...join(words[0]!)], [...words.slice(0, -1), ...join(words.at(-1)!)]];
}

const READINGS = new WeakMap<ParsedName, Reading[]>();

/** The forms a name may have been typed in, parsed once per name. */
export function writtenReadings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (r) return r;
  const spellings: string[][] = [];
  // Digits: every word read in its likeliest ways, words together (capped like each word).
  if (p.tokens.some((t) => /\d/.test(t))) {
    let out: string[][] = [[]];
    for (const t of p.tokens) {
      const s = digitSpellings(t);
      out = out.flatMap((o) => (s.length ? s : [t]).map((w) => [...o, w])).slice(0, MAX_SPELLINGS);
    }
    spellings.push(...out);
  }
  if (p.tokens.length === 1) {
    const parts = splitJoined(p.tokens[0]!) ?? splitHyphen(p.tokens[0]!);
    if (parts) spellings.push(parts);
  }
  if (p.tokens.length >= 3) spellings.push(...particlesBack(p.tokens));
  const seen = new Set([p.tokens.join(' ')]);
  r = [];
  for (const words of spellings) {
    const text = words.join(' ');
    if (seen.has(text)) continue;
    seen.add(text);
    r.push({ name: { ...parseName(text), original: text, suffix: p.suffix ?? null }, weight: 0.9 });
  }
  READINGS.set(p, r);
  return r;
}
