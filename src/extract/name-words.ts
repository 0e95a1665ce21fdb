/**
 * What one capitalised word can be in a name: a given name (in any case, any script the lexicons
 * read), a patronymic, a word shaped like a surname of the region, or a word that is no name at
 * all (an everyday word, a place, an organisation). The person finder weighs these.
 */
import { givenNameGender, givenNameLookup, type NameGender } from './lexicon/given-names.ts';
import { beGivenReadings, isBelarusianWord } from './language/belarusian.ts';
import { ruCommonWord, ruNameReadings } from './language/russian.ts';
import { isCommonEnglish } from './language/english.ts';
import { isCyrillic, bare } from './tokens.ts';

export interface GivenInfo {
  gender: NameGender;
  /** The nominative, when the word was declined ("Ольгу" → "Ольга"). */
  nominative: string;
}

const givenCache = new Map<string, GivenInfo | null>();

/** The word as a given name, or null. Cyrillic words are read in every case. */
export function givenName(word: string): GivenInfo | null {
  const w = bare(word);
  if (givenCache.has(w)) return givenCache.get(w)!;
  let out: GivenInfo | null = null;
  if (!isCyrillic(w)) {
    const g = givenNameGender(w);
    if (g) out = { gender: g, nominative: w };
  } else {
    // Russian through the dictionary, unless the word has letters only Belarusian writes; Belarusian by its endings.
    // "Дина" is Дина, not the genitive of Дин; "Дину" Дина's accusative: the word as its own lemma first, then the commoner name.
    const rank = (x: { lemma: string; grammemes: ReadonlySet<string> }) => (x.grammemes.has('nomn') && x.lemma === w.toLowerCase() ? 10 : 0) + (givenNameLookup(x.lemma)?.quality ?? 0);
    const ru = isBelarusianWord(w) ? null : ruNameReadings(w).filter((x) => x.part === 'Name' && x.known).reduce<ReturnType<typeof ruNameReadings>[number] | undefined>((best, x) => (!best || rank(x) > rank(best) ? x : best), undefined);
    if (ru) out = { gender: ru.grammemes.has('femn') ? 'f' : ru.grammemes.has('masc') ? 'm' : 'u', nominative: ru.lemma[0]!.toUpperCase() + ru.lemma.slice(1) };
    // A Russian dictionary word that is no name ("Мать", "Суд") is no given name by any spelling.
    else if (!isBelarusianWord(w) && ruCommonWord(w)) out = null;
    else {
      const r = beGivenReadings(w, (nom) => givenNameLookup(nom) ?? ruGivenLookup(nom))[0];
      if (r) out = { gender: r.gender, nominative: r.nominative };
    }
  }
  if (givenCache.size > 50_000) givenCache.clear();
  givenCache.set(w, out);
  return out;
}

/** A Russian dictionary given name in the nominative, as sure as an East Slavic list. */
function ruGivenLookup(nominative: string): { gender: NameGender; quality: 3 } | null {
  if (nominative.length < 3) return null;
  const cap = nominative[0]!.toUpperCase() + nominative.slice(1);
  const r = ruNameReadings(cap).find((x) => x.part === 'Name' && x.known && x.grammemes.has('nomn') && x.lemma === nominative.toLowerCase());
  return r ? { gender: r.grammemes.has('femn') ? 'f' : 'm', quality: 3 } : null;
}

/** Patronymics: Ivanovich, Petrovna, Іванавіч, Пятроўна, in any case. */
const PATRONYMIC = /(?:ovich|evich|ovych|evych|ovna|evna|ivna|ichna|ovitch|ievich|ievna|авіч|евіч|ович|евич|овна|евна|ична|инична|аўна|еўна|іўна|ічна)(?:a|u|em|e|y|oi|а|у|ем|е|ы|ой|ай|аю|ю|і)?$/iu;

export function isPatronymic(word: string): boolean {
  if (isCyrillic(word) && ruNameReadings(word).some((r) => r.part === 'Patr' && r.known)) return true;
  return word.length >= 7 && PATRONYMIC.test(word);
}

/**
 * Surname endings of the region (East Slavic, Baltic-Polish, Caucasian, Turkic and Central Asian),
 * in Latin and in Cyrillic with the oblique endings Cyrillic adds.
 */
const SURNAME_LATIN = /(?:ov|ova|ev|eva|yov|yova|in|ina|yn|yna|sky|ski|skaya|skiy|skii|ska|tskaya|ich|vich|enko|enka|uk|yuk|chuk|ko|au|ava|ik|ets|yan|ian|dze|shvili|iani|uli|zade|zada|oglu|ogly|bekov|bekova|uulu|kyzy|ovna|evna|niak|nyak|iak|yak|ovs|ous|ouskaya|auskaya|evskaya|evsky|ouski|auski)$/i;
const SURNAME_CYRILLIC = /(?:ов|ова|ав|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|скі|ская|цкі|ич|вич|віч|енко|енка|энка|енк|энк|ук|юк|чук|ко|аў|ава|еў|ёў|ік|ец|ян|дзе|швили|швілі|зода|оглы|улы|уулу)(?:а|у|ым|ом|ем|ам|е|ой|ую|ого|ому|ым|ая|ай|аю|ага|аму|ім|ы|і|ей)?$/iu;

export function hasSurnameShape(word: string): boolean {
  const w = bare(word);
  if (w.length < 4) return false;
  return isCyrillic(w) ? SURNAME_CYRILLIC.test(w) : SURNAME_LATIN.test(w);
}

/** An everyday word (English or Russian) that is not also a given name. */
export function isEverydayWord(word: string): boolean {
  const w = bare(word);
  if (isCyrillic(w)) return !isBelarusianWord(w) && ruCommonWord(w) && !givenName(w);
  return isCommonEnglish(w.toLowerCase()) && !givenName(w);
}

/** A Russian dictionary surname in any case ("Колесниковой", "Власова"). */
export function isDictionarySurname(word: string): boolean {
  return isCyrillic(word) && ruNameReadings(word).some((r) => r.part === 'Surn' && r.known);
}
