/**
 * Rules for how particular naming traditions write one name two ways: Armenian Eastern and Western
 * spellings, surnames made from given names, Georgian nominative -i, Persian compound given names,
 * short given names, and the father's name inside East Slavic patronymics. Each says whether two
 * written forms are one name; same-person.ts decides what that means for the whole name.
 */
import { arabicGiven, givenAgree, givenRows, spelt } from './given-match.ts';
import { patronymicStem, type ParsedName } from './parse-name.ts';
import { toLatin } from './phonetic.ts';

/**
 * Armenian surnames (-ian, -yan) in Eastern and Western spelling: Western Armenian voices and
 * unvoices the stops the other way round and spells vowels differently (Sargsyan = Sarkissian,
 * Petrosyan = Bedrossian, Hakobyan = Hagopian), so they meet as consonants with voicing merged.
 */
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
 * Georgian given names end in -i in the nominative, which Russian and English spellings drop
 * (Otari = Otar, Davit = Daviti): with a Georgian surname, the two forms are one name.
 */
const GEORGIAN_SURNAME = /(dze|dse|shvili|schwili|swili|iani|ava|ua|ia)$/;
export function georgianNominative(a: ParsedName, b: ParsedName): boolean {
  if (!a.given || !b.given || !GEORGIAN_SURNAME.test(toLatin(a.surname!)) || !GEORGIAN_SURNAME.test(toLatin(b.surname!))) return false;
  const [x, y] = [spelt(a.given), spelt(b.given)].sort((p, q) => p.length - q.length) as [string, string];
  return x.length >= 3 && y === `${x}i`;
}


/**
 * Persian compound given names (Mohammad-Reza, Ali-Akbar, Gholam-Hossein) are one name: Mohammad
 * Khatami is not his brother Mohammad Reza Khatami. The second part, as Persian spells it, or '' for
 * a first part alone; null when the name opens with none of these.
 */
const PERSIAN_FIRST = new Set(['mohammad', 'mohamad', 'ali', 'gholam', 'hamid', 'ahmad', 'amir', 'abdol', 'abdul']);
const PERSIAN_SECOND = new Set(['reza', 'hossein', 'hosein', 'javad', 'bagher', 'baqer', 'taghi', 'taqi', 'mehdi', 'sadegh', 'sadeq', 'akbar', 'asghar', 'kazem']);
const PERSIAN_SECOND_OF = new WeakMap<ParsedName, string | null>();
function persianSecond(p: ParsedName): string | null {
  let v = PERSIAN_SECOND_OF.get(p);
  if (v === undefined) PERSIAN_SECOND_OF.set(p, (v = computePersianSecond(p)));
  return v;
}
function computePersianSecond(p: ParsedName): string | null {
  // French writes Djavad.
  const words = p.tokens.flatMap((t, i) => (i === 0 ? t.split('-') : [t])).map((w) => spelt(w).replace(/^dj/, 'j'));
  const first = words[0] ?? '';
  const joined = [...PERSIAN_FIRST].find((f) => first.startsWith(f) && PERSIAN_SECOND.has(first.slice(f.length)));
  if (joined) return first.slice(joined.length);
  if (!PERSIAN_FIRST.has(first)) return null;
  return words.length >= 3 && PERSIAN_SECOND.has(words[1]!) ? words[1]! : '';
}
export function persianCompoundClash(a: ParsedName, b: ParsedName): boolean {
  const sa = persianSecond(a);
  const sb = persianSecond(b);
  return sa !== null && sb !== null && (sa === '') !== (sb === '');
}

/**
 * A short form that is the start of the full given name, as lists and the press write it: Kuda for
 * Kudakwashe, Siraj for Sirajuddin; not the first part of a double name. The rest must not be a
 * name of its own (Mohammad is not Mohammadreza) nor a woman's ending (Christ-ina), and the table,
 * when it knows both, decides instead.
 */
export function shortGiven(a: string, b: string): boolean {
  // A part of a double name is another matter: Emir is not Emir-Usein.
  if (/[-‐\s]/.test(a) || /[-‐\s]/.test(b)) return false;
  const [short, long] = [spelt(a), spelt(b)].sort((x, y) => x.length - y.length) as [string, string];
  if (short.length < 4 || long.length - short.length < 3 || !long.startsWith(short) || /a$/.test(long)) return false;
  // Abdul and Abu open a name and are none alone: Abdul Khaliq is not Abdulmalik.
  if (/^(abd[aeiou]?l?|abo?u)$/.test(short)) return false;
  if (givenRows(a) && givenRows(b)) return false;
  const rest = long.slice(short.length);
  return !givenRows(rest) && !arabicGiven(short) && !arabicGiven(long);
}

/**
 * A Spanish diminutive against the name it is made from: Teodorín = Teodoro, Juanito = Juan.
 */
export function spanishDiminutive(a: string, b: string): boolean {
  const x = spelt(a);
  const y = spelt(b);
  const stemOf = (w: string) => /^(.{4,}?)(in|ito|ita|cito|cita|illo)$/.exec(w)?.[1];
  const fits = (d: string, n: string) => {
    const stem = stemOf(d);
    return !!stem && (n === stem || n === `${stem}o` || n === `${stem}a` || n === `${stem}e`);
  };
  return fits(x, y) || fits(y, x);
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

export function fathersAgree(a: string, b: string): boolean {
  const fb = fatherNames(b);
  return fatherNames(a).some((x) => fb.some((y) => givenAgree(x, y) > 0));
}
