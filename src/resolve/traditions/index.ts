/**
 * The naming traditions Vigil knows, in the order they are asked (see tradition.ts for what each
 * answers). To add one, write a module with a NameTradition and put it in this list; the general
 * rule in same-person.ts and the clustering in cluster.ts ask the list, never a tradition by name.
 * A tradition that decides outright (its names follow no other rule) comes before the ones that
 * only veto or add readings where their order does not matter.
 */
import type { ParsedName } from '../parse-name.ts';
import { scriptSkeletons } from './abjad.ts';
import { arabic } from './arabic.ts';
import { armenian } from './armenian.ts';
import { burmese } from './burmese.ts';
import { centralAsian } from './central-asian.ts';
import { eastAsian } from './east-asian.ts';
import { eastSlavic } from './east-slavic.ts';
import { georgian } from './georgian.ts';
import { japanese } from './japanese.ts';
import { persianate } from './persianate.ts';
import { spanish } from './spanish.ts';
import type { Judge, NameTradition, Reading, SameDecision, Traits } from './tradition.ts';

export type { Judge, NameTradition, Reading, SameDecision, Traits } from './tradition.ts';

export const TRADITIONS: readonly NameTradition[] = [
  // Russian, Belarusian, Ukrainian: case readings, a man's and a woman's surname form, patronymics.
  eastSlavic,
  // Central Asian and Caucasus surnames with and without a Russian -ov.
  centralAsian,
  // Compound given names (Mohammad-Reza) and Muhammad before the name a man goes by.
  persianate,
  // Names of syllables only (no family name); all syllables must agree.
  burmese,
  // Kanji read by their readings, katakana by its consonants.
  japanese,
  // Chinese, Korean, Vietnamese: order, spacing, romanisations, Hanja, Hong Kong spellings.
  eastAsian,
  // Arabic, Hebrew, Indic, Thai, Khmer and Ge'ez scripts, read as consonant skeletons.
  scriptSkeletons,
  // Arabic names in Latin letters: skeletons word by word, chains of fathers.
  arabic,
  // Eastern and Western Armenian spellings of a surname.
  armenian,
  // Georgian given names with and without the nominative -i.
  georgian,
  // Married names with "de", diminutives of given names.
  spanish,
];

/** The traditions a name is written in, worked out once per name. */
const OF = new WeakMap<ParsedName, readonly NameTradition[]>();
export function traditionsOf(p: ParsedName): readonly NameTradition[] {
  let t = OF.get(p);
  if (!t) OF.set(p, (t = TRADITIONS.filter((x) => x.recognise(p))));
  return t;
}

/** The first verdict of a tradition either name is written in, in the list's order; null if none gives one. */
export function traditionVerdict(a: ParsedName, b: ParsedName, judge: Judge): SameDecision | null {
  const ta = traditionsOf(a);
  const tb = traditionsOf(b);
  for (const t of TRADITIONS) {
    if (!t.compare || (!ta.includes(t) && !tb.includes(t))) continue;
    const d = t.compare(a, b, judge);
    if (d) return d;
  }
  return null;
}

/** Every other form the traditions give a name, with its weight; parsed once per name. */
const READINGS = new WeakMap<ParsedName, Reading[]>();
export function traditionReadings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (!r) READINGS.set(p, (r = traditionsOf(p).flatMap((t) => t.parse?.(p) ?? [])));
  return r;
}

/** The traits of the traditions either name is written in, taken together. */
export function traitsOf(a: ParsedName, b: ParsedName): Traits {
  const out: Traits = {};
  for (const t of [...traditionsOf(a), ...traditionsOf(b)]) Object.assign(out, t.traits);
  return out;
}

/** The blocking keys the traditions give a name. */
export function traditionKeys(p: ParsedName): string[] {
  return traditionsOf(p).flatMap((t) => t.keys?.(p) ?? []);
}
