/**
 * A date as a person types it into a correction or a fact entered by hand: 2011, 2011-02,
 * 2011-02-28, 28.02.2011, 28/02/2011 (day first, as in the region Vigil serves). The answer is the
 * partial ISO date Vigil stores, or what is wrong with it in words, with a code a UI translates.
 */
export type DateProblem = 'bad-date-format' | 'bad-date-month' | 'bad-date-day';
export type ParsedDate = { ok: true; date: string } | { ok: false; code: DateProblem; error: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseClaimDate(text: string): ParsedDate {
  const s = text.trim();
  let y: number;
  let m: number | null = null;
  let d: number | null = null;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s))) {
    y = Number(match[1]);
    if (match[2]) m = Number(match[2]);
    if (match[3]) d = Number(match[3]);
  } else if ((match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s))) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{1,2})[./](\d{4})$/.exec(s))) {
    m = Number(match[1]);
    y = Number(match[2]);
  } else {
    return { ok: false, code: 'bad-date-format', error: `“${s.slice(0, 40)}” is not a date: write it as 2011-02-28, 28.02.2011 or 28/02/2011, or just the year or year and month.` };
  }
  if (m !== null && (m < 1 || m > 12)) return { ok: false, code: 'bad-date-month', error: `“${s}”: there is no month ${m}.` };
  if (d !== null && (d < 1 || d > daysIn(y, m!))) return { ok: false, code: 'bad-date-day', error: `“${s}”: ${MONTHS[m! - 1]} ${y} has ${daysIn(y, m!)} days, not ${d}.` };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, date: d !== null ? `${y}-${pad(m!)}-${pad(d)}` : m !== null ? `${y}-${pad(m)}` : String(y) };
}
