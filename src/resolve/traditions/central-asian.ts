/**
 * Central Asian and Caucasus surnames written the Russian way add -ov or -ev to the family name, and
 * are written without it in the language's own spelling (Rahmon = Rahmonov, Mirziyoyev = Mirziyoev):
 * a name whose given name is no East Slavic one is also read without the ending. Not a woman's -ova:
 * a woman's bare surname is one that does not decline (Khalip is not Khalipova), and not where the
 * given name is East Slavic (Gorin is not Gorinov).
 */
import { eastSlavicGiven } from '../given-match.ts';
import { withSurname, type ParsedName } from '../parse-name.ts';
import { toLatin } from '../phonetic.ts';
import type { NameTradition, Reading } from './tradition.ts';

const RUSSIAN_ENDING = /(?:ov|ev|ow|ew|ов|ев|ёв)$/iu;

const READINGS = new WeakMap<ParsedName, Reading[]>();
function readings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (!r) {
    const bare = p.surname?.replace(RUSSIAN_ENDING, '');
    const latin = bare ? toLatin(bare).replace(/[^a-z]/g, '') : '';
    const fits = !!p.given && !eastSlavicGiven(p.given) && bare !== p.surname && latin.length >= 5 && !/[aeiouy]$/.test(latin);
    r = fits ? [{ name: withSurname(p, bare!), weight: 0.8 }] : [];
    READINGS.set(p, r);
  }
  return r;
}

export const centralAsian: NameTradition = {
  name: 'Central Asian and Caucasus',
  recognise: (p) => readings(p).length > 0,
  parse: readings,
};
