/**
 * Folding a name to a key that spelling and transliteration do not change:
 * Mikhalevich = Mikhalevic = Михалевич, Lukashenko = Lukashenka, Sevortian = Sevortyan.
 */
import anyAscii from 'any-ascii';

/** Latin, lower case, without diacritics or apostrophes (soft signs come out as ' in any-ascii). */
export function toLatin(s: string): string {
  return anyAscii(s.normalize('NFC')).toLowerCase().replace(/['’`ʹʼ]/g, '');
}

/** Spelling variants of the same sounds across transliteration systems, folded to one spelling. */
export function foldSpelling(latin: string): string {
  return latin
    .replace(/[^a-z]/g, '')
    .replace(/shch|szcz|sch/g, 's')
    .replace(/tsch|tch|ch|cz/g, 'c')
    .replace(/kh|g/g, 'h')
    .replace(/zh|rz/g, 'z')
    .replace(/sh|sz/g, 's')
    .replace(/ts|tz/g, 'c')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/[yj]/g, 'i')
    // Belarusian ў after a vowel is written u or w where Russian has v: Tsikhanouskaya / Tikhanovskaya.
    .replace(/([aeio])u(?=[^aeiou]|$)/g, '$1v')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The skeleton: the first letter, then consonants only. Vowels are where transliterations and
 * Belarusian/Russian forms differ most (Lukashenka/Lukashenko, Aliaksandr/Aleksandr).
 */
export function skeleton(name: string): string {
  const f = foldSpelling(toLatin(name));
  if (f.length === 0) return '';
  // Belarusian ts (ць) stands where Russian has t (ть): Tsikhanouskaya / Tikhanovskaya.
  return (f[0] + f.slice(1).replace(/[aeiouy]/g, '')).replace(/c/g, 't');
}

/** Levenshtein distance, bounded: gives up past `max` (names are short). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
