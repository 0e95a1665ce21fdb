/**
 * Can two names, as written in reports, be the same person? Surnames must agree (by any
 * transliteration key, after case endings), given names must agree when both are written
 * (equivalence table, else phonetic key, else initial), and a female and a male form differ.
 * Some names go their own way first: Burmese (burmese.ts), Japanese and Korean Hanja (japanese.ts,
 * east-asian.ts), scripts written as skeletons (abjad.ts) and Chinese and Korean order (east-asian.ts);
 * surnames are compared in surname-match.ts and the rules of particular naming traditions are in
 * name-forms.ts. cross-script.ts and cluster.ts decide which names are compared at all.
 */
import { arabicGiven, eastSlavicGiven, givenAgree, givenRows, isMuhammad, knownAsWritten } from './given-match.ts';
import { foldSpelling, tokenKeys, toLatin } from './phonetic.ts';
import { SKELETON_SCRIPT, SON_OF, abjadSame, abjadWords } from './abjad.ts';
import { surnameAgree } from './surname-match.ts';
import { fathersAgree, georgianNominative, persianCompoundClash, shortGiven, spanishDiminutive } from './name-forms.ts';
import { burmeseRead, burmeseSame, burmeseSyllables, inBurmeseScript } from './burmese.ts';
import { kanjiName, kanjiReads, katakanaReads, katakanaWords } from './japanese.ts';
import { cantonesePinyinSame, eastAsianCore, englishNameChineseName, eastAsianSame, hanSameDroppingOne, hanjaReads, looksEastAsian } from './east-asian.ts';
import { PARTICLES, nominativeReadings, parseName, surnameGender, type ParsedName } from './parse-name.ts';
import { nameAlternatives } from './aliases.ts';

export interface NameContext {
  role?: string | null;
  birthYear?: number | null;
  country?: string | null;
}

export interface SameDecision {
  same: boolean;
  score: number;
}

/** One word against a longer name, both as skeletons: the word must be the other's last one, its family name. */
function abjadSingle(a: ParsedName, b: ParsedName): number {
  const [single, full] = a.tokens.length === 1 ? [a, b] : [b, a];
  const one = abjadWords(single.tokens);
  const words = abjadWords(full.tokens);
  return one.length === 1 && words.length >= 1 && one[0] === words.at(-1) ? 0.7 : 0;
}

/**
 * A name written as the capitals of another's words: AMLO is Andrés Manuel López Obrador, MBS is
 * Mohammed bin Salman, JFK is John F. Kennedy. Every word counts, particles too.
 */
function acronymOf(single: ParsedName, full: ParsedName): boolean {
  const letters = acronymLetters(single);
  return !!letters && full.tokens.length === letters.length && initialsOf(full.tokens) === initialsOf([...letters]);
}

/** The capitals of a name written as one run of three to five of them (AMLO), else null. */
export function acronymLetters(p: ParsedName): string | null {
  const letters = p.original.trim();
  return p.tokens.length === 1 && /^\p{Lu}{3,5}$/u.test(letters) ? letters : null;
}

/** The first letter of each word, folded as spellings are: what an acronym of the name would be. */
export function initialsOf(tokens: readonly string[]): string {
  return tokens.map((t) => foldSpelling(toLatin(t))[0] ?? '').join('');
}

/** A single-token name may be a surname ("Lukashenka") or a given name ("Milana"). */
function singleTokenAgainst(single: ParsedName, full: ParsedName): number {
  const token = single.surname!;
  const asSurname = full.surname ? surnameAgree(token, full.surname) : 0;
  const asGiven = full.given ? givenAgree(token, full.given) * 0.85 : 0;
  return Math.max(asSurname * 0.85, asGiven);
}

function sameWord(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && foldSpelling(toLatin(a)) === foldSpelling(toLatin(b));
}

/**
 * The surname-like tokens of a longer name: everything but the given name, patronymic, initials and
 * particles, plus the run of them joined (Jong Un = Jong-un). Spanish double surnames (Maduro Moros),
 * Arabic chains (bin Salman Al Saud) and Korean order meet the shorter form through any of them.
 */
export function surnameTokens(p: ParsedName): string[] {
  const rest = p.tokens.filter((t) => t !== p.given && t !== p.patronymic && !/^(\p{L}\.)+$|^\p{L}$/u.test(t) && !PARTICLES.has(t.toLowerCase()) && t.length >= 2);
  // A hyphenated surname's parts too: Díaz-Canel is also written Diaz Canel.
  const parts = rest.flatMap((t) => (t.includes('-') ? t.split('-').filter((x) => x.length >= 2) : []));
  return rest.length > 1 ? [...rest, ...parts, rest.join('')] : [...rest, ...parts];
}

/**
 * Words of a name, a hyphenated word counted by its parts: Mohammad-Javad Zarif Khonsari is four, and
 * DLAMINI-ZUMA, Nkosazana Clarice is longer than DLAMINI ZUMA, Nkosazana, whose surname is then one of its parts.
 */
const wordCount = (p: ParsedName) => p.tokens.reduce((n, t) => n + t.split('-').filter(Boolean).length, 0);

function otherSurnamesAgree(a: ParsedName, b: ParsedName): number {
  if (wordCount(a) === wordCount(b)) {
    // Same length: only the joined runs may meet, so Kim Yo Jong stays apart from Kim Jong Un.
    const ja = surnameTokens(a).at(-1);
    const jb = surnameTokens(b).at(-1);
    return ja && jb && a.tokens.length >= 3 ? surnameAgree(ja, jb) * 0.95 : 0;
  }
  // The shorter name's surname must be one of the longer name's surname-like tokens.
  const [short, long] = wordCount(a) < wordCount(b) ? [a, b] : [b, a];
  if (long.tokens.length < 3 || !short.surname) return 0;
  let best = 0;
  for (const y of surnameTokens(long)) best = Math.max(best, surnameAgree(short.surname, y));
  return best * 0.95;
}

/**
 * One surname is a part of the other's double one: its first part (Fakhrizadeh = Fakhrizadeh-Mahabadi),
 * or a later part in a woman's form, her husband's name (Tillyaeva = Karimova-Tillyaeva). A long
 * part only: a short one is often a surname of its own (Kara is not Kara-Murza), and a man's later
 * part is no surname alone (Mahabadi, Petrosyan in Ter-Petrosyan).
 */
function hyphenPartAgrees(a: string, b: string): number {
  const [one, two] = a.includes('-') ? [b, a] : [a, b];
  if (one.includes('-') || !two.includes('-')) return 0;
  const parts = two.split('-').filter((part, i) => part.length >= 6 && (i === 0 || surnameGender(part) === 'f'));
  return Math.max(0, ...parts.map((part) => surnameAgree(one, part) * 0.9));
}

/** What kind of name a parsed name is, worked out once: clustering compares each name many times. */
interface NameKind { arabicScript: boolean; arabic: boolean; eastAsian: boolean; eastAsianCore: string[] | null; burmese: string[] | null; burmeseScript: boolean; joined: string; kanji: string[] | null; katakana: string[] | null }
const KINDS = new WeakMap<ParsedName, NameKind>();
function kindOf(p: ParsedName): NameKind {
  let k = KINDS.get(p);
  if (!k) {
    // After the Burmese honorific U or Daw, any syllables are a Burmese name (U Tay Za = Teza).
    const honoured = /^(U|Daw)\s/.test(p.original.trim()) ? burmeseRead(p.tokens) : null;
    k = { arabicScript: p.tokens.some((t) => SKELETON_SCRIPT.test(t)), arabic: arabicLooking(p), eastAsian: looksEastAsian(p.tokens), eastAsianCore: eastAsianCore(p.tokens), burmese: burmeseSyllables(p.tokens) ?? honoured, burmeseScript: inBurmeseScript(p.tokens), joined: joinedKey(p.tokens), kanji: kanjiName(p.tokens), katakana: katakanaWords(p.tokens) };
    KINDS.set(p, k);
  }
  return k;
}

/**
 * The whole name as one string, spacing and hyphens gone and an h between vowels dropped: lists
 * split and join compound names differently (Gholamhossein Mohseni Ejei = Gholam-Hossein
 * MOHSENI-EJEHI, Hailemariam = Haile Mariam), but the letters, in order, are the same.
 */
function joinedKey(tokens: readonly string[]): string {
  return foldSpelling(toLatin(tokens.join('')).replace(/(?<=[aeiou])h(?=[aeiou])/g, ''));
}

/** Arabic naming marks in a Latin name: bin/ibn/abu/abd, an al-/el- article, or a name of the Arabic rows. */
export function arabicLooking(p: ParsedName): boolean {
  // Any word of the Arabic rows, since many Arab family names are given names (Naim Qassem, Saddam Hussein).
  // Names built on Arabic -uddin, -ullah (Jalaluddin, Hibatullah) too, whose second word is the father's name.
  return p.tokens.some((t) => /^(bin|ibn|bint|abu|abd|abdel|abdul|al|el)$|^(al|el)-|.{3}(uddin|uddine|eddine|ud-din|ullah|ollah|allah)$/i.test(t) || arabicGiven(t));
}

/**
 * Two written words that may be the same name: by the table, a reading, or an initial; in Arabic
 * names also by consonant skeleton, where "al-Rahman" is the end of Abdulrahman.
 */
function wordsAgree(x: string, y: string, arabic: boolean): boolean {
  const ix = /^\p{L}\.?$/u.test(x);
  const iy = /^\p{L}\.?$/u.test(y);
  if (ix || iy) return foldSpelling(toLatin(x))[0] === foldSpelling(toLatin(y))[0];
  // No one-letter slack in Arabic names: al-Khaliq and al-Malik are brothers.
  if (givenAgree(x, y, !arabic) > 0 || surnameAgree(x, y) > 0) return true;
  if (!arabic) return false;
  const [sx] = abjadWords([x]);
  const [sy] = abjadWords([y]);
  if (!sx || !sy) return false;
  return sx === sy || (sx.length >= 3 && sy === `·bd${sx}`) || (sy.length >= 3 && sx === `·bd${sy}`);
}

/**
 * The middle words of a name (between its given name and its surname, particles and patronymic
 * aside) that the other name has nowhere: Orlando in Juan Orlando Hernández, Ali in Hafez Ali al-Assad.
 */
function ownMiddles(p: ParsedName, other: ParsedName): string[] {
  const arabic = kindOf(p).arabic || kindOf(other).arabic;
  // A word before al-Din is one name with it (Badr al-Din = Badreddine), as abjad.ts reads it too.
  const words = p.tokens.slice(1, -1).flatMap((t, i) => (t === p.patronymic || PARTICLES.has(t.toLowerCase()) ? [] : [arabic && /^(al|ad|ud|el|ed)-?din$/i.test(p.tokens[i + 2] ?? '') ? [t, `${t}din`] : [t]]));
  const others = other.tokens.flatMap((t) => [t, ...t.split('-')]);
  return words.filter((forms) => !others.some((o) => forms.some((w) => wordsAgree(w, o, arabic)))).map((forms) => forms[0]!);
}

/**
 * Two different middle names are two people: brothers Juan Orlando and Juan Antonio Hernández,
 * Hafez Ali and Hafez Bashar al-Assad, George W. and George H. W. Bush (middle initials must agree).
 */
function middlesDiffer(a: ParsedName, b: ParsedName): boolean {
  if (ownMiddles(a, b).length > 0 && ownMiddles(b, a).length > 0) return true;
  const initials = (p: ParsedName) => p.tokens.slice(1, -1).filter((t) => /^\p{L}\.?$/u.test(t)).map((t) => foldSpelling(toLatin(t))).join('');
  const ia = initials(a);
  const ib = initials(b);
  return !!ia && !!ib && ia !== ib;
}


/** Both given names are in the table, in different rows: Mahmoud and Mohammad share a skeleton, not a name. */
function givenNamesDiffer(a: ParsedName, b: ParsedName): boolean {
  const ra = a.given ? givenRows(a.given) : undefined;
  const rb = b.given ? givenRows(b.given) : undefined;
  return !!ra && !!rb && !ra.some((r) => rb.includes(r));
}

/** A compound given name written as one word or two: Ahmadreza = Ahmad Reza, Jean-Pierre = Jean Pierre. */
function compoundGiven(one: ParsedName, two: ParsedName): boolean {
  if (!one.given || !two.given || two.tokens.length < 3 || two.tokens[1] === two.surname || two.tokens[1] === two.patronymic) return false;
  const joined = `${two.given}${two.tokens[1]}`;
  const length = foldSpelling(toLatin(joined)).length;
  // As long as both words, give or take a letter or two: loose keys drop enough vowels that Jay Amit would be Amit.
  if (length < 6 || foldSpelling(toLatin(one.given)).length < length - 2) return false;
  // By key, so spellings differ as single names may (Mohammad-Djavad = Mohammad Javad).
  const keys = tokenKeys(one.given);
  return tokenKeys(joined).some((k) => keys.includes(k));
}


/**
 * A shorter name whose given name is the longer one's second name: Boris Johnson in Alexander Boris
 * de Pfeffel Johnson, Evo Morales in Juan Evo Morales Ayma. Not for Arabic names, whose second word
 * is the father's name (Hafez al-Assad is not Bashar Hafez al-Assad).
 */
function knownByMiddleName(a: ParsedName, b: ParsedName): boolean {
  // Particles do not count: Lula da Silva is two names, known by the middle one of Luiz Inácio Lula da Silva.
  const words = (p: ParsedName) => p.tokens.filter((t) => !PARTICLES.has(t.toLowerCase())).length;
  const [short, long] = words(a) < words(b) ? [a, b] : [b, a];
  if (words(short) < 2 || words(long) <= words(short) || !short.given || kindOf(short).arabic || kindOf(long).arabic) return false;
  // Italian Pier and Gian open a double given name (Pier Silvio Berlusconi is Silvio's son).
  if (/^(pier|gian)$/i.test(long.tokens[0]!)) return false;
  if (words(short) > 2) {
    // A double surname too (Daniel Ortega Saavedra in José Daniel Ortega Saavedra): the words after the
    // given name are the words after that middle name, one for one.
    const rest = short.tokens.slice(1).filter((t) => !PARTICLES.has(t.toLowerCase()));
    const plain = long.tokens.filter((t) => !PARTICLES.has(t.toLowerCase()));
    return plain.slice(1, -rest.length).some((m, i) => givenAgree(short.given!, m) >= 0.9 && i + 2 + rest.length === plain.length && rest.every((t, j) => surnameAgree(t, plain[i + 2 + j]!) > 0));
  }
  // The second part of a hyphenated given name too: Friedrich in Joachim-Friedrich Merz.
  const middles = [...long.tokens.slice(1, -1), ...(long.tokens[0]!.includes('-') ? long.tokens[0]!.split('-').slice(1) : [])];
  return middles.some((m) => givenAgree(short.given!, m) >= 0.9);
}


/**
 * Muhammad before the name a man goes by, as South Asian, Persian, Turkish and Malay names have it:
 * Muhammad Nawaz Sharif is Nawaz Sharif, Mohammad Ashraf Ghani is Ashraf Ghani. Not before bin or
 * ibn (Mohammed bin Salman), and the shorter name's given name must be the longer one's second word.
 */
function knownWithoutMuhammad(a: ParsedName, b: ParsedName): boolean {
  const [short, long] = a.tokens.length < b.tokens.length ? [a, b] : [b, a];
  const [first, second] = long.tokens;
  if (!short.given || !second || long.tokens.length < 3 || PARTICLES.has(second.toLowerCase())) return false;
  return isMuhammad(first!) && !isMuhammad(short.given) && givenAgree(short.given, second) >= 0.9;
}

/** The initial after the given name's (S.B. Ivanov, S. B. Ivanov), when that is all the name has besides its surname. */
function secondInitial(p: ParsedName): string | null {
  const joined = /^(\p{L})\.\s?(\p{L})\.?$/u.exec(p.tokens[0] ?? '');
  if (joined && p.tokens.length === 2) return joined[2]!;
  if (p.tokens.length === 3 && /^\p{L}\.?$/u.test(p.tokens[0]!) && /^\p{L}\.?$/u.test(p.tokens[1]!)) return p.tokens[1]![0]!;
  return null;
}

function patronymicInitialClash(a: ParsedName, b: ParsedName): boolean {
  const i = secondInitial(a);
  const first = (x: string) => foldSpelling(toLatin(x))[0];
  return !!i && !!b.patronymic && first(i) !== first(b.patronymic);
}

function roleWords(role: string): string[] {
  return toLatin(role).split(/[^a-z]+/).filter((w) => w.length > 2);
}

/** A name in running Russian or Belarusian text may be in any case: its nominative readings, parsed once. */
const READINGS = new WeakMap<ParsedName, ParsedName[]>();
export function readingsOf(p: ParsedName): ParsedName[] {
  let r = READINGS.get(p);
  if (!r) {
    // A given name the table knows as written (Светлана, Илья) is in the nominative already.
    const nominative = !!p.given && knownAsWritten(p.given);
    r = nominative ? [] : nominativeReadings(p.tokens).map((n) => parseName(n));
    READINGS.set(p, r);
  }
  return r;
}

const initial = (t: string | null | undefined) => (t ? foldSpelling(toLatin(t))[0] : undefined);
/** The surname's form says woman (Ivanova, Yunusova). */
const femaleForm = (p: ParsedName) => surnameGender(p.surname!) === 'f';

/** The name without a trailing "de X" after a surname (four words or more), parsed once; null if it has none. */
const MARRIED = new WeakMap<ParsedName, ParsedName | null>();
function marriedOf(p: ParsedName): ParsedName | null {
  let m = MARRIED.get(p);
  if (m === undefined) {
    m = p.tokens.length >= 4 && p.tokens.at(-2)!.toLowerCase() === 'de' ? parseName(p.tokens.slice(0, -2).join(' ')) : null;
    MARRIED.set(p, m);
  }
  return m;
}

/** A two-word name read the other way round, parsed once; none for initials or particles. */
const SWAPPED = new WeakMap<ParsedName, ParsedName | null>();
function swappedOf(p: ParsedName): ParsedName | null {
  let s = SWAPPED.get(p);
  if (s === undefined) {
    const [x, y] = p.tokens;
    const plain = (t: string | undefined) => !!t && t.length >= 2 && !/\./.test(t) && !PARTICLES.has(t.toLowerCase());
    s = p.tokens.length === 2 && plain(x) && plain(y) ? { ...parseName(`${x}, ${y}`), suffix: p.suffix ?? null } : null;
    SWAPPED.set(p, s);
  }
  return s;
}

/**
 * The decision for two names as written, or, if that is no, for any nominative reading of either
 * (Алексея Навального is Alexei Navalny); context vetoes apply to every reading alike.
 */
export function comparePersons(a: ParsedName, b: ParsedName, ctxA: NameContext = {}, ctxB: NameContext = {}): SameDecision {
  let best = compareWritten(a, b, ctxA, ctxB);
  if (best.same) return best;
  // Two words in the other order: lists and languages that put the family name first without a
  // comma (Orbán Viktor, Abe Shinzo, Putin Vladimir). Less sure than the order as written.
  // Clustering compares most names with many others: read the other way only when the initials
  // cross. The other name may be longer (Kadyrov Ramzan = KADYROV, Ramzan Akhmatovich).
  const crosses = (x: ParsedName, y: ParsedName) => initial(x.given) === initial(y.given) && initial(x.surname) === initial(y.surname);
  const sb = swappedOf(b);
  const sa = swappedOf(a);
  for (const [x, y] of [[a, sb], [sa, b]] as const) {
    if (!x || !y || !crosses(x, y)) continue;
    const d = compareWritten(x, y, ctxA, ctxB);
    if (d.same) return { same: true, score: d.score * 0.9 };
  }
  // A Spanish married name adds "de" and the husband's surname (Rosario Murillo de Ortega): read without it too.
  const ma = marriedOf(a);
  const mb = marriedOf(b);
  if (ma || mb) {
    const d = compareWritten(ma ?? a, mb ?? b, ctxA, ctxB);
    if (d.same) return { same: true, score: d.score * 0.9 };
  }
  const ra = readingsOf(a);
  const rb = readingsOf(b);
  if (ra.length === 0 && rb.length === 0) return best;
  for (const x of [a, ...ra]) {
    for (const y of [b, ...rb]) {
      if (x === a && y === b) continue;
      const d = compareWritten(x, y, ctxA, ctxB);
      // A reading is a guess at the case: it counts a little less than the name as written.
      if (d.same) return { same: true, score: d.score * 0.95 };
      if (d.score > best.score) best = d;
    }
  }
  return best;
}

function compareWritten(a: ParsedName, b: ParsedName, ctxA: NameContext, ctxB: NameContext): SameDecision {
  if (!a.surname || !b.surname) return { same: false, score: 0 };
  // Context vetoes: a different birth year, or two different known roles or countries.
  if (ctxA.birthYear && ctxB.birthYear && Math.abs(ctxA.birthYear - ctxB.birthYear) > 1) return { same: false, score: 0.05 };
  if (ctxA.country && ctxB.country && !sameWord(ctxA.country, ctxB.country)) return { same: false, score: 0.1 };
  if (a.gender && b.gender && a.gender !== b.gender) return { same: false, score: 0.1 };
  // Jr, Sr and numerals exist to tell a father from a son: on one side only, the other may be either.
  if ((a.suffix || b.suffix) && a.suffix !== b.suffix) return { same: false, score: 0.2 };
  const aSingle = a.tokens.length === 1;
  const bSingle = b.tokens.length === 1;
  const bonus = sameWord(ctxA.role, ctxB.role) ? 0.05 : 0;
  // Two roles with no word in common ("president" / "political prisoner") veto a match that rests on
  // a partial name; a full name match survives it, since reports describe one person differently.
  const rolesClash = !!ctxA.role && !!ctxB.role && !roleWords(ctxA.role).some((w) => roleWords(ctxB.role!).includes(w));
  const partial = aSingle || bSingle || !a.given || !b.given;
  if (rolesClash && partial) return { same: false, score: 0.1 };
  if (persianCompoundClash(a, b)) return { same: false, score: 0.3 };
  // Arabic and Hebrew script write no short vowels, and any-ascii's Indic, Thai and Khmer lose or
  // respell them, so a name in these scripts meets a Latin one as a consonant skeleton.
  const ka = kindOf(a);
  const kb = kindOf(b);
  // A Burmese name is all its syllables (Aung San is not Aung San Suu Kyi); the other name, if it
  // does not read as Burmese, may still be the same syllables run together (Teza = Tay Za).
  if (ka.burmese || kb.burmese || ka.burmeseScript || kb.burmeseScript) {
    const same = ka.burmese && kb.burmese ? burmeseSame(ka.burmese, kb.burmese) : burmeseSame(ka.burmese ?? kb.burmese ?? [], burmeseRead((ka.burmese ? b : a).tokens));
    return { same, score: same ? Math.min(1, 0.9 + bonus) : 0.1 };
  }
  // Japanese kanji read by their readings, Korean Hanja as Hangul; katakana by its consonants, and nothing else reads katakana.
  const hanReads = (chars: string[], latin: readonly string[]) => kanjiReads(chars, latin) || hanjaReads(chars, latin);
  if ((ka.kanji && !kb.kanji && hanReads(ka.kanji, b.tokens)) || (kb.kanji && !ka.kanji && hanReads(kb.kanji, a.tokens))) return { same: true, score: Math.min(1, 0.85 + bonus) };
  if (ka.katakana || kb.katakana) {
    const same = !!ka.katakana && !!kb.katakana ? ka.katakana.join(' ') === kb.katakana.join(' ') : katakanaReads((ka.katakana ?? kb.katakana)!, (ka.katakana ? b : a).tokens);
    return { same, score: same ? Math.min(1, 0.85 + bonus) : 0.1 };
  }
  // One name split into words differently: the same letters in the same order, and at least two words each.
  if (!ka.arabicScript && !kb.arabicScript && !(ka.eastAsian && kb.eastAsian) && ka.joined.length >= 8 && ka.joined === kb.joined && a.tokens.length >= 2 && b.tokens.length >= 2 && a.tokens.join(' ') !== b.tokens.join(' ')) {
    return { same: true, score: Math.min(1, 0.85 + bonus) };
  }
  if (ka.arabicScript || kb.arabicScript) {
    const s = aSingle || bSingle ? abjadSingle(a, b) : abjadSame(a.tokens, b.tokens) ? 0.85 : 0;
    return { same: s > 0, score: s > 0 ? Math.min(1, s + bonus) : 0.1 };
  }
  // Chinese and Korean names: order, spacing and romanisation differ, the syllables do not.
  // When no reading agrees, the rules below still apply: "Tom Lee" looks Chinese to the test.
  if ((ka.eastAsian || kb.eastAsian) && eastAsianSame(a.tokens, b.tokens)) return { same: true, score: Math.min(1, 0.9 + bonus) };
  const ca = ka.eastAsian ? a.tokens : ka.eastAsianCore;
  const cb = kb.eastAsian ? b.tokens : kb.eastAsianCore;
  if (ca && cb && (ka.eastAsianCore || kb.eastAsianCore) && eastAsianSame(ca, cb)) return { same: true, score: Math.min(1, 0.85 + bonus) };
  if ((ka.eastAsian || kb.eastAsian) && hanSameDroppingOne(a.tokens, b.tokens)) return { same: true, score: Math.min(1, 0.85 + bonus) };
  // Without an English given name, even where the name reads as Chinese with it (Jimmy Lai Chee-ying).
  const [coreA, coreB] = [ka.eastAsianCore ?? ca, kb.eastAsianCore ?? cb];
  if (coreA && coreB && cantonesePinyinSame(coreA, coreB)) return { same: true, score: Math.min(1, 0.85 + bonus) };
  // As partial as a family name alone, so two roles with nothing in common veto it.
  if (!rolesClash && (ka.eastAsian || kb.eastAsian) && englishNameChineseName(a, b)) return { same: true, score: Math.min(1, 0.7 + bonus) };
  // Both Chinese or Korean to the strict test and no reading agrees: each syllable is a different
  // character, so Hailun is not Hailin and Ryong Hae is not Ryong Su.
  if (ka.eastAsian && kb.eastAsian) return { same: false, score: 0.2 };
  // Arabic names in Latin letters: the spellings differ mostly in vowels (Gaddafi, Qadhafi, Kadhafi; Salih, Saleh).
  const arabic = ka.arabic || kb.arabic;
  // Its skeleton drops the v of a Russian -ov, so the surnames' forms must not say woman on one side only (Yunus, Yunusova).
  if (arabic && !aSingle && !bSingle && femaleForm(a) === femaleForm(b) && !middlesDiffer(a, b) && !givenNamesDiffer(a, b) && abjadSame(a.tokens, b.tokens)) return { same: true, score: Math.min(1, 0.8 + bonus) };
  // Two chains of fathers (bin, ibn) that the skeletons cannot line up name two men, whatever their family names share.
  const chain = (p: ParsedName) => p.tokens.some((t) => SON_OF.test(t));
  if (arabic && chain(a) && chain(b)) return { same: false, score: 0.3 };
  if ((aSingle && acronymOf(a, b)) || (bSingle && acronymOf(b, a))) return { same: true, score: Math.min(1, 0.8 + bonus) };
  if (aSingle && bSingle) {
    const s = Math.max(surnameAgree(a.surname, b.surname), givenAgree(a.surname, b.surname));
    return { same: s >= 0.75, score: Math.min(1, s * 0.8 + bonus) };
  }
  if (aSingle || bSingle) {
    const s = aSingle ? singleTokenAgainst(a, b) : singleTokenAgainst(b, a);
    return { same: s >= 0.64, score: Math.min(1, s * 0.85 + bonus) };
  }
  // Ivanov and Ivanova, Politkovsky and Politkovskaya: the surname form says man or woman.
  const ga = surnameGender(a.surname);
  const gb = surnameGender(b.surname);
  if (ga && gb && ga !== gb) return { same: false, score: 0.15 };
  // Rahmon = Rahmonov, but Gorin is not Gorinov: the -ov may drop only where the names are not East Slavic.
  const russified = !!a.given && !!b.given && !eastSlavicGiven(a.given) && !eastSlavicGiven(b.given);
  const sur = Math.max(surnameAgree(a.surname, b.surname, russified), otherSurnamesAgree(a, b), hyphenPartAgrees(a.surname, b.surname));
  if (sur === 0) return { same: false, score: 0.1 * Math.max(givenAgree(a.given ?? '', b.given ?? ''), 0) };
  if (middlesDiffer(a, b)) return { same: false, score: 0.3 };
  let score = sur;
  if (a.given && b.given) {
    const g = givenAgree(a.given, b.given, !arabic);
    if (g === 0) {
      if (compoundGiven(a, b) || compoundGiven(b, a)) return { same: true, score: Math.min(1, 0.8 * sur + bonus) };
      if (knownByMiddleName(a, b) || knownWithoutMuhammad(a, b)) return { same: true, score: Math.min(1, 0.7 * sur + bonus) };
      if (sur >= 0.95 && (shortGiven(a.given, b.given) || spanishDiminutive(a.given, b.given) || georgianNominative(a, b))) return { same: true, score: Math.min(1, 0.7 * sur + bonus) };
      return { same: false, score: 0.3 };
    }
    score *= g;
  } else {
    // Folded like the names, so J. meets John and Iu. meets Yuri; a written name's own first letter too, so K. meets Khadga.
    const firsts = (p: ParsedName) => (p.initial ? [foldSpelling(p.initial)[0]] : p.given ? [foldSpelling(toLatin(p.given))[0], toLatin(p.given).replace(/[^a-z]/g, '')[0]] : []).filter(Boolean);
    const [fa, fb] = [firsts(a), firsts(b)];
    if (fa.length && fb.length && !fa.some((c) => fb.includes(c))) return { same: false, score: 0.3 };
    score *= 0.85;
  }
  // "S.B. Ivanov": the second initial is the patronymic's, and must open the other's patronymic.
  if (patronymicInitialClash(a, b) || patronymicInitialClash(b, a)) return { same: false, score: 0.3 };
  if (a.patronymic && b.patronymic) {
    if (givenAgree(a.patronymic, b.patronymic) === 0 && surnameAgree(a.patronymic, b.patronymic) === 0 && !fathersAgree(a.patronymic, b.patronymic)) return { same: false, score: 0.3 };
    score = Math.min(1, score + 0.05);
  }
  score = Math.min(1, score + bonus);
  return { same: score >= 0.6, score };
}

/**
 * Two names as written. A name that gives other names of the person ("GUZMAN LOERA, Joaquin (a.k.a.
 * EL CHAPO)") is the same person as anyone one of its names is: the best of every pairing counts.
 */
export function samePerson(a: string, b: string, ctxA: NameContext = {}, ctxB: NameContext = {}): SameDecision {
  let best: SameDecision | null = null;
  for (const x of nameAlternatives(a)) {
    for (const y of nameAlternatives(b)) {
      const r = comparePersons(parseName(x), parseName(y), ctxA, ctxB);
      if (!best || (r.same && !best.same) || (r.same === best.same && r.score > best.score)) best = r;
    }
  }
  return { same: best!.same, score: Math.round(Math.max(0, Math.min(1, best!.score)) * 10000) / 10000 };
}
