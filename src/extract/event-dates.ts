/**
 * The date of an event: the date its own clause gives nearest the trigger, else a day relative to
 * the story ("the following day", "on the Monday"), else "overnight"/"this morning" against the
 * publication date, else a source citation's date, else the date of the story being told. A date
 * that dates the saying ("he said on Friday") or a description ("A, a candidate in 2020,") is not
 * the event's. The story clock moves from sentence to sentence.
 */
import type { Sentence } from './sentences.ts';
import { datesIn, FUTURE, relativeDay, weekdayAfter, nearPublication, afterMidnight, SMALL_HOURS, STORY_TIME, type FoundDate, type Reference } from './dates.ts';

export type DateBasis = 'text' | 'relative' | 'publication' | 'citation' | 'story' | 'present';

/** Verbs of saying: a date before one dates the saying, not what was said ("On 28 February he stated that he had been released"). */
const SAYING = /(?<!\p{L})(?:said|says|stated|states|told|announced|wrote|reported|claimed|claims|informs|informed|added|explained|recalled|testified|сообщил\S*|рассказал\S*|заявил\S*|паведамі\S*|расказа\S*|заявіў|заявіла)(?!\p{L})/giu;

/**
 * A trigger in the present tense, its own verb ("is held", "are banned", "remains in custody",
 * "Among those pardoned are"): what it states holds on the day of the report. A perfect ("has been
 * transferred") happened at some time before it, and is not dated so.
 */
function present(before: string, from: string): boolean {
  return /(?<!\p{L})(?:is|are|remains|remain)\s+(?:\p{L}+ly\s+|still\s+|now\s+|also\s+|(?:known|said|believed|reported)\s+to\s+be\s+)*$/iu.test(before)
    || /^(?:remains?|находится|находятся|остается|остаётся|знаходзіцца|знаходзяцца|застаецца)(?!\p{L})/iu.test(from)
    || /^\s*among\s+(?:those|the)\s+$/iu.test(before) && /^\p{L}+\s+(?:are|is)(?!\p{L})/iu.test(from);
}

/** A sentence that turns from the story to its background. */
const BACKGROUND = /^(?:\P{L}*)(?:earlier|previously|before\s+that|in\s+the\s+past|last\s+year|recall|ранее|раньше|прежде|напомним|раней|нагадаем|нагадаю)(?!\p{L})/iu;

/** How many sentences a story's date carries over to sentences that give none. */
const STORY_WINDOW = { testimony: 8, news: 2 };

interface Story {
  date: string | null;
  night: boolean;
  /** Index of the sentence that last set or confirmed the story's time. */
  at: number;
  /** Index of the paragraph it was set in. */
  paragraph: number;
  /** The types of event told on the story's date. */
  types: Set<string>;
}

/** The dates one sentence offers its events. */
export interface SentenceDates {
  own: FoundDate[];
  cited: FoundDate[];
  rel: string | null;
  nearPub: string | null;
  index: number;
  paragraph: number;
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
  if (/^,\s*(?:who|whom|whose|which|который|которая|которые|які|якая|якія)(?!\p{L})/iu.test(text.slice(open))) return true;
  return /\p{Lu}[\p{L}’'-]+$/u.test(text.slice(0, open)) && !/(?<!\p{L})(?:was|were|is|are|had|has|have|был|была|были|быў|была|былі)(?!\p{L})/iu.test(text.slice(open, close));
}

export class StoryClock {
  private story: Story = { date: null, night: false, at: -1, paragraph: -1, types: new Set() };
  /** The events the current sentence dated, by type. */
  private dated: [string, string][] = [];
  private paragraph = 0;
  private lastEnd = -1;

  constructor(
    private readonly ref: Reference | null,
    private readonly language: string | null,
    private readonly testimony: boolean,
  ) {}

  /** The dates a sentence gives, read before its events are dated. */
  read(s: Sentence, index: number, text: string): SentenceDates {
    if (this.lastEnd >= 0 && text.slice(this.lastEnd, s.start).includes('\n')) this.paragraph++;
    this.lastEnd = s.end;
    const found = datesIn(s.text, this.ref, this.language, FUTURE.exec(s.text)?.index ?? null);
    // "the Tuesday" is a day of the story, found from the story's date, not from the publication week.
    const own = found
      .filter((d) => !d.citation)
      .flatMap((d) => (d.weekday === undefined ? [d] : this.story.date && weekdayAfter(this.story.date, d.weekday) ? [{ ...d, date: weekdayAfter(this.story.date, d.weekday)! }] : []));
    return { own, cited: found.filter((d) => d.citation), rel: relativeDay(s.text, this.story.date), nearPub: nearPublication(s.text, this.ref), index, paragraph: this.paragraph };
  }

  /** The date of an event whose trigger stands at `triggerAt` in the sentence, between clause bounds. */
  /**
   * `verbs`: where the sentence's triggers stand, so that in "detained on 3 May and later released" 3 May dates
   * the detention only.
   */
  dateOf(s: Sentence, d: SentenceDates, triggerAt: number, clause: [number, number], verbs: number[] = [triggerAt], type: string | null = null): { date: string | null; basis: DateBasis | null } {
    const r = this.dateOfEvent(s, d, triggerAt, clause, verbs, type);
    if (type && r.date && (r.basis === 'text' || r.basis === 'relative' || r.basis === 'story')) this.dated.push([type, r.date]);
    return r;
  }

  private dateOfEvent(s: Sentence, d: SentenceDates, triggerAt: number, clause: [number, number], verbs: number[], type: string | null): { date: string | null; basis: DateBasis | null } {
    const all = [...s.text.matchAll(SAYING)];
    const sayings = all.map((m) => m.index!).filter((x) => x < triggerAt);
    // "his family said on Wednesday": the day of the saying, wherever the trigger stands.
    const saidOn = (x: FoundDate) => all.some((m) => x.index >= m.index! + m[0].length && /^\s*(?:on\s+|last\s+)?$/iu.test(s.text.slice(m.index! + m[0].length, x.index)));
    // A verb joined to an earlier one by "and (later)": the dates between them are the earlier verb's.
    const joined = /(?:,\s*|\s)(?:and|but|then)\s+(?:(?:\p{L}+ly|later|then|soon|eventually|again)\s+)*(?:was\s+|were\s+)?$/iu.exec(s.text.slice(0, triggerAt));
    const previous = joined ? verbs.filter((v) => v < joined.index).reduce((a, b) => Math.max(a, b), -1) : -1;
    const usable = d.own.filter((x) => !sayings.some((y) => x.index < y) && !saidOn(x) && !inApposition(s.text, x, triggerAt) && !(previous >= 0 && x.index > previous && x.index < joined!.index));
    // The trigger's own clause first; a date elsewhere in the sentence only when its clause has none.
    const inClause = usable.filter((x) => x.index >= clause[0] && x.index < clause[1]);
    // A date after the clause belongs to a clause of its own ("left the country, after a warrant was issued last week").
    const pool = inClause.length ? inClause : usable.filter((x) => x.index < clause[0]);
    if (pool.length) return { date: pool.reduce((a, b) => (Math.abs(b.index - triggerAt) < Math.abs(a.index - triggerAt) ? b : a)).date, basis: 'text' };
    if (d.rel) return { date: d.rel, basis: 'relative' };
    if (d.nearPub) return { date: d.nearPub, basis: 'publication' };
    if (d.cited.length) return { date: d.cited[0]!.date, basis: 'citation' };
    // A testimony tells a story in order; a news report jumps.
    // A news report's date carries only within its paragraph, and not into what someone says had happened ("his lawyer said he had been denied care").
    // So too what someone says now of a past they do not date ("his wife says she saw bruises").
    const reported = sayings.some((x) => /(?<!\p{L})had(?!\p{L})/iu.test(s.text.slice(x, triggerAt)) || /^(?:says|claims|states|informs)/iu.test(s.text.slice(x, x + 8)));
    // The next paragraph goes on with an event the story dated ("searched the homes on 6 September." ¶ "The searches took
    // place at …"), unless it turns to the background ("Earlier, …", "Ранее …").
    const sameStory = d.paragraph === this.story.paragraph || (d.paragraph === this.story.paragraph + 1 && type !== null && this.story.types.has(type) && !BACKGROUND.test(s.text));
    const carries = this.testimony ? d.index - this.story.at <= STORY_WINDOW.testimony : d.index - this.story.at <= STORY_WINDOW.news && sameStory && !reported;
    if (this.story.date && carries) return { date: this.story.date, basis: 'story' };
    // Stated in the present ("are banned from travelling", "Among those released are", "remains in custody"): so as of the report's date.
    if (this.ref && present(s.text.slice(clause[0], triggerAt), s.text.slice(triggerAt, clause[1]))) {
      return { date: this.ref.inferred ? String(this.ref.date.getUTCFullYear()) : (this.ref.published ?? null), basis: 'present' };
    }
    return { date: null, basis: null };
  }

  /**
   * After a sentence: a stated date resets the clock, "the following day" moves it, hours after
   * midnight on "the night of" a date move it to the next day.
   */
  advance(s: Sentence, d: SentenceDates): void {
    const story = this.story;
    const last = d.own[d.own.length - 1];
    const before = story.date;
    if (last) Object.assign(story, { date: last.date, night: !!last.night, at: d.index, paragraph: d.paragraph });
    // "the day before" dates its own sentence but the story goes on from where it was.
    else if (d.rel && (!story.date || d.rel >= story.date)) Object.assign(story, { date: d.rel, night: d.rel === story.date && story.night, at: d.index, paragraph: d.paragraph });
    else if (story.date && story.night && story.date.length === 10 && SMALL_HOURS.test(s.text)) Object.assign(story, { date: afterMidnight(story.date), night: false, at: d.index, paragraph: d.paragraph });
    else if (STORY_TIME.test(s.text)) Object.assign(story, { at: d.index, paragraph: d.paragraph });
    if (story.date !== before) story.types = new Set();
    for (const [type, date] of this.dated) if (date === story.date) story.types.add(type);
    this.dated = [];
  }
}
