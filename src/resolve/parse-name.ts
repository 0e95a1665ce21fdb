/**
 * A name as written in a report, taken apart: titles and possessives off, order undone
 * ("PUTIN, Vladimir", "Putin Vladimir Vladimirovich"), patronymic and initials recognised,
 * Russian/Belarusian case endings removed from Cyrillic surnames.
 */
import { EAST_SLAVIC_GIVEN_NAME_GROUPS, GIVEN_NAME_GROUPS } from './given-names.ts';
import { givenRows } from './given-match.ts';
import { foldSpelling, toLatin } from './phonetic.ts';

export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'madam', 'president', 'ex-president', 'former', 'minister', 'general',
  'colonel', 'judge', 'lawyer', 'journalist', 'activist', 'candidate', 'presidential', 'opposition', 'leader', 'blogger', 'the',
  'nobel', 'laureate', 'politician', 'st', 'saint', 'rev', 'father', 'lt', 'capt', 'captain', 'sgt', 'officer', 'comrade', 'dictator', 'strongman',
  'bishop', 'archbishop', 'cardinal', 'monsignor', 'monseñor', 'mgr', 'pastor', 'reverend', 'fr', 'patriarch', 'metropolitan', 'rabbi',
  'daw', 'sayyid', 'syed', 'sayyed', 'seyyed', 'seyed', 'seyyid', 'ayatollah', 'sheikh', 'shaikh', 'imam', 'prince', 'princess', 'mullah', 'maulana', 'mawlana', 'moulana', 'maulvi', 'moulvi', 'mawlawi', 'mawlavi', 'mufti', 'haji', 'hajji', 'gen', 'col', 'maj', 'governor', 'senator', 'deputy', 'chairman',
  'crown', 'vice', 'hadj', 'hadji', 'elhadj', 'el-hadj', 'el-hadji', 'lord', 'lady', 'baron', 'baroness', 'dame', 'samdech', 'samdach', 'h.e', 'hon', 'honourable', 'honorable', 'excellency', 'datuk', 'dato', 'datin', 'alhaji', 'alhaja', 'hajia', 'mallam', 'chief', 'engr',
  'brig', 'brigadier', 'admiral', 'marshal', 'shri', 'shree', 'smt', 'sheikha', 'سید', 'سيد', 'السيد', 'آیت‌الله', 'آيت‌الله', 'شیخ', 'الشيخ', 'شيخ',
  'господин', 'госпожа', 'г-н', 'президент', 'пан', 'пані', 'спадар', 'спадарыня', 'судья', 'адвокат',
]);

/**
 * Ranks and honorifics that open a name but are surnames elsewhere (John Major, Sally Field; Punjabi
 * Mian, as in Mian Muhammad Shahbaz Sharif, and the economist Atif Mian): taken off the front only.
 */
const LEADING_RANKS = new Set(['major', 'lieutenant', 'commander', 'rear', 'field', 'air', 'mian', 'lt.-gen', 'maj.-gen', 'lt-gen', 'maj-gen', 'brig-gen', 'lt.gen', 'maj.gen']);

const MALAY_HONORIFICS = new Set(['tun', 'tan', 'sri', 'seri', 'toh', 'puan', 'tengku', 'tunku', 'dato', 'datuk', 'datin', 'paduka', 'haji', 'hajah']);

// ml. is Czech and Slovak for Jr (mladší).
const SUFFIXES = new Set(['jr', 'sr', 'junior', 'senior', 'ii', 'iii', 'iv', 'ml']);

/** East Slavic patronymic endings in Latin letters (Russian, Ukrainian, Belarusian): the father's name comes before them. */
const LATIN_PATRONYMIC_ENDINGS = ['ovich', 'evich', 'ovych', 'evych', 'avich', 'ovna', 'evna', 'ivna', 'ichna', 'auna', 'euna'];
const PATRONYMIC_ENDING = new RegExp(`(?:${LATIN_PATRONYMIC_ENDINGS.join('|')})$`);
/** A patronymic word: the Latin endings, their Cyrillic forms, and the Turkic ones. */
// Russian patronymics of fathers whose names end in -a or -ya (Ilya, Kuzma, Foma, Luka, Nikita, Savva).
const PATRONYMIC = new RegExp(`(?:${[...LATIN_PATRONYMIC_ENDINGS, 'ilyich', 'ilich', 'kuzmich', 'fomich', 'lukich', 'nikitich', 'savvich', 'ilyinichna', 'nikitichna', 'ильич', 'кузьмич', 'фомич', 'лукич', 'никитич', 'саввич', 'ильинична', 'никитична', 'uly', 'ulu', 'kyzy', 'qyzy', 'ogly', 'oglu', 'aviç', 'авич', 'евич', 'ович', 'овна', 'евна', 'ічна', 'івна', 'авіч', 'евіч', 'аўна', 'еўна'].join('|')})$`, 'iu');

/** A Latin patronymic without its ending (nikolaevich → nikola), or null if it has none. */
export function patronymicStem(latin: string): string | null {
  const stem = latin.replace(PATRONYMIC_ENDING, '');
  return stem !== latin && stem.length >= 2 ? stem : null;
}
const FEMALE_SURNAME = /(ova|eva|yova|ina|yna|skaya|skaia|skaja|ska|tskaya|ckaja|aya|ая|ова|ева|ина|ына|ская|цкая|ава)$/iu;
const MALE_SURNAME = /(ov|ev|ow|ew|yov|au|in|yn|sky|skiy|skii|skij|ski|ау|ов|ев|ин|ын|ский|цкий|скі)$/iu;
const MALE_TITLES = new Set(['mr', 'sir', 'господин', 'пан', 'спадар']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'madam', 'госпожа', 'пані', 'спадарыня']);
/** East Slavic female given names end in -a/-ia; these male names do too. */
const MALE_GIVEN_IN_A = new Set([
  'nikita', 'mikita', 'ilya', 'ilia', 'foma', 'luka', 'kuzma', 'sava', 'savva', 'mykyta', 'danila', 'yakima', 'joshua', 'akira', 'mykola', 'mikola', 'andrea', 'kosta',
  // Arabic, Persian and Turkish men's names.
  'mustafa', 'mustapha', 'mostafa', 'moustafa', 'khalifa', 'hamza', 'osama', 'usama', 'oussama', 'yahya', 'musa', 'moussa', 'issa', 'isa', 'taha', 'reza', 'rida', 'ridha',
  'mojtaba', 'mujtaba', 'morteza', 'murtada', 'murtaza', 'zakaria', 'zakariya', 'huzaifa', 'hudhayfa', 'ubayda', 'obeida', 'juma', 'jumaa', 'attia', 'atiya', 'saqqa',
  // Russian short forms of men's names (Misha is Mikhail, Dima Dmitry), as the press and relatives use them.
  'misha', 'dima', 'mitya', 'pasha', 'vanya', 'kolya', 'vova', 'volodya', 'seryozha', 'lesha', 'alyosha', 'lyosha', 'tolya', 'vitya', 'zhora', 'grisha',
  'fedya', 'lenya', 'vasya', 'yura', 'styopa', 'kostya', 'roma', 'petya', 'borya',
]);
/** Short forms that are a man's and a woman's (Sasha is Aleksandr and Aleksandra): no gender from them. */
const EITHER_GENDER = new Set(['sasha', 'sasa', 'shura', 'sanya', 'zhenya', 'valya', 'slava']);

/** Man or woman from the surname form alone (Ivanov/Ivanova, Tsikhanouski/Tsikhanouskaya), if it says. */
export function surnameGender(surname: string): 'f' | 'm' | null {
  const l = toLatin(surname);
  if (FEMALE_SURNAME.test(l)) return 'f';
  if (/(ov|ev|ow|ew|yov|au|in|yn|sky|skiy|skii|skij|ski|iy|yy|yi|ny|oy)$/.test(l)) return 'm';
  return null;
}

/** Every spelling of a table row that holds one of the men's names above: Mousa is Musa's row. */
const MALE_IN_A_ROWS = new Set(
  GIVEN_NAME_GROUPS.filter((row) => row.some((n) => MALE_GIVEN_IN_A.has(toLatin(n)))).flatMap((row) => row.map((n) => foldSpelling(toLatin(n)))),
);

const maleInA = (l: string) => MALE_GIVEN_IN_A.has(l) || MALE_GIVEN_IN_A.has(l.replace(/j/g, 'y'));
/** Each East Slavic row's gender, by its first spelling (see given-names.ts). */
const ROW_GENDER = EAST_SLAVIC_GIVEN_NAME_GROUPS.map((row) => (/a$/.test(toLatin(row[0]!)) && !maleInA(toLatin(row[0]!)) ? 'f' : 'm'));

function givenGender(given: string): 'f' | 'm' | null {
  const l = toLatin(given);
  if (l.length < 3 || EITHER_GENDER.has(l)) return null;
  if (/a$/.test(l)) return maleInA(l) || MALE_IN_A_ROWS.has(foldSpelling(l)) ? 'm' : 'f';
  // Any other East Slavic given name by its rows, when they agree (Ivan, Ales a man; Lyubov, Marie a woman).
  const genders = new Set((givenRows(given) ?? []).filter((r) => r < ROW_GENDER.length).map((r) => ROW_GENDER[r]));
  return genders.size === 1 ? [...genders][0]! : null;
}

export interface ParsedName {
  original: string;
  given: string | null;
  /** Initials of the given name, when only initials are written ("A. Mikhalevich"). */
  initial: string | null;
  patronymic: string | null;
  surname: string | null;
  /** Every token that is not a title: a single-token name may be a given name or a surname. */
  tokens: string[];
  gender: 'f' | 'm' | null;
  /** Generational suffix: jr, sr, ii, iii. */
  suffix?: string | null;
}

function isInitialToken(t: string): boolean {
  return /^\p{L}\.?$/u.test(t) || /^(\p{L}\.){1,3}$/u.test(t) || /^(\p{Lu}\.){1,2}\p{Lu}\.?$/u.test(t);
}

/** Particles inside Arabic, Spanish, Dutch, German names (bin Salman, al-Assad, de la Cruz): not surnames alone. */
export const PARTICLES = new Set(['bin', 'ibn', 'bint', 'ben', 'al', 'el', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'do', 'la', 'le', 'van', 'von', 'der', 'den', 'y', 'abu', 'ul', 'ud']);

/** Russian and Belarusian case endings on a Cyrillic surname: Михалевича, Михалевичу, Михалевичем. */
export function stripCaseEnding(token: string): string[] {
  if (!/\p{Script=Cyrillic}/u.test(token)) return [token];
  const out = [token];
  const m = /^(.{3,}?)(ого|его|ому|ему|ой|ей|ым|им|ом|ем|а|я|у|ю|е|ы|і)$/u.exec(token);
  if (m) out.push(m[1]!);
  return out;
}

/** A quoted run of words between spaces; an apostrophe inside a word (O'Brien, Sa'id) is not a quote. */
export const NICKNAME = /(?<=^|\s)(?:"[^"]+"|'[^']+'|“[^”]+”|‘[^’]+’|«[^»]+»)(?=\s|$)/gu;

function cleanToken(t: string): string {
  return t.replace(/[’']s$/i, '').replace(/^[("“«]+|[)"”»,.;:!?]+$/g, '');
}

export function parseName(raw: string): ParsedName {
  // A nickname in quotes is not a name part: Ismael "El Mayo" Zambada, Hugo 'El Pollo' Carvajal.
  // A remark in brackets is not a name part either (an alias, a role, a date), unless it is all there is.
  const unbracketed = raw.normalize('NFC').replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').trim();
  let text = (unbracketed || raw.normalize('NFC')).replace(NICKNAME, ' ').replace(/\s+/g, ' ').trim();
  let commaOrder = false;
  // Sanctions lists write "IVANOV Petr": a leading all-capitals token before mixed-case ones is the surname.
  const words = text.split(' ');
  // Three or more capitals, so initials ("V.", "AB") are not taken for a surname.
  const isUpper = (t: string) => /^\p{Lu}[\p{Lu}-]{2,}$/u.test(t);
  const mixed = words.slice(1).some((t) => /\p{Ll}/u.test(t));
  if (!text.includes(',') && words.length >= 2 && isUpper(words[0]!) && mixed && !TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ''))) {
    text = `${words[0]}, ${words.slice(1).join(' ')}`;
  }
  // "PUTIN, Vladimir" and "Putin, Vladimir Vladimirovich": surname first, then given names.
  const comma = /^([^,]+),\s*([^,]+)$/.exec(text);
  if (comma) {
    text = `${comma[2]} ${comma[1]}`;
    commaOrder = true;
  }
  let tokens = text.split(/[\s]+/).map(cleanToken).filter(Boolean);
  let titleGender: 'f' | 'm' | null = null;
  for (const t of tokens) {
    const l = t.toLowerCase().replace(/\.$/, '');
    if (MALE_TITLES.has(l)) titleGender = 'm';
    if (FEMALE_TITLES.has(l)) titleGender = 'f';
  }
  // Malay honorifics open a name in runs (Tun Dr. Mahathir, Tan Sri Muhyiddin, Dato' Sri Najib); alone,
  // Tan is a family name and Sri a given name, so they go only as part of such a run.
  const titleWord = (t: string) => TITLES.has(t.toLowerCase().replace(/[.'’]$/, ''));
  const honorific = (t: string | undefined) => !!t && (titleWord(t) || MALAY_HONORIFICS.has(t.toLowerCase().replace(/['’]$/, '')));
  let lead = 0;
  // El Hadj (the pilgrim) before a West African name: El is no name part there.
  if (/^el$/i.test(tokens[0] ?? '') && /^hadji?$/i.test(tokens[1] ?? '')) tokens = tokens.slice(1);
  while (lead < tokens.length - 1 && (titleWord(tokens[lead]!) || LEADING_RANKS.has(tokens[lead]!.toLowerCase()) || (honorific(tokens[lead]) && (lead > 0 || honorific(tokens[lead + 1]))))) lead++;
  tokens = tokens.slice(lead).filter((t) => !titleWord(t));
  // Burmese U (Mr) before a name: U Thant, U Tay Za. Written without a dot, so not an initial.
  if (tokens.length >= 2 && tokens[0] === 'U') tokens = tokens.slice(1);
  // Generational suffixes are not name parts; kept aside so that Jr and Sr can tell father from son.
  let suffix: string | null = null;
  tokens = tokens.filter((t, i) => {
    const l = t.toLowerCase().replace(/\.$/, '');
    if (!SUFFIXES.has(l)) return true;
    // First, it is part of a rank ("Senior General Min Aung Hlaing", "Junior Minister"), not a generation.
    if (i > 0 || tokens.length === 1) suffix = l === 'junior' || l === 'jr' || l === 'ml' ? 'jr' : l === 'senior' || l === 'sr' ? 'sr' : l;
    return false;
  });
  // Initials run together without dots open South Asian names (KP Sharma Oli, VK Singh): capitals and no vowel, before
  // mixed-case words. Not NG, the Cantonese family name as lists write it (NG Kam-chuen).
  if (tokens.length >= 2 && /^[B-DF-HJ-NP-TV-XZ]{2,3}$/.test(tokens[0]!) && tokens[0] !== 'NG' && tokens.slice(1).some((t) => /\p{Ll}/u.test(t))) tokens = [...[...tokens[0]!].map((c) => `${c}.`), ...tokens.slice(1)];
  // "Lukashenko A.G.", "Kadyrov R. A.": a surname followed only by initials is written surname-first.
  if (tokens.length >= 2 && !isInitialToken(tokens[0]!) && tokens.slice(1).every(isInitialToken)) tokens = [...tokens.slice(1), tokens[0]!];
  // Hyphenated first words like "Mr." are gone; a lone initial keeps its dot stripped below.
  const isInitial = isInitialToken;
  let given: string | null = null;
  let initial: string | null = null;
  let patronymic: string | null = null;
  let surname: string | null = null;
  const rest = [...tokens];
  if (rest.length >= 3 && !commaOrder && PATRONYMIC.test(toLatin(rest[rest.length - 1]!)) && !PATRONYMIC.test(toLatin(rest[1]!))) {
    // "Putin Vladimir Vladimirovich": the Russian official order.
    surname = rest[0]!;
    given = rest[1]!;
    patronymic = rest[2]!;
  } else if (rest.length >= 3 && PATRONYMIC.test(toLatin(rest[1]!))) {
    given = rest[0]!;
    patronymic = rest[1]!;
    surname = rest[rest.length - 1]!;
  } else if (rest.length >= 2) {
    given = rest[0]!;
    surname = rest[rest.length - 1]!;
  } else if (rest.length === 1) {
    surname = rest[0]!;
  }
  if (given && isInitial(given)) {
    initial = toLatin(given.replace(/\./g, ''))[0] ?? null;
    given = null;
  }
  if (patronymic && isInitial(patronymic)) patronymic = null;
  const s = surname ? toLatin(surname) : '';
  const surnameGender = FEMALE_SURNAME.test(s) || FEMALE_SURNAME.test(surname ?? '') ? 'f' : MALE_SURNAME.test(s) || MALE_SURNAME.test(surname ?? '') ? 'm' : null;
  const gender = titleGender ?? (given ? givenGender(given) : null) ?? surnameGender;
  return { original: raw, given, initial, patronymic, surname, tokens, gender, suffix };
}

/** The name with another surname in its place (another spelling of it, read by a tradition). */
export function withSurname(p: ParsedName, surname: string): ParsedName {
  return { ...p, surname, tokens: p.tokens.map((t) => (t === p.surname ? surname : t)) };
}
