/**
 * Given names, from data rather than from the reports: the per-locale first-name lists of
 * @faker-js/faker (MIT; about 40 locales in Latin, Cyrillic, Georgian, Armenian and other
 * alphabets, read through any-ascii where not Latin), the equivalence table of the resolve stage,
 * and, for Russian words, OpenCorporа's Name tag through az (see ../language/russian.ts). A word is
 * looked up as written and by its folded spelling, so Uladzimer finds Uladzimir and Jewgeni finds
 * Yevgeny. Loaded on first use.
 */
import { createRequire } from 'node:module';
import { EAST_SLAVIC_GIVEN_NAME_GROUPS, GIVEN_NAME_GROUPS } from '../../resolve/given-names.ts';
import { foldSpelling, toLatin } from '../../resolve/index.ts';
import { isCommonEnglish } from '../language/english.ts';

export type NameGender = 'f' | 'm' | 'u';

interface Lexicon {
  /** Lower-case spelling as written → gender. */
  spelt: Map<string, NameGender>;
  /** The same, for names of the East Slavic lists only. */
  slavic: Set<string>;
  /** Folded Latin spelling → gender. */
  folded: Map<string, NameGender>;
}

/** How sure a lookup is: 3 an East Slavic name as spelt, 2 a name as spelt, 1 by its folded spelling. */
export interface GivenLookup {
  gender: NameGender;
  quality: 1 | 2 | 3;
}

/** Locales whose names are East Slavic. */
const SLAVIC_LOCALES = new Set(['ru', 'uk']);

/** Scripts whose names any-ascii cannot read back (no short vowels): their locales are left out. */
const ABJAD_LOCALES = new Set(['ar', 'fa', 'he', 'ur', 'dv', 'ku_ckb']);
/** Locales whose every name is a name even where English has a word spelt the same (Mark, Rose, Will). */
const OWN_WORD_LOCALES = new Set(['en', 'ru', 'uk']);

type FirstNames = string[] | { female?: string[]; male?: string[]; generic?: string[] };

let lexicon: Lexicon | null = null;

function add(lex: Lexicon, name: string, gender: NameGender, slavic = false): void {
  for (const part of name.split(/[\s-]+/)) {
    const lower = part.toLowerCase();
    if (lower.length < 3) continue;
    const put = (map: Map<string, NameGender>, key: string) => {
      const had = map.get(key);
      map.set(key, had && had !== gender ? 'u' : gender);
    };
    put(lex.spelt, lower);
    const latin = toLatin(lower);
    if (latin !== lower) put(lex.spelt, latin);
    if (slavic) for (const k of [lower, latin]) lex.slavic.add(k);
    put(lex.folded, foldSpelling(latin));
  }
}

function build(): Lexicon {
  const lex: Lexicon = { spelt: new Map(), slavic: new Set(), folded: new Map() };
  const { allLocales } = createRequire(import.meta.url)('@faker-js/faker') as { allLocales: Record<string, { person?: { first_name?: FirstNames } }> };
  for (const [locale, def] of Object.entries(allLocales)) {
    const first = def.person?.first_name;
    if (!first || ABJAD_LOCALES.has(locale)) continue;
    const lists: [string[] | undefined, NameGender][] = Array.isArray(first) ? [[first, 'u']] : [[first.female, 'f'], [first.male, 'm'], [first.generic, 'u']];
    for (const [names, gender] of lists) {
      for (const n of names ?? []) {
        // A name that is also an everyday English word counts only where the locale is English or East Slavic.
        for (const part of n.split(/[\s-]+/)) if (OWN_WORD_LOCALES.has(locale) || !isCommonEnglish(toLatin(part))) add(lex, part, gender, SLAVIC_LOCALES.has(locale));
      }
    }
  }
  for (const row of EAST_SLAVIC_GIVEN_NAME_GROUPS) {
    // Every spelling of a row is of the gender its spellings the lists know agree on (Raman is a man because Roman is).
    const known = new Set(row.map((n) => lex.spelt.get(n.toLowerCase())).filter((g): g is 'f' | 'm' => g === 'f' || g === 'm'));
    const gender: NameGender = known.size === 1 ? [...known][0]! : 'u';
    for (const n of row) add(lex, n, lex.spelt.get(n.toLowerCase()) ?? gender, true);
  }
  for (const row of GIVEN_NAME_GROUPS) for (const n of row) if (!lex.spelt.has(n.toLowerCase())) add(lex, n, 'u');
  return lex;
}

/** A given name as the lists know it, with how sure the lookup is; null when it is no known given name. */
export function givenNameLookup(word: string): GivenLookup | null {
  lexicon ??= build();
  const lower = word.toLowerCase();
  const exact = lexicon.spelt.get(lower);
  if (exact) return { gender: exact, quality: lexicon.slavic.has(lower) ? 3 : 2 };
  const latin = toLatin(lower);
  const viaLatin = latin !== lower ? lexicon.spelt.get(latin) : undefined;
  if (viaLatin) return { gender: viaLatin, quality: lexicon.slavic.has(latin) ? 3 : 2 };
  // A folded spelling may reach a name from an everyday word (Court, Long): only unfamiliar words fold.
  if (isCommonEnglish(lower)) return null;
  const folded = lexicon.folded.get(foldSpelling(latin));
  return folded ? { gender: folded, quality: 1 } : null;
}

/** The gender of a given name as the lists know it ('u' where they do not say), or null when it is no known given name. */
export function givenNameGender(word: string): NameGender | null {
  return givenNameLookup(word)?.gender ?? null;
}
