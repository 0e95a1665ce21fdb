/**
 * A transliteration table as data: Cyrillic letters (or two-letter sequences, tried first) to Latin,
 * with separate renderings for iotated vowels at the start of a word or after a vowel, soft or hard
 * sign, ў or apostrophe, where most systems write y/j/i differently ("Yelena" but "Aleksei").
 */
export interface TranslitTable {
  name: string;
  letters: Record<string, string>;
  /** Renderings used at word start or after a vowel/sign, overriding `letters`. */
  initial?: Record<string, string>;
  /** Ukrainian 2010: the initial renderings apply only at the start of a word, not after vowels. */
  initialOnlyAtWordStart?: boolean;
}

const AFTER = /[аеёиоуыэюяіїєўьъ'’ʼ]/;

export function transliterate(text: string, table: TranslitTable): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const lower = c.toLowerCase();
    const upper = c !== lower;
    const pair = lower + (chars[i + 1] ?? '').toLowerCase();
    let latin: string | undefined;
    let used = 1;
    if (chars[i + 1] && table.letters[pair] !== undefined) {
      latin = table.letters[pair];
      used = 2;
    } else {
      const prev = (chars[i - 1] ?? ' ').toLowerCase();
      const atStart = i === 0 || !/\p{L}/u.test(prev) || (!table.initialOnlyAtWordStart && AFTER.test(prev));
      latin = (atStart ? table.initial?.[lower] : undefined) ?? table.letters[lower];
    }
    if (latin === undefined) out += c;
    else {
      const next = chars[i + used] ?? '';
      const wordUpper = upper && next !== '' && next !== next.toLowerCase();
      out += !upper ? latin : wordUpper ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
    }
    i += used - 1;
  }
  return out;
}
