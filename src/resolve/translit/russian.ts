/** Russian romanisation systems as data. Sources: BGN/PCGN 1947, ISO 9:1995, GOST 7.79-2000 system B, ICAO Doc 9303 (Russian passports since 2013), and the German (Duden), French and Polish press conventions. */
import type { TranslitTable } from './table.ts';

const BASE: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '"', ы: 'y', ь: "'", э: 'e', ю: 'yu', я: 'ya' };

export const RU_BGN_PCGN: TranslitTable = { name: 'ru-bgn-pcgn', letters: BASE, initial: { е: 'ye', ё: 'yë' } };

export const RU_ISO9: TranslitTable = {
  name: 'ru-iso9',
  letters: { ...BASE, ё: 'ë', ж: 'ž', й: 'j', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ъ: 'ʺ', ь: 'ʹ', э: 'è', ю: 'û', я: 'â' },
};

/** GOST 7.79 B writes ц as c before е, и, ы, й and cz elsewhere. */
export const RU_GOST_779B: TranslitTable = {
  name: 'ru-gost-7.79-b',
  letters: { ...BASE, ё: 'yo', й: 'j', х: 'x', ц: 'cz', це: 'ce', ци: 'ci', цы: "cy'", цй: 'cj', щ: 'shh', ъ: '``', ы: "y'", ь: '`', э: "e`" },
};

export const RU_ICAO: TranslitTable = {
  name: 'ru-icao',
  letters: { ...BASE, ё: 'e', й: 'i', ъ: 'ie', ь: '', ю: 'iu', я: 'ia' },
};

export const RU_GERMAN: TranslitTable = {
  name: 'ru-german',
  letters: { ...BASE, в: 'w', ё: 'jo', ж: 'sch', з: 's', й: 'i', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ъ: '', ь: '', ю: 'ju', я: 'ja', ий: 'ij', ый: 'yj', ей: 'ei', жё: 'scho', чё: 'tscho', шё: 'scho', щё: 'schtscho' },
  initial: { е: 'je' },
};

export const RU_FRENCH: TranslitTable = {
  name: 'ru-french',
  letters: { ...BASE, ё: 'io', ж: 'j', й: 'ï', у: 'ou', х: 'kh', ч: 'tch', ш: 'ch', щ: 'chtch', ъ: '', ь: '', ю: 'iou', я: 'ia', ге: 'gue', ги: 'gui', ий: 'i' },
};

export const RU_POLISH: TranslitTable = {
  name: 'ru-polish',
  letters: { ...BASE, в: 'w', ё: 'io', ж: 'ż', й: 'j', л: 'ł', ле: 'le', ли: 'li', лё: 'lo', лю: 'lu', ля: 'la', ль: 'l', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz', ъ: '', ь: '', ю: 'iu', я: 'ia', жи: 'ży', ши: 'szy', ци: 'cy', ий: 'ij' },
  initial: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
};

export const RUSSIAN_TABLES = [RU_BGN_PCGN, RU_ISO9, RU_GOST_779B, RU_ICAO, RU_GERMAN, RU_FRENCH, RU_POLISH];
