/**
 * Blocking keys that let a name in another script meet its Latin (or Cyrillic) spellings when
 * grouping: a script name gives keys in its own reading of Latin (a Hebrew skeleton, katakana
 * consonants, the readings of a kanji, Burmese syllables), and a Latin name gives its keys in that
 * reading. The readings are coarse, so cluster.ts looks them up one way only: a script name
 * against Latin names and back, never Latin names against each other.
 */
import { abjadFamilyKeys, scriptMode } from './traditions/abjad.ts';
import { burmeseRead, burmeseSyllables, inBurmeseScript } from './traditions/burmese.ts';
import { EAST_ASIAN_SCRIPT, familySyllables } from './traditions/east-asian.ts';
import { kanjiKeys, kanjiName, katakanaKeys, katakanaWords, romajiOpenings } from './traditions/japanese.ts';
import type { ParsedName } from './parse-name.ts';
import { toLatin } from './phonetic.ts';

export type CrossMode = 'arabic' | 'hebrew' | 'indic' | 'thai' | 'burmese' | 'katakana' | 'kanji' | 'han';

/** The modes a script name is read in, and its keys in them (prefixed by mode, so modes never collide). */
export interface ScriptKeys {
  modes: CrossMode[];
  keys: string[];
}

const SCRIPT_KEYS = new WeakMap<ParsedName, ScriptKeys | null>();

/** A name's keys if it is written in one of the scripts above; null for a Latin or Cyrillic name. */
export function scriptKeys(p: ParsedName): ScriptKeys | null {
  let k = SCRIPT_KEYS.get(p);
  if (k === undefined) {
    k = computeScriptKeys(p.tokens);
    SCRIPT_KEYS.set(p, k);
  }
  return k;
}

function computeScriptKeys(tokens: readonly string[]): ScriptKeys | null {
  const out: ScriptKeys = { modes: [], keys: [] };
  const add = (mode: CrossMode, keys: string[]) => {
    if (keys.length === 0) return;
    out.modes.push(mode);
    out.keys.push(...keys.map((k) => `${mode}:${k}`));
  };
  const abjad = scriptMode(tokens);
  if (abjad) add(abjad, abjadFamilyKeys(tokens, abjad));
  if (inBurmeseScript(tokens)) add('burmese', [burmeseSyllables(tokens)?.join('') ?? ''].filter(Boolean));
  const kana = katakanaWords(tokens);
  if (kana) add('katakana', katakanaKeys(kana, false));
  if (tokens.some((t) => EAST_ASIAN_SCRIPT.test(t))) {
    const kanji = kanjiName(tokens);
    if (kanji) add('kanji', kanjiKeys(kanji));
    add('han', familySyllables(tokens));
  }
  return out.modes.length ? out : null;
}

const LATIN_KEYS = new WeakMap<ParsedName, Map<string, string[]>>();

/** A Latin or Cyrillic name's keys in the given modes (those of the script names being grouped with it). */
export function latinKeys(p: ParsedName, modes: ReadonlySet<CrossMode>): string[] {
  const id = [...modes].sort().join(' ');
  let byModes = LATIN_KEYS.get(p);
  if (!byModes) LATIN_KEYS.set(p, (byModes = new Map()));
  let keys = byModes.get(id);
  if (!keys) {
    keys = [...modes].flatMap((m) => latinKeysIn(p.tokens, m).map((k) => `${m}:${k}`));
    byModes.set(id, keys);
  }
  return keys;
}

function latinKeysIn(tokens: readonly string[], mode: CrossMode): string[] {
  const latin = tokens.map((t) => toLatin(t));
  switch (mode) {
    case 'arabic':
    case 'hebrew':
    case 'indic':
    case 'thai':
      return abjadFamilyKeys(tokens, mode);
    case 'burmese':
      return [burmeseRead(latin).join('')];
    case 'katakana':
      return katakanaKeys(latin, true);
    case 'kanji':
      return romajiOpenings(latin);
    case 'han':
      // Any word may be the family name: an English given name may come first or last (Carrie Lam Cheng Yuet-ngor).
      return [...new Set(latin.flatMap((t) => familySyllables([t])))];
  }
}
