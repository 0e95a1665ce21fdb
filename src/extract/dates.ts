/**
 * Dates in a sentence, resolved against the publication date and only as precise as the text:
 * "on 19 December" in a report of 2011-03-14 is 2010-12-19; "in June 2020" is 2020-06; with no
 * publication date and no year anywhere, a day and month give no date at all.
 */
import * as chrono from 'chrono-node';
import { belarusianDatesAsRussian } from './language/belarusian.ts';

/** Letters only Belarusian writes, in a sentence. */
function isBelarusianText(s: string): boolean {
  return /[іўІЎ]/u.test(s) && !/[иИщЩъЪ]/u.test(s);
}

export type PartialDate = string;

export interface Reference {
  date: Date;
  /** True when the year comes from the publication date or from the text's own latest date. */
  known: boolean;
  /** True when there was no publication date and the report's latest dated mention stands in. */
  inferred?: boolean;
  /** The publication date as given, only as precise as it was given. */
  published?: PartialDate;
}

export interface FoundDate {
  index: number;
  text: string;
  date: PartialDate;
  /** In a source citation, "(Belta, January 12)": the date of the source, not of the event. */
  citation?: boolean;
  /** "on the Monday", "the Tuesday": a weekday of the story being told, not of the publication week. */
  weekday?: number;
  /** "the night of 19 December": hours after midnight that follow belong to the next day. */
  night?: boolean;
}

/** True when `index` lies inside parentheses that also hold a source name: "(Svaboda, January 12)". */
function inCitation(sentence: string, index: number, length: number): boolean {
  const open = sentence.lastIndexOf('(', index);
  if (open < 0 || sentence.lastIndexOf(')', index) > open) return false;
  const close = sentence.indexOf(')', index + length);
  if (close < 0) return false;
  return /^[^()]*,\s*$/u.test(sentence.slice(open + 1, index)) && /^[\s,\d]*$/u.test(sentence.slice(index + length, close));
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Middle of the period a partial publication date names: "2023-01" refers from mid-January. */
function fromPartial(p: string): Date | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(p);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : 6;
  const d = m[3] ? Number(m[3]) : m[2] ? 28 : 1;
  return new Date(Date.UTC(y, mo, d, 12));
}

/**
 * The reference for relative dates: the publication date, else the latest fully dated moment the
 * report itself mentions (a report is not older than what it reports).
 */
export function referenceFor(published: string | null, text: string): Reference | null {
  const given = published ?? datelineAtStart(text);
  if (given) {
    const d = fromPartial(given);
    if (d) return { date: d, known: true, published: given };
  }
  let latest: Date | null = null;
  for (const r of chrono.en.parse(text)) {
    // Only a year the text writes out: "in two months" is certain only relative to today.
    if (/\b(?:19|20)\d\d\b/.test(r.text) && r.start.isCertain('year') && r.start.isCertain('month')) {
      const d = r.start.date();
      if (!latest || d > latest) latest = d;
    }
  }
  return latest ? { date: latest, known: true, inferred: true } : null;
}

/**
 * A wire-style dateline opening the text: "New York, June 29, 2021 – …", "BANGKOK (22 November 2016) – …":
 * the place, the full date, then a dash. The date of the report.
 */
export function datelineAtStart(text: string): PartialDate | null {
  const m = /^[\s(]*(?:\p{Lu}[\p{L}.' -]{1,40}?[,(]\s*)?([^–—()]{6,30}?)\)?\s*(?:[–—]|--?)\s/u.exec(text.slice(0, 120));
  if (!m) return null;
  const r = chrono.en.strict.parse(m[1]!)[0];
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  return `${r.start.get('year')}-${pad(r.start.get('month')!)}-${pad(r.start.get('day')!)}`;
}

const DURATION = /^(?:in|for|within|after)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?)$/i;

/** chrono's parser for the report's language; English for the rest. */
function parserFor(language: string | null): chrono.Chrono {
  const locales = chrono as unknown as Record<string, chrono.Chrono | undefined>;
  return (language && language !== 'en' && locales[language]?.parse ? locales[language] : undefined) ?? chrono.en.casual;
}

/**
 * What a casual English parse may keep: a month or weekday named with its capital, a year, a
 * numeric date or "yesterday". Casual parsing alone reads "now", "sat", "in a couple of hours"
 * and "the night of 19 December" (as tonight) as dates.
 */
const CALENDAR_WORDS = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:19|20)\d\d\b|\d{1,2}[./]\d{1,2}|\byesterday\b|\blast\s+(?:week|month|year)\b/u;

/** Cheap test before the costly parsers: most sentences name no date at all. */
const MAY_HOLD_DATE = /\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|yesterday)|\p{Script=Cyrillic}/u;

/** The same for Russian and Belarusian: a digit, a month, a weekday or a relative day. */
const MAY_HOLD_CYRILLIC_DATE = /\d|январ|феврал|март|апрел|ма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр|понедельн|вторник|сред[уаы]|четверг|пятниц|суббот|воскресень|вчера|сегодня|завтра|недел|месяц|году|года|назад|студзен|лют|сакав|красав|трав|траў|чэрв|ліп|жнів|верас|кастрыч|лістапад|снеж|панядзел|аўтор|серад|чацвер|пятніц|нядзел|учора|сёння|тыдн|месяц|годзе/iu;

function parse(sentence: string, instant: Date, language: string | null): chrono.ParsedResult[] {
  if (/\p{Script=Cyrillic}/u.test(sentence) && !MAY_HOLD_CYRILLIC_DATE.test(sentence) && !/[A-Za-z]/.test(sentence)) return [];
  if (language === 'be' || (/\p{Script=Cyrillic}/u.test(sentence) && isBelarusianText(sentence))) {
    // Belarusian: the calendar words read as Russian ones, the offsets mapped back.
    const { text, origin } = belarusianDatesAsRussian(sentence);
    return chrono.ru.parse(text, instant).map((r) => {
      const start = origin[r.index]!;
      const end = origin[r.index + r.text.length - 1]! + 1;
      return Object.assign(Object.create(Object.getPrototypeOf(r)) as chrono.ParsedResult, r, { index: start, text: sentence.slice(start, end) });
    });
  }
  if (language && language !== 'en') return sentence.length > 160 && language === 'ru' ? windowed(sentence, MAY_HOLD_CYRILLIC_DATE, (w) => chrono.ru.parse(w, instant)) : parserFor(language).parse(sentence, instant);
  // Only what names the calendar is kept, so a sentence that names none needs no parse.
  if (!MAY_HOLD_DATE.test(sentence) || !CALENDAR_WORDS.test(sentence)) return [];
  // The parsers' cost grows with the text: a long sentence is read only around its calendar words.
  if (sentence.length > 160) return windowed(sentence, CALENDAR_WORDS, (w) => parseEnglish(w, instant));
  return parseEnglish(sentence, instant);
}

/** Parses the stretches of up to 50 characters either side of each calendar word, offsets mapped back. */
function windowed(sentence: string, anchors: RegExp, parseWindow: (w: string) => chrono.ParsedResult[]): chrono.ParsedResult[] {
  const spans: [number, number][] = [];
  for (const m of sentence.matchAll(new RegExp(anchors.source, `g${anchors.flags}`))) {
    const a = Math.max(0, m.index! - 50);
    const b = Math.min(sentence.length, m.index! + m[0].length + 50);
    const last = spans[spans.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else spans.push([a, b]);
  }
  // A window starts and ends at a space, so that no word is cut in two.
  return spans.flatMap(([a, b]) => {
    const start = a === 0 ? 0 : sentence.indexOf(' ', a) + 1 || a;
    const endSpace = sentence.lastIndexOf(' ', b);
    const end = b === sentence.length || endSpace <= start ? b : endSpace;
    return parseWindow(sentence.slice(start, end)).map((r) => Object.assign(Object.create(Object.getPrototypeOf(r)) as chrono.ParsedResult, r, { index: r.index + start }));
  });
}

function parseEnglish(sentence: string, instant: Date): chrono.ParsedResult[] {
  // Formal dates from the strict parser; the casual one adds only what names the calendar.
  const strict = chrono.en.strict.parse(sentence, instant).filter((r) => CALENDAR_WORDS.test(r.text));
  // The casual parser is slow: run it only when calendar words remain outside the strict dates.
  let rest = sentence;
  for (const x of strict) rest = rest.slice(0, x.index) + ' '.repeat(x.text.length) + rest.slice(x.index + x.text.length);
  if (!CALENDAR_WORDS.test(rest)) return strict;
  const casual = chrono.en.casual.parse(sentence, instant).filter((r) => CALENDAR_WORDS.test(r.text) && !strict.some((x) => x.index < r.index + r.text.length && r.index < x.index + x.text.length));
  return [...strict, ...casual].sort((a, b) => a.index - b.index);
}

/** A sentence about what is to come: its day-month dates look forward from the publication, not back. */
export const FUTURE = /(?<!\p{L})(?:will|shall|scheduled\s+(?:for|to)|начн[её]тся|состоится|назначен\S*\s+на|назнач(?:ил|ила|или|ыў|ыла|ылі)\s+(?:\S+\s+){0,6}?на(?=\s)|предстан\S*|пачнецца|адбудзецца|прызначан\S*\s+на|паўстане)(?!\p{L})/iu;

export function datesIn(sentence: string, ref: Reference | null, language: string | null = 'en', futureAt: number | null = null): FoundDate[] {
  const out: FoundDate[] = [];
  const instant = ref?.date ?? new Date(Date.UTC(2000, 0, 1));
  for (const r of parse(sentence, instant, language)) {
    if (DURATION.test(r.text.trim())) continue;
    // "A week later", "two days after": relative to another event, not to the publication date.
    if (/\b(?:later|after|earlier|before|afterwards)\b/i.test(r.text) && !r.start.isCertain('month') && !r.start.isCertain('weekday')) continue;
    const c = r.start;
    // After "will", "начнётся": a day to come ("will go on trial on 20 June"); a date before it keeps looking back.
    const future = futureAt !== null && r.index > futureAt;
    let date: PartialDate | null = null;
    const writtenYear = /\b(?:19|20)\d\d\b/.test(r.text);
    // Without a reference, "two weeks later" is certain only relative to an arbitrary instant.
    if (!ref && !writtenYear) continue;
    if (c.isCertain('year') && (writtenYear || ref)) {
      const y = c.get('year')!;
      date = c.isCertain('month') ? (c.isCertain('day') ? `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` : `${y}-${pad(c.get('month')!)}`) : String(y);
    } else if (ref?.known && c.isCertain('weekday') && c.isCertain('day') && c.isCertain('month')) {
      // "Tuesday 24th May": the weekday fixes the year, the nearest one on the right side of the reference.
      date = yearOfWeekday(c.get('day')!, c.get('month')!, c.get('weekday')!, ref);
    } else if (ref?.known && (c.isCertain('month') || c.isCertain('weekday'))) {
      let d = c.date();
      const shift = (sign: number) => (c.isCertain('month') ? new Date(Date.UTC(d.getUTCFullYear() + sign, d.getUTCMonth(), d.getUTCDate(), 12)) : new Date(d.getTime() + sign * 7 * 86400 * 1000));
      if (ref.inferred) {
        // The report is later than every date it states: an undated day follows the latest of them.
        if (d.getTime() < ref.date.getTime() - 36 * 3600 * 1000) d = shift(1);
      } else if (!future && d.getTime() > ref.date.getTime() + (c.isCertain('month') ? 36 : 12) * 3600 * 1000) {
        // Reports look back: a day-month or weekday later than publication belongs to the year (week) before.
        d = shift(-1);
      }
      date = c.isCertain('day') || c.isCertain('weekday') ? iso(d) : iso(d).slice(0, 7);
    }
    // A report states what has happened: a date after its publication is a plan, not an event date.
    if (!future && date && ref && !ref.inferred && date.length === 10 && new Date(`${date}T12:00:00Z`).getTime() > ref.date.getTime() + 36 * 3600 * 1000) continue;
    if (!date) continue;
    const found: FoundDate = { index: r.index, text: r.text, date };
    if (inCitation(sentence, r.index, r.text.length)) found.citation = true;
    if (c.isCertain('weekday') && !c.isCertain('day') && /\bthe\s+$/iu.test(sentence.slice(Math.max(0, r.index - 4), r.index))) found.weekday = c.get('weekday')!;
    if (/\bnight\s+of\s+$/iu.test(sentence.slice(Math.max(0, r.index - 12), r.index))) found.night = true;
    out.push(found);
  }
  // Bare years chrono leaves alone ("in early 2022", "since 2020").
  for (const m of sentence.matchAll(/(?<!\p{L})(?:in|since|of|early|mid|late|until|by|в|во|с|до|у|з|да|к)\s+(?:early\s+|mid-?\s*|late\s+)?((?:19|20)\d\d)(?!\d)/giu)) {
    if (!out.some((d) => Math.abs(d.index - m.index!) < 20)) out.push({ index: m.index!, text: m[0], date: m[1]! });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The year in which a day and month fall on a weekday, nearest to the reference: not later than a
 * publication date, not earlier than a reference inferred from the report's own latest date.
 */
function yearOfWeekday(day: number, month: number, weekday: number, ref: Reference): PartialDate | null {
  const base = ref.date.getUTCFullYear();
  for (let k = 0; k <= 11; k++) {
    const y = ref.inferred ? base + k : base - k;
    const d = new Date(Date.UTC(y, month - 1, day, 12));
    if (d.getUTCMonth() !== month - 1) continue;
    if (d.getUTCDay() === weekday && (ref.inferred ? d.getTime() >= ref.date.getTime() - 36 * 3600 * 1000 : d.getTime() <= ref.date.getTime() + 36 * 3600 * 1000)) return iso(d);
  }
  return null;
}

/** "the following day", "the next day", "the day before": relative to the last date the report gave. */
export function relativeDay(sentence: string, last: PartialDate | null): PartialDate | null {
  if (!last || last.length !== 10) return null;
  const base = new Date(`${last}T12:00:00Z`);
  if (/\b(?:the\s+)?(?:following|next)\s+(?:day|morning)\b|(?<!\p{L})(?:на\s+следующий\s+день|назавтра|на\s+наступны\s+дзень|наступнага\s+дня)(?!\p{L})/iu.test(sentence)) return iso(new Date(base.getTime() + 86400000));
  if (/\b(?:the\s+)?day\s+before\b|\bthe\s+previous\s+day\b|(?<!\p{L})(?:накануне|напярэдадні)(?!\p{L})/iu.test(sentence)) return iso(new Date(base.getTime() - 86400000));
  if (/\b(?:that|the\s+same)\s+(?:day|night|evening|morning)\b|(?<!\p{L})(?:в\s+тот\s+же\s+день|в\s+этот\s+же\s+день|тем\s+же\s+днём|у\s+той\s+жа\s+дзень|у\s+гэты\s+ж\s+дзень|таго\s+ж\s+дня)(?!\p{L})/iu.test(sentence)) return last;
  // "A week later", "three days after that", "two months later": counted from the story's date,
  // only as precise as the unit (a month later is a month).
  const later = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month)s?\s+(?:later|after(?:wards|\s+that)?)\b/iu.exec(sentence);
  if (later) {
    const n = NUMBER_WORDS[later[1]!.toLowerCase()] ?? Number(later[1]);
    const unit = later[2]!.toLowerCase();
    if (unit === 'month') {
      const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + n, 1, 12));
      return iso(d).slice(0, 7);
    }
    return iso(new Date(base.getTime() + n * (unit === 'week' ? 7 : 1) * 86400000));
  }
  return null;
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const DAY = 86400000;
const addDays = (date: PartialDate, n: number) => iso(new Date(new Date(`${date}T12:00:00Z`).getTime() + n * DAY));

/** The first given weekday (0 = Sunday) after a full date: "on the Monday" after 6 January. */
export function weekdayAfter(date: PartialDate, weekday: number): PartialDate | null {
  if (date.length !== 10) return null;
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, ((weekday - d + 7) % 7) || 7);
}

/** Hours after midnight: "at about 1am", "at half past four in the morning". */
export const SMALL_HOURS = /\b(?:[0-5](?:[.:]\d\d)?\s*(?:am|a\.m\.)|(?:half\s+past|quarter\s+(?:past|to))\s+(?:one|two|three|four|five)\s+in\s+the\s+morning|(?:one|two|three|four|five)\s+o['’]clock\s+in\s+the\s+morning)\b/iu;
/** Words that tie a sentence to the time of the story told so far. */
export const STORY_TIME = /\b(?:that|the\s+same)\s+(?:day|night|evening|morning)\b|\b(?:later|then|afterwards|soon\s+after|in\s+the\s+(?:morning|evening|afternoon))\b|\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|o['’]clock\b/iu;

/** The night or day before publication, for reports of what just happened ("overnight", "this morning"). */
export function nearPublication(sentence: string, ref: Reference | null): PartialDate | null {
  if (!ref || ref.inferred) return null;
  const pub = iso(ref.date);
  // A publication date given as a month gives a month, never an invented day.
  if (ref.published && ref.published.length < 10) return /\b(?:in\s+the\s+night|overnight|last\s+night|this\s+(?:morning|afternoon|evening)|today|tonight)\b/iu.test(sentence) ? ref.published : null;
  if (/\b(?:in\s+the\s+night|overnight|last\s+night)\b/iu.test(sentence)) return addDays(pub, -1);
  if (/\b(?:this\s+(?:morning|afternoon|evening)|today|tonight)\b/iu.test(sentence)) return pub;
  // Calendar periods named from the publication: as precise as the period.
  if (/\blast\s+year\b/iu.test(sentence)) return String(ref.date.getUTCFullYear() - 1);
  if (/\bthis\s+year\b/iu.test(sentence)) return String(ref.date.getUTCFullYear());
  if (/\blast\s+month\b/iu.test(sentence)) return iso(new Date(Date.UTC(ref.date.getUTCFullYear(), ref.date.getUTCMonth() - 1, 1, 12))).slice(0, 7);
  if (/\bthis\s+month\b/iu.test(sentence)) return pub.slice(0, 7);
  return null;
}

/** Advances a story's date past midnight: "the night of 19 December … at about 1am" is 20 December. */
export function afterMidnight(date: PartialDate): PartialDate {
  return addDays(date, 1);
}
