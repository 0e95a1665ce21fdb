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
import { surnameAgree } from '../surname-match.ts';
import type { NameTradition, Reading } from './tradition.ts';

/**
 * The oblique cases of a Russian or Belarusian name in running text, each a list of ending → nominative
 * rewrites (the first that fits a word applies). Data. A name is read back in each case as a whole,
 * since its words agree: "Сергея Тихановского" is the genitive of Сергей Тихановский, "Анны
 * Политковской" of Анна Политковская, "Алеся Бяляцкага" (Belarusian) of Алесь Бяляцкі.
 */
const OBLIQUE_CASES: [RegExp, string][][] = [
  // Genitive or accusative, a man: Сергея, Николая, Алеся, Ильи, Ивана; Тихановского, Бяляцкага, Статкевича, Кара-Мурзы.
  [[/ского$/, 'ский'], [/цкого$/, 'цкий'], [/ого$/, 'ый'], [/его$/, 'ий'], [/ага$/, 'і'], [/ея$/, 'ей'], [/лая$/, 'лай'], [/ля$/, 'ль'], [/ся$/, 'сь'], [/ья$/, 'ий'], [/ьи$/, 'ья'], [/и$/, 'я'], [/ы$/, 'а'], [/а$/, '']],
  // Genitive, dative or instrumental, a woman: Анны, Марии; Политковской, Ивановой, Ціханоўскай, Калеснікавай.
  [[/ской$/, 'ская'], [/цкой$/, 'цкая'], [/скай$/, 'ская'], [/цкай$/, 'цкая'], [/ой$/, 'а'], [/ай$/, 'а'], [/ии$/, 'ия'], [/ы$/, 'а'], [/и$/, 'я'], [/е$/, 'а']],
  // Dative, a man: Сергею, Алесю, Ивану; Тихановскому, Статкевичу.
  [[/скому$/, 'ский'], [/ому$/, 'ый'], [/ему$/, 'ий'], [/ею$/, 'ей'], [/ю$/, 'ь'], [/у$/, '']],
  // Instrumental, a man: Сергеем, Иваном; Тихановским, Статкевичем.
  [[/ским$/, 'ский'], [/(ов|ев|ёв|ин|ын)ым$/, '$1'], [/ым$/, 'ый'], [/им$/, 'ий'], [/еем$/, 'ей'], [/ем$/, ''], [/ом$/, '']],
  // Accusative, a woman: Анну, Марию; Политковскую, Иванову.
  [[/ую$/, 'ая'], [/ю$/, 'я'], [/у$/, 'а']],
];

/** The whole name read back from each oblique case that changes it; Cyrillic words only, stems of two letters or more. */
export function nominativeReadings(tokens: readonly string[]): string[] {
  if (!tokens.some((t) => /\p{Script=Cyrillic}/u.test(t))) return [];
  const out = new Set<string>();
  for (const rules of OBLIQUE_CASES) {
    // The words of a name agree in case: a reading counts only if every Cyrillic word takes it, so
    // Лилия Чанышева is not read as a man's genitive.
    let all = true;
    const words = tokens.map((t) => {
      if (!/\p{Script=Cyrillic}/u.test(t)) return t;
      // A hyphenated surname declines in each part: Кара-Мурзы.
      return t.split('-').map((w) => {
        const rule = rules.find(([re]) => re.test(w) && w.replace(re, '').length >= 2);
        if (!rule) {
          all = false;
          return w;
        }
        return w.replace(rule[0], rule[1]);
      }).join('-');
    });
    if (all) out.add(words.join(' '));
  }
  return [...out];
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A name in running Russian or Belarusian text may be in any case: its nominative readings, parsed once. */
const READINGS = new WeakMap<ParsedName, Reading[]>();
function readings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (!r) {
    // A given name the table knows as written (Светлана, Илья) is in the nominative already.
    const nominative = !!p.given && knownAsWritten(p.given);
    // A reading is a guess at the case: it counts a little less than the name as written.
    r = nominative ? [] : nominativeReadings(p.tokens).map((n) => ({ name: parseName(n), weight: 0.95 }));
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
