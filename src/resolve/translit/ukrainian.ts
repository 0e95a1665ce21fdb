/** Ukrainian romanisation systems as data: the official national system (Cabinet of Ministers resolution 55, 2010; used in passports) and BGN/PCGN 1965. */
import type { TranslitTable } from './table.ts';

export const UK_NATIONAL_2010: TranslitTable = {
  name: 'uk-national-2010',
  letters: { а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', зг: 'zgh', и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '', '’': '' },
  initial: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' },
  initialOnlyAtWordStart: true,
};

export const UK_BGN_PCGN: TranslitTable = {
  name: 'uk-bgn-pcgn',
  letters: { ...UK_NATIONAL_2010.letters, є: 'ye', зг: 'zh', ї: 'yi', й: 'y', ь: "'", ю: 'yu', я: 'ya' },
  initial: {},
};

export const UKRAINIAN_TABLES = [UK_NATIONAL_2010, UK_BGN_PCGN];
