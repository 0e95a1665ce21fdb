/**
 * Belarusian names back in the nominative. No morphological dictionary of Belarusian is packaged
 * for JavaScript, so this is the small table of case endings a grammar gives, chosen by what the
 * given name shows: its case (the ending it lost) and its gender (the ending it regains).
 * "Вольгу Раковіч" → "Вольга Раковіч", "Ігара Лосіка" → "Ігар Лосік", "Алесем Бяляцкім" →
 * "Алесь Бяляцкі", "Кацярыны Андрэевай" → "Кацярына Андрэева".
 */

type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'loc';
type Gender = 'f' | 'm';

/** Given names: [oblique ending, nominative ending, gender, cases]. Longer endings first. */
const GIVEN_ENDINGS: [string, string, Gender, Case[]][] = [
  ['ем', 'ь', 'm', ['ins']], ['ем', 'й', 'm', ['ins']], ['ём', 'ь', 'm', ['ins']], ['ам', '', 'm', ['ins']],
  ['ай', 'а', 'f', ['ins']], ['яй', 'я', 'f', ['ins']], ['ой', 'а', 'f', ['ins']], ['ёй', 'я', 'f', ['ins']],
  ['ю', 'я', 'f', ['acc']], ['у', 'а', 'f', ['acc']], ['ы', 'а', 'f', ['gen']], ['і', 'я', 'f', ['gen', 'dat', 'loc']], ['і', 'а', 'f', ['gen']],
  ['я', 'й', 'm', ['gen', 'acc']], ['я', 'ь', 'm', ['gen', 'acc']], ['а', '', 'm', ['gen', 'acc']],
  ['ю', 'й', 'm', ['dat']], ['ю', 'ь', 'm', ['dat']], ['у', '', 'm', ['dat']],
  // The vowel that falls out: Павел → Паўла, Паўлу, Паўлам; Зміцер → Змітра, Змітру, Змітрам.
  ['ўла', 'вел', 'm', ['gen', 'acc']], ['ўлу', 'вел', 'm', ['dat']], ['ўлам', 'вел', 'm', ['ins']],
  ['тра', 'цер', 'm', ['gen', 'acc']], ['тру', 'цер', 'm', ['dat']], ['трам', 'цер', 'm', ['ins']],
];

/** Surnames by gender and case: [oblique ending, nominative ending]. Longer endings first; no match keeps the word. */
const SURNAME_ENDINGS: Record<Gender, Partial<Record<Case, [string, string][]>>> = {
  m: {
    gen: [['скага', 'скі'], ['цкага', 'цкі'], ['ага', 'ы'], ['ава', 'аў'], ['ова', 'оў'], ['ева', 'еў'], ['ёва', 'ёў'], ['іна', 'ін'], ['ына', 'ын'], ['енкі', 'енка'], ['энкі', 'энка'], ['кі', 'ка'], ['а', ''], ['я', 'ь']],
    acc: [['скага', 'скі'], ['цкага', 'цкі'], ['ага', 'ы'], ['ава', 'аў'], ['ова', 'оў'], ['ева', 'еў'], ['ёва', 'ёў'], ['іна', 'ін'], ['ына', 'ын'], ['енку', 'енка'], ['энку', 'энка'], ['ку', 'ка'], ['а', ''], ['я', 'ь']],
    dat: [['скаму', 'скі'], ['цкаму', 'цкі'], ['аву', 'аў'], ['ову', 'оў'], ['еву', 'еў'], ['іну', 'ін'], ['енку', 'енка'], ['энку', 'энка'], ['у', ''], ['ю', 'ь']],
    ins: [['скім', 'скі'], ['цкім', 'цкі'], ['ым', 'ы'], ['авым', 'аў'], ['овым', 'оў'], ['евым', 'еў'], ['ёвым', 'ёў'], ['іным', 'ін'], ['енкам', 'енка'], ['энкам', 'энка'], ['ам', ''], ['ом', ''], ['ем', 'ь']],
    loc: [['скім', 'скі'], ['аве', 'аў'], ['ове', 'оў'], ['еве', 'еў'], ['е', '']],
  },
  f: {
    gen: [['скай', 'ская'], ['цкай', 'цкая'], ['авай', 'ава'], ['евай', 'ева'], ['овай', 'ова'], ['інай', 'іна'], ['ай', 'а'], ['ы', 'а'], ['і', 'а']],
    acc: [['скую', 'ская'], ['цкую', 'цкая'], ['аву', 'ава'], ['еву', 'ева'], ['ову', 'ова'], ['іну', 'іна'], ['у', 'а'], ['ю', 'я']],
    dat: [['скай', 'ская'], ['авай', 'ава'], ['евай', 'ева'], ['інай', 'іна'], ['е', 'а'], ['і', 'а']],
    ins: [['скай', 'ская'], ['цкай', 'цкая'], ['авай', 'ава'], ['евай', 'ева'], ['овай', 'ова'], ['інай', 'іна'], ['ай', 'а'], ['яй', 'я'], ['ой', 'а']],
    loc: [['скай', 'ская'], ['авай', 'ава'], ['евай', 'ева'], ['е', 'а'], ['і', 'а']],
  },
};

// Longest ending first, whatever order the table lists them in: "-авым" before "-ым".
for (const byCase of Object.values(SURNAME_ENDINGS)) for (const list of Object.values(byCase)) list.sort((a, b) => b[0].length - a[0].length);

const cap = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

export interface GivenReading {
  nominative: string;
  gender: Gender;
  cases: Case[];
}

/**
 * The readings of a Belarusian word as a given name: the word itself in the nominative, and every
 * form its ending could come from. `known` says whether a spelling is a given name.
 */
export function beGivenReadings(word: string, known: (nominative: string) => { gender: Gender | 'u'; quality: number } | null): GivenReading[] {
  const lower = word.toLowerCase();
  const out: (GivenReading & { quality: number; ending: number })[] = [];
  const own = known(lower);
  if (own) out.push({ nominative: word, gender: own.gender === 'u' ? (/[ая]$/u.test(lower) ? 'f' : 'm') : own.gender, cases: ['nom'], quality: own.quality + 0.5, ending: 0 });
  for (const [ending, nom, gender, cases] of GIVEN_ENDINGS) {
    if (!lower.endsWith(ending) || lower.length - ending.length < 2) continue;
    const candidate = lower.slice(0, lower.length - ending.length) + nom;
    const g = known(candidate);
    // A definite gender must agree with the ending's; an East Slavic spelling outweighs the word read as it stands.
    if (g && (g.gender === 'u' || g.gender === gender)) out.push({ nominative: cap(candidate), gender, cases, quality: g.quality + (g.gender === gender ? 0.25 : 0), ending: ending.length });
  }
  // Of two readings as sure, the longer ending's: Паўла is Павел (-ўла), not Паўл (-а).
  return out.sort((a, b) => b.quality - a.quality || b.ending - a.ending).map(({ quality: _, ending: __, ...r }) => r);
}

/**
 * An unknown given name read by its ending when the surname's ending agrees in case and gender
 * ("Ягорам Лявонавым": both instrumental, a man): only such a pair is trusted.
 */
export function beAgreeingReading(given: string, surname: string): GivenReading | undefined {
  const lower = given.toLowerCase();
  const sur = surname.toLowerCase();
  for (const [ending, nom, gender, cases] of GIVEN_ENDINGS) {
    if (!lower.endsWith(ending) || lower.length - ending.length < 2 || cases.length !== 1) continue;
    const agrees = (SURNAME_ENDINGS[gender][cases[0]!] ?? []).some(([e]) => e.length >= 2 && sur.endsWith(e));
    if (agrees) return { nominative: cap(lower.slice(0, lower.length - ending.length) + nom), gender, cases };
  }
  return undefined;
}

/** Whether a surname's ending fits a gender and case ("Кучынскаму": a man, dative). */
export function beSurnameAgrees(surname: string, gender: Gender, cases: Case[]): boolean {
  const sur = surname.toLowerCase();
  return cases.some((c) => (SURNAME_ENDINGS[gender][c] ?? []).some(([e]) => e.length >= 2 && sur.endsWith(e)));
}

/** A surname in the nominative, given the gender and a case its given name was read in. */
export function beSurnameNominative(word: string, gender: Gender, cases: Case[]): string {
  const lower = word.toLowerCase();
  for (const c of cases) {
    for (const [ending, nom] of SURNAME_ENDINGS[gender][c] ?? []) {
      if (lower.endsWith(ending) && lower.length - ending.length >= 2) return cap(lower.slice(0, lower.length - ending.length) + nom);
    }
  }
  return word;
}

/** Letters only Belarusian writes (і, ў, and э or ы beside no и): then these rules, not Russian ones. */
export function isBelarusianWord(word: string): boolean {
  return /[іўІЎ]/u.test(word) || (/[эЭ]/u.test(word) && !/[иИ]/u.test(word));
}

/**
 * Belarusian calendar words and their Russian equivalents, so that a Russian date parser reads
 * Belarusian dates ("8 ліпеня 2021 года", "у сакавіку", "учора").
 */
const CALENDAR: [RegExp, string][] = [
  [/студзен(?:я|ь|і)/giu, 'января'], [/лют(?:ага|ы|ым)/giu, 'февраля'], [/сакавік(?:а|у)?/giu, 'марта'], [/красавік(?:а|у)?/giu, 'апреля'],
  [/траўн(?:я|і)|травен[ьі]/giu, 'мая'], [/чэрвен(?:я|ь|і)/giu, 'июня'], [/ліпен(?:я|ь|і)/giu, 'июля'], [/жнів(?:ень|ені)|жніўня/giu, 'августа'],
  [/верас(?:ня|ень|ні)/giu, 'сентября'], [/кастрычнік(?:а|у)?/giu, 'октября'], [/лістапад(?:а|зе)?/giu, 'ноября'], [/снеж(?:ня|ань|ні)/giu, 'декабря'],
  [/(?<!\p{L})учора(?!\p{L})/giu, 'вчера'], [/(?<!\p{L})сёння(?!\p{L})/giu, 'сегодня'], [/(?<!\p{L})заўтра(?!\p{L})/giu, 'завтра'],
  [/(?<!\p{L})года(?!\p{L})/giu, 'года'], [/(?<!\p{L})годзе(?!\p{L})/giu, 'году'], [/(?<!\p{L})у(?=\s+\d)/giu, 'в'],
];

/**
 * A Belarusian text with its calendar words in Russian, and for every character of the result the
 * offset of the character it came from, so that a date found in it points back into the original.
 */
export function belarusianDatesAsRussian(text: string): { text: string; origin: number[] } {
  const hits: { at: number; len: number; to: string }[] = [];
  for (const [re, to] of CALENDAR) for (const m of text.matchAll(re)) hits.push({ at: m.index!, len: m[0].length, to });
  hits.sort((a, b) => a.at - b.at);
  let out = '';
  const origin: number[] = [];
  let pos = 0;
  for (const h of hits) {
    if (h.at < pos) continue;
    for (; pos < h.at; pos++) {
      out += text[pos];
      origin.push(pos);
    }
    for (let k = 0; k < h.to.length; k++) {
      out += h.to[k];
      origin.push(h.at + Math.min(k, h.len - 1));
    }
    pos = h.at + h.len;
  }
  for (; pos < text.length; pos++) {
    out += text[pos];
    origin.push(pos);
  }
  origin.push(text.length);
  return { text: out, origin };
}
