/**
 * Spanish and Portuguese names: a married woman adds "de" and her husband's surname (Rosario Murillo
 * de Ortega), and a diminutive stands for the given name it is made from (Teodorín = Teodoro,
 * Juanito = Juan). Both are read as further forms of the name. Double surnames (Maduro Moros) are
 * the general rule's: a shorter name may give either surname.
 */
import { spelt } from '../given-match.ts';
import { parseName, type ParsedName } from '../parse-name.ts';
import type { NameTradition, Reading } from './tradition.ts';

const LATIN_ONLY = /^[\p{Script=Latin}\s.'’-]+$/u;

/** The given name a diminutive is made from: its stem, and the stem with -o, -a or -e. */
function diminutiveStems(given: string): string[] {
  // A part of a double name is no diminutive (Emir-Usein).
  if (/[-‐\s]/.test(given)) return [];
  const stem = /^(.{4,}?)(in|ito|ita|cito|cita|illo)$/.exec(spelt(given))?.[1];
  return stem ? [stem, `${stem}o`, `${stem}a`, `${stem}e`] : [];
}

const READINGS = new WeakMap<ParsedName, Reading[]>();
function readings(p: ParsedName): Reading[] {
  let r = READINGS.get(p);
  if (!r) {
    r = [];
    // Without a trailing "de X" after a surname (four words or more).
    if (p.tokens.length >= 4 && p.tokens.at(-2)!.toLowerCase() === 'de') r.push({ name: parseName(p.tokens.slice(0, -2).join(' ')), weight: 0.9 });
    if (p.given && LATIN_ONLY.test(p.original)) {
      for (const stem of diminutiveStems(p.given)) r.push({ name: { ...p, given: stem, tokens: p.tokens.map((t) => (t === p.given ? stem : t)) }, weight: 0.7 });
    }
    READINGS.set(p, r);
  }
  return r;
}

export const spanish: NameTradition = {
  name: 'Spanish and Portuguese',
  recognise: (p) => readings(p).length > 0,
  parse: readings,
};
