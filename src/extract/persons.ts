/**
 * Person mentions in a report and their grouping into the report's persons. A name starts with a
 * known given name or follows a title or a kinship word; a surname alone joins the persons it fits
 * (the resolve stage decides "fits"). Roles come from the words around the mentions.
 */
import { comparePersons as compareParsed, parseName as parseFresh, toLatin } from '../resolve/index.ts';
import { stripCaseEnding } from '../resolve/parse-name.ts';
import type { Role } from '../schema/taxonomy.ts';
import { ALIAS_AFTER, GIVEN_NAMES, KINSHIP_BEFORE, LAWYER_BEFORE, PUBLIC_FIGURES, TITLE_WORDS, OFFICIAL_BEFORE, JOURNALIST_WORDS, ACTIVIST_WORDS } from './gazetteer/people.ts';

export interface Mention {
  /** The form as written, with a title if one was written ("Mr Mikhalevic"). */
  form: string;
  /** The bare name ("Mikhalevic"). */
  name: string;
  start: number;
  end: number;
  title: string | null;
  kin: string | null;
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

/** Capitalised words that start sentences or name things, never persons on their own. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'on', 'in', 'at', 'but', 'and', 'or', 'as', 'when', 'after', 'before', 'since', 'until', 'he', 'she', 'they', 'we', 'i', 'it', 'his', 'her', 'their', 'our', 'my', 'this', 'that', 'these', 'those', 'if', 'so', 'yet', 'for', 'of', 'to', 'by', 'with', 'from', 'no', 'not', 'yes', 'there', 'here', 'what', 'who', 'how', 'why', 'where', 'then', 'some', 'all', 'more', 'most', 'one', 'two', 'mr', 'mrs', 'ms', 'dr',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'belarus', 'russia', 'ukraine', 'poland', 'lithuania', 'minsk', 'moscow', 'kyiv', 'europe', 'european', 'union', 'kgb', 'un', 'us', 'usa', 'eu', 'west', 'western', 'belarusian', 'russian', 'soviet', 'council', 'court', 'parliament', 'government', 'police', 'committee', 'ministry', 'centre', 'center', 'street', 'square', 'republic', 'state', 'states', 'united', 'human', 'rights', 'watch', 'radio', 'free', 'liberty', 'nobel', 'peace', 'prize', 'article', 'criminal', 'code', 'investigative', 'presidential', 'president', 'prime', 'minister', 'opposition',
]);

const WORD = /\p{L}[\p{L}’'-]*\p{L}|\p{L}/gu;

/** A known given name, also when written in Cyrillic and declined ("Игоря" is Igor). */
function isGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  if (GIVEN_NAMES.has(lower)) return true;
  if (!/\p{Script=Cyrillic}/u.test(word)) return false;
  return stripCaseEnding(lower).some((v) => GIVEN_NAMES.has(toLatin(v)) || GIVEN_NAMES.has(toLatin(v + 'ь')) || GIVEN_NAMES.has(toLatin(v).replace(/y$/, 'i')));
}

function isCap(w: string): boolean {
  // Most words are lower-case ASCII: answer those without a regular expression.
  const c = w.charCodeAt(0);
  if (c >= 97 && c <= 122) return false;
  return /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}\.?$/u.test(w);
}

function stripPossessive(w: string): string {
  return w.replace(/[’']s$/u, '').replace(/[’']$/u, '');
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/** A capitalised run of one to four words, quoted or not: the other name an alias statement gives. */
const ALIAS_NAME = /^[«"“']?(\p{Lu}[\p{L}’'-]*(?:[ \u00a0]\p{Lu}[\p{L}’'-]*){0,3})/u;

/**
 * Names the report says are one person's ("Igor Girkin, also known as Igor Strelkov"): the other
 * name becomes a mention where no mention stands yet, and each pair of mentions is returned by their
 * starts, for grouping to join.
 */
function aliasMentions(text: string, out: Omit<Mention, 'person'>[]): [number, number][] {
  const links: [number, number][] = [];
  for (const m of [...out]) {
    const link = ALIAS_AFTER.exec(text.slice(m.end, m.end + 80));
    if (!link) continue;
    const at = m.end + link[0].length;
    const named = ALIAS_NAME.exec(text.slice(at, at + 80));
    if (!named || NOT_NAMES.has(named[1]!.split(/\s/)[0]!.toLowerCase())) continue;
    const start = at + named[0].length - named[1]!.length;
    const name = named[1]!.replace(/[’']s$/u, '');
    if (!out.some((x) => x.start === start)) out.push({ form: name, name, start, end: start + name.length, title: null, kin: null });
    links.push([m.start, start]);
  }
  return links;
}

/** Finds name mentions; grouping comes after, once all full names are known. */
function findMentions(text: string): { mentions: Omit<Mention, 'person'>[]; links: [number, number][] } {
  const toks = tokens(text);
  const out: Omit<Mention, 'person'>[] = [];
  // A full stop joins two words of one name only after an initial or a title ("A. Petrova", "Mr. X"),
  // never after a whole word, which ends a sentence ("… Lukashenka. Otherwise …").
  const gapOk = (a: Token, b: Token) => /^[\s\u00a0]+$/u.test(text.slice(a.end, b.start)) || (text.slice(a.end, b.start) === '. ' && (/^\p{Lu}$/u.test(a.text) || TITLE_WORDS.test(a.text)));
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const bare = stripPossessive(t.text);
    if (!isCap(bare)) continue;
    const prev = toks[i - 1];
    const titled = prev && TITLE_WORDS.test(prev.text) && gapOk(prev, t) || (prev && /^(?:Mr|Mrs|Ms|Dr)$/.test(prev.text) && text.slice(prev.end, t.start) === '. ');
    const kinMatch = KINSHIP_BEFORE.exec(text.slice(Math.max(0, t.start - 40), t.start));
    const kinBefore = kinMatch ? (kinMatch[1] ?? kinMatch[2] ?? null) : null;
    const isGiven = isGivenName(bare);
    const lawyerBefore = LAWYER_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start));
    if (!isGiven && !titled && !kinBefore && !lawyerBefore && !PUBLIC_FIGURES[bare.toLowerCase()]) continue;
    if (NOT_NAMES.has(bare.toLowerCase()) && !isGiven) continue;
    // Extend over the following capitalised words: given [patronymic] surname.
    let j = i;
    while (j + 1 < toks.length && j - i < 2 && isCap(toks[j + 1]!.text) && gapOk(toks[j]!, toks[j + 1]!) && !/[’']s$/u.test(toks[j]!.text) && !NOT_NAMES.has(stripPossessive(toks[j + 1]!.text).toLowerCase())) j++;
    const last = toks[j]!;
    const name = text.slice(t.start, last.end).replace(/[’']s$/u, '');
    const nameEnd = t.start + name.length;
    const start = titled && prev ? prev.start : t.start;
    out.push({ form: text.slice(start, nameEnd), name, start, end: nameEnd, title: titled && prev ? prev.text.replace(/\.$/, '') : null, kin: kinBefore });
    i = j;
  }
  const links = aliasMentions(text, out);
  // Bare surnames and first names: capitalised words equal to a part of a full name found above.
  const parts = new Set<string>();
  for (const m of out) for (const p of m.name.split(/\s+/)) for (const v of stripCaseEnding(p.toLowerCase())) parts.add(v);
  const taken = out.map((m) => [m.start, m.end] as const);
  for (const t of toks) {
    const bare = stripPossessive(t.text);
    if (!isCap(bare) || !stripCaseEnding(bare.toLowerCase()).some((v) => parts.has(v))) continue;
    if (taken.some(([s, e]) => t.start >= s && t.start < e)) continue;
    out.push({ form: bare, name: bare, start: t.start, end: t.start + bare.length, title: null, kin: null });
  }
  return { mentions: out.sort((a, b) => a.start - b.start), links };
}

function roleFromContext(text: string, mentions: Mention[], isPublicFigure: boolean): Role | null {
  if (mentions.some((m) => m.kin)) return 'relative';
  if (mentions.some((m) => LAWYER_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)))) return 'lawyer';
  if (isPublicFigure) return 'official';
  const scores: Partial<Record<Role, number>> = {};
  for (const m of mentions) {
    const window = text.slice(Math.max(0, m.start - 60), Math.min(text.length, m.end + 60));
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    if (m.title && /^(?:President|Minister|Judge|Prosecutor|Ambassador|Governor|Mayor|Senator)$/.test(m.title)) scores.official = (scores.official ?? 0) + 3;
    if (OFFICIAL_BEFORE.test(before)) scores.official = (scores.official ?? 0) + 1;
    if (JOURNALIST_WORDS.test(window)) scores.journalist = (scores.journalist ?? 0) + 1;
    if (ACTIVIST_WORDS.test(window)) scores.activist = (scores.activist ?? 0) + 1;
  }
  const best = Object.entries(scores).sort((a, b) => b[1] - a[1])[0];
  return best ? (best[0] as Role) : null;
}

const CONSONANT = /[бвгджзйклмнпрстфхцчшщ]$/u;

/**
 * A Cyrillic name as written in an oblique case ("Блогера Игоря Ковальчука") back in the nominative,
 * so that the person is named as a monitor would write it: a word another mention writes bare wins;
 * else a masculine "-а"/"-я" ending after a consonant is dropped ("Ковальчука", "Ивана", "Игоря" → "Игорь").
 */
function nominative(name: string, forms: Set<string>): string {
  if (!/\p{Script=Cyrillic}/u.test(name) || !name.includes(' ')) return name;
  const words = name.split(' ');
  const fixed = words.map((w, i) => {
    const stem = w.slice(0, -1);
    if (forms.has(stem)) return stem;
    if (!/[ая]$/u.test(w) || !CONSONANT.test(stem)) return w;
    if (i === 0 && !isGivenName(w)) return w;
    // A female given name keeps its "-а" ("Алёна"); a male one of the table loses it.
    if (i === 0 && !(isGivenName(stem) || isGivenName(stem + 'ь'))) return w;
    if (w.endsWith('я')) return i === 0 && isGivenName(stem + 'ь') ? stem + 'ь' : w;
    return stem;
  });
  return fixed.join(' ');
}

/** "her husband B", "Mr B", "his daughter C": the words around a name that tell its gender. */
function genderFromWords(mentions: Mention[]): 'f' | 'm' | null {
  for (const m of mentions) {
    const w = `${m.kin ?? ''} ${m.title ?? ''}`.toLowerCase();
    if (/\b(?:husband|son|father|brother|nephew|uncle|grandfather|mr|муж|сын|отец|брат|бацька)\b|(?:муж|сын|отец|брат|бацька)/u.test(w)) return 'm';
    if (/\b(?:wife|daughter|mother|sister|niece|aunt|grandmother|widow|fiancée|mrs|ms|miss)\b|(?:жена|дочь|мать|сестра|жонка|маці)/u.test(w)) return 'f';
  }
  return null;
}

/** The persons holding two mentions the report calls one person become one; ids are renumbered. */
function joinAliases(persons: ReportPerson[], links: [number, number][]): ReportPerson[] {
  const holder = (start: number) => persons.find((p) => p.mentions.some((m) => m.start === start));
  const gone = new Set<ReportPerson>();
  for (const [a, b] of links) {
    const [pa, pb] = [holder(a), holder(b)];
    if (!pa || !pb || pa === pb) continue;
    pa.mentions.push(...pb.mentions);
    pa.mentions.sort((x, y) => x.start - y.start);
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

export function findPersons(text: string): ReportPerson[] {
  // A report repeats the same few forms many times: parse and compare each form or pair once.
  const parsed = new Map<string, ReturnType<typeof parseFresh>>();
  const parseName = (form: string) => {
    let p = parsed.get(form);
    if (!p) parsed.set(form, (p = parseFresh(form)));
    return p;
  };
  const compared = new Map<string, ReturnType<typeof compareParsed>>();
  const comparePersons = (a: ReturnType<typeof parseFresh>, b: ReturnType<typeof parseFresh>) => {
    const key = `${a.original}\u0000${b.original}`;
    let c = compared.get(key);
    if (!c) compared.set(key, (c = compareParsed(a, b)));
    return c;
  };
  const { mentions: found, links } = findMentions(text);
  let persons: ReportPerson[] = [];
  const full = found.filter((m) => m.name.includes(' '));
  const single = found.filter((m) => !m.name.includes(' '));
  for (const m of full) {
    const pm = parseName(m.form);
    const p = persons.find((x) => x.mentions.filter((y) => y.name.includes(' ')).every((y) => comparePersons(parseName(y.form), pm).same));
    if (p) p.mentions.push({ ...m, person: p.id });
    else persons.push({ id: persons.length, name: m.name, variants: [], role: null, mentions: [{ ...m, person: persons.length }], gender: pm.gender });
  }
  for (const m of single) {
    const pm = parseName(m.form);
    const fitting = persons.filter((p) => p.mentions.some((y) => y.name.includes(' ')) && p.mentions.filter((y) => y.name.includes(' ')).every((y) => comparePersons(parseName(y.form), pm).same));
    if (fitting.length > 0) {
      // An ambiguous surname ("Mikhalevich" for husband and wife) is a variant of each; the nearest
      // earlier mention decides whom this occurrence means.
      // Relatives are introduced as such; a bare surname more likely means the person reported on.
      const pool = fitting.filter((p) => !p.mentions.some((y) => y.kin)).length ? fitting.filter((p) => !p.mentions.some((y) => y.kin)) : fitting;
      const nearest = pool.map((p) => ({ p, last: Math.max(-1, ...p.mentions.filter((y) => y.start < m.start).map((y) => y.start)) })).sort((a, b) => b.last - a.last)[0]!.p;
      for (const p of fitting) if (p !== nearest && !p.variants.includes(m.form)) p.variants.push(m.form);
      nearest.mentions.push({ ...m, person: nearest.id });
      continue;
    }
    const same = persons.find((p) => !p.mentions.some((y) => y.name.includes(' ')) && comparePersons(parseName(p.mentions[0]!.form), pm).same);
    if (same) same.mentions.push({ ...m, person: same.id });
    else persons.push({ id: persons.length, name: m.name, variants: [], role: null, mentions: [{ ...m, person: persons.length }], gender: pm.gender });
  }
  persons = joinAliases(persons, links);
  for (const p of persons) {
    const counts = new Map<string, number>();
    for (const m of p.mentions) if (m.name.includes(' ')) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    // The form used most, the fullest on a tie; a person only ever named by one word keeps it.
    const best = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0];
    p.name = best ? best[0] : (p.mentions.find((m) => !m.title)?.name ?? p.mentions[0]!.name);
    p.name = nominative(p.name, new Set(p.mentions.map((m) => m.name)));
    for (const m of p.mentions) for (const f of [m.form, m.name]) if (f !== p.name && !p.variants.includes(f)) p.variants.push(f);
    p.role = roleFromContext(text, p.mentions, p.mentions.some((m) => PUBLIC_FIGURES[m.name.split(' ').pop()!.toLowerCase()] !== undefined));
    const g = parseName(p.name).gender;
    p.gender = g ?? p.mentions.map((m) => parseName(m.form).gender).find((x) => x) ?? genderFromWords(p.mentions);
  }
  return persons;
}
