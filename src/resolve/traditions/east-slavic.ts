/**
 * The East Slavic tradition (Russian, Belarusian, Ukrainian), the one Vigil's reports write most:
 * given name, patronymic and surname, whose surname's form says man or woman (Ivanov, Ivanova;
 * Tsikhanouski, Tsikhanouskaya) and whose words all decline together in running text (Сергея
 * Тихановского is Сергей Тихановский). Spellings across scripts and standards are the general
 * rule's (phonetic.ts, translit/); what is East Slavic is here:
 *
 * - a name in an oblique case is read back to its nominative, every word in the same case;
 * - a man's and a woman's surname form are two people;
 * - patronymics written on both sides name the same father (Mikalaevich = Nikolayevich);
 * - a surname made from a given name is the same in every language's form (Mykolaiv = Nikolaev).
 */
import { givenAgree, givenRows, eastSlavicGiven, knownAsWritten } from '../given-match.ts';
import { parseName, patronymicStem, surnameGender, withSurname, type ParsedName } from '../parse-name.ts';
import { foldSpelling, toLatin } from '../phonetic.ts';

const CYRILLIC = /\p{Script=Cyrillic}/u;
import { surnameAgree } from '../surname-match.ts';
import type { NameTradition, Reading } from './tradition.ts';

/**
 * The oblique cases of a Russian or Belarusian name in running text, each a list of ending →
 * nominative rewrites (the first that fits a word applies). Data. A name is read back in each case
 * as a whole, since its words agree: "Сергея Тихановского" is the genitive of Сергей Тихановский,
 * "Анны Политковской" of Анна Политковская, "Алеся Бяляцкага" (Belarusian) of Алесь Бяляцкі.
 * `woman`: the case of a woman's name, whose surname in a consonant does not decline (Татьяны Кругляк).
 */
interface Case { rules: [RegExp, string][]; woman?: boolean }
const SOFT = '[бвдзлмнпрстфц]';
const OBLIQUE_CASES: Case[] = [
  // Genitive or accusative, a man: Сергея, Андрэя, Николая, Юрия, Игоря, Алеся, Ильи, Луки, Ивана; Тихановского, Бяляцкага, Статкевича, Кара-Мурзы.
  { rules: [[/ского$/, 'ский'], [/цкого$/, 'цкий'], [/ого$/, 'ый'], [/его$/, 'ий'], [/скага$/, 'скі'], [/цкага$/, 'цкі'], [/ага$/, 'і'], [/([еэ])я$/, '$1й'], [/([ао])я$/, '$1й'], [/ия$/, 'ий'], [/ыя$/, 'ый'], [/ья$/, 'ий'], [new RegExp(`(${SOFT})я$`), '$1ь'], [/ьи$/, 'ья'], [/([гкхжшчщ])[иі]$/, '$1а'], [/и$/, 'я'], [/ы$/, 'а'], [/а$/, '']] },
  // Genitive, dative, instrumental or prepositional, a woman: Анны, Ольги, Вольгі, Марии, Марыі, Любови; Анной, Анастасией, Любовью; Политковской, Ивановой, Ціханоўскай, Калеснікавай.
  {
    woman: true,
    rules: [[/ской$/, 'ская'], [/цкой$/, 'цкая'], [/скай$/, 'ская'], [/цкай$/, 'цкая'], [/ией$/, 'ия'], [/ьей$/, 'ья'], [/ьёй$/, 'ья'], [/ой$/, 'а'], [/ай$/, 'а'], [/яй$/, 'я'], [/ей$/, 'я'], [/ёй$/, 'я'], [/ью$/, 'ь'], [/ови$/, 'овь'], [/ии$/, 'ия'], [/іі$/, 'ія'], [/ыі$/, 'ыя'], [/([гкхжшчщ])[иі]$/, '$1а'], [/ы$/, 'а'], [/[иі]$/, 'я'], [/е$/, 'а']],
  },
  // Dative, a man: Сергею, Андрэю, Николаю, Юрию, Игорю, Алесю, Илье, Ивану; Тихановскому, Бялоцкаму, Статкевичу.
  { rules: [[/скому$/, 'ский'], [/цкому$/, 'цкий'], [/скаму$/, 'скі'], [/цкаму$/, 'цкі'], [/ому$/, 'ый'], [/ему$/, 'ий'], [/аму$/, 'ы'], [/яму$/, 'і'], [/([аеоэ])ю$/, '$1й'], [/ию$/, 'ий'], [/ыю$/, 'ый'], [/ю$/, 'ь'], [/ье$/, 'ья'], [/е$/, 'а'], [/у$/, '']] },
  // Instrumental, a man: Сергеем, Николаем, Юрием, Игорем, Алесем, Ильёй, Никитой, Иваном, Ігарам; Тихановским, Бялоцкім, Кравцовым, Статкевичем.
  { rules: [[/ским$/, 'ский'], [/цким$/, 'цкий'], [/скім$/, 'скі'], [/цкім$/, 'цкі'], [/(ов|ев|ёв|ав|ин|ын)ым$/, '$1'], [/ым$/, 'ый'], [/им$/, 'ий'], [/ім$/, 'і'], [/([аеоэ])ем$/, '$1й'], [/ием$/, 'ий'], [/ь[её]й$/, 'ья'], [/ой$/, 'а'], [new RegExp(`(${SOFT})ем$`), '$1ь'], [/ем$/, ''], [/ом$/, ''], [/ам$/, '']] },
  // Accusative, a woman: Анну, Марию; Политковскую, Иванову.
  { woman: true, rules: [[/ую$/, 'ая'], [/ю$/, 'я'], [/у$/, 'а']] },
  // Prepositional, a man: (о) Сергее, Николае, Юрии, Игоре, Иване; Тихановском, Статкевиче.
  { rules: [[/ском$/, 'ский'], [/цком$/, 'цкий'], [/ом$/, 'ый'], [/([аеэ])е$/, '$1й'], [/ии$/, 'ий'], [/е$/, '']] },
];

/** Words that keep their form in every case: -ко (Нестеренко, Бабарико), Belarusian -енка (Сідарэнка), -ых/-их (Черных), foreign words in -о, -э. */
const INDECLINABLE = /(?:[еэо]нка|ых|их|[оэ])$/;
const CONSONANT_END = /[бвгджзклмнпрстфхцчшщў]$/;

/**
 * A word read back from a case: the rule's nominative, and where the rule left a bare stem, that stem
 * with the vowel that falls out in the other cases (Павла → Павел, Льва → Лев, Зубарца → Зубарец).
 * Null when no rule fits and the word does decline; the word itself when it does not.
 */
function readBack(word: string, c: Case): string[] | null {
  const lower = word.toLowerCase();
  const rule = c.rules.find(([re]) => re.test(lower) && lower.replace(re, '').length >= 2);
  if (!rule) return INDECLINABLE.test(lower) || (c.woman && CONSONANT_END.test(lower)) ? [word] : null;
  const base = lower.replace(rule[0], rule[1]);
  const out = [base];
  // The vowel falls out before the last consonant of -ец, -ок, -ел, -ер, -ев (Зубарца, Павла, Змітра, Льва), never between two of one letter.
  const fleeting = rule[1] === '' ? /^(.*[бвгджзклмнпрстфхцчшщ])[ьў]?([вклнрц])$/.exec(base) : null;
  if (fleeting && !fleeting[1]!.endsWith(fleeting[2]!)) out.push(`${fleeting[1]}е${fleeting[2]}`);
  const upper = word[0] !== lower[0];
  return out.map((w) => (upper ? w[0]!.toUpperCase() + w.slice(1) : w));
}

/** At most this many readings of one name in one case. */
const MAX_CASE_READINGS = 6;

/**
 * The whole name read back from each oblique case that changes it; Cyrillic words only, stems of two
 * letters or more. `given`: the name's given name, which, if the table knows it as written (Светлана,
 * Александра), is read in a case only into another name the table knows and only where another word
 * changes too (Александра Лабановіча is a man's genitive; Александра Нестеренко is a woman).
 */
export function nominativeReadings(tokens: readonly string[], given: string | null = null): string[] {
  if (!tokens.some((t) => CYRILLIC.test(t))) return [];
  const nominative = !!given && knownAsWritten(given);
  const out = new Set<string>();
  for (const c of OBLIQUE_CASES) {
    // The words of a name agree in case: a reading counts only if every Cyrillic word takes it, so
    // Лилия Чанышева is not read as a man's genitive.
    let words: string[][] = [[]];
    let changed = false;
    for (const t of tokens) {
      // A hyphenated surname declines in each part: Кара-Мурзы.
      let forms: string[] = [''];
      for (const [i, part] of t.split('-').entries()) {
        // A given name the table knows as written is read back only into another it knows (Александра → Александр, not Наталья → Наталий).
        let back = CYRILLIC.test(part) ? readBack(part, c)?.filter((b) => !nominative || t !== given || b === part || knownAsWritten(b)) : [part];
        // A man's given name in -а or -я declines as a woman's does, beside his surname's man's case
        // (Никиту Бондарева, Міколу Бондара, Міколам Бондарам): read by the women's endings into a name the table knows.
        if (!c.woman && t === given && CYRILLIC.test(part) && !back?.some((b) => b !== part && knownAsWritten(b))) {
          const stems = (back ?? []).map((b) => `${b}а`);
          const asWoman = [...OBLIQUE_CASES.filter((w) => w.woman).flatMap((w) => readBack(part, w) ?? []), ...stems].filter((b) => b !== part && /[ая]$/.test(b) && knownAsWritten(b));
          if (asWoman.length) back = [...new Set(asWoman)];
        }
        if (!back?.length) {
          forms = [];
          break;
        }
        if (back.length > 1 || back[0] !== part) changed ||= t !== given || !nominative;
        forms = forms.flatMap((f) => back.map((b) => (i === 0 ? b : `${f}-${b}`)));
      }
      words = words.flatMap((w) => forms.map((f) => [...w, f])).slice(0, MAX_CASE_READINGS);
    }
    if (!changed) continue;
    for (const w of words) if (w.length === tokens.length) out.add(w.join(' '));
  }
  return [...out];
}

/** A name in running Russian or Belarusian text may be in any case: its nominative readings, parsed once. */
const READINGS = new WeakMap<ParsedName, Reading[]>();
function readings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (!r) {
    // A reading is a guess at the case: it counts a little less than the name as written.
    r = nominativeReadings(p.tokens, p.given).map((n) => ({ name: parseName(n), weight: 0.95 }));
    READINGS.set(p, r);
  }
  return r;
}

/**
 * Surnames made from a given name, in the forms of two languages: Kostiantynov (Ukrainian) =
 * Konstantinov (Russian), Mykolaiv = Nikolaev. The suffixes must agree and the table must hold
 * both given names in one row.
 */
export function fromGivenNames(a: string, b: string): boolean {
  const split = (s: string) => /^([a-z]{4,}?)([oe]va?|[iy]na?)$/.exec(toLatin(s));
  const ma = split(a);
  const mb = split(b);
  if (!ma || !mb || ma[2]!.replace('e', 'o').replace('y', 'i') !== mb[2]!.replace('e', 'o').replace('y', 'i')) return false;
  const ra = givenRows(ma[1]!);
  const rb = givenRows(mb[1]!);
  return !!ra && !!rb && ra.some((r) => rb.includes(r));
}

/**
 * The father's given name inside a patronymic, as the languages build it: Nikolayevich and Mykolaiovych
 * are both of Nikolai (Mykola), Mikalaevich of Mikalai. Read back by dropping the suffix, then the
 * joining i/y, then adding the -a a Ukrainian or Belarusian name may have lost (Mykola, Ilya) or
 * the -i (й) a Russian one has (Nikolai). Turkic patronymics (-uly, -ogly, -kyzy) name the father too.
 */
function fatherNames(patronymic: string): string[] {
  const latin = toLatin(patronymic);
  // Kazakh, Uzbek, Azerbaijani and Turkish patronymics: Abishuly, Abish-uly and Abishevich are all of Abish.
  const turkic = /^(.{2,}?)-?(uly|ulu|ugly|ogly|oglu|ogli|kyzy|qyzy|kizi)$/.exec(latin);
  const base = turkic ? turkic[1]! : patronymicStem(latin);
  if (!base) return [];
  const bare = base.replace(/[iyj]$/, '');
  // Nikolaevich: the й of Николай goes before -evich.
  const withJ = /[aeiou]$/.test(base) ? [`${base}i`] : [];
  return [...new Set([base, bare, `${bare}a`, ...withJ])];
}

function fathersAgree(a: string, b: string): boolean {
  const fb = fatherNames(b);
  return fatherNames(a).some((x) => fb.some((y) => givenAgree(x, y) > 0));
}

/** The initial after the given name's (S.B. Ivanov, S. B. Ivanov), when that is all the name has besides its surname. */
function secondInitial(p: ParsedName): string | null {
  const joined = /^(\p{L})\.\s?(\p{L})\.?$/u.exec(p.tokens[0] ?? '');
  if (joined && p.tokens.length === 2) return joined[2]!;
  if (p.tokens.length === 3 && /^\p{L}\.?$/u.test(p.tokens[0]!) && /^\p{L}\.?$/u.test(p.tokens[1]!)) return p.tokens[1]![0]!;
  return null;
}

/** "S.B. Ivanov": the second initial is the patronymic's, and must open the other's patronymic. */
function patronymicInitialClash(a: ParsedName, b: ParsedName): boolean {
  const i = secondInitial(a);
  const first = (x: string) => foldSpelling(toLatin(x))[0];
  return !!i && !!b.patronymic && first(i) !== first(b.patronymic);
}

/** Two patronymics, both written, that no reading makes one: two fathers. */
function patronymicsDiffer(a: ParsedName, b: ParsedName): boolean {
  return !!a.patronymic && !!b.patronymic && givenAgree(a.patronymic, b.patronymic) === 0 && surnameAgree(a.patronymic, b.patronymic) === 0 && !fathersAgree(a.patronymic, b.patronymic);
}

const RECOGNISED = new WeakMap<ParsedName, boolean>();

export const eastSlavic: NameTradition = {
  name: 'East Slavic',
  recognise(p) {
    let r = RECOGNISED.get(p);
    if (r === undefined) {
      r = p.tokens.some((t) => CYRILLIC.test(t)) || !!p.patronymic || (!!p.surname && !!surnameGender(p.surname)) || eastSlavicGiven(p.given);
      RECOGNISED.set(p, r);
    }
    return r;
  },
  parse: readings,
  compare(a, b, judge) {
    // Ivanov and Ivanova, Politkovsky and Politkovskaya: the surname form says man or woman. (A
    // surname alone may be anyone's, and is the general rule's.)
    const [ga, gb] = [surnameGender(a.surname!), surnameGender(b.surname!)];
    if (a.tokens.length > 1 && b.tokens.length > 1 && ga && gb && ga !== gb) return { same: false, score: 0.15 };
    const surnames = surnameAgree(a.surname!, b.surname!) > 0;
    // Two fathers tell namesakes apart (where the surnames differ, the general rule says no anyway).
    if (surnames && (patronymicInitialClash(a, b) || patronymicInitialClash(b, a) || patronymicsDiffer(a, b))) return { same: false, score: 0.3 };
    if (!surnames && fromGivenNames(a.surname!, b.surname!)) {
      const d = judge.general(a, withSurname(b, a.surname!));
      return { same: d.same, score: d.score * 0.85 };
    }
    return null;
  },
};
