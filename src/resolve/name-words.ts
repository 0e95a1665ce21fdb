/**
 * The words of a parsed name beyond its given name and surname, as the general rule and the
 * traditions read them: surname-like words, middle names, given names the table tells apart.
 */
import { givenAgree, givenRows } from './given-match.ts';
import { PARTICLES, type ParsedName } from './parse-name.ts';
import { foldSpelling, toLatin } from './phonetic.ts';
import { surnameAgree } from './surname-match.ts';
import { abjadWords } from './traditions/abjad.ts';

/** A word that is an initial alone (V., V) or a run of them (S.B.). */
export const isInitialWord = (t: string) => /^(\p{L}\.)+$|^\p{L}$/u.test(t);

/**
 * The surname-like tokens of a longer name: everything but the given name, patronymic, initials and
 * particles, plus the run of them joined (Jong Un = Jong-un). Spanish double surnames (Maduro Moros),
 * Arabic chains (bin Salman Al Saud) and Korean order meet the shorter form through any of them.
 */
export function surnameTokens(p: ParsedName): string[] {
  const rest = p.tokens.filter((t) => t !== p.given && t !== p.patronymic && !isInitialWord(t) && !PARTICLES.has(t.toLowerCase()) && t.length >= 2);
  // A hyphenated surname's parts too: Díaz-Canel is also written Diaz Canel.
  const parts = rest.flatMap((t) => (t.includes('-') ? t.split('-').filter((x) => x.length >= 2) : []));
  return rest.length > 1 ? [...rest, ...parts, rest.join('')] : [...rest, ...parts];
}

/**
 * Words of a name, a hyphenated word counted by its parts: Mohammad-Javad Zarif Khonsari is four, and
 * DLAMINI-ZUMA, Nkosazana Clarice is longer than DLAMINI ZUMA, Nkosazana, whose surname is then one of its parts.
 */
export const wordCount = (p: ParsedName) => p.tokens.reduce((n, t) => n + t.split('-').filter(Boolean).length, 0);

/**
 * Two written words that may be the same name: by the table, a reading, or an initial; in Arabic
 * names also by consonant skeleton, where "al-Rahman" is the end of Abdulrahman.
 */
export function wordsAgree(x: string, y: string, arabic: boolean): boolean {
  const ix = /^\p{L}\.?$/u.test(x);
  const iy = /^\p{L}\.?$/u.test(y);
  if (ix || iy) return foldSpelling(toLatin(x))[0] === foldSpelling(toLatin(y))[0];
  // No one-letter slack in Arabic names: al-Khaliq and al-Malik are brothers.
  if (givenAgree(x, y, !arabic) > 0 || surnameAgree(x, y) > 0) return true;
  if (!arabic) return false;
  const [sx] = abjadWords([x]);
  const [sy] = abjadWords([y]);
  if (!sx || !sy) return false;
  return sx === sy || (sx.length >= 3 && sy === `·bd${sx}`) || (sy.length >= 3 && sx === `·bd${sy}`);
}

/**
 * The middle words of a name (between its given name and its surname, particles and patronymic
 * aside) that the other name has nowhere: Orlando in Juan Orlando Hernández, Ali in Hafez Ali al-Assad.
 */
function ownMiddles(p: ParsedName, other: ParsedName, arabic: boolean): string[] {
  // A word before al-Din is one name with it (Badr al-Din = Badreddine), as abjad.ts reads it too.
  const words = p.tokens.slice(1, -1).flatMap((t, i) => (t === p.patronymic || PARTICLES.has(t.toLowerCase()) ? [] : [arabic && /^(al|ad|ud|el|ed)-?din$/i.test(p.tokens[i + 2] ?? '') ? [t, `${t}din`] : [t]]));
  const others = other.tokens.flatMap((t) => [t, ...t.split('-')]);
  return words.filter((forms) => !others.some((o) => forms.some((w) => wordsAgree(w, o, arabic)))).map((forms) => forms[0]!);
}

/**
 * Two different middle names are two people: brothers Juan Orlando and Juan Antonio Hernández,
 * Hafez Ali and Hafez Bashar al-Assad, George W. and George H. W. Bush (middle initials must agree).
 * `arabic`: either name is read as an Arabic one.
 */
export function middlesDiffer(a: ParsedName, b: ParsedName, arabic: boolean): boolean {
  if (ownMiddles(a, b, arabic).length > 0 && ownMiddles(b, a, arabic).length > 0) return true;
  const initials = (p: ParsedName) => p.tokens.slice(1, -1).filter((t) => /^\p{L}\.?$/u.test(t)).map((t) => foldSpelling(toLatin(t))).join('');
  const ia = initials(a);
  const ib = initials(b);
  return !!ia && !!ib && ia !== ib;
}

/** Both given names are in the table, in different rows: Mahmoud and Mohammad share a skeleton, not a name. */
export function givenNamesDiffer(a: ParsedName, b: ParsedName): boolean {
  const ra = a.given ? givenRows(a.given) : undefined;
  const rb = b.given ? givenRows(b.given) : undefined;
  return !!ra && !!rb && !ra.some((r) => rb.includes(r));
}
