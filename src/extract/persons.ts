/**
 * Persons in a report, found by the shape of their names and the words around them, not by a list
 * of known people. A run of capitalised words is a person's name when one of its words is a given
 * name (lexicons from data, any case in Russian and Belarusian), when it holds a patronymic, when a
 * role, title or kinship word stands before it ("blogger X", "журналістку X", "his wife X"), when an
 * age or a description follows it ("X, 45,", "X, an activist from Y,"), or when it stands in a list
 * with other persons. Runs that hold an organisation's or a place's word are not persons. A surname
 * or given name alone then joins the person whose name holds it. Linear in the text: each word is
 * looked at a bounded number of times, and mentions are joined through an index of name words.
 */
import { comparePersons as compareParsed, parseName as parseFresh, toLatin, foldSpelling } from '../resolve/index.ts';
import { stripCaseEnding } from '../resolve/parse-name.ts';
import type { Role } from '../schema/taxonomy.ts';
import { ALIAS_AFTER, PUBLIC_FIGURES } from './gazetteer/people.ts';
import { tokenize, bare, isCapitalised, isAllCaps, isCyrillic, type Token } from './tokens.ts';
import type { Sentence } from './sentences.ts';
import { givenName, isPatronymic, hasSurnameShape, isEverydayWord, isDictionarySurname } from './name-words.ts';
import { roleOfWord, englishRole, isOrgWord, TITLES, OFFICE_TITLES, KINSHIP_EN } from './lexicon/roles.ts';
import { isPlace } from './lexicon/places.ts';
import { ruNominative, ruPlaceOrOrg } from './language/russian.ts';
import { beAgreeingReading, beGivenReadings, beSurnameAgrees, beSurnameNominative, isBelarusianWord } from './language/belarusian.ts';
import { givenNameLookup } from './lexicon/given-names.ts';

export interface Mention {
  /** The form as written, with a title if one was written ("Mr Mikhalevic"). */
  form: string;
  /** The bare name ("Mikhalevic"). */
  name: string;
  start: number;
  end: number;
  title: string | null;
  kin: string | null;
  /** A role noun written beside this mention ("journalist X", "X, a lawyer"). */
  role: Role | null;
  person: number;
}

export interface ReportPerson {
  id: number;
  name: string;
  variants: string[];
  role: Role | null;
  mentions: Mention[];
  gender: 'f' | 'm' | null;
}

type RawMention = Omit<Mention, 'person'>;

const MONTHS_AND_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
const CYRILLIC_CALENDAR = /^(?:январ|феврал|март|апрел|ма[йяю]|июн|июл|август|сентябр|октябр|ноябр|декабр|студзен|люты|лютаг|сакавік|красавік|траўн|чэрвен|ліпен|жнівен|жніўн|верас|кастрычнік|лістапад|снеж|понедельник|вторник|сред|четверг|пятниц|суббот|воскресень|панядзел|аўтор|серад|чацвер|пятніц|субот|нядзел)/iu;

/** Lower-case words that may stand inside a name: particles of many naming traditions. */
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'al', 'el', 'bin', 'ibn', 'ben', 'bint', 'ul', 'y', 'e']);

const TURKIC_PATRONYMIC = /^(?:kyzy|kizi|qizi|qyzy|uulu|ulu|uly|ogly|oglu|oğlu|kızı|кызы|уулу|улы|оглы)$/u;

/** How a capitalised word can serve in a run. */
type WordClass = 'name' | 'title' | 'role' | 'org' | 'place' | 'calendar' | 'common';

function classify(t: Token, next: Token | undefined, sentenceStart: boolean): WordClass {
  const w = bare(t.text);
  const lower = w.toLowerCase();
  if (TITLES.has(lower.replace(/\.$/, ''))) return 'title';
  if (MONTHS_AND_DAYS.has(lower) || (isCyrillic(w) && CYRILLIC_CALENDAR.test(w))) return 'calendar';
  if (isOrgWord(w) || isAllCaps(w) && w.length <= 5 && !next?.text.match(/^\p{Lu}\p{Ll}/u)) return 'org';
  // "Judge Ivanova", "General Petrov": an office before a name is a title even where it is also a given name.
  if (OFFICE_TITLES.has(lower) && /^\p{Lu}/u.test(next?.text ?? '')) return 'title';
  const given = givenName(w);
  if (!given && roleOfWord(w)) return 'role';
  if (isPlace(w) || (isCyrillic(w) && !isBelarusianWord(w) && ruPlaceOrOrg(w))) return 'place';
  // An everyday word opens no name at the start of a sentence; inside a sentence a capital marks a name,
  // unless the word is an English one (headline capitals: "Police Detain Protesters").
  // A list's SURNAME in capitals before a given name ("TAN Wai-kin") is a name even where it spells a word.
  if (!given && isEverydayWord(w) && (sentenceStart || !isCyrillic(w)) && !(isAllCaps(w) && /^\p{Lu}\p{Ll}/u.test(next?.text ?? ''))) return 'common';
  return 'name';
}

interface Run {
  tokens: Token[];
  start: number;
  end: number;
  /** The title or office right before the run ("Mr", "Judge"). */
  title: string | null;
  /** A role word right before the run, capitalised or not ("journalist", "Editor"). */
  roleBefore: Role | null;
  kin: string | null;
  /** A role noun right after the run: "Nasha Niva Editor-in-Chief A", "Proekt chief editor B" — the run names whom they work for. */
  roleAfter?: boolean;
}

const KIN_CYRILLIC = /^(?:жена|жену|женой|жены|муж|мужа|мужем|сын|сына|дочь|дочери|мать|матери|отец|отца|брат|брата|сестра|сестру|сестры|жонка|жонку|жонкі|маці|бацька|бацьку|сястра|сястру|дачка|дачку)$/iu;

/** The gender of a Russian or Belarusian kinship word: жена, жонку, маці are a woman; муж, сына, бацька a man. */
function cyrillicKinGender(word: string): 'f' | 'm' | null {
  return /^(?:жен|жон|мат|маці|сест|сяст|доч|дач)/iu.test(word) ? 'f' : /^(?:муж|сын|отц|отец|брат|бацьк)/iu.test(word) ? 'm' : null;
}

/**
 * The words right before a run: a title ("Mr", "Judge"), a role noun ("journalist X", "блогера X",
 * "Belsat journalist X", "human rights defenders X and Y") or kinship ("his wife X", "her husband, X").
 * Only the word right before counts (a comma or colon may stand between): "an activist from X" says
 * nothing of X.
 */
function contextBefore(tokens: Token[], i: number): Pick<Run, 'title' | 'roleBefore' | 'kin'> {
  let k = i - 1;
  if (tokens[k]?.kind === 'mark' && (tokens[k]!.text === ',' || tokens[k]!.text === ':')) k--;
  if (tokens[k]?.text === '.' && TITLES.has(tokens[k - 1]?.lower ?? '')) k--;
  const t = tokens[k];
  const none = { title: null, roleBefore: null, kin: null };
  if (!t || t.kind !== 'word') return none;
  // "жонку Ягора, Ганну": the one named after a kinship word and its owner.
  const kinOwner = tokens[k - 1];
  if (k < i - 1 && isCapitalised(t.text) && kinOwner?.kind === 'word' && KIN_CYRILLIC.test(kinOwner.text)) return { ...none, roleBefore: 'relative', kin: kinOwner.text };
  if (TITLES.has(t.lower) || (OFFICE_TITLES.has(t.lower) && isCapitalised(t.text))) return { ...none, title: t.text, roleBefore: OFFICE_TITLES.has(t.lower) ? roleOfWord(t.text) : null };
  const two = k > 0 && tokens[k - 1]!.kind === 'word' ? englishRole(`${tokens[k - 1]!.lower} ${t.lower}`) : null;
  const role = two ?? roleOfWord(t.text);
  if (!role) return none;
  if (role === 'relative') {
    // "his wife X" names a relative of someone else; "my husband X" in a testimony names the one it is about.
    const owner = tokens[k - 1]?.lower ?? '';
    if (/^(?:my|our|your|мой|моя|мая|мой|наш|наша|ваш|ваша)$/u.test(owner)) return none;
    // "жонку Ягора", "мать Ивана": a kinship word of one gender before a name of the other names whose relative is meant.
    const kinGender = cyrillicKinGender(t.text);
    const nameGender = kinGender && tokens[i] ? givenName(tokens[i]!.text)?.gender : undefined;
    if (kinGender && nameGender && nameGender !== 'u' && nameGender !== kinGender) return none;
    const kin = KINSHIP_EN.has(t.lower) || KIN_CYRILLIC.test(t.text) ? t.text : null;
    return { title: null, roleBefore: role, kin };
  }
  // "his deputy X", "their secretary X": someone's subordinate, not an office of the state.
  if (role === 'official' && /^(?:his|her|their|its|our|my)$/u.test(tokens[k - 1]?.lower ?? '')) return none;
  // "former MP X", "бывшего депутата X", "былы дэпутат X": someone who held an office once is no longer its voice.
  if (role === 'official' && /^(?:former|ex|бывш\p{L}*|экс|был(?:ы|ая|ога|ую|ой|ым|ага|ую|ой))$/u.test(tokens[k - 1]?.lower ?? '')) return { ...none, roleBefore: 'other' };
  return { title: null, roleBefore: role, kin: null };
}

/** Capitalised runs of one sentence, split where an organisation, a place, a role or a title stands. */
function runsOf(text: string, s: Sentence): Run[] {
  const tokens = tokenize(text, s.start, s.end);
  const runs: Run[] = [];
  let cur: Token[] = [];
  let curStart = -1;
  const flush = () => {
    while (cur.length && PARTICLES.has(cur[cur.length - 1]!.lower)) cur.pop();
    if (cur.length) {
      const endAt = curStart + cur.length;
      // The word after the run (a title case or a lower-case role noun, possibly two words: "chief editor").
      const next = tokens[endAt];
      const roleAfter = !!next && next.kind === 'word' && text.slice(cur[cur.length - 1]!.end, next.start) === ' ' && (roleOfWord(next.text) !== null || (tokens[endAt + 1]?.kind === 'word' && englishRole(`${next.lower} ${tokens[endAt + 1]!.lower}`) !== null)) && !givenName(next.text);
      runs.push({ tokens: cur, start: cur[0]!.start, end: cur[cur.length - 1]!.end, ...contextBefore(tokens, curStart), roleAfter });
    }
    cur = [];
  };
  let firstWord = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = cur[cur.length - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    // Words of one name stand a space apart; an initial is followed by its full stop.
    const joined = prev && (/^[ \u00a0]+$/u.test(gap) || (/^\.[ \u00a0]*$/u.test(gap) && /^\p{Lu}$/u.test(prev.text)));
    if (prev && !joined) flush();
    if (t.kind !== 'word') {
      if (t.text !== '.' || !cur.length || !/^\p{Lu}$/u.test(cur[cur.length - 1]!.text)) flush();
      continue;
    }
    const sentenceStart = firstWord || /^[«"“(]$/u.test(tokens[i - 1]?.text ?? '');
    firstWord = false;
    if (!isCapitalised(t.text)) {
      if (cur.length && PARTICLES.has(t.lower) && isCapitalised(tokens[i + 1]?.text ?? '')) cur.push(t);
      // Kyrgyz, Kazakh and Azerbaijani patronymics end a name in lower case: "Makhabat Tazhibek kyzy".
      else if (cur.length >= 2 && TURKIC_PATRONYMIC.test(t.lower)) {
        cur.push(t);
        flush();
      } else flush();
      continue;
    }
    let cls = classify(t, tokens[i + 1], sentenceStart);
    // A surname that is also an everyday word, right after a given name: "Viktor Bout", "Anna Young"; and a given name
    // that is one, right before a surname of the region's shape: "Server Kurtseitov".
    if (cls === 'common' && !sentenceStart && cur.length && givenName(cur[cur.length - 1]!.text)) cls = 'name';
    if (cls === 'common' && !sentenceStart && !cur.length && isCapitalised(tokens[i + 1]?.text ?? '') && text.slice(t.end, tokens[i + 1]!.start) === ' ' && hasSurnameShape(tokens[i + 1]!.text)) cls = 'name';
    if (cls !== 'name') {
      flush();
      continue;
    }
    if (!cur.length) curStart = i;
    cur.push(t);
  }
  flush();
  return runs;
}

/**
 * Two names run together split where a given name opens the second: "штаба Навального Александру
 * Калистратову", "ВШЭ Натальи Борейко". A run that opens with a given name or an initial is one name.
 */
function splitAtGiven(run: Run): Run[] {
  const ts = run.tokens;
  if (ts.length < 2 || givenName(ts[0]!.text) || /^\p{Lu}$/u.test(ts[0]!.text) || (isAllCaps(ts[0]!.text) && !isCyrillic(ts[0]!.text))) return [run];
  const at = ts.findIndex((t, i) => i > 0 && i <= ts.length - 2 && givenName(t.text) !== null);
  if (at < 0) return [run];
  const head: Run = { ...run, tokens: ts.slice(0, at), end: ts[at - 1]!.end };
  // "Адвокат Гурьева Валерий Оганесян": the role written before the owner's name is the second name's.
  const tail: Run = { tokens: ts.slice(at), start: ts[at]!.start, end: run.end, title: null, roleBefore: isCyrillic(ts[0]!.text) ? run.roleBefore : null, kin: null };
  if (tail.roleBefore) head.roleBefore = null;
  return [head, tail];
}

/** The run's own name words, an opening initial or particle aside. */
function nameWords(run: Run): string[] {
  return run.tokens.filter((t) => !PARTICLES.has(t.lower) && !TURKIC_PATRONYMIC.test(t.lower)).map((t) => bare(t.text));
}

/** What follows a run that makes it a person: an age ("X, 45,"), a description ("X, an activist", "X, the editor of"). */
function apposition(text: string, end: number): boolean {
  const after = text.slice(end, end + 60);
  if (/^[’']s?\s*,?\s*\(?\d{2}\)?(?:,|\s+(?:years?|лет|гадоў|год))/u.test(after) || /^,\s*\d{2}\s*,/u.test(after)) return true;
  const m = /^,\s+(?:(?:a|an|the|former|then|now|who|whose)\s+)?((?:[\p{Ll}-]+\s+){0,3}?)([\p{Ll}-]+)(?:\s+(?:of|at|with|from|for|in)\b|[,.;]|\s+and\b)/u.exec(after);
  if (m && (englishRole(m[2]!) || roleOfWord(m[2]!))) return true;
  if (/^,\s+(?:who|whose)\s/u.test(after)) return true;
  return /^,\s+\p{Ll}+\s/u.test(after) && roleOfWord(/^,\s+(\p{Ll}+)/u.exec(after)![1]!) !== null;
}

/** A verb that makes the words before it someone it happens to: "X was detained", "X is accused". */
const PERSON_VERB_AFTER = /^(?:[’']s\s+(?:arrest|detention|release|trial|lawyer|wife|husband|case|sentence)|,?\s+(?:was|were|has\s+been|had\s+been|is|remains|received|got|fled|died|said|told|wrote)\s)/u;

interface Candidate extends RawMention {
  words: string[];
  strong: boolean;
  weak: boolean;
  sentence: number;
}

function candidateOf(text: string, run: Run, sentence: number): Candidate | null {
  const words = nameWords(run);
  const n = words.length;
  if (n === 0) return null;
  const form = text.slice(run.start, run.end).replace(/[’']s$/u, '');
  const base: Omit<Candidate, 'strong' | 'weak'> = {
    form: run.title ? `${run.title}${text.slice(run.start - 1, run.start) === '.' ? '.' : ''} ${form}`.replace(/\s+/g, ' ') : form,
    name: form, start: run.start, end: run.start + form.length, title: run.title, kin: run.kin, role: run.roleBefore, words, sentence,
  };
  if (n === 1) {
    const w = words[0]!;
    // An acronym alone ("ВШЭ", "KGB") is an organisation; a letter alone ("I", "A") is no name.
    if (isAllCaps(w) || run.roleAfter || w.length < 2) return null;
    const single = !!run.title || run.kin !== null || (run.roleBefore !== null && !isEverydayWord(w)) || PUBLIC_FIGURES[toLatin(w).toLowerCase()] !== undefined || PUBLIC_FIGURES[w.toLowerCase()] !== undefined;
    // "his wife Irina", "Mr Kuku": a relative or a titled person named by one word is a person; a bare given name otherwise is not.
    // In Russian and Belarusian a name after a kinship word may be the one whose relative is meant ("жонку Ягора").
    return { ...base, strong: single && (!givenName(w) || (run.kin !== null && !isCyrillic(w)) || !!run.title), weak: false };
  }
  const given = givenName(words[0]!) || (n >= 3 && /^\p{Lu}\.?$/u.test(words[0]!) && givenName(words[1]!)) || (isAllCaps(words[0]!) && givenName(words[1]!));
  if (run.roleAfter && !given) return null;
  const patronymic = n >= 3 && words.slice(1, -1).some(isPatronymic);
  // "CHIU Ka-yin Andrew", "ИВАНОВ Иван Иванович": a list's SURNAME first in capitals, then the given names.
  const listed = isAllCaps(words[0]!) && words[0]!.length >= 2 && (/[AEIOUYАЕЁИОУЫЭЮЯІЎ]/u.test(words[0]!) || words[0]!.length === 2) && !isOrgWord(words[0]!) && words.slice(1).every((w) => /^\p{Lu}\p{Ll}/u.test(w));
  // Russian by the dictionary; Belarusian by a given name and a surname that agree in an oblique case ("Ягорам Лысенкам").
  const cyrillicNamed = isCyrillic(words[0]!) && (((isDictionarySurname(words[n - 1]!) || isDictionarySurname(words[0]!)) && words.some((w) => givenName(w))) || (n === 2 && beAgreeingReading(words[0]!, words[1]!) !== undefined && hasSurnameShape(words[1]!)));
  const context = run.title !== null || run.roleBefore !== null || run.kin !== null || apposition(text, run.end);
  const everyday = words.filter((w) => isEverydayWord(w)).length;
  const strong = (!!given || patronymic || cyrillicNamed || listed || (context && everyday < n)) && everyday < n;
  // Shaped like a name of the region and the subject of what happens to people: taken if nothing contradicts it.
  const weak = !strong && everyday === 0 && (hasSurnameShape(words[n - 1]!) || givenName(words[n - 1]!) !== null || PERSON_VERB_AFTER.test(text.slice(run.end, run.end + 30)));
  return { ...base, strong, weak };
}

/** "A, B and C": runs in one list, so that one known person vouches for the names beside it. */
function listNeighbours(text: string, a: Candidate, b: Candidate): boolean {
  if (a.sentence !== b.sentence || b.start <= a.end) return false;
  return /^(?:\s*\([^()]{0,60}\))?\s*(?:,|and|,\s*and|и|і|та|а\s+также|а\s+таксама|as\s+well\s+as|;)\s*(?:(?:[\p{Ll}-]+\s+){0,4})?$/u.test(text.slice(a.end, b.start));
}

/** A capitalised run of one to four words, quoted or not: the other name an alias statement gives. */
const ALIAS_NAME = /^[«"“']?(\p{Lu}[\p{L}’'-]*(?:[ \u00a0]\p{Lu}[\p{L}’'-]*){0,3})/u;

/** Names the report says are one person's: the other name becomes a mention, and the pair is linked. */
function aliasMentions(text: string, out: RawMention[]): [number, number][] {
  const links: [number, number][] = [];
  for (const m of [...out]) {
    const link = ALIAS_AFTER.exec(text.slice(m.end, m.end + 80));
    if (!link) continue;
    const at = m.end + link[0].length;
    const named = ALIAS_NAME.exec(text.slice(at, at + 80));
    if (!named) continue;
    const first = named[1]!.split(/\s/)[0]!;
    if (isEverydayWord(first) && !givenName(first)) continue;
    const start = at + named[0].length - named[1]!.length;
    const name = named[1]!.replace(/[’']s$/u, '');
    if (!out.some((x) => x.start === start)) out.push({ form: name, name, start, end: start + name.length, title: null, kin: null, role: null });
    links.push([m.start, start]);
  }
  return links;
}

/** A family name written once for two given names, in the plural in Russian and Belarusian ("Мурашкевічы", "Ивановы"). */
function singularSurname(word: string): string {
  if (!isCyrillic(word)) return word;
  return word.replace(/(?<=(?:ов|ев|ёв|ин|ын|аў|еў|ёў))ы$/u, '').replace(/(?<=[чшщжк])[іи]$/u, '').replace(/(?<=[^аеёиоуыэюяіў])ы$/u, '');
}

/**
 * "Вячаслаў і Віталь Мурашкевічы", "Mikhail and Ella Gershkovich": a given name alone, then "and"
 * and a full name, is a second person of the same family. Returns the mention for the first name;
 * the full name's plural surname is made singular in place.
 */
function sharedSurnames(text: string, candidates: Candidate[], accepted: Set<Candidate>, out: RawMention[]): RawMention[] {
  const added: RawMention[] = [];
  for (let i = 0; i + 1 < candidates.length; i++) {
    const a = candidates[i]!;
    const b = candidates[i + 1]!;
    if (a.words.length !== 1 || accepted.has(a) || !accepted.has(b) || b.words.length !== 2 || !givenName(a.words[0]!) || !givenName(b.words[0]!)) continue;
    if (!/^\s+(?:and|&|і|и|та)\s+$/u.test(text.slice(a.end, b.start))) continue;
    const surname = singularSurname(b.words[1]!);
    const own = out.find((m) => m.start === b.start);
    if (own && surname !== b.words[1]) own.name = `${b.words[0]} ${surname}`;
    added.push({ form: a.form, name: `${a.words[0]} ${surname}`, start: a.start, end: a.end, title: a.title, kin: a.kin, role: a.role });
  }
  return added;
}

/** Keys under which a name word is indexed for bare mentions: as written, without a Cyrillic case ending, folded. */
function wordKeys(word: string): string[] {
  const lower = bare(word).toLowerCase();
  const keys = new Set<string>([lower]);
  for (const v of stripCaseEnding(lower)) keys.add(v);
  if (isCyrillic(lower)) {
    // Belarusian and Russian surnames change more than their last letter: Бяляцкі / Бяляцкага, Андрэева / Андрэевай.
    keys.add(lower.replace(/(?:ага|аму|ім|ым|ай|ую|ой|ого|ому|ом|ем|ам)$/u, ''));
    keys.add(lower.replace(/(?:ага|аму|ім|ым|ого|ому)$/u, 'і'));
  }
  return [...keys].filter((k) => k.length >= 2);
}

/** Finds name mentions in every sentence, and the alias links between them. */
function findMentions(text: string, sentences: Sentence[], titleNames: string[]): { mentions: RawMention[]; links: [number, number][] } {
  const candidates: Candidate[] = [];
  sentences.forEach((s, i) => {
    for (const run of runsOf(text, s).flatMap(splitAtGiven)) {
      const c = candidateOf(text, run, i);
      if (c) candidates.push(c);
    }
  });
  // A weak candidate is taken when a list joins it to a person ("A, B and C were detained").
  const accepted = new Set(candidates.filter((c) => c.strong));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (accepted.has(c) || !(c.weak || c.words.length >= 2 && c.words.every((w) => !isEverydayWord(w)))) continue;
      const prev = candidates[i - 1];
      const next = candidates[i + 1];
      if ((prev && accepted.has(prev) && prev.words.length >= 2 && listNeighbours(text, prev, c)) || (next && accepted.has(next) && next.words.length >= 2 && listNeighbours(text, c, next))) {
        accepted.add(c);
        changed = true;
      }
    }
  }
  for (const c of candidates) if (c.weak && c.words.length >= 2 && PERSON_VERB_AFTER.test(text.slice(c.end, c.end + 30))) accepted.add(c);
  // A name of the region's shape beside other persons in its sentence is one too ("5 years – Omirbek Kurbanov, 9 years – …").
  const sentencesWithPersons = new Set([...accepted].filter((c) => c.words.length >= 2).map((c) => c.sentence));
  for (const c of candidates) if (c.weak && c.words.length >= 2 && hasSurnameShape(c.words[c.words.length - 1]!) && sentencesWithPersons.has(c.sentence)) accepted.add(c);
  const out: RawMention[] = [...accepted].map(({ form, name, start, end, title, kin, role }) => ({ form, name, start, end, title, kin, role }));
  out.push(...sharedSurnames(text, candidates, accepted, out));
  const links = aliasMentions(text, out);
  // Bare surnames and given names: single capitalised words equal to a word of a name found above.
  const index = new Set<string>();
  for (const m of out) if (m.name.includes(' ')) for (const w of m.name.split(/[\s]+/)) for (const k of wordKeys(w)) index.add(k);
  // A name the report's title gives in full ("… the death of political prisoner Ildar Gabdrakhmanov") names the bare surname in its body.
  const fromTitle = new Map<string, string>();
  for (const n of titleNames) for (const w of n.split(/\s+/)) for (const k of wordKeys(w)) if (!index.has(k)) fromTitle.set(k, n);
  // A surname of the region's shape that the body repeats is a person named by one word ("Gabdrakhmanov told her…").
  const counts = new Map<string, number>();
  // Not a word that names something with the capitalised word after it ("Temirov Live").
  const alone = (c: Candidate) => !/^[ \u00a0]+\p{Lu}/u.test(text.slice(c.end, c.end + 3));
  for (const c of candidates) if (!accepted.has(c) && c.words.length === 1 && alone(c) && hasSurnameShape(c.words[0]!) && !isEverydayWord(c.words[0]!) && !givenName(c.words[0]!)) counts.set(wordKeys(c.words[0]!).at(-1)!, (counts.get(wordKeys(c.words[0]!).at(-1)!) ?? 0) + 1);
  const taken = new Set(out.map((m) => m.start));
  // "Ягора Лявонава" after "Ягорам Лявонавым": a full name found above, in another case.
  for (const c of candidates) {
    if (accepted.has(c) || c.words.length < 2 || taken.has(c.start)) continue;
    const keys = c.words.map((w) => wordKeys(w));
    // Read as the name found above, whose case is certain ("Ягора Лявонава" could be a woman's name as it stands).
    const same = out.find((m) => {
      const words = m.name.split(/\s+/);
      return words.length === keys.length && words.every((w, k) => wordKeys(w).some((x) => keys[k]!.includes(x)));
    });
    if (same) {
      out.push({ form: c.form, name: same.name, start: c.start, end: c.end, title: c.title, kin: c.kin, role: c.role });
      taken.add(c.start);
    }
  }
  for (const c of candidates) {
    if (accepted.has(c) || c.words.length !== 1 || taken.has(c.start)) continue;
    const keys = wordKeys(c.words[0]!);
    const titled = keys.map((k) => fromTitle.get(k)).find((n) => n);
    if (keys.some((k) => index.has(k)) || titled || (alone(c) && (counts.get(keys.at(-1)!) ?? 0) >= 2)) {
      out.push({ form: c.form, name: titled ?? c.name, start: c.start, end: c.end, title: c.title, kin: c.kin, role: c.role });
      taken.add(c.start);
    }
  }
  // "Игоря Коваля задержали. Коваль находится в СИЗО": a surname that is also an everyday word, opening a
  // sentence, is the person whose full name above ends in it.
  const surnames = new Set<string>();
  for (const m of out) if (m.name.includes(' ')) for (const k of wordKeys(m.name.split(/\s+/).at(-1)!)) surnames.add(k);
  for (const s of sentences) {
    const first = tokenize(text, s.start, Math.min(s.end, s.start + 80)).find((t) => t.kind === 'word');
    if (!first || taken.has(first.start) || !isCapitalised(first.text) || givenName(first.text) || /^[ \u00a0]+\p{Lu}/u.test(text.slice(first.end, first.end + 3))) continue;
    // "Коваль" beside "Коваля": the soft sign or й the oblique case drops.
    if (![...wordKeys(first.text), bare(first.text).toLowerCase().replace(/[ьй]$/u, '')].some((k) => surnames.has(k))) continue;
    // In English "Young people gathered" is no one: there the word must be followed by what a person does.
    if (!isCyrillic(first.text) && !PERSON_VERB_AFTER.test(text.slice(first.end, first.end + 30))) continue;
    out.push({ form: first.text, name: first.text, start: first.start, end: first.end, title: null, kin: null, role: null });
    taken.add(first.start);
  }
  return { mentions: out.sort((a, b) => a.start - b.start), links };
}

/** The role the words around a person's mentions give: kinship, a lawyer, an office, a profession. */
function roleOf(mentions: Mention[], isPublicFigure: boolean): Role | null {
  if (mentions.some((m) => m.kin)) return 'relative';
  const counts = new Map<Role, number>();
  for (const m of mentions) if (m.role) counts.set(m.role, (counts.get(m.role) ?? 0) + 1);
  if (counts.has('lawyer')) return 'lawyer';
  if (counts.has('official') && (counts.get('official') ?? 0) >= Math.max(...[...counts.values()])) return 'official';
  if (isPublicFigure) return 'official';
  for (const r of ['detainee', 'journalist', 'activist', 'official', 'other'] as Role[]) if (counts.has(r)) return r;
  return null;
}

/** "Іванавіча" → "Іванавіч", "Сяргееўны" → "Сяргееўна": a Belarusian patronymic in the nominative. */
function bePatronymicNominative(w: string): string {
  return w.replace(/(іч)(?:а|у|ам|ы)$/u, '$1').replace(/(ўн|чн)(?:ы|е|у|ай)$/u, '$1а');
}

/** A Cyrillic name back in the nominative: Russian through the dictionary, Belarusian by its endings. */
function nominative(name: string, language: string | null): string {
  const words = name.split(' ');
  if (!words.some(isCyrillic)) return name;
  // The report's language decides where a word's letters do not ("Алеся Бяляцкага" is Belarusian in a Belarusian report).
  if (words.some(isBelarusianWord) || (language === 'be' && !words.some((w) => /[иИщЩъЪ]/u.test(w)))) {
    // Of the readings of the given name ("Аляксандру": Аляксандра, accusative, or Аляксандр, dative), the one the surname agrees with.
    const readings = beGivenReadings(words[0]!, (nom) => givenNameLookup(nom));
    const surname = words[words.length - 1]!;
    const first = (words.length > 1 ? readings.find((r) => beSurnameAgrees(surname, r.gender === 'f' ? 'f' : 'm', r.cases)) : undefined) ?? readings[0] ?? (words.length > 1 ? beAgreeingReading(words[0]!, surname) : undefined);
    if (!first) return name;
    // A patronymic stands between the given name and the surname; a last word in -іча is a surname (Грышкевіча → Грышкевіч).
    return [first.nominative, ...words.slice(1).map((w, i) => (i < words.length - 2 && isPatronymic(w) ? bePatronymicNominative(w) : beSurnameNominative(w, first.gender === 'f' ? 'f' : 'm', first.cases)))].join(' ');
  }
  return ruNominative(words, (lemma) => givenNameLookup(lemma)?.quality ?? 0).join(' ');
}

/** The full names a report's title gives, found as in the body. */
function namesInTitle(title: string | null): string[] {
  if (!title) return [];
  return runsOf(title, { text: title, start: 0, end: title.length }).flatMap(splitAtGiven).map((r) => candidateOf(title, r, 0)).filter((c): c is Candidate => !!c && c.strong && c.words.length >= 2).map((c) => c.name);
}

export function findPersons(text: string, sentences: Sentence[], language: string | null = null, title: string | null = null): ReportPerson[] {
  // A report repeats the same few forms: parse and compare each form or pair once.
  const parsed = new Map<string, ReturnType<typeof parseFresh>>();
  const parseName = (form: string) => {
    let p = parsed.get(form);
    if (!p) parsed.set(form, (p = parseFresh(form)));
    return p;
  };
  const compared = new Map<string, boolean>();
  const same = (a: string, b: string) => {
    const key = `${a}\u0000${b}`;
    let c = compared.get(key);
    if (c === undefined) compared.set(key, (c = compareParsed(parseName(a), parseName(b)).same));
    return c;
  };
  const { mentions: found, links } = findMentions(text, sentences, namesInTitle(title));
  const canonical = new Map<string, string>();
  const canon = (name: string) => {
    let c = canonical.get(name);
    if (c === undefined) canonical.set(name, (c = nominative(name, language)));
    return c;
  };
  let persons: ReportPerson[] = [];
  // Persons by the folded words of their full names, so that a mention is compared only with persons it may be.
  const byWord = new Map<string, ReportPerson[]>();
  const keyOf = (w: string) => foldSpelling(toLatin(stripCaseEnding(bare(w).toLowerCase()).at(-1)!)).slice(0, 4);
  const index = (p: ReportPerson, name: string) => {
    for (const w of name.split(/\s+/)) {
      const k = keyOf(w);
      const list = byWord.get(k) ?? [];
      if (!list.includes(p)) list.push(p);
      byWord.set(k, list);
    }
  };
  const near = (name: string) => [...new Set(name.split(/\s+/).flatMap((w) => byWord.get(keyOf(w)) ?? []))];
  // Each person's distinct full forms and the starts of its mentions in text order, kept as mentions join.
  const forms = new Map<ReportPerson, Set<string>>();
  const starts = new Map<ReportPerson, number[]>();
  const fullForms = (p: ReportPerson) => forms.get(p) ?? new Set<string>();
  const join = (p: ReportPerson, m: RawMention, full: string | null) => {
    p.mentions.push({ ...m, person: p.id });
    if (full) forms.set(p, fullForms(p).add(full));
    const list = starts.get(p) ?? [];
    list.push(m.start);
    starts.set(p, list);
  };
  const start = (name: string, m: RawMention, full: string | null) => {
    const np: ReportPerson = { id: persons.length, name, variants: [], role: null, mentions: [], gender: parseName(name).gender };
    persons.push(np);
    join(np, m, full);
    index(np, name);
    return np;
  };
  /** The last mention of a person before a position: mentions join in text order, so a binary search finds it. */
  const lastBefore = (p: ReportPerson, pos: number) => {
    const list = starts.get(p) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1]! : -1;
  };
  for (const m of found.filter((x) => x.name.includes(' '))) {
    const c = canon(m.name);
    const p = near(c).find((x) => [...fullForms(x)].every((f) => same(f, c)));
    if (p) {
      join(p, m, c);
      index(p, c);
    } else start(c, m, c);
  }
  // Full mentions joined out of order with the single ones below: sort each person's starts once.
  for (const list of starts.values()) list.sort((a, b) => a - b);
  const singles = new Map<string, ReportPerson>();
  const kinOf = new Set(persons.filter((p) => p.mentions.some((y) => y.kin)));
  for (const m of found.filter((x) => !x.name.includes(' '))) {
    const fitting = near(m.name).filter((p) => fullForms(p).size > 0 && [...fullForms(p)].every((f) => same(f, m.name)));
    if (fitting.length > 0) {
      // An ambiguous surname (husband and wife) is a variant of each; the nearest earlier mention decides.
      const notKin = fitting.filter((p) => !kinOf.has(p));
      const pool = notKin.length ? notKin : fitting;
      const nearest = pool.reduce((a, b) => (lastBefore(b, m.start) > lastBefore(a, m.start) ? b : a));
      for (const p of fitting) if (p !== nearest && !p.variants.includes(m.form)) p.variants.push(m.form);
      join(nearest, m, null);
      continue;
    }
    const key = normaliseSingle(m.name);
    const single = singles.get(key) ?? persons.find((p) => fullForms(p).size === 0 && same(p.mentions[0]!.name, m.name));
    if (single) join(single, m, null);
    else singles.set(key, start(m.name, m, null));
  }
  persons = joinAliases(persons, links);
  for (const p of persons) {
    p.mentions.sort((a, b) => a.start - b.start);
    const counts = new Map<string, number>();
    for (const m of p.mentions) if (m.name.includes(' ')) counts.set(canon(m.name), (counts.get(canon(m.name)) ?? 0) + 1);
    // The fullest form, then the one used most; a person only ever named by one word keeps it.
    const best = [...counts].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1] || b[0].length - a[0].length)[0];
    p.name = best ? best[0] : (p.mentions.find((m) => !m.title)?.name ?? p.mentions[0]!.name);
    for (const m of p.mentions) for (const f of [m.form, m.name]) if (f !== p.name && !p.variants.includes(f)) p.variants.push(f);
    p.gender = genderOf(p, parseName);
    // Known to be a man, "жонку Ягора" names his wife, not him; so for a woman "бацьку Ганны".
    for (const m of p.mentions) {
      const kinGender = m.kin ? cyrillicKinGender(m.kin) : null;
      if (kinGender && p.gender && kinGender !== p.gender) {
        m.kin = null;
        m.role = null;
      }
    }
    p.role = roleOf(p.mentions, p.mentions.some((m) => PUBLIC_FIGURES[m.name.split(' ').pop()!.toLowerCase()] !== undefined));
  }
  return persons;
}

/** A one-word name as a key: case and a Cyrillic case ending aside. */
function normaliseSingle(name: string): string {
  return stripCaseEnding(bare(name).toLowerCase()).at(-1)!;
}

/** Man or woman: the given name's gender, the surname's form, a title or kinship word. */
function genderOf(p: ReportPerson, parseName: (f: string) => ReturnType<typeof parseFresh>): 'f' | 'm' | null {
  const first = p.name.split(' ')[0]!;
  const g = p.name.includes(' ') ? givenName(first)?.gender : null;
  if (g === 'f' || g === 'm') return g;
  const parsedGender = parseName(p.name).gender ?? p.mentions.map((m) => parseName(m.form).gender).find((x) => x);
  if (parsedGender) return parsedGender;
  // "Ягорам Лысенкам": an unlisted given name whose ending agrees with the surname's.
  for (const m of p.mentions) {
    const words = m.form.split(' ');
    const agreeing = words.length === 2 && isCyrillic(words[0]!) ? beAgreeingReading(words[0]!, words[1]!) : undefined;
    if (agreeing) return agreeing.gender;
  }
  for (const m of p.mentions) {
    const w = `${m.kin ?? ''} ${m.title ?? ''}`.toLowerCase();
    if (/\b(?:husband|son|father|brother|nephew|uncle|grandfather|mr)\b|(?:муж|сын|отец|брат|бацька)/u.test(w)) return 'm';
    if (/\b(?:wife|daughter|mother|sister|niece|aunt|grandmother|widow|fiancée|mrs|ms|miss)\b|(?:жена|дочь|мать|сестра|жонка|маці)/u.test(w)) return 'f';
  }
  return null;
}

/** The persons holding two mentions the report calls one person become one; ids are renumbered. */
function joinAliases(persons: ReportPerson[], links: [number, number][]): ReportPerson[] {
  const holderOf = new Map<number, ReportPerson>();
  for (const p of persons) for (const m of p.mentions) holderOf.set(m.start, p);
  const gone = new Set<ReportPerson>();
  for (const [a, b] of links) {
    const [pa, pb] = [holderOf.get(a), holderOf.get(b)];
    if (!pa || !pb || pa === pb || gone.has(pa) || gone.has(pb)) continue;
    pa.mentions.push(...pb.mentions);
    for (const m of pb.mentions) holderOf.set(m.start, pa);
    pb.mentions = [];
    gone.add(pb);
  }
  const kept = persons.filter((p) => !gone.has(p));
  kept.forEach((p, id) => {
    p.id = id;
    for (const m of p.mentions) m.person = id;
  });
  return kept;
}
