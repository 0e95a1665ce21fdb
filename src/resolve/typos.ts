/**
 * Slips of typing in a name: a letter dropped, doubled or swapped with the next one, a key struck
 * next to the right one (Kovalchuk / Kovlachuk, Ostapenko / Ostapemko, Tsikhanouskaya /
 * Tsikhanosukaya), a letter dropped from a transliteration's pair (Marchuk / Marhuk), a vowel
 * dropped from a long surname (Savitskaya / Savitskya). Compared after
 * transliteration, so a slip in one script meets the other script's spelling (Ihar Kovlachuk =
 * Ігар Кавальчук).
 *
 * How many slips a word may carry grows with its length, and given names are held tighter than
 * surnames: a vowel more or less is a slip in a long surname but another given name (Marina,
 * Maryana), and a consonant more or less is never a slip, since it makes
 * another surname (Samoilenov, Samoilenkov; Sidorov, Sidorkov). The first letter is never a slip,
 * nor the last unless it swapped with the one before: the ending says man or woman, and which case.
 */
import { squeeze, toLatin } from './phonetic.ts';
import { latinVariants } from './translit/index.ts';

export type WordKind = 'surname' | 'given';

/** Slips a word of this many letters may carry, and whether a vowel dropped or added may be one. */
function allowance(kind: WordKind, length: number): { edits: number; vowels: boolean } {
  if (kind === 'given') return { edits: length >= 6 ? 1 : 0, vowels: false };
  return { edits: length >= 12 ? 2 : length >= 6 ? 1 : 0, vowels: length >= 7 };
}

/** Keyboard rows, as typed: QWERTY and the Russian and Belarusian ЙЦУКЕН. Data. */
const KEYBOARDS: readonly (readonly string[])[] = [
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'],
  ['йцукенгўзх', 'фывапролджэ', 'ячсмітьбю'],
];

/** Keys next to each key: beside it in its row, and the two touching it in the rows above and below. */
const NEIGHBOURS = new Map<string, Set<string>>();
for (const rows of KEYBOARDS) {
  rows.forEach((row, r) => {
    [...row].forEach((ch, i) => {
      const set = NEIGHBOURS.get(ch) ?? new Set<string>();
      for (const n of [row[i - 1], row[i + 1], rows[r - 1]?.[i], rows[r - 1]?.[i + 1], rows[r + 1]?.[i - 1], rows[r + 1]?.[i]]) if (n) set.add(n);
      NEIGHBOURS.set(ch, set);
    });
  });
}

const VOWELS = new Set([...'aeiouyаеёиоуыэюяі']);
/** Latin letters that pair with h to write one sound (ch, sh, zh, kh, th); ts too. */
const PAIRED = new Set([...'cszkt']);

/** May this letter, between `before` and `after`, be dropped or added by a slip? */
function droppable(ch: string, before: string | undefined, after: string | undefined, vowels: boolean): boolean {
  if (VOWELS.has(ch)) return vowels;
  // One letter of a transliteration's pair (Marchuk, Marhuk; Vaitsekhovich, Vaitsekovich), or a soft or hard sign.
  return (PAIRED.has(ch) && after === 'h') || (ch === 'h' && !!before && PAIRED.has(before)) || (ch === 't' && after === 's') || ch === 'ь' || ch === 'ъ';
}

/**
 * A key struck for its neighbour: a consonant for a consonant (a vowel for a consonant changes the
 * word's shape). One vowel for another is no slip here: the transliteration keys and the vowel edit
 * of surname-match.ts take those, and a slip besides would make two differences.
 */
function swappable(x: string, y: string, keys: boolean): boolean {
  return keys && !VOWELS.has(x) && !VOWELS.has(y) && !!NEIGHBOURS.get(x)?.has(y);
}

/**
 * Whether two spellings are within `edits` slips: swapped pairs, and as written (`keys`) dropped or
 * added letters (as above) and struck neighbours. An optimal string alignment over the words after
 * their first letter.
 */
function withinSlips(a: string, b: string, edits: number, vowels: boolean, keys: boolean): boolean {
  if (a === b) return true;
  if (edits === 0 || a[0] !== b[0] || Math.abs(a.length - b.length) > edits) return false;
  // The ending: the same last letter, or the last two swapped; a vowel there is never swapped away.
  const [la, lb] = [a.at(-1)!, b.at(-1)!];
  if (la !== lb && (VOWELS.has(la) || VOWELS.has(lb) || la !== b.at(-2) || lb !== a.at(-2))) return false;
  // Only the stretch between the shared opening and the shared ending is aligned, with one shared
  // letter kept on each side so that a dropped letter still sees its neighbours.
  let start = 0;
  while (start + 1 < a.length && start + 1 < b.length && a[start + 1] === b[start + 1]) start++;
  let end = 0;
  while (end < a.length - start - 1 && end < b.length - start - 1 && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const x = a.slice(start, a.length - Math.max(0, end - 1));
  const y = b.slice(start, b.length - Math.max(0, end - 1));
  const n = x.length;
  const m = y.length;
  // One slip leaves at most a swapped pair between the shared letters (and one on each side).
  if (edits === 1 && (n > 4 || m > 4)) return false;
  // Rows i-2, i-1 and i of the alignment; d[i][j] is the slips to turn x[0..i) into y[0..j), and the
  // shared first letter (i = j = 1) is where every alignment starts.
  let before = new Float64Array(m + 1).fill(Infinity);
  let prev = new Float64Array(m + 1).fill(Infinity);
  let row = new Float64Array(m + 1).fill(Infinity);
  for (let i = 1; i <= n; i++) {
    row.fill(Infinity);
    for (let j = 1; j <= m; j++) {
      if (i === 1 && j === 1) {
        row[1] = 0;
        continue;
      }
      const cx = x[i - 1]!;
      const cy = y[j - 1]!;
      let v = Infinity;
      if (i > 1 && j > 1) v = prev[j - 1]! + (cx === cy ? 0 : swappable(cx, cy, keys) ? 1 : Infinity);
      if (keys && i > 1 && droppable(cx, x[i - 2], x[i], vowels)) v = Math.min(v, prev[j]! + 1);
      if (keys && j > 1 && droppable(cy, y[j - 2], y[j], vowels)) v = Math.min(v, row[j - 1]! + 1);
      if (i > 2 && j > 2 && cx === y[j - 2] && cy === x[i - 2] && cx !== cy) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[m]! <= edits;
}

/**
 * A word's spellings for comparing slips, each with whether a struck neighbouring key or a vowel may
 * be a slip in it. As written (its Latin letters, doubled letters as one and, where it has any, as
 * typed; a Cyrillic word under every standard that writes it, and in its own letters, for a slip on a
 * Cyrillic keyboard): every slip.
 * With the vowels transliterations disagree on folded (e, o as a; y, j as i): only a swapped pair,
 * since folding hides a vowel's difference (Verhoven is not Verhagen; Kasha- is not Kaho-) but keeps
 * the order of the letters (Kovlachuk = Кавальчук).
 */
interface Spelling { letters: string; keys: boolean }
function spellings(word: string): Spelling[] {
  const plain = (s: string) => squeeze(toLatin(s).replace(/[^a-z]/g, ''));
  const fold = (s: string) => squeeze(plain(s).replace(/[eo]/g, 'a').replace(/[yj]/g, 'i'));
  const written = /\p{Script=Cyrillic}/u.test(word) ? [squeeze(word.toLowerCase().replace(/[^\p{L}]/gu, '')), ...latinVariants(word)] : [word];
  const asWritten = new Set(written.map((w) => (/[a-z]/i.test(w) ? plain(w) : w)));
  // And with doubled letters as typed, for a swap that puts a letter beside its twin (Ryrbachuk, Rrybachuk).
  const letters = (s: string) => (/[a-z]/i.test(s) ? toLatin(s).replace(/[^a-z]/g, '') : s.toLowerCase().replace(/[^\p{L}]/gu, ''));
  for (const w of [word, ...written]) if (/(\p{L})\1/u.test(letters(w))) asWritten.add(letters(w));
  const folded = new Set(written.filter((w) => /[a-z]/i.test(w)).map(fold));
  return [...[...asWritten].map((letters) => ({ letters, keys: true })), ...[...folded].map((letters) => ({ letters, keys: false }))];
}
const SPELLINGS = new Map<string, Spelling[]>();
function spellingsOf(word: string): Spelling[] {
  let s = SPELLINGS.get(word);
  if (!s) {
    if (SPELLINGS.size > 100_000) SPELLINGS.clear();
    SPELLINGS.set(word, (s = spellings(word)));
  }
  return s;
}

/** Are two words one word with slips of typing, by the allowance for a surname or a given name? */
export function typoClose(a: string, b: string, kind: WordKind): boolean {
  const sa = spellingsOf(a);
  const sb = spellingsOf(b);
  for (const x of sa) {
    for (const y of sb) {
      // Cyrillic against Cyrillic letters, Latin against Latin, written against written, folded against folded.
      if (/[a-z]/.test(x.letters) !== /[a-z]/.test(y.letters) || x.keys !== y.keys) continue;
      const { edits, vowels } = allowance(kind, Math.min(x.letters.length, y.letters.length));
      // A vowel dropped or added only as the one slip: two would be one vowel put for another.
      if (withinSlips(x.letters, y.letters, edits, false, x.keys) || (vowels && x.keys && withinSlips(x.letters, y.letters, 1, true, true))) return true;
    }
  }
  return false;
}

/**
 * Blocking keys that a surname keeps through one slip: its consonant skeleton with each consonant
 * left out in turn (Marchuk mrck and Marhuk mrhk share mrk). With the given name's key in front, so
 * that only the same given name's bearers share them.
 */
export function slipKeys(given: string, skeleton: string): string[] {
  if (skeleton.length < 4) return [];
  const out = new Set<string>();
  for (let i = 1; i < skeleton.length; i++) out.add(`t:${given}:${skeleton.slice(0, i)}${skeleton.slice(i + 1)}`);
  return [...out];
}

