/**
 * Events: a trigger in a sentence, its subject, its date, place and detail. The subject is a
 * person named in the clause, a pronoun or description resolved to the last fitting person, or,
 * in a first-person testimony, the person the report is about.
 */
import type { ContractEvent } from './contract.ts';
import { TRIGGERS, type TriggerRule, NEGATION, INNER_NEGATION, IRREALIS, IRREALIS_MAY, DENIAL } from './lexicon/triggers.ts';
import type { Sentence } from './sentences.ts';
import type { ReportPerson } from './persons.ts';
import { datesIn, relativeDay, weekdayAfter, nearPublication, afterMidnight, SMALL_HOURS, STORY_TIME, type FoundDate, type Reference } from './dates.ts';
import { findPlace } from './gazetteer/facilities.ts';
import { KINSHIP_WORDS } from './gazetteer/people.ts';
import { findArticles, TERM } from './gazetteer/articles.ts';

const ANAPHOR = /\b(?:the\s+(?:politician|candidate|activist|blogger|journalist|prisoner|detainee|dissident|student|teacher|artist|musician|poet|writer|priest|deputy|economist|businessman|businesswoman|entrepreneur|doctor|pensioner|veteran|volunteer|editor|reporter|photographer|scholar|researcher|trade\s+unionist|(?:human\s+)?rights\s+defender|opposition\s+(?:leader|politician|figure)|former\s+\w+|\d+-year-old|man|woman|father\s+of\s+\w+|mother\s+of\s+\w+|laureate|defender)|(?:my|your|our)\s+(?:husband|wife|son|daughter|father|mother|brother|sister|dad|daddy|mum|mom)|(?:his|her)\s+(?:husband|wife))\b/iu;
const PRONOUN_BEFORE = /\b(he|she|him|her|his)\b[^,;]{0,40}$/iu;
const PRONOUN_AFTER = /^[^,;.]{0,25}?\b(him|her)\b/iu;
const GENERIC_PLURAL = /\b(?:people|activists|journalists|candidates|protesters|demonstrators|opponents|those|others|hundreds|dozens|thousands|members|students|citizens|detainees|prisoners|figures|\d+)\s+(?:\w+\s+){0,3}$/iu;
const REPORTING = /\b(?:said|says|claimed|claims|told|alleged|alleges|testified|wrote|stated|according\s+to|as\s+stated\s+by|as\s+said\s+by|reported|recalled|described)\b/iu;

interface Ctx {
  text: string;
  persons: ReportPerson[];
  ref: Reference | null;
  focus: ReportPerson | null;
  firstPerson: boolean;
  country: 'BY' | 'RU' | null;
  language: string | null;
  /** The persons of the last list ("A and B were detained"), for a following "they were …". */
  group?: ReportPerson[];
}

/** Events a relative named in the sentence can be the subject of; the rest concern the detainee. */
const RELATIVE_EVENTS = new Set(['arrest', 'search', 'travel_ban', 'flight_abroad']);

/** Who can be the subject of a persecution event: not the officials and lawyers around it. */
function isEligible(p: ReportPerson, type?: string): boolean {
  if (p.role === 'official' || p.role === 'lawyer') return false;
  return !(type && p.role === 'relative' && !RELATIVE_EVENTS.has(type));
}

function mentionsIn(ctx: Ctx, from: number, to: number): { p: ReportPerson; start: number }[] {
  const out: { p: ReportPerson; start: number }[] = [];
  for (const p of ctx.persons) for (const m of p.mentions) if (m.start >= from && m.end <= to) out.push({ p, start: m.start });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "the laureate", "the politician": the last person introduced with that noun beside a mention
 * ("A, a 2022 Nobel laureate"; "opposition politician B"). Kinship and ages fall to the focus.
 */
function describedAs(ctx: Ctx, description: string, pos: number): ReportPerson | null {
  const noun = /(?:the\s+)(?:\w+\s+)*?([\p{L}-]+)$/iu.exec(description)?.[1];
  if (!noun || /^\d|year-old$/u.test(noun)) return null;
  const near = new RegExp(`(?<!\\p{L})${noun}(?!\\p{L})`, 'iu');
  let best: { p: ReportPerson; at: number } | null = null;
  for (const p of ctx.persons) {
    if (!isEligible(p)) continue;
    for (const m of p.mentions) {
      if (m.start >= pos || (best && m.start < best.at)) continue;
      if (near.test(ctx.text.slice(Math.max(0, m.start - 40), m.start)) || near.test(ctx.text.slice(m.end, Math.min(pos, m.end + 60)).split(/[.;]/u)[0]!)) best = { p, at: m.start };
    }
  }
  return best?.p ?? null;
}

/** The last person mentioned before `pos` whose gender fits the pronoun. */
function resolvePronoun(ctx: Ctx, pronoun: string, pos: number): ReportPerson | null {
  const want = /^(?:she|her)$/i.test(pronoun) ? 'f' : 'm';
  let best: { p: ReportPerson; at: number } | null = null;
  for (const p of ctx.persons) {
    if (!isEligible(p) || (p.gender && p.gender !== want)) continue;
    for (const m of p.mentions) if (m.start < pos && (!best || m.start > best.at)) best = { p, at: m.start };
  }
  if (best) return best.p;
  return ctx.focus && (!ctx.focus.gender || ctx.focus.gender === want) ? ctx.focus : null;
}

/** "the release of political consultant A and protester B": the persons named right after the trigger. */
function objectsOf(ctx: Ctx, s: Sentence, matchEnd: number, type: string): ReportPerson[] {
  const after = mentionsIn(ctx, matchEnd, s.end).filter((m) => isEligible(m.p, type));
  const out: ReportPerson[] = [];
  let from = matchEnd;
  for (const m of after) {
    // Only a description in lower case may stand between: "of political consultant A".
    const gap = ctx.text.slice(from, m.start);
    if (!(out.length ? /^,?\s*(?:and\s+|,\s*)(?:[\p{Ll}-]+\s+){0,4}$/u : /^\s*(?:[\p{Ll}-]+\s+){0,4}$/u).test(gap)) break;
    out.push(m.p);
    from = m.start + m.p.mentions.find((x) => x.start === m.start)!.form.length;
  }
  return [...new Set(out)];
}

const ANAPHOR_AT_END = new RegExp(`(?:${ANAPHOR.source})\\s+$`, 'iu');
const KIN_SUBJECT = new RegExp(`(?<!\\p{L})(?:his|her|their)\\s+(?:${KINSHIP_WORDS})\\s+(?:(?:was|were|is|are|has|have|had|been|being|also|later|then|too)\\s+)*$`, 'iu');

/** Words that may stand right before a passive auxiliary when a person is its subject. */
const SUBJECT_END = /(?:^|[\s,(“"])(?:he|she|they|who|whom|i|we|also|later|then|reportedly|allegedly|subsequently|eventually|finally|again|already|soon|himself|herself|themselves|both|all|each|recently|previously|initially|first|briefly|once)\s+$|[\p{Lu}\d][\p{L}’'.-]*[’']?s?\s+$|[,)”"]\s*$/u;

/** A passive trigger whose grammatical subject is a thing ("the temperature was kept at 10C"). */
function thingSubject(ctx: Ctx, s: Sentence, at: number): boolean {
  // "has been detained" matches at "been": look past the auxiliaries to the subject.
  const before = ctx.text.slice(s.start, at).replace(/(?:(?<=\s)(?:has|have|had|is|was|were|are|be|being|will|would|could|should|may|might|must|reportedly|also)\s+)+$/iu, '');
  if (!before.trim()) return false;
  if (SUBJECT_END.test(before)) return false;
  // "the politician was held", "my husband was detained", "the 36-year-old was released".
  if (ANAPHOR_AT_END.test(before)) return false;
  return /\p{Ll}[\p{Ll}-]*\s+$/u.test(before);
}

function subjects(ctx: Ctx, s: Sentence, at: number, matchEnd: number, type: string, rule?: TriggerRule): { persons: ReportPerson[]; how: string } {
  if (rule?.subjectAfter) {
    const objs = objectsOf(ctx, s, matchEnd, type);
    return { persons: objs, how: objs.length > 1 ? 'list' : objs.length ? 'object' : 'none' };
  }
  if (rule?.passive && thingSubject(ctx, s, at)) return { persons: [], how: 'thing' };
  // "A and B were detained. They were taken to Akrestsina." Only passives: in "they arrested him" they are the police.
  if (rule?.passive && ctx.group?.length && /(?<!\p{L})they\s+(?:[\p{L}’'-]+\s+){0,2}$/iu.test(ctx.text.slice(s.start, at)) && !mentionsIn(ctx, s.start, at).length) return { persons: ctx.group, how: 'pronoun-plural' };
  const before = ctx.text.slice(s.start, at);
  // A subject is named in the trigger's own clause: "A detailed his case as HRW documented raids" is no raid on A.
  const clauseStart = s.start + Math.max(before.lastIndexOf(';'), before.lastIndexOf(' but '), before.lastIndexOf(' as '), before.lastIndexOf(' while '), before.lastIndexOf(' whereas '), -1) + 1;
  // The grammatical subject right before a passive is the subject, relatives too: "Her husband, B, was also detained".
  const direct = mentionsIn(ctx, clauseStart, at).at(-1);
  if (direct && (rule?.passive || rule?.coordinated) && direct.p.role !== 'official' && direct.p.role !== 'lawyer') {
    const form = direct.p.mentions.find((x) => x.start === direct.start)!.form;
    const gap = ctx.text.slice(direct.start + form.length, at);
    if (/^[’']?s?[\s,]*(?:\d+,\s*)?(?:(?:also|later|then|reportedly|allegedly|subsequently|was|were|has|have|had|been|who)\s+)*$/u.test(gap) || (rule?.coordinated && /^[^.;]*$/u.test(gap) && mentionsIn(ctx, clauseStart, at).every((m) => m.p === direct.p))) return { persons: [direct.p], how: 'named' };
  }
  // "A, whose son was detained in May, …": the event is the son's, not A's.
  const named = mentionsIn(ctx, clauseStart, at).filter((m) => isEligible(m.p, type) && !/\bwhose\s/iu.test(ctx.text.slice(m.start, at)));
  // The subject nearest the trigger wins unless a list joins several ("A, B and C were sentenced").
  if (named.length > 0) {
    const last = named[named.length - 1]!;
    const list = named.filter((m, i) => i === named.length - 1 || /^[\s,]*(?:and|,)[\s,]*/u.test(ctx.text.slice(m.start + m.p.mentions.find((x) => x.start === m.start)!.form.length, named[i + 1]!.start)));
    const chosen = list.length > 1 && list.includes(last) ? list.map((m) => m.p) : [last.p];
    return { persons: [...new Set(chosen)], how: list.length > 1 ? 'list' : 'named' };
  }
  // "His wife was detained": the subject is an unnamed relative, not the man "his" points to.
  if (KIN_SUBJECT.test(ctx.text.slice(clauseStart, at))) return { persons: [], how: 'unnamed-relative' };
  // "She was detained …, then transferred": the pronoun that opens the clause, however far back.
  const pron = PRONOUN_BEFORE.exec(ctx.text.slice(clauseStart, at)) ?? (rule?.coordinated ? /(?<!\p{L})(he|she)(?!\p{L})/iu.exec(ctx.text.slice(clauseStart, at)) : null);
  if (pron) {
    const p = resolvePronoun(ctx, pron[1]!, clauseStart + pron.index);
    if (p) return { persons: [p], how: 'pronoun' };
  }
  const desc = ANAPHOR.exec(ctx.text.slice(clauseStart, at));
  if (desc) {
    const described = describedAs(ctx, desc[0], clauseStart + desc.index);
    if (described) return { persons: [described], how: 'description' };
    // "his wife was detained": a relative of someone, never that someone.
    if (/^(?:his|her|their)\s/iu.test(desc[0])) return { persons: [], how: 'unnamed-relative' };
    if (ctx.focus) return { persons: [ctx.focus], how: 'description' };
  }
  const after = mentionsIn(ctx, matchEnd, s.end).filter((m) => isEligible(m.p, type));
  if (GENERIC_PLURAL.test(ctx.text.slice(clauseStart, at))) {
    // "those detained, including A and B": the named ones; a bare crowd is no one's event.
    return /\bincluding\b/i.test(s.text) && after.length ? { persons: [...new Set(after.map((m) => m.p))], how: 'including' } : { persons: [], how: 'generic' };
  }
  if (after.length) return { persons: [after[0]!.p], how: 'object' };
  const obj = PRONOUN_AFTER.exec(ctx.text.slice(matchEnd, s.end));
  if (obj) {
    const p = resolvePronoun(ctx, obj[1]!, matchEnd);
    if (p) return { persons: [p], how: 'object-pronoun' };
  }
  if (ctx.firstPerson && ctx.focus) return { persons: [ctx.focus], how: 'testimony' };
  return { persons: [], how: 'none' };
}

function claimantOf(ctx: Ctx, s: Sentence, subject: ReportPerson): string | null {
  const m = REPORTING.exec(s.text);
  if (!m) return null;
  const speakers = mentionsIn(ctx, s.start, s.end);
  const near = speakers.filter((x) => Math.abs(x.start - (s.start + m.index)) < 50);
  if (near.length) return near[0]!.p.name;
  if (/\b(?:he|she)\s+(?:said|claimed|told|alleged|testified|wrote|stated)\b/i.test(s.text)) return subject.name;
  return null;
}

const HOW_FACTOR: Record<string, number> = { 'pronoun-plural': 0.85, named: 1, list: 0.95, including: 0.9, pronoun: 0.9, description: 0.85, object: 0.85, 'object-pronoun': 0.85, testimony: 0.6 };

/** Verbs of saying: a date before one dates the saying, not what was said ("On 28 February he stated that he had been released"). */
const SAYING = /\b(?:said|says|stated|states|told|announced|wrote|reported|claimed|claims|informs|informed|added|explained|recalled|testified)\b/giu;

/** How many sentences a story's date carries over to sentences that give none. */
const STORY_WINDOW = { testimony: 8, news: 2 };

type DateBasis = 'text' | 'relative' | 'publication' | 'citation' | 'story';

/**
 * The date of an event: its own sentence's date nearest the trigger, else a day relative to the
 * story ("the following day", "on the Monday"), else "overnight"/"this morning" against the
 * publication date, else a source citation's date, else the date of the story being told.
 */
function eventDate(s: Sentence, triggerAt: number, own: FoundDate[], cited: FoundDate[], rel: string | null, nearPub: string | null, story: Story, i: number, testimony: boolean): { date: string | null; basis: DateBasis | null } {
  const all = [...s.text.matchAll(SAYING)];
  const sayings = all.map((m) => m.index!).filter((x) => x < triggerAt);
  // "his family said on Wednesday": the day of the saying, wherever the trigger stands.
  const saidOn = (d: FoundDate) => all.some((m) => d.index >= m.index! + m[0].length && /^\s*(?:on\s+|last\s+)?$/iu.test(s.text.slice(m.index! + m[0].length, d.index)));
  const usable = own.filter((d) => !sayings.some((x) => d.index < x) && !saidOn(d) && !inApposition(s.text, d, triggerAt));
  if (usable.length) return { date: usable.reduce((a, b) => (Math.abs(b.index - triggerAt) < Math.abs(a.index - triggerAt) ? b : a)).date, basis: 'text' };
  if (rel) return { date: rel, basis: 'relative' };
  if (nearPub) return { date: nearPub, basis: 'publication' };
  if (cited.length) return { date: cited[0]!.date, basis: 'citation' };
  // A testimony tells a story in order; a news report jumps, and what someone "said" has its own time.
  SAYING.lastIndex = 0;
  const carries = testimony ? i - story.at <= STORY_WINDOW.testimony : i - story.at <= STORY_WINDOW.news && !SAYING.test(s.text);
  if (story.date && carries) return { date: story.date, basis: 'story' };
  return { date: null, basis: null };
}

/**
 * A date in an apposition to a name dates the description, not the event:
 * "A, a candidate in December, remains in prison"; "B, the 2022 laureate, was handcuffed".
 */
function inApposition(text: string, d: FoundDate, triggerAt: number): boolean {
  const open = text.lastIndexOf(',', d.index);
  const close = text.indexOf(',', d.index + d.text.replace(/[\s,.;]+$/u, '').length);
  if (open < 0 || close < 0 || (triggerAt > open && triggerAt < close)) return false;
  // A relative clause on a name has its own verb and its own date: "A, who was detained in May, has been moved".
  if (/^,\s*(?:who|whom|whose|which)\b/iu.test(text.slice(open))) return true;
  return /\p{Lu}[\p{L}’'-]+$/u.test(text.slice(0, open)) && !/\b(?:was|were|is|are|had|has|have)\b/iu.test(text.slice(open, close));
}

interface Story {
  date: string | null;
  night: boolean;
  /** Index of the sentence that last set or confirmed the story's time. */
  at: number;
}

export function findEvents(ctx: Ctx, sentences: Sentence[]): ContractEvent[] {
  const out: ContractEvent[] = [];
  const story: Story = { date: null, night: false, at: -1 };
  sentences.forEach((s, i) => {
    const found = datesIn(s.text, ctx.ref, ctx.language);
    // "the Tuesday" is a day of the story, found from the story's date, not from the publication week.
    const own = found
      .filter((d) => !d.citation)
      .flatMap((d) => (d.weekday === undefined ? [d] : story.date && weekdayAfter(story.date, d.weekday) ? [{ ...d, date: weekdayAfter(story.date, d.weekday)! }] : []));
    const cited = found.filter((d) => d.citation);
    const rel = relativeDay(s.text, story.date);
    const nearPub = nearPublication(s.text, ctx.ref);
    const seen = new Set<string>();
    for (const rule of TRIGGERS) {
      const m = rule.pattern.exec(s.text);
      if (!m) continue;
      const head = s.text.slice(0, m.index);
      // For a denial or a ban the negation is the event itself: "was not allowed to see a lawyer".
      const negative = rule.type === 'denial_of_access' || rule.type === 'travel_ban';
      if (NEGATION.test(head) || IRREALIS.test(head) || IRREALIS_MAY.test(head) || (!negative && INNER_NEGATION.test(m[0]))) continue;
      // A trigger word inside a name is no event: "the Committee Against Torture".
      if (m.index > 0 && /^\p{Lu}/u.test(m[0]) && /\p{Lu}\p{L}*\s+$/u.test(head)) continue;
      const at = s.start + m.index;
      const { persons, how } = subjects(ctx, s, at, at + m[0].length, rule.type, rule);
      const { date, basis } = eventDate(s, m.index, own, cited, rel, nearPub, story, i, ctx.firstPerson);
      if (persons.length > 1) ctx.group = persons;
      for (const p of persons) {
        const key = `${rule.type}|${p.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // Allegations and denials are someone's word; plain reported facts carry no claimant.
        const claimant = rule.type === 'torture_allegation' || rule.type === 'denial_of_access' || DENIAL.test(s.text) ? claimantOf(ctx, s, p) : null;
        out.push({
          type: rule.type,
          person: p.name,
          date,
          place: ['arrest', 'detention', 'transfer', 'release', 'trial', 'death_in_custody'].includes(rule.type) ? findPlace(s.text, m.index, rule.type === 'transfer', rule.type === 'trial') : null,
          detail: detailFor(rule.type, s.text, m[0], ctx.country, DENIAL.test(s.text)),
          evidence: s.text,
          start: s.start,
          end: s.end,
          // A date carried over from the story or a citation is a guess: it lowers the confidence.
          confidence: Math.round(rule.confidence * (HOW_FACTOR[how] ?? 0.7) * (basis === 'story' || basis === 'citation' ? 0.9 : 1) * 100) / 100,
          rule: `${rule.rule}+subject:${how}${basis ? `+date:${basis}` : ''}`,
          claimant,
          dateBasis: basis,
        });
      }
    }
    // The story's clock: a stated date resets it, "the following day" moves it, hours after
    // midnight on "the night of" a date move it to the next day.
    const last = own[own.length - 1];
    if (last) Object.assign(story, { date: last.date, night: !!last.night, at: i });
    // "the day before" dates its own sentence but the story goes on from where it was.
    else if (rel && (!story.date || rel >= story.date)) Object.assign(story, { date: rel, night: rel === story.date && story.night, at: i });
    else if (story.date && story.night && story.date.length === 10 && SMALL_HOURS.test(s.text)) Object.assign(story, { date: afterMidnight(story.date), night: false, at: i });
    else if (STORY_TIME.test(s.text)) story.at = i;
  });
  return out;
}

function detailFor(type: string, sentence: string, trigger: string, country: 'BY' | 'RU' | null, denied: boolean): string | null {
  const bits: string[] = [];
  if (type === 'charge' || type === 'sentence' || type === 'trial') bits.push(...findArticles(sentence, country));
  if (type === 'sentence') {
    const t = TERM.exec(sentence);
    if (t) bits.push(t[0].trim());
  }
  if (type === 'denial_of_access' || type === 'torture_allegation' || type === 'search' || type === 'travel_ban') bits.push(trigger.trim());
  if (denied) bits.push('denied by the authorities');
  return bits.length ? bits.join('; ') : null;
}
