/**
 * Can two names, as written in reports, be the same person? The general rule: nothing in the
 * context says otherwise, the surnames agree (by any transliteration key, a vowel, a typo), the
 * given names agree when both are written (equivalence table, else phonetic key, else initial),
 * and no middle name, generational suffix or father's name tells two people apart.
 *
 * Naming traditions that differ from this rule say so in traditions/ (East Slavic first): each
 * recognises its own names, gives other forms of them, and may give its own verdict before the
 * general rule is asked. Surnames are compared in surname-match.ts, given names in given-match.ts;
 * cross-script.ts and cluster.ts decide which names are compared at all.
 */
import { givenAgree, givenRows, shortGiven } from './given-match.ts';
import { foldSpelling, tokenKeys, toLatin } from './phonetic.ts';
import { surnameAgree } from './surname-match.ts';
import { middlesDiffer, surnameTokens, wordCount } from './name-words.ts';
import { PARTICLES, parseName, surnameGender, type ParsedName } from './parse-name.ts';
import { nameAlternatives } from './aliases.ts';
import { writtenReadings } from './written-forms.ts';
import { traditionReadings, traditionVerdict, traitsOf, type Judge, type Reading, type SameDecision } from './traditions/index.ts';

export type { SameDecision } from './traditions/index.ts';
export { surnameTokens } from './name-words.ts';
export { arabicLooking } from './traditions/arabic.ts';

export interface NameContext {
  role?: string | null;
  birthYear?: number | null;
  country?: string | null;
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

/**
 * The last two words of a name as one double surname, written with a space where the other name
 * has a hyphen (Kara Murza, Vladimir Kara Murza): the first of them no given name the table knows,
 * no father's name, particle or initial. Null if the name has no such pair.
 */
function spacedDoubleSurname(p: ParsedName): string | null {
  const n = p.tokens.length;
  if (n < 2) return null;
  const [first, last] = [p.tokens[n - 2]!, p.tokens[n - 1]!];
  if (first.includes('-') || last.includes('-') || [...first].length < 2 || first === p.patronymic || PARTICLES.has(first.toLowerCase())) return null;
  if (/\.$/.test(first) || givenRows(first)) return null;
  return `${first}-${last}`;
}

/** A single-token name may be a surname ("Lukashenka") or a given name ("Milana"). */
function singleTokenAgainst(single: ParsedName, full: ParsedName): number {
  const token = single.surname!;
  const spaced = token.includes('-') ? spacedDoubleSurname(full) : null;
  const asSurname = Math.max(full.surname ? surnameAgree(token, full.surname) : 0, spaced ? surnameAgree(token, spaced) : 0);
  const asGiven = full.given ? givenAgree(token, full.given) * 0.85 : 0;
  return Math.max(asSurname * 0.85, asGiven);
}

function sameWord(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && foldSpelling(toLatin(a)) === foldSpelling(toLatin(b));
}

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

/**
 * The whole name as one string, spacing and hyphens gone and an h between vowels dropped: lists
 * split and join compound names differently (Gholamhossein Mohseni Ejei = Gholam-Hossein
 * MOHSENI-EJEHI, Hailemariam = Haile Mariam), but the letters, in order, are the same. Kept per name.
 */
const JOINED = new WeakMap<ParsedName, string>();
function joinedKey(p: ParsedName): string {
  let k = JOINED.get(p);
  if (k === undefined) JOINED.set(p, (k = foldSpelling(toLatin(p.tokens.join('')).replace(/(?<=[aeiou])h(?=[aeiou])/g, ''))));
  return k;
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
  if (words(short) < 2 || words(long) <= words(short) || !short.given) return false;
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

function roleWords(role: string): string[] {
  return toLatin(role).split(/[^a-z]+/).filter((w) => w.length > 2);
}

/**
 * Every other form of a name: as it may have been typed (digits for letters, words run together,
 * particles at the end), and as its traditions give it (its nominative, without a married "de X").
 * Kept per name: clustering compares each name with many others.
 */
const READINGS = new WeakMap<ParsedName, Reading[]>();
function readings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (!r) READINGS.set(p, (r = [...writtenReadings(p), ...traditionReadings(p)]));
  return r;
}

/** The other forms of a name, as names; for blocking. */
export function readingsOf(p: ParsedName): ParsedName[] {
  return readings(p).map((r) => r.name);
}

const initial = (t: string | null | undefined) => (t ? foldSpelling(toLatin(t))[0] : undefined);

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
 * The decision for two names as written, or, if that is no, for either read the other way round,
 * or for any form a tradition gives either (Алексея Навального is Alexei Navalny); context vetoes
 * apply to every reading alike.
 */
export function comparePersons(a: ParsedName, b: ParsedName, ctxA: NameContext = {}, ctxB: NameContext = {}): SameDecision {
  let best = compareWritten(a, b, ctxA, ctxB);
  if (best.same) return best;
  // Two words in the other order: lists and languages that put the family name first without a
  // comma (Orbán Viktor, Abe Shinzo, Putin Vladimir). Less sure than the order as written.
  // Clustering compares most names with many others: read the other way only when the initials
  // cross, or the given names agree (Labanovich Volha = Olga Labanovich). The other name may be
  // longer (Kadyrov Ramzan = KADYROV, Ramzan Akhmatovich).
  const crosses = (x: ParsedName, y: ParsedName) => initial(x.surname) === initial(y.surname) && (initial(x.given) === initial(y.given) || (!!x.given && !!y.given && givenAgree(x.given, y.given) > 0));
  const sb = swappedOf(b);
  const sa = swappedOf(a);
  for (const [x, y] of [[a, sb], [sa, b]] as const) {
    if (!x || !y || !crosses(x, y)) continue;
    const d = compareWritten(x, y, ctxA, ctxB);
    if (d.same) return { same: true, score: d.score * 0.9 };
  }
  const ra = readings(a);
  const rb = readings(b);
  if (ra.length === 0 && rb.length === 0) return best;
  const asWritten = (p: ParsedName): Reading => ({ name: p, weight: 1 });
  for (const x of [asWritten(a), ...ra]) {
    for (const y of [asWritten(b), ...rb]) {
      if (x.name === a && y.name === b) continue;
      const d = compareWritten(x.name, y.name, ctxA, ctxB);
      if (d.same) return { same: true, score: d.score * Math.min(x.weight, y.weight) };
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
  // Two roles with no word in common ("president" / "political prisoner") veto a match that rests on
  // a partial name; a full name match survives it, since reports describe one person differently.
  const rolesClash = !!ctxA.role && !!ctxB.role && !roleWords(ctxA.role).some((w) => roleWords(ctxB.role!).includes(w));
  const partial = a.tokens.length === 1 || b.tokens.length === 1 || !a.given || !b.given;
  if (rolesClash && partial) return { same: false, score: 0.1 };
  const judge: Judge = { bonus: sameWord(ctxA.role, ctxB.role) ? 0.05 : 0, rolesClash, general: (x, y) => traditionVerdict(x, y, judge) ?? generalRule(x, y, judge) };
  return judge.general(a, b);
}

/** The rule for names no tradition gave its own verdict on. */
function generalRule(a: ParsedName, b: ParsedName, { bonus }: Judge): SameDecision {
  const aSingle = a.tokens.length === 1;
  const bSingle = b.tokens.length === 1;
  // One name split into words differently: the same letters in the same order, and at least two
  // words each, or ten letters or more run into one word (ALIAKSEITSVIRKA).
  const joined = joinedKey(a);
  if (joined.length >= 8 && joined === joinedKey(b) && ((!aSingle && !bSingle) || joined.length >= 10) && a.tokens.join(' ') !== b.tokens.join(' ')) {
    return { same: true, score: Math.min(1, 0.85 + bonus) };
  }
  if ((aSingle && acronymOf(a, b)) || (bSingle && acronymOf(b, a))) return { same: true, score: Math.min(1, 0.8 + bonus) };
  if (aSingle && bSingle) {
    const s = Math.max(surnameAgree(a.surname!, b.surname!), givenAgree(a.surname!, b.surname!));
    return { same: s >= 0.75, score: Math.min(1, s * 0.8 + bonus) };
  }
  if (aSingle || bSingle) {
    const s = aSingle ? singleTokenAgainst(a, b) : singleTokenAgainst(b, a);
    return { same: s >= 0.64, score: Math.min(1, s * 0.85 + bonus) };
  }
  const arabic = !!traitsOf(a, b).arabicNames;
  const sur = Math.max(surnameAgree(a.surname!, b.surname!), otherSurnamesAgree(a, b), hyphenPartAgrees(a.surname!, b.surname!));
  if (sur === 0) return { same: false, score: 0.1 * Math.max(givenAgree(a.given ?? '', b.given ?? ''), 0) };
  if (middlesDiffer(a, b, arabic)) return { same: false, score: 0.3 };
  let score = sur;
  if (a.given && b.given) {
    const g = givenAgree(a.given, b.given, !arabic);
    if (g === 0) {
      if (compoundGiven(a, b) || compoundGiven(b, a)) return { same: true, score: Math.min(1, 0.8 * sur + bonus) };
      if (!arabic && knownByMiddleName(a, b)) return { same: true, score: Math.min(1, 0.7 * sur + bonus) };
      if (sur >= 0.95 && shortGiven(a.given, b.given)) return { same: true, score: Math.min(1, 0.7 * sur + bonus) };
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
  // Fathers' names agreeing make the match surer (a tradition that writes them vetoes two fathers).
  if (a.patronymic && b.patronymic) score = Math.min(1, score + 0.05);
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
