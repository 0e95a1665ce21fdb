/** Every Latin rendering of a Cyrillic name under the Russian, Belarusian and Ukrainian tables that can apply to it. */
import { BELARUSIAN_TABLES } from './belarusian.ts';
import { RUSSIAN_TABLES } from './russian.ts';
import { transliterate } from './table.ts';
import { UKRAINIAN_TABLES } from './ukrainian.ts';

export { transliterate, type TranslitTable } from './table.ts';
export * from './russian.ts';
export * from './belarusian.ts';
export * from './ukrainian.ts';

/** Letters that only Belarusian (і, ў) or Ukrainian (і, ї, є, ґ) use pick the tables; otherwise Russian. */
export function latinVariants(cyrillic: string): string[] {
  const l = cyrillic.toLowerCase();
  const tables = [
    ...(/[ёъщэыие]/.test(l) && !/[ўїєґі]/.test(l) ? RUSSIAN_TABLES : []),
    ...(/[іўэы]/.test(l) || !/[щъиїє]/.test(l) ? BELARUSIAN_TABLES : []),
    ...(/[іїєґи]/.test(l) && !/[ўыэъё]/.test(l) ? UKRAINIAN_TABLES : []),
  ];
  return [...new Set((tables.length ? tables : RUSSIAN_TABLES).map((t) => transliterate(cyrillic, t)))];
}
