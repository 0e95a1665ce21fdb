/** Publication dates from what pages and crawls show: ISO stamps, datelines, meta values. */
import * as chrono from 'chrono-node';

export type PartialDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** A chrono result cut to the components the text really states. */
export function partialFromChrono(r: chrono.ParsedResult): PartialDate | null {
  const c = r.start;
  if (!c.isCertain('year')) return null;
  const y = c.get('year')!;
  if (!c.isCertain('month')) return String(y);
  const m = c.get('month')!;
  if (!c.isCertain('day')) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(c.get('day')!)}`;
}

/** An ISO date or timestamp anywhere in a short string. */
export function isoDate(s: string): PartialDate | null {
  const m = /\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T\s]\d\d:\d\d)?/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * A line that is a dateline ("9 February 2011", "January 5, 2023", "2011-03-14T16:32:26+0200 …"):
 * the date must be most of the line, so a sentence that mentions a date is not taken for one.
 */
export function datelineDate(line: string): PartialDate | null {
  const t = line.trim();
  if (t.length === 0 || t.length > 120) return null;
  const iso = isoDate(t);
  if (iso && t.split(/\s+/).length <= 16) return iso;
  // A numeric day.month.year opening a short line: "20.03.2023 Source: …", "13.07.2022, 14:18".
  const numeric = /^(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?!\d)/.exec(t);
  if (numeric && t.split(/\s+/).length <= 10) return `${numeric[3]}-${numeric[2]!.padStart(2, '0')}-${numeric[1]!.padStart(2, '0')}`;
  const results = chrono.parse(t);
  const r = results[0];
  if (!r) return null;
  const rest = t.replace(r.text, '').replace(/[\s,.|·•—–-]+/g, ' ').trim();
  if (rest.split(/\s+/).filter(Boolean).length > 3) return null;
  const d = partialFromChrono(r);
  return d && d.length >= 7 ? d : null;
}
