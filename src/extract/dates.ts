/**
 * Dates in a sentence, resolved against the publication date and only as precise as the text:
 * "on 19 December" in a report of 2011-03-14 is 2010-12-19; "in June 2020" is 2020-06; with no
 * publication date and no year anywhere, a day and month give no date at all.
 */
import * as chrono from 'chrono-node';

export type PartialDate = string;

export interface Reference {
  date: Date;
  /** True when the year comes from the publication date or from the text's own latest date. */
  known: boolean;
  /** True when there was no publication date and the report's latest dated mention stands in. */
  inferred?: boolean;
}

export interface FoundDate {
  index: number;
  text: string;
  date: PartialDate;
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
  if (published) {
    const d = fromPartial(published);
    if (d) return { date: d, known: true };
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

const DURATION = /^(?:in|for|within|after)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?)$/i;

/** chrono's parser for the report's language; English for the rest. */
function parserFor(language: string | null): chrono.Chrono {
  const locales = chrono as unknown as Record<string, chrono.Chrono | undefined>;
  return (language && language !== 'en' && locales[language]?.parse ? locales[language] : undefined) ?? chrono.en.casual;
}

export function datesIn(sentence: string, ref: Reference | null, language: string | null = 'en'): FoundDate[] {
  const out: FoundDate[] = [];
  const instant = ref?.date ?? new Date(Date.UTC(2000, 0, 1));
  for (const r of parserFor(language).parse(sentence, instant)) {
    if (DURATION.test(r.text.trim())) continue;
    // "A week later", "two days after": relative to another event, not to the publication date.
    if (/\b(?:later|after|earlier|before|afterwards)\b/i.test(r.text) && !r.start.isCertain('month') && !r.start.isCertain('weekday')) continue;
    const c = r.start;
    let date: PartialDate | null = null;
    const writtenYear = /\b(?:19|20)\d\d\b/.test(r.text);
    // Without a reference, "two weeks later" is certain only relative to an arbitrary instant.
    if (!ref && !writtenYear) continue;
    if (c.isCertain('year') && (writtenYear || ref)) {
      const y = c.get('year')!;
      date = c.isCertain('month') ? (c.isCertain('day') ? `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` : `${y}-${pad(c.get('month')!)}`) : String(y);
    } else if (ref?.known && (c.isCertain('month') || c.isCertain('weekday'))) {
      let d = c.date();
      const shift = (sign: number) => (c.isCertain('month') ? new Date(Date.UTC(d.getUTCFullYear() + sign, d.getUTCMonth(), d.getUTCDate(), 12)) : new Date(d.getTime() + sign * 7 * 86400 * 1000));
      if (ref.inferred) {
        // The report is later than every date it states: an undated day follows the latest of them.
        if (d.getTime() < ref.date.getTime() - 36 * 3600 * 1000) d = shift(1);
      } else if (d.getTime() > ref.date.getTime() + (c.isCertain('month') ? 36 : 12) * 3600 * 1000) {
        // Reports look back: a day-month or weekday later than publication belongs to the year (week) before.
        d = shift(-1);
      }
      date = c.isCertain('day') || c.isCertain('weekday') ? iso(d) : iso(d).slice(0, 7);
    }
    // A report states what has happened: a date after its publication is a plan, not an event date.
    if (date && ref && !ref.inferred && date.length === 10 && new Date(`${date}T12:00:00Z`).getTime() > ref.date.getTime() + 36 * 3600 * 1000) continue;
    if (date) out.push({ index: r.index, text: r.text, date });
  }
  // Bare years chrono leaves alone ("in early 2022", "since 2020").
  for (const m of sentence.matchAll(/\b(?:in|since|of|early|mid|late|until|by)\s+(?:early\s+|mid-?\s*|late\s+)?((?:19|20)\d\d)\b/gi)) {
    if (!out.some((d) => Math.abs(d.index - m.index!) < 20)) out.push({ index: m.index!, text: m[0], date: m[1]! });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** "the following day", "the next day", "the day before": relative to the last date the report gave. */
export function relativeDay(sentence: string, last: PartialDate | null): PartialDate | null {
  if (!last || last.length !== 10) return null;
  const base = new Date(`${last}T12:00:00Z`);
  if (/\b(?:the\s+)?(?:following|next)\s+(?:day|morning)\b/i.test(sentence)) return iso(new Date(base.getTime() + 86400000));
  if (/\b(?:the\s+)?day\s+before\b|\bthe\s+previous\s+day\b/i.test(sentence)) return iso(new Date(base.getTime() - 86400000));
  if (/\b(?:that|the\s+same)\s+(?:day|night|evening|morning)\b/i.test(sentence)) return last;
  return null;
}
