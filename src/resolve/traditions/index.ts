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

/**
 * Whether a tradition recognises a name, asked once per name and tradition, and only when needed:
 * clustering reads every name's keys and readings, but compares few of them.
 */
const RECOGNISED = new WeakMap<ParsedName, (boolean | undefined)[]>();
function recognises(t: NameTradition, p: ParsedName): boolean {
  let known = RECOGNISED.get(p);
  if (!known) RECOGNISED.set(p, (known = []));
  const i = TRADITIONS.indexOf(t);
  return (known[i] ??= t.recognise(p));
}

/** The traditions a name is written in. */
export function traditionsOf(p: ParsedName): readonly NameTradition[] {
  return TRADITIONS.filter((t) => recognises(t, p));
}

const COMPARING = TRADITIONS.filter((t) => t.compare);
const PARSING = TRADITIONS.filter((t) => t.parse);
const KEYING = TRADITIONS.filter((t) => t.keys);

/** The first verdict of a tradition either name is written in, in the list's order; null if none gives one. */
export function traditionVerdict(a: ParsedName, b: ParsedName, judge: Judge): SameDecision | null {
  for (const t of COMPARING) {
    if (!recognises(t, a) && !recognises(t, b)) continue;
    const d = t.compare!(a, b, judge);
    if (d) return d;
  }
  return null;
}

/** Every other form the traditions give a name, with its weight; parsed once per name. */
const READINGS = new WeakMap<ParsedName, Reading[]>();
export function traditionReadings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (!r) READINGS.set(p, (r = PARSING.flatMap((t) => (recognises(t, p) ? t.parse!(p) : []))));
  return r;
}

/** The traits of the traditions either name is written in, taken together. */
export function traitsOf(a: ParsedName, b: ParsedName): Traits {
  const out: Traits = {};
  for (const t of TRADITIONS) if (t.traits && (recognises(t, a) || recognises(t, b))) Object.assign(out, t.traits);
  return out;
}

/** The blocking keys the traditions give a name. */
export function traditionKeys(p: ParsedName): string[] {
  return KEYING.flatMap((t) => (recognises(t, p) ? t.keys!(p) : []));
}
