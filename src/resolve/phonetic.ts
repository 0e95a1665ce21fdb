/**
 * Folding a name to keys that spelling and transliteration do not change:
 * Mikhalevich = Mikhalevic = Михалевич, Lukashenko = Lukashenka, Sevortian = Sevortyan,
 * Loukachenko (French press) = Lukaschenko (German) = Łukašenka (Łacinka).
 */
import anyAscii from 'any-ascii';
import { latinVariants } from './translit/index.ts';

/** A bounded memo: names repeat a lot across a million mentions; cleared when full so memory stays flat. */
function memo<T>(fn: (s: string) => T, max = 200_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/**
 * Latin letters with diacritics whose plain form loses a sound: Łacinka/ISO 9 č š ž are ch sh zh,
 * Turkish/Azerbaijani ş ç are sh ch, ə is a; Romanian ș ț are sh ts. any-ascii would drop the háček and merge s with sh.
 */
const DIACRITIC_SOUNDS: Record<string, string> = { č: 'ch', š: 'sh', ž: 'zh', ş: 'sh', ș: 'sh', ț: 'ts', ţ: 'ts', ç: 'ch', ə: 'a', ŭ: 'u', ı: 'i' };

/** Greek αυ, ευ, ηυ are av, ev, iv, and af, ef, if before a voiceless consonant (Εύα = Eva, Ευθύμιος = Efthymios); any-ascii writes y. */
const GREEK_U = /([αεηάέή])[υύ](?=([θκξπσςτφχψ])?)/g;
const greekU = (_: string, vowel: string, voiceless: string | undefined) => `${vowel}${voiceless ? 'φ' : 'β'}`;

/** Latin, lower case, without diacritics or apostrophes (soft signs come out as ' in any-ascii). */
export const toLatin = memo((s: string): string =>
  // Armenian ու is one vowel, u (Ռուբեն = Ruben), which any-ascii spells ow.
  anyAscii(s.normalize('NFC').toLowerCase().replace(/[čšžşșțţçəŭı]/g, (c) => DIACRITIC_SOUNDS[c] ?? c).replace(/ու/g, 'u').replace(GREEK_U, greekU))
    .toLowerCase()
    .replace(/['’`ʹʼ]/g, ''),
);

/** Spelling variants of the same sounds across transliteration systems, folded to one spelling. */
export const foldSpelling = memo((latin: string): string =>
  squeeze(latin
    .replace(/[^a-z]/g, '')
    .replace(/shch|szcz|sch/g, 's')
    .replace(/tsch|tch|ch|cz/g, 'c')
    .replace(/kh|g/g, 'h')
    .replace(/zh/g, 'z')
    .replace(/sh|sz/g, 's')
    .replace(/ts|tz/g, 'c')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/[yj]/g, 'i')
    // A doubled vowel is one long vowel (Mongolian Оюун = Oyun), not a vowel and ў.
    .replace(/[aeiou]+/g, (run) => squeeze(run))
    // Belarusian ў after a vowel is written u or w where Russian has v: Tsikhanouskaya / Tikhanovskaya.
    .replace(/([aeo])u(?=[^aeiou]|$)/g, '$1v')),
);

/**
 * A run of one letter written once, in one pass over the string. (The regular expression
 * /(.)\1+/ backtracks through a capture per character and overflows the stack on a long run:
 * five million "a" in one report broke the search index for good.)
 */
export function squeeze(s: string): string {
  let out = '';
  let last = '';
  for (const ch of s) {
    if (ch !== last) out += ch;
    last = ch;
  }
  return out;
}

/**
 * How the press of other languages spells Russian sounds, undone to the English-style reading
 * before folding. Each is tried; two names match if any readings agree. Only spellings that the
 * English-style systems never produce are rewritten, so the default reading is untouched.
 */
const READINGS: ((s: string) => string)[] = [
  // French: ou = u, ch = sh, j = zh, gu before e/i = g, final mute e (Poutine, Loukachenko, Prigojine, Choïgou).
  (s) => s.replace(/tch/g, 'ch§').replace(/ch(?!§)/g, 'sh').replace(/ch§/g, 'ch').replace(/ou/g, 'u').replace(/j/g, 'zh').replace(/gu(?=[ei])/g, 'g').replace(/ine$/, 'in').replace(/e$/, ''),
  // German: sch = sh, tsch = ch, ch = kh, j = y, z = ts, w = v, s between vowels = z (Nawalny, Jaschin, Senzow, Kara-Mursa).
  (s) => s.replace(/tsch/g, '§').replace(/sch/g, 'sh').replace(/ch/g, 'kh').replace(/§/g, 'ch').replace(/z/g, 'ts').replace(/(?<=[aeiouyrln])s(?=[aeiouy])/g, 'z').replace(/j/g, 'y').replace(/w/g, 'v'),
  // German also writes з as s before a vowel or voiced consonant (Selenskyj, Roisman, Selimchan) and ж as sch (Prigoschin).
  (s) => s.replace(/z/g, 'ts').replace(/tsch/g, '§').replace(/sch/g, 'zh').replace(/ch/g, 'kh').replace(/§/g, 'ch').replace(/(?<=^|[aeiouy])s(?=[aeiouymnlrvbdgw])/g, 'z').replace(/j/g, 'y').replace(/w/g, 'v'),
  // Polish: cz = ch, sz = sh, rz = zh, ch = kh, c = ts, w = v, ie = e, j = y (Poczobut, Cichanouska, Siarhiej).
  (s) => s.replace(/cz/g, '§').replace(/sz/g, 'sh').replace(/rz/g, 'zh').replace(/ch/g, 'kh').replace(/c/g, 'ts').replace(/§/g, 'ch').replace(/w/g, 'v').replace(/ie/g, 'e').replace(/j/g, 'y'),
  // Turkish/Crimean Tatar and Azerbaijani: c = dzh (Celal = Dzhelyal).
  (s) => s.replace(/c(?!h)/g, 'dzh'),
  // Azerbaijani q is g (Tofiq = Tofig); Persian q is gh (Qolian = Gholian).
  (s) => s.replace(/q/g, 'g'),
  // Romanian, as Moldovan lists spell Slavic names: c is k except before e/i, where ch is k and gh is g (Plahotniuc = Plakhotnyuk, Gheorghe).
  (s) => s.replace(/gh(?=[ei])/g, 'g').replace(/ch(?=[ei])/g, '§').replace(/c(?=[ei])/g, '¤').replace(/c/g, 'k').replace(/§/g, 'k').replace(/¤/g, 'ch'),
  // English j and French dj for дж and ج (Jemilev = Джемілєв, Djalali = Jalali).
  (s) => s.replace(/d?j/g, 'dzh'),
  // French eau is o (Trudeau = Трюдо, Rousseau).
  (s) => s.replace(/eau/g, 'o'),
  // English as Russian writes it: j is дж and an h after a vowel is silent (Johnson = Джонсон).
  (s) => s.replace(/(?<=[aeiou])h(?=[^aeiou]|$)/g, '').replace(/d?j/g, 'dzh'),
  // South Asian aspirates are written with or without their h (Murthy = Murty, Gotabhaya = Gotabaya, Siddharth = Sidharth).
  (s) => s.replace(/([bdtj])h/g, '$1'),
];

/**
 * A vowel-loose key for one name token. East Slavic spellings of one name differ mostly in a, e, o
 * and iotation: Belarusian akanne (Lukashenka, Kalesnikava), e written ia/ie/ya (Aliaksandr,
 * Bialiatski, Siarhei), ё written e, yo or io (Alyokhina/Alekhina), soft l written l or li (Łacinka
 * Bialacki). So a, e, o fall together and i before them goes; i and u stay, as do all consonants.
 * Belarusian dz/ts before front vowels stand where Russian has d/t (Dziadok/Dedok).
 */
export function looseKey(folded: string): string {
  const key = folded
    // Belarusian puts v before u after a vowel where Russian has none: Navumau = Naumov.
    .replace(/([aeo])vu(?=[^aeiou])/g, '$1v')
    // d between n and z is often not written: Akhundzada = Akhunzada.
    .replace(/ndz/g, 'nz')
    // A cluster Russian writes and Belarusian drops, as both pronounce it: Счастная / Шчасная.
    .replace(/stn/g, 'sn')
    .replace(/dz(?=[ei])/g, 'd')
    .replace(/c(?=[ei])/g, 't')
    .replace(/i(?=[aeo])/g, '')
    .replace(/iu/g, 'u')
    .replace(/[eo]/g, 'a');
  return squeeze(key);
}

/** Every loose key a written token can have across the press readings above. */
export const tokenKeys = memo((token: string): string[] => {
  const latin = toLatin(token);
  const out = new Set<string>([looseKey(foldSpelling(latin))]);
  for (const r of READINGS) out.add(looseKey(foldSpelling(r(latin))));
  // A Cyrillic token also gets the keys of its renderings under every standard table that applies.
  if (/\p{Script=Cyrillic}/u.test(token)) {
    for (const v of latinVariants(token)) out.add(looseKey(foldSpelling(toLatin(v))));
    // An English name in Russian letters writes the English short u as а and a long i as ай (Трамп = Trump, Байден = Biden).
    out.add(looseKey(foldSpelling(toLatin(token.toLowerCase().replace(/ай/g, 'и').replace(/а/g, 'у')))));
  }
  // Greek: η is i today and e in older and Cypriot spellings (Christodoulides), ου is ou, γι before a
  // vowel is y, and μπ ντ γκ open a word as b d g (Μπακογιάννη = Bakoyanni).
  if (/\p{Script=Greek}/u.test(token)) {
    const g = token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ου/g, 'ou').replace(/γι(?=[αεοω])/g, 'y').replace(/^μπ/, 'b').replace(/^ντ/, 'd').replace(/γκ|γγ/g, 'g');
    for (const eta of ['i', 'e']) out.add(looseKey(foldSpelling(toLatin(g.replace(/η/g, eta)))));
  }
  return [...out].filter(Boolean);
});

/**
 * The skeleton: the first letter, then consonants only. Used for blocking, where recall matters
 * more than precision; the decision itself uses tokenKeys.
 */
export function skeleton(name: string): string {
  const f = looseKey(foldSpelling(toLatin(name)));
  if (f.length === 0) return '';
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
