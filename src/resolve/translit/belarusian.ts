/** Belarusian romanisation systems as data: the national system of 2007 (adopted by the UN in 2007), BGN/PCGN, the passport style (national system without diacritics), and Łacinka, the Belarusian Latin alphabet. */
import type { TranslitTable } from './table.ts';

const NATIONAL: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'ie', ё: 'io', ж: 'ž', з: 'z', і: 'i', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'ŭ', ф: 'f', х: 'ch', ц: 'c', ч: 'č', ш: 'š', ы: 'y', ь: 'ʹ', э: 'e', ю: 'iu', я: 'ia', "'": '', '’': '' };

export const BE_NATIONAL_2007: TranslitTable = { name: 'be-national-2007', letters: NATIONAL, initial: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' } };

/** Passport style: the national system's digraphs written the English way (Aliaksandr, Tsikhanouskaya). */
export const BE_PASSPORT: TranslitTable = {
  name: 'be-passport',
  letters: { ...NATIONAL, ж: 'zh', й: 'i', ў: 'u', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ь: '' },
  initial: { е: 'ye', ё: 'yo', ю: 'yu', я: 'ya', й: 'y' },
};

export const BE_BGN_PCGN: TranslitTable = {
  name: 'be-bgn-pcgn',
  letters: { ...NATIONAL, е: 'ye', ё: 'yo', ж: 'zh', й: 'y', ў: 'w', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ь: "'", ю: 'yu', я: 'ya', ле: 'lye', ля: 'lya' },
};

/** Łacinka: л is ł unless soft (before е, ё, і, ю, я, ь, then l and the vowel loses its i); a soft sign marks the consonant. */
export const BE_LACINKA: TranslitTable = {
  name: 'be-lacinka',
  letters: { ...NATIONAL, л: 'ł', ле: 'le', лё: 'lo', лі: 'li', лю: 'lu', ля: 'la', ль: 'l', ць: 'ć', сь: 'ś', зь: 'ź', нь: 'ń', ь: '' },
  initial: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
};

export const BELARUSIAN_TABLES = [BE_NATIONAL_2007, BE_PASSPORT, BE_BGN_PCGN, BE_LACINKA];
