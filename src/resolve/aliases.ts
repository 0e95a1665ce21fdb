/**
 * Other names of one person written beside the name: "GUZMAN LOERA, Joaquin (a.k.a. EL CHAPO)",
 * "Asma al-Assad (née al-Akhras)", "Юрий Дудь, он же ...". The words that bring them in are declared
 * here once: `same-person` reads them inside a name as lists write it, and the extractor reads them
 * after a name in a report (`ALIAS_AFTER` in extract/gazetteer/people.ts).
 */
import { NICKNAME, parseName } from './parse-name.ts';

/** Words that bring in another name and may stand alone, with no comma or bracket before them. */
export const ALIAS_WORDS_ALONE = 'a\\.?k\\.?a\\.?|a/k/a|alias';

/** Words that bring in a birth or maiden name: one word after them is a surname the person was born with. */
export const BIRTH_NAME_WORDS = 'born|née|nee|урожд[её]нная|урожд\\.';

/** The other words that bring in another name (birth-name words aside); a comma or bracket opens them in running text. */
export const ALIAS_WORDS = [
  '(?:also\\s+|better\\s+|more\\s+commonly\\s+|commonly\\s+|widely\\s+|popularly\\s+)?known\\s+(?:as|by\\s+(?:his|her|the)\\s+(?:pen\\s+|nick|nom\\s+de\\s+guerre\\s+|stage\\s+)?name)',
  'nicknamed|real\\s+name|birth\\s+name|whose\\s+real\\s+name\\s+is|pen\\s+name|pseudonym|nom\\s+de\\s+guerre|who\\s+writes\\s+(?:as|under\\s+the\\s+(?:pen\\s+)?name)',
  'он\\s+же|она\\s+же|ён\\s+жа|яна\\s+ж|известн(?:ый|ая|ого|ой)\\s+(?:как|под\\s+(?:именем|псевдонимом))|вядом(?:ы|ая)\\s+як|настоящее\\s+имя|сапраўднае\\s+імя|псевдоним',
].join('|');

/** Inside a name: a marker after the start, a space, a bracket or a semicolon; or Malay and Indonesian "@". */
const MARKER = new RegExp(`(?<=^|[\\s(\\[;,])(?:(${BIRTH_NAME_WORDS})|${ALIAS_WORDS_ALONE}|${ALIAS_WORDS}):?\\s+|\\s@\\s`, 'giu');

/**
 * The name as written, then each other name it gives: after an alias word (up to a semicolon or a
 * closing bracket), or a nickname in quotes. A single word after "née" or "born" is a surname, so it
 * comes with the name's given names (Asma al-Assad, née al-Akhras: Asma al-Akhras), not alone,
 * which would be her father's name as much as hers. A name with none of these is its only form.
 */
export function nameAlternatives(raw: string): string[] {
  // Born and Née with a capital are a surname (Max Born), not a marker.
  const markers = [...raw.matchAll(MARKER)].filter((m) => !m[1] || m[1] === m[1].toLowerCase());
  // A nickname in quotes, as parseName leaves it out of the name: Joaquín "El Chapo" Guzmán.
  const quoted = [...raw.matchAll(NICKNAME)].map((m) => m[0].slice(1, -1));
  if (markers.length === 0 && quoted.length === 0) return [raw];
  const main = (markers.length ? raw.slice(0, markers[0]!.index) : raw).replace(/[\s([;,]+$/u, '').trim();
  const out = main ? [main] : [];
  // The name's given names, for a maiden surname to join: all that follows a comma (ORTIZ BRAVO,
  // Maria Elena), else what parsing puts before the surname (IVANOVA Anna Petrovna: Anna Petrovna).
  const given = main.includes(',') ? main.slice(main.indexOf(',') + 1).trim().split(/\s+/) : main ? parseName(main).tokens.slice(0, -1) : [];
  markers.forEach((m, i) => {
    const end = markers[i + 1]?.index ?? raw.length;
    let alias = raw.slice(m.index + m[0].length, end).split(/[;)\]]/)[0]!.replace(/^["'“‘«]+|["'”’»,]+$/gu, '').trim();
    // A date or a place is no name: "(born 1952)", "born in Hrodna".
    if (!/\p{L}/u.test(alias) || /^(?:in|on|at|near|into|the|of|to|в|во|на|у|ў)\s/iu.test(alias)) return;
    if (m[1] && !/\s/.test(alias) && given.length > 0) alias = `${given.join(' ')} ${alias}`;
    out.push(alias);
  });
  out.push(...quoted.filter((q) => /\p{L}/u.test(q)));
  return [...new Set(out)];
}
