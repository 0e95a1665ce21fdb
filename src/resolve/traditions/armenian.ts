/**
 * Armenian surnames (-ian, -yan) in Eastern and Western spelling: Western Armenian voices and
 * unvoices the stops the other way round and spells vowels differently (Sargsyan = Sarkissian,
 * Petrosyan = Bedrossian, Hakobyan = Hagopian), so they meet as consonants with voicing merged.
 */
import { withSurname, type ParsedName } from '../parse-name.ts';
import { toLatin } from '../phonetic.ts';
import { surnameAgree } from '../surname-match.ts';
import type { NameTradition } from './tradition.ts';

/** An Armenian surname's consonants with voicing merged, or null for a surname of another shape. */
export function armenianKey(surname: string): string | null {
  const m = /^(.{3,}?)[iy]?an$/.exec(toLatin(surname).replace(/[^a-z]/g, ''));
  if (!m || !/(ian|yan)$/.test(toLatin(surname))) return null;
  const key = m[1]!
    .replace(/sh/g, 'S').replace(/ch|tch|j/g, 'C').replace(/zh/g, 'Z').replace(/kh/g, 'X').replace(/gh/g, 'G').replace(/ts|dz/g, 'c')
    .replace(/b/g, 'p').replace(/d/g, 't').replace(/g/g, 'k')
    .replace(/[aeiouyw]/g, '')
    .replace(/(.)\1+/g, '$1');
  return key.length >= 3 ? key : null;
}

const KEYS = new WeakMap<ParsedName, string | null>();
const keyOf = (p: ParsedName) => {
  let k = KEYS.get(p);
  if (k === undefined) KEYS.set(p, (k = p.surname ? armenianKey(p.surname) : null));
  return k;
};

/** Two spellings of one Armenian surname are one surname to the general rule, a little less sure. */
export const armenian: NameTradition = {
  name: 'Armenian',
  recognise: (p) => !!keyOf(p),
  compare(a, b, judge) {
    const ka = keyOf(a);
    if (!ka || ka !== keyOf(b) || surnameAgree(a.surname!, b.surname!) > 0) return null;
    const d = judge.general(a, withSurname(b, a.surname!));
    return { same: d.same, score: d.score * 0.85 };
  },
  keys: (p) => [`r:${keyOf(p)}`],
};
