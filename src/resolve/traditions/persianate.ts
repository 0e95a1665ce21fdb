/**
 * Persian, Afghan and South Asian Muslim names. A compound given name (Mohammad-Reza, Ali-Akbar,
 * Gholam-Hossein) is one name: Mohammad Khatami is not his brother Mohammad Reza Khatami. And a man
 * may be named Muhammad before the name he goes by, as South Asian, Persian, Turkish and Malay names
 * have it: Muhammad Nawaz Sharif is Nawaz Sharif, Mohammad Ashraf Ghani is Ashraf Ghani.
 */
import { givenAgree, isMuhammad, spelt } from '../given-match.ts';
import { PARTICLES, parseName, type ParsedName } from '../parse-name.ts';
import type { NameTradition } from './tradition.ts';

/**
 * The second part of a Persian compound given name, as Persian spells it, or '' for a first part
 * alone; null when the name opens with none of these.
 */
const PERSIAN_FIRST = new Set(['mohammad', 'mohamad', 'ali', 'gholam', 'hamid', 'ahmad', 'amir', 'abdol', 'abdul']);
const PERSIAN_SECOND = new Set(['reza', 'hossein', 'hosein', 'javad', 'bagher', 'baqer', 'taghi', 'taqi', 'mehdi', 'sadegh', 'sadeq', 'akbar', 'asghar', 'kazem']);
const PERSIAN_SECOND_OF = new WeakMap<ParsedName, string | null>();
function persianSecond(p: ParsedName): string | null {
  let v = PERSIAN_SECOND_OF.get(p);
  if (v === undefined) PERSIAN_SECOND_OF.set(p, (v = computePersianSecond(p)));
  return v;
}
function computePersianSecond(p: ParsedName): string | null {
  // French writes Djavad.
  const words = p.tokens.flatMap((t, i) => (i === 0 ? t.split('-') : [t])).map((w) => spelt(w).replace(/^dj/, 'j'));
  const first = words[0] ?? '';
  const joined = [...PERSIAN_FIRST].find((f) => first.startsWith(f) && PERSIAN_SECOND.has(first.slice(f.length)));
  if (joined) return first.slice(joined.length);
  if (!PERSIAN_FIRST.has(first)) return null;
  return words.length >= 3 && PERSIAN_SECOND.has(words[1]!) ? words[1]! : '';
}

/** One name opens with a compound given name, the other with its first part alone. */
function compoundClash(a: ParsedName, b: ParsedName): boolean {
  const sa = persianSecond(a);
  const sb = persianSecond(b);
  return sa !== null && sb !== null && (sa === '') !== (sb === '');
}

/**
 * A name opening with Muhammad, then the name the man goes by, against a name that opens with that
 * one (Muhammad Nawaz Sharif, Nawaz Sharif): not before bin or ibn (Mohammed bin Salman), and only
 * where a surname follows (three words or more). The longer name without its Muhammad, or null.
 */
function knownWithoutMuhammad(long: ParsedName, short: ParsedName): ParsedName | null {
  const [first, second] = long.tokens;
  if (long.tokens.length < 3 || !first || !second || !short.given || !isMuhammad(first) || isMuhammad(short.given) || PARTICLES.has(second.toLowerCase())) return null;
  return givenAgree(short.given, second) >= 0.9 ? withoutFirst(long) : null;
}

const WITHOUT_FIRST = new WeakMap<ParsedName, ParsedName>();
function withoutFirst(p: ParsedName): ParsedName {
  let w = WITHOUT_FIRST.get(p);
  if (!w) WITHOUT_FIRST.set(p, (w = parseName(p.tokens.slice(1).join(' '))));
  return w;
}

const opensWithMuhammad = (p: ParsedName) => p.tokens.length >= 3 && isMuhammad(p.tokens[0]!);

export const persianate: NameTradition = {
  name: 'Persian and South Asian Muslim',
  recognise: (p) => persianSecond(p) !== null || opensWithMuhammad(p),
  compare(a, b, judge) {
    if (compoundClash(a, b)) return { same: false, score: 0.3 };
    const [long, short] = a.tokens.length < b.tokens.length ? [b, a] : [a, b];
    const without = knownWithoutMuhammad(long, short);
    const d = without && judge.general(without, short);
    return d?.same ? { same: true, score: d.score * 0.7 } : null;
  },
};
