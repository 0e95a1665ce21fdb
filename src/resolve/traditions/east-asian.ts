/**
 * Chinese and Korean names: family name first or last, given-name syllables spaced, hyphenated or
 * joined (Kim Jong Un, KIM Jong-Un, Kim Jong-un), several romanisations (pinyin and Wade-Giles:
 * Xi Jinping / Hsi Chin-p'ing, Mao Zedong / Mao Tse-tung; Korean Revised Romanization,
 * McCune-Reischauer and common spellings: Gim Jeong-eun / Kim Chŏng-ŭn / Kim Jong-un) and the
 * native scripts (习近平, 김정은), which any-ascii romanises as pinyin and Revised Romanization;
 * Han characters are also read the Hong Kong (Cantonese) way from a table. Vietnamese names, family
 * name first, share the order rules.
 */
import { toLatin } from '../phonetic.ts';
import { CANTONESE_READINGS } from './cantonese.ts';
import { kanjiName } from './japanese.ts';
import { knownAsWritten } from '../given-match.ts';
import type { ParsedName } from '../parse-name.ts';
import type { NameTradition, SameDecision } from './tradition.ts';
import hanjaModule from 'hanja';

// The package is CommonJS with an ES default inside: under Node's interop the API is one level down.
interface Hanja { translate(text: string, mode: 'SUBSTITUTION'): string }
const hanja = ((hanjaModule as unknown as { default?: Hanja }).default ?? hanjaModule) as unknown as Hanja;

/**
 * Korean family names whose spellings no sound rule joins (이 is Lee, Yi, Rhee, Ri or I). Data:
 * each row is one family name; the first spelling is its key.
 */
export const KOREAN_FAMILY_NAMES: string[][] = [
  ['lee', 'yi', 'rhee', 'ri', 'i', 'rhie', 'lie'],
  ['park', 'bak', 'pak', 'bahk'],
  ['choi', 'choe', 'chey', 'choy'],
  ['jung', 'jeong', 'chung', 'chong', 'joung'],
  ['kim', 'gim'],
  ['kang', 'gang'],
  ['cho', 'jo', 'joe'],
  ['yoon', 'yun', 'youn'],
  ['jang', 'chang'],
  ['lim', 'im', 'rim', 'yim'],
  ['oh', 'o'],
  ['seo', 'suh', 'so'],
  ['shin', 'sin'],
  ['kwon', 'gwon'],
  ['ahn', 'an'],
  ['ryu', 'yoo', 'yu', 'ryoo'],
  ['noh', 'roh', 'no', 'ro'],
  ['moon', 'mun'],
  ['hyun', 'hyon', 'hyeon'],
  ['son', 'sohn'],
  ['bae', 'pae'],
  ['baek', 'paek', 'paik'],
  ['heo', 'hur', 'hoh'],
  ['joo', 'ju', 'chu'],
  ['jeon', 'chun', 'jun', 'chon'],
  ['ko', 'go'],
  ['hwang'],
  ['han'],
  ['choo', 'chu'],
  ['nam'],
  ['song'],
  ['hong'],
  ['yang'],
];

/**
 * Chinese family names as pinyin writes them; Wade-Giles and older spellings of these reach the same
 * key through `eastAsianFold`. Only single-syllable names common in public records.
 */
const CHINESE_FAMILY_NAMES = new Set([
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin',
  'luo', 'gao', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'pan',
  'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren', 'shen', 'yao', 'cui', 'zhong', 'tan', 'fan',
  'jin', 'shi', 'liao', 'xiong', 'qian', 'qin', 'hou', 'shao', 'meng', 'long', 'wan', 'duan', 'lei', 'bai', 'mao', 'xi', 'bo', 'hua',
  'kong', 'wen', 'gu', 'fu', 'fang', 'zou', 'xiang', 'yan', 'ji', 'kang', 'qiu', 'shu', 'lai', 'mo', 'ni', 'niu', 'gong', 'hao',
  'chiang', 'hsu', 'hsieh', 'chou', 'chao', 'tsai', 'tseng', 'hsiao', 'kuo', 'teng', 'tsao', 'chu', 'chang', 'ting', 'tuan', 'chien', 'chiu',
  'hsiung', 'tsou', 'kao', 'kung', 'tsui', 'yeh', 'hsia', 'chia', 'hsueh', 'sung', 'kuan', 'chin',
  'xia', 'huo', 'qu', 'yin', 'tao', 'jia', 'xue', 'dai', 'fei', 'bi', 'ling', 'chai', 'hong', 'ke', 'lan', 'lian', 'lou', 'mu', 'ning',
  'pang', 'pei', 'qi', 'rao', 'shang', 'sheng', 'tong', 'xing', 'yi', 'you', 'yue', 'zhan', 'zhen', 'zhuo', 'zuo', 'geng', 'guan',
  'bao', 'bian', 'gan', 'ge', 'jing', 'kuang', 'miao', 'min', 'nie', 'pu', 'qiao', 'quan', 'rong', 'ruan', 'sha', 'shan', 'wei',
  'weng', 'xian', 'xin', 'zang', 'zhai', 'zhuang', 'zong', 'ouyang', 'situ', 'sima',
  // Cantonese spellings of Hong Kong and Macau names.
  'chan', 'cheung', 'wong', 'leung', 'lam', 'tsang', 'chow', 'lau', 'yip', 'kwok', 'tam', 'tse', 'fung', 'yeung', 'kwan', 'mak',
  'siu', 'poon', 'chung', 'hui', 'lui', 'tung', 'yuen', 'ng', 'law', 'lo', 'ip', 'au', 'sze', 'yau', 'mok', 'fok', 'shek', 'tong',
  'kong', 'chiu', 'tsoi', 'chau', 'kwong', 'yiu', 'ngai',
]);

const CHINESE_FAMILY_FOLDED = new Set([...CHINESE_FAMILY_NAMES].map(eastAsianFold));
/** A Chinese family name of the table, in any romanisation `eastAsianFold` joins (Tai = Dai). */
const chineseFamilyName = (p: string) => CHINESE_FAMILY_NAMES.has(p) || CHINESE_FAMILY_FOLDED.has(eastAsianFold(p));

/**
 * Vietnamese family names as written without diacritics. Vietnamese order is family name first,
 * so "NGUYEN, Phu Trong" from a list and Nguyễn Phú Trọng meet only by moving the family name.
 */
const VIETNAMESE_FAMILY_NAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'trinh', 'dinh',
  'truong', 'doan', 'vuong', 'luong', 'quach', 'trieu', 'phung', 'kieu', 'ta', 'to', 'mai', 'cao', 'lam',
]);

/** Hangul or Han characters: the name is East Asian whatever else it holds. */
export const EAST_ASIAN_SCRIPT = /[\p{Script=Hangul}\p{Script=Han}]/u;

/** One Latin syllable of pinyin, Wade-Giles, Korean romanisation or Vietnamese (apostrophes already gone). */
const SYLLABLE = /^(?:[bcdfghjklmnpqrstvwxyz]{0,3}(?:[aeiouy]|eo|eu|ae|oe|ui|ai|ao|ou|ia|ie|io|iu|ua|uo|ue|ya|ye|yo|yu|wa|we|wo|wi|aw|ow|iao|uai|ieh|ih|yeo|uei)(?:ng|nh|ch|n|m|k|l|p|t|r|h|c)?)+$/;

const parts = (tokens: readonly string[]) => tokens.flatMap((t) => toLatin(t).split(/[^a-z]+/)).filter(Boolean);

/**
 * Written in Latin, a name reads as Chinese or Korean when its first or last part is a family name
 * of the tables and every part is a romanised syllable or two: Kim Jong Un, Xi Jinping, Hsi Chin-p'ing.
 * Strict on purpose, since the looser sound rules of `eastAsianFold` must not reach other names.
 */
export function looksEastAsian(tokens: readonly string[]): boolean {
  if (tokens.some((t) => EAST_ASIAN_SCRIPT.test(t))) return true;
  const ps = parts(tokens);
  if (ps.length < 2 || ps.length > 4) return false;
  const family = (p: string) => KOREAN_KEY.has(eastAsianFold(p)) || CHINESE_FAMILY_NAMES.has(p) || VIETNAMESE_FAMILY_NAMES.has(p);
  if (!family(ps[0]!) && !family(ps.at(-1)!)) return false;
  return ps.every((p) => p.length <= 8 && SYLLABLE.test(p));
}

/**
 * A Chinese name with an English given name added (Chris Tang Ping-keung, LEE Ka Chiu John): the
 * name without that one word, if the rest reads as Chinese or Korean; otherwise null.
 */
export function eastAsianCore(tokens: readonly string[]): string[] | null {
  if (tokens.length < 3) return null;
  // Jimmy and Carrie can be spelt as syllables; the table knows them as English names.
  const foreign = tokens.filter((t) => !parts([t]).every((p) => SYLLABLE.test(p)) || englishGiven(t));
  if (foreign.length !== 1) return null;
  const rest = tokens.filter((t) => t !== foreign[0]);
  return looksEastAsian(rest) ? rest : null;
}

/**
 * Folds the romanisations of one syllable string together: Wade-Giles hs/ch/ts and pinyin x/zh/j/q/z/c,
 * voiced and voiceless stops (Korean g/k, d/t, b/p; Wade-Giles k/g without its apostrophe), Korean
 * eo/eu/ae and Wade-Giles -ung/-ih/-ieh.
 */
export function eastAsianFold(latin: string): string {
  return latin
    .replace(/[^a-z]/g, '')
    // North Korean spelling marks aspirates with h: Jang Song Thaek, Phyongyang.
    .replace(/([tkp])h/g, '$1')
    // Pinyin's y before i is spelling only (ying is ing): Tsai Ing-wen = Cai Yingwen.
    .replace(/yi/g, 'i')
    .replace(/hs|x|sh/g, 's')
    .replace(/tz|ts|zh|ch|z|c|q/g, 'j')
    // ng ends a syllable (Jeongeun is Jeong-eun), so it is one sound before g may become k.
    .replace(/ng/g, 'N')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/r/g, 'l')
    // Korean ㅓ is eo, o, or u after y (Hyun = Hyeon, Young = Yeong); ㅜ is u or oo (Moo-hyun, Moon).
    // ㅕ is also yŏ, yo once the breve is gone (Kim Yo Jong = 김여정), so it meets ㅛ and ㅠ.
    .replace(/yeo|you|yo/g, 'yu')
    .replace(/eo/g, 'o')
    .replace(/oo/g, 'u')
    .replace(/eu/g, 'u')
    .replace(/ae/g, 'e')
    // Wade-Giles -ieh and -ueh are pinyin -ie and -ue (Hsueh = Xue).
    .replace(/([iu])eh/g, '$1e')
    // Wade-Giles -ien is pinyin -ian (Hsien = Xian); Singapore and Hong Kong write 李 Lee.
    .replace(/ien/g, 'ian')
    .replace(/ee/g, 'i')
    .replace(/ih(?![aeiou])/g, 'i')
    .replace(/uN/g, 'oN')
    // McCune-Reischauer without its breve writes ŏ as o where others write u (Kim Yong Chol = Kim
    // Yong Chul = 김영철): in a closed syllable they are one. Pinyin has no -ol, -on, -ok, -om or -op.
    .replace(/u(?=[lnkmp])/g, 'o')
    .replace(/(.)\1+/g, '$1');
}

/** Folded spelling of a Korean family name → its row's first spelling ('bag' and 'bak' are Park). */
const KOREAN_KEY = new Map<string, string>();
for (const row of KOREAN_FAMILY_NAMES) for (const n of row) if (!KOREAN_KEY.has(eastAsianFold(n))) KOREAN_KEY.set(eastAsianFold(n), row[0]!);

/**
 * The romanised parts of a name; a Korean family name, first or last, replaced by its table row's
 * spelling. Not in Han script: 全 is not the Korean Jeon.
 */
/** McCune-Reischauer's breves are the Revised Romanization's second letter: ŏ = eo, ŭ = eu. */
const latinParts = (t: string) => toLatin(t.replace(/ŏ/g, 'eo').replace(/ŭ/g, 'eu').replace(/Ŏ/g, 'Eo').replace(/Ŭ/g, 'Eu')).split(/[^a-z]+/);

export function eastAsianParts(tokens: readonly string[]): string[] {
  const ps = tokens.flatMap((t) => (EAST_ASIAN_SCRIPT.test(t) ? nativeSyllables(t).map((p) => ({ p, han: /\p{Script=Han}/u.test(t) })) : latinParts(t).map((p) => ({ p, han: false }))));
  const parts = ps.filter(({ p }) => p);
  return parts.map(({ p, han }, i) => ((i === 0 || i === parts.length - 1) && !han ? KOREAN_KEY.get(eastAsianFold(p)) : undefined) ?? p);
}

/**
 * The syllables a name's family name may be, folded, for blocking: the first syllable (and the
 * first of the last word, for given-name-first order) of a Latin name; the first character's
 * Mandarin, Cantonese and Korean readings of a Han name; the first syllable of a Hangul one.
 */
export function familySyllables(tokens: readonly string[]): string[] {
  const first = tokens[0] ?? '';
  const out: string[] = [];
  if (HAN.test(first)) {
    const ch = [...first][0]!;
    out.push(...nativeSyllables(ch), ...(CANTONESE_READINGS[ch] ?? []));
    const hangul = hanja.translate(ch, 'SUBSTITUTION').replace(/^금/, '김');
    if (/^\p{Script=Hangul}$/u.test(hangul)) out.push(...nativeSyllables(hangul));
  } else if (EAST_ASIAN_SCRIPT.test(first)) {
    out.push(...nativeSyllables(first).slice(0, 1));
  } else {
    out.push(...latinParts(first).slice(0, 1), ...latinParts(tokens.at(-1) ?? '').slice(0, 1));
    // A Hong Kong spelling meets the pinyin of its characters (Law = Luo).
    out.push(...out.flatMap((p) => [...(CANTONESE_TO_PINYIN.get(eastAsianFold(p)) ?? [])]));
  }
  return [...new Set(out.filter(Boolean).map(familyKey))];
}

/** A family name's syllable folded, a Korean one as its table row's spelling. */
const familyKey = (p: string) => KOREAN_KEY.get(eastAsianFold(p)) ?? eastAsianFold(p);

/** The parts as written, no family-name table: Li is the Chinese 李 as well as the Korean Lee. */
function plainParts(tokens: readonly string[]): string[] {
  return tokens.flatMap((t) => (EAST_ASIAN_SCRIPT.test(t) ? nativeSyllables(t) : latinParts(t))).filter(Boolean);
}

/**
 * A name in Han script against a Latin one that may carry an English given name besides the Chinese
 * one (Carrie Lam Cheng Yuet-ngor = 林鄭月娥, Cheng Yeuk-wah Teresa = 鄭若驊): the Latin name as
 * written, or without any one of its words.
 */
export function hanSameDroppingOne(a: readonly string[], b: readonly string[]): boolean {
  const [han, latin] = a.some((t) => HAN.test(t)) ? [a, b] : [b, a];
  if (!han.some((t) => HAN.test(t)) || latin.some((t) => EAST_ASIAN_SCRIPT.test(t)) || latin.length < 3) return false;
  return latin.some((_, i) => eastAsianSame(han, latin.filter((__, j) => j !== i)));
}

/**
 * An English given name and a Chinese family name (Carrie Lam, William Lai, Jimmy Lai) against a
 * Chinese name with no English one (LAM CHENG Yuet-ngor, Lai Ching-te, 黎智英): Hong Kong and Taiwan
 * public figures go by both, and the two given names share nothing, so the family name carries the
 * match, as a family name written alone does. Korean family names are left out, since Korean
 * public figures seldom go by an English name.
 */
export function englishNameChineseName(x: ParsedName, y: ParsedName): boolean {
  return englishAgainst(x, y) || englishAgainst(y, x);
}

function englishAgainst(x: ParsedName, y: ParsedName): boolean {
  const [given, family] = x.tokens;
  if (x.tokens.length !== 2 || !given || !family || !englishGiven(given)) return false;
  const familyPart = latinParts(family).join('');
  if (!chineseFamilyName(familyPart)) return false;
  // The other name is Chinese through and through: Han characters, or romanised syllables only.
  if (y.tokens.length === 0 || !y.tokens.every((t) => HAN.test(t) || latinParts(t).every((p) => !p || SYLLABLE.test(p)))) return false;
  // As written, a comma puts the family name first (LAM CHENG, Yuet-ngor); parsing has moved it last.
  const words = y.original.split(',')[0]!.trim().split(/\s+/);
  // Keyed as familySyllables keys them.
  const first = y.tokens.some((t) => HAN.test(t)) ? familySyllables(y.tokens) : latinParts(words[0]!).slice(0, 1).map(familyKey);
  const hasGiven = y.tokens.some((t) => HAN.test(t)) ? [...y.tokens.join('')].length >= 2 : plainParts(y.tokens).length >= 2;
  return hasGiven && first.includes(familyKey(familyPart));
}

/**
 * A Korean name written in Hanja (金正恩, 朴槿惠) read as Hangul through the hanja package, then
 * compared as Hangul: 金 as a family name is 김 (Kim), not 금.
 */
export function hanjaReads(chars: readonly string[], latin: readonly string[]): boolean {
  if (chars.length < 2 || chars.length > 4 || latin.some((t) => EAST_ASIAN_SCRIPT.test(t))) return false;
  const hangul = hanja.translate(chars.join(''), 'SUBSTITUTION').replace(/^금/, '김');
  return /^\p{Script=Hangul}+$/u.test(hangul) && eastAsianSame([hangul], latin);
}

/**
 * Same name, whatever the order and spacing: one written sequence of syllables equals the other's,
 * read as written or with the family name moved from front to back (or back to front). The joined
 * sequence is folded as one string, so Quanguo meets 全国 (quan-guo) whatever way its ng is read.
 */
export function eastAsianSame(a: readonly string[], b: readonly string[]): boolean {
  // Both in Hangul: the letters decide, not a romanisation (리영호 and 리용호 are two men); only the
  // family name may be spelt the North's way or the South's (리 = 이).
  if (allHangul(a) && allHangul(b)) return hangulKey(a) === hangulKey(b);
  const ka = variants(a);
  const kb = variants(b);
  return ka.some((k) => kb.includes(k));
}

const allHangul = (tokens: readonly string[]) => tokens.length > 0 && tokens.every((t) => /^[\p{Script=Hangul}-]+$/u.test(t));

function hangulKey(tokens: readonly string[]): string {
  const [family, ...rest] = [...tokens.join('')];
  const latin = toLatin(family!).replace(/[^a-z]/g, '');
  return `${KOREAN_KEY.get(eastAsianFold(latin)) ?? latin}|${rest.join('')}`;
}

/** Folded readings per name (clustering compares each name with many others). */
const VARIANTS = new WeakMap<readonly string[], string[]>();
function variants(tokens: readonly string[]): string[] {
  let v = VARIANTS.get(tokens);
  if (!v) VARIANTS.set(tokens, (v = computeVariants(tokens)));
  return v;
}

function computeVariants(tokens: readonly string[]): string[] {
  const joined = [...rotations(eastAsianParts(tokens)), ...rotations(plainParts(tokens))];
  for (const parts of cantoneseParts(tokens)) joined.push(...rotations(parts));
  // Korean ㅓ (eo) is also written u in common spellings (Suk = Seok, Sung = Seong), as well as o.
  const withU = joined.filter((j) => j.includes('eo')).map((j) => j.replace(/(?<!y)eo/g, 'u'));
  return [...new Set([...joined, ...withU].map(eastAsianFold))];
}

const HAN = /\p{Script=Han}/u;

/**
 * Each Hong Kong spelling of a syllable (folded) → the pinyin of the characters it spells, from the
 * Cantonese table and any-ascii's Mandarin: Lee Ka-chiu is 李家超, which Mandarin writes Li Jiachao.
 * Most spellings stand for two or three pinyin syllables, few for more than five.
 */
const CANTONESE_TO_PINYIN = new Map<string, Set<string>>();
for (const [ch, readings] of Object.entries(CANTONESE_READINGS)) {
  for (const r of readings) {
    const key = eastAsianFold(r);
    if (!CANTONESE_TO_PINYIN.has(key)) CANTONESE_TO_PINYIN.set(key, new Set());
    CANTONESE_TO_PINYIN.get(key)!.add(toLatin(ch).replace(/[^a-z]/g, ''));
  }
}

/**
 * A name spelt the Hong Kong way against the same characters in pinyin: Lee Ka-chiu = Li Jiachao,
 * Wong Chi-fung = Huang Zhifeng. Every Cantonese syllable must be spelt by one character whose
 * pinyin is the matching stretch of the other name, in order (either name's family name may stand
 * first or last); the pinyin side may run its given name together, as pinyin does.
 */
export function cantonesePinyinSame(a: readonly string[], b: readonly string[]): boolean {
  return cantoneseAgainst(a, b) || cantoneseAgainst(b, a);
}

function cantoneseAgainst(cantonese: readonly string[], pinyin: readonly string[]): boolean {
  if (cantonese.some((t) => EAST_ASIAN_SCRIPT.test(t)) || pinyin.some((t) => EAST_ASIAN_SCRIPT.test(t))) return false;
  const syllables = plainParts(cantonese).map((p) => CANTONESE_TO_PINYIN.get(eastAsianFold(p)));
  if (syllables.length < 2 || syllables.length > 4 || syllables.some((s) => !s)) return false;
  const sets = syllables as Set<string>[];
  const orders = [sets, [...sets.slice(1), sets[0]!], [sets.at(-1)!, ...sets.slice(0, -1)]];
  const targets = rotations(plainParts(pinyin));
  return orders.some((order) => targets.some((t) => spells(t, order)));
}

/** Syllables that spell names' characters, in pinyin or the Hong Kong way. */
const NAME_SYLLABLES = new Set([...CANTONESE_TO_PINYIN.values()].flatMap((s) => [...s]));
for (const readings of Object.values(CANTONESE_READINGS)) for (const r of readings) NAME_SYLLABLES.add(r);

/** A given name the table knows as written, of four letters or more, that is no Chinese syllable or two. */
function englishGiven(word: string): boolean {
  return word.length >= 4 && knownAsWritten(word) && !chineseSyllables(toLatin(word).replace(/[^a-z]/g, ''));
}

/** A word that is one or two such syllables (Jian, Zhijie, Kachiu) is no English given name, whatever the table says. */
function chineseSyllables(word: string): boolean {
  const one = (w: string) => NAME_SYLLABLES.has(w) || CHINESE_FAMILY_NAMES.has(w);
  return one(word) || [...word].some((_, i) => i > 0 && one(word.slice(0, i)) && one(word.slice(i)));
}

/** Can the string be cut into one pinyin syllable of each set, in order? */
function spells(text: string, sets: readonly Set<string>[]): boolean {
  if (sets.length === 0) return text === '';
  for (const s of sets[0]!) if (text.startsWith(s) && spells(text.slice(s.length), sets.slice(1))) return true;
  return false;
}

/**
 * The name read the Hong Kong way: each Han character by its Cantonese romanisations (at most 16
 * readings of the whole name), Latin words as written. None if a character is not in the table.
 */
function cantoneseParts(tokens: readonly string[]): string[][] {
  if (!tokens.some((t) => HAN.test(t))) return [];
  let out: string[][] = [[]];
  for (const t of tokens) {
    if (!HAN.test(t)) {
      const ps = latinParts(t).filter(Boolean);
      out = out.map((o) => [...o, ...ps]);
      continue;
    }
    for (const ch of t) {
      if (!HAN.test(ch)) continue;
      const rs = CANTONESE_READINGS[ch];
      if (!rs) return [];
      out = out.flatMap((o) => rs.map((r) => [...o, r])).slice(0, 16);
    }
  }
  return out;
}

/** 김정은 → gim, jeong, eun; 习近平 → xi, jin, ping: one syllable a character, so the family name is a part. */
function nativeSyllables(token: string): string[] {
  return [...token].map((ch) => toLatin(ch).replace(/[^a-z]/g, ''));
}

/** The parts joined as written, with the first part moved last, and with the last part moved first. */
function rotations(ps: string[]): string[] {
  if (ps.length < 2) return [ps.join('')];
  return [...new Set([ps.join(''), [...ps.slice(1), ps[0]].join(''), [ps.at(-1), ...ps.slice(0, -1)].join('')])];
}

/** What kind of East Asian name a parsed name is, worked out once: clustering compares each name many times. */
interface EastAsianKind { strict: boolean; core: string[] | null; kanji: string[] | null }
const KINDS = new WeakMap<ParsedName, EastAsianKind>();
function kindOf(p: ParsedName): EastAsianKind {
  let k = KINDS.get(p);
  if (!k) KINDS.set(p, (k = { strict: looksEastAsian(p.tokens), core: eastAsianCore(p.tokens), kanji: kanjiName(p.tokens) }));
  return k;
}

const yes = (score: number, bonus: number): SameDecision => ({ same: true, score: Math.min(1, score + bonus) });

/**
 * Chinese, Korean and Vietnamese names: order, spacing and romanisation differ, the syllables do
 * not. A Korean name in Hanja is read as Hangul; a Hong Kong spelling meets the pinyin of its
 * characters; an English given name may stand beside the Chinese one. Two names that both read as
 * Chinese or Korean and agree by none of these are two people: each syllable is another character.
 */
/**
 * Two names in Han characters that differ in a character the Hong Kong table reads otherwise: 王怡
 * and 王毅 are both Wang Yi in pinyin, but two men. Traditional and simplified forms of one
 * character share their readings (習, 习), so they stay one name.
 */
function hanCharactersDiffer(a: readonly string[], b: readonly string[]): boolean {
  const ca = [...a.join('')];
  const cb = [...b.join('')];
  if (ca.length !== cb.length || !ca.every((c) => HAN.test(c)) || !cb.every((c) => HAN.test(c))) return false;
  return ca.some((c, i) => {
    const [ra, rb] = [CANTONESE_READINGS[c], CANTONESE_READINGS[cb[i]!]];
    return c !== cb[i] && !!ra && !!rb && !ra.some((r) => rb.includes(r));
  });
}

export const eastAsian: NameTradition = {
  name: 'Chinese, Korean and Vietnamese',
  recognise: (p) => kindOf(p).strict || !!kindOf(p).core,
  compare(a, b, { bonus, rolesClash }) {
    const [ka, kb] = [kindOf(a), kindOf(b)];
    if (hanCharactersDiffer(a.tokens, b.tokens)) return { same: false, score: 0.2 };
    if ((ka.kanji && !kb.kanji && hanjaReads(ka.kanji, b.tokens)) || (kb.kanji && !ka.kanji && hanjaReads(kb.kanji, a.tokens))) return yes(0.85, bonus);
    // When no reading agrees, the general rule still applies: "Tom Lee" looks Chinese to the test.
    if ((ka.strict || kb.strict) && eastAsianSame(a.tokens, b.tokens)) return yes(0.9, bonus);
    const ca = ka.strict ? a.tokens : ka.core;
    const cb = kb.strict ? b.tokens : kb.core;
    if (ca && cb && (ka.core || kb.core) && eastAsianSame(ca, cb)) return yes(0.85, bonus);
    if ((ka.strict || kb.strict) && hanSameDroppingOne(a.tokens, b.tokens)) return yes(0.85, bonus);
    // Without an English given name, even where the name reads as Chinese with it (Jimmy Lai Chee-ying).
    const [coreA, coreB] = [ka.core ?? ca, kb.core ?? cb];
    if (coreA && coreB && cantonesePinyinSame(coreA, coreB)) return yes(0.85, bonus);
    // As partial as a family name alone, so two roles with nothing in common veto it.
    if (!rolesClash && (ka.strict || kb.strict) && englishNameChineseName(a, b)) return yes(0.7, bonus);
    if (ka.strict && kb.strict) return { same: false, score: 0.2 };
    return null;
  },
  // The syllables the family name may be (习 = xi, 鄧 = deng or tang).
  keys: (p) => familySyllables(kindOf(p).core ?? p.tokens).map((f) => `e:${f}`),
};
