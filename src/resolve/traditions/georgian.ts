/**
 * Georgian given names end in -i in the nominative, which Russian and English spellings drop
 * (Otari = Otar, Daviti = Davit): with a Georgian surname, the name is also read without it.
 */
import { spelt } from '../given-match.ts';
import type { ParsedName } from '../parse-name.ts';
import type { NameTradition, Reading } from './tradition.ts';

const GEORGIAN_SURNAME = /(dze|dse|shvili|schwili|swili|iani|ava|ua|ia)$/;

const READINGS = new WeakMap<ParsedName, Reading[]>();
function readings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (!r) {
    const given = p.given && spelt(p.given);
    r = given && given.length >= 4 && given.endsWith('i') && p.surname && GEORGIAN_SURNAME.test(spelt(p.surname))
      ? [{ name: { ...p, given: p.given!.slice(0, -1), tokens: p.tokens.map((t) => (t === p.given ? t.slice(0, -1) : t)) }, weight: 0.7 }]
      : [];
    READINGS.set(p, r);
  }
  return r;
}

export const georgian: NameTradition = {
  name: 'Georgian',
  recognise: (p) => readings(p).length > 0,
  parse: readings,
};
