/**
 * Japanese names against their Latin spellings. In kanji, a name has no one reading: 岸田文雄 is
 * Kishida Fumio because 岸 reads kishi, 田 ta (voiced to da inside a name), 文 fumi and 雄 o. So the
 * Latin name is read against the characters' readings from KANJIDIC (on, kun and the name readings,
 * nanori), in order, every character used and every letter of the Latin name consumed. Foreign
 * names in katakana (ウラジーミル・プーチン, as Japan's sanctions lists write them) are compared by
 * consonants, since katakana adds vowels and has no l or v, and then by the Latin name's vowels.
 */
import { readings } from 'kanji';
import { toRomaji } from 'wanakana';
import type { ParsedName } from '../parse-name.ts';
import type { NameTradition } from './tradition.ts';

const HAN = /^\p{Script=Han}+$/u;
const KATAKANA = /\p{Script=Katakana}/u;

/** Long vowels and the spellings of n before labials fall together: Shinzō = Shinzo = Shinzou. */
function foldRomaji(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ou|oo|oh(?![aeiou])/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/ii/g, 'i')
    .replace(/m(?=[bmp])/g, 'n');
}

/** Rendaku: inside a name, a reading's first consonant may be voiced (Kishi-da, Ishi-ba, Shin-zo). */
function voiced(r: string): string[] {
  const m = /^(sh|ch|ts|[kstfh])(.*)$/.exec(r);
  if (!m) return [];
  const v: Record<string, string[]> = { k: ['g'], s: ['z'], sh: ['j'], t: ['d'], ch: ['j'], ts: ['z'], h: ['b', 'p'], f: ['b', 'p'] };
  return (v[m[1]!] ?? []).map((c) => c + m[2]!);
}

const CHAR_READINGS = new Map<string, string[]>();
/** Every Latin reading of one kanji, folded; kun readings whole and without their okurigana. */
function readingsOf(ch: string, inside: boolean): string[] {
  const key = `${ch}${inside ? '+' : ''}`;
  let out = CHAR_READINGS.get(key);
  if (!out) {
    const r = readings(ch);
    const kana = r ? [...r.on, ...r.kun.flatMap((k) => [k.split('.')[0]!, k.replace('.', '')]), ...r.nanori] : [];
    const base = [...new Set(kana.map((k) => foldRomaji(toRomaji(k.replace(/-/g, '')))).filter(Boolean))];
    out = inside ? [...new Set([...base, ...base.flatMap(voiced)])] : base;
    CHAR_READINGS.set(key, out);
  }
  return out;
}

/** The characters, read one after another, spell exactly the target. */
function spells(chars: string[], target: string, i = 0, pos = 0): boolean {
  if (i === chars.length) return pos === target.length;
  for (const r of readingsOf(chars[i]!, i > 0)) {
    if (target.startsWith(r, pos) && spells(chars, target, i + 1, pos + r.length)) return true;
  }
  return false;
}

/** A name all in kanji, two to six characters (spaces and dots between family and given name allowed). */
export function kanjiName(tokens: readonly string[]): string[] | null {
  const chars = tokens.join('').replace(/[・·]/g, '');
  return HAN.test(chars) && [...chars].length >= 2 && [...chars].length <= 6 ? [...chars] : null;
}

/** A kanji name against a Latin one, in either order of family and given name (Abe Shinzo, Shinzo Abe). */
export function kanjiReads(chars: string[], latin: readonly string[]): boolean {
  if (latin.length < 2 || latin.some((t) => !/^[\p{Script=Latin}'’.-]+$/u.test(t))) return false;
  const words = latin.map(foldRomaji);
  const orders = [words.join(''), [...words.slice(1), words[0]!].join(''), [words.at(-1)!, ...words.slice(0, -1)].join('')];
  return orders.some((t) => spells(chars, t));
}

/**
 * Consonants as katakana keeps them apart: l is r, v, f and b fall together, as do d, j and z (and
 * t, ch and ts), s and sh; vowels, y, w and h after a consonant go, as do doubled letters.
 */
function katakanaKey(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/kh/g, 'h')
    .replace(/sh|zh/g, (c) => (c === 'sh' ? 's' : 'j'))
    .replace(/ch|ts|tz/g, 't')
    .replace(/th/g, 's')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/[cq]/g, 'k')
    .replace(/l/g, 'r')
    .replace(/[fvbw]/g, (c) => (c === 'w' ? '' : 'b'))
    .replace(/[jz]/g, 'd')
    .replace(/[aeiouy]/g, '')
    // A word-final g is said k, as German and Japanese have it (Rotenberg = ローテンベルク).
    .replace(/g$/, 'k')
    .replace(/(.)\1+/g, '$1');
}

/** A name in katakana as its words in romaji (ウラジーミル・プーチン → urajiimiru, puuchin), or null. */
export function katakanaWords(tokens: readonly string[]): string[] | null {
  if (!tokens.some((t) => KATAKANA.test(t))) return null;
  return tokens.flatMap((t) => t.split(/[・·=＝]/)).filter(Boolean).map((w) => toRomaji(w).toLowerCase());
}

/**
 * The Latin word's vowels, in order, are among the katakana word's, which adds its own after
 * consonants (Putin = puuchin, not Potanin); one may be missing (Alexander = arekusandoru).
 */
function vowelsFit(latin: string, romaji: string): boolean {
  const lv = latin.replace(/(?<=[^aeiou])y(?=[^aeiou]|$)/g, 'i').replace(/[^aeiou]/g, '');
  const kv = romaji.replace(/[^aeiou]/g, '');
  let j = 0;
  let missed = 0;
  for (const v of lv) {
    const at = kv.indexOf(v, j);
    if (at < 0) missed++;
    else j = at + 1;
  }
  return missed <= 1;
}

/** A Latin word and a katakana word (romaji) are one name: consonants agree, and the vowels fit. */
function kanaWordIs(romaji: string, latin: string): boolean {
  const l = latin.toLowerCase().replace(/[^a-z]/g, '');
  const k = katakanaKey(romaji);
  // Katakana writes an opening v before a consonant as a vowel (ウラジーミル = Vladimir).
  const keys = /^v[^aeiou]/.test(l) ? [katakanaKey(l), katakanaKey(l.slice(1))] : [katakanaKey(l)];
  return keys.includes(k) && vowelsFit(l, romaji);
}

/**
 * A katakana name against a Latin one: the Latin given name and surname are the first and last
 * katakana words (either order), and at most a patronymic more on one side.
 */
export function katakanaReads(kana: string[], latin: readonly string[]): boolean {
  if (latin.length < 2 || kana.length < 2 || Math.abs(latin.length - kana.length) > 1) return false;
  const [kf, kl] = [kana[0]!, kana.at(-1)!];
  const [lf, ll] = [latin[0]!, latin.at(-1)!];
  return (kanaWordIs(kf, lf) && kanaWordIs(kl, ll)) || (kanaWordIs(kf, ll) && kanaWordIs(kl, lf));
}

/**
 * Blocking keys of a katakana name (its words in romaji) or of a Latin one read as katakana would
 * write it: the consonants of the first and the last word, so either order meets.
 */
export function katakanaKeys(words: readonly string[], latin: boolean): string[] {
  const ends = [words[0], words.at(-1)].filter((w): w is string => !!w).map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
  const keys = ends.flatMap((w) => (latin && /^v[^aeiou]/.test(w) ? [katakanaKey(w), katakanaKey(w.slice(1))] : [katakanaKey(w)]));
  return [...new Set(keys.filter(Boolean))];
}

/** Blocking keys of a kanji name: the readings of its first character, which open its family name's reading. */
export function kanjiKeys(chars: readonly string[]): string[] {
  return chars.length ? readingsOf(chars[0]!, false) : [];
}

/** Blocking keys of a Latin name against kanji names: every opening of its first and last word, as romaji. */
export function romajiOpenings(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of [words[0], words.at(-1)]) {
    const r = foldRomaji(w ?? '');
    for (let n = 1; n <= Math.min(r.length, 8); n++) out.add(r.slice(0, n));
  }
  return [...out];
}

const JAPANESE = new WeakMap<ParsedName, { kanji: string[] | null; kana: string[] | null }>();
function written(p: ParsedName): { kanji: string[] | null; kana: string[] | null } {
  let w = JAPANESE.get(p);
  if (!w) JAPANESE.set(p, (w = { kanji: kanjiName(p.tokens), kana: katakanaWords(p.tokens) }));
  return w;
}

/**
 * Japanese names in kanji are read by their characters' readings against a Latin name; foreign names
 * in katakana by their consonants, and nothing else reads katakana. A kanji name no reading fits is
 * left to the other traditions (it may be Chinese, or Korean Hanja).
 */
export const japanese: NameTradition = {
  name: 'Japanese',
  recognise: (p) => !!written(p).kanji || !!written(p).kana,
  compare(a, b, { bonus }) {
    const [wa, wb] = [written(a), written(b)];
    if ((wa.kanji && !wb.kanji && kanjiReads(wa.kanji, b.tokens)) || (wb.kanji && !wa.kanji && kanjiReads(wb.kanji, a.tokens))) return { same: true, score: Math.min(1, 0.85 + bonus) };
    if (!wa.kana && !wb.kana) return null;
    const same = !!wa.kana && !!wb.kana ? wa.kana.join(' ') === wb.kana.join(' ') : katakanaReads((wa.kana ?? wb.kana)!, (wa.kana ? b : a).tokens);
    return { same, score: same ? Math.min(1, 0.85 + bonus) : 0.1 };
  },
};
