/**
 * Burmese names have no family name: Aung San Suu Kyi is not "Ms Kyi", and Aung San, her father, is
 * another man. A Burmese name is its whole run of syllables, so two Burmese names are one person
 * only when all the syllables agree (Tay Za is not Pye Phyo Tay Za, his son). Latin spellings vary a
 * little (Htun/Tun, Pyae/Pye, Oo/U) and run syllables together (Teza = Tay Za), and the script is read
 * syllable by syllable through a table of the syllables names are made of.
 */
import type { ParsedName } from '../parse-name.ts';
import type { NameTradition } from './tradition.ts';

/** Latin syllables of Burmese names that other naming traditions rarely use: one marks a name as Burmese. */
const DISTINCT = new Set([
  'aung', 'hlaing', 'htay', 'htein', 'htet', 'htike', 'htin', 'htoo', 'htun', 'htut', 'khaing', 'khine', 'kyaw', 'kyi', 'kyaing', 'maung', 'myint',
  'myat', 'myo', 'naing', 'nyunt', 'nyein', 'phyo', 'pyae', 'thaung', 'thein', 'thura', 'thiha', 'zaw', 'hla', 'soe', 'lwin', 'swe', 'thant', 'oo',
  'moe', 'suu', 'nwe', 'thwin', 'kaung', 'thet', 'wai', 'thaw',
]);
/** Other syllables Burmese names use, which are also words of other names (Min, San, Win, Tin, Han). */
const SHARED = new Set([
  'min', 'san', 'win', 'tin', 'tun', 'lin', 'han', 'ye', 'nu', 'ma', 'ba', 'bo', 'than', 'tay', 'te', 'za', 'sai', 'saw', 'aye', 'mya', 'khin',
  'shwe', 'sein', 'sit', 'thi', 'yan', 'yin', 'zin', 'chit', 'cho', 'thu', 'su', 'nay', 'ne', 'pye', 'pyay', 'wint', 'tint', 'nyan', 'nyi', 'nyo',
  'ko', 'lay', 'kyu', 'kyin', 'phone', 'phay', 'tha', 'thar', 'dwe', 'hein', 'ei', 'yi', 'ohn', 'myat', 'zay', 'zaya', 'thida', 'thiri',
]);

/**
 * Burmese-script syllables as names use them, to their usual Latin spelling. Data: written from the
 * Myanmar government's and the press's own romanisations of officials' names.
 */
const SYLLABLES: Record<string, string> = {
  'အောင်': 'aung', 'ဆန်း': 'san', 'စု': 'su', 'ကြည်': 'kyi', 'မင်း': 'min', 'လှိုင်': 'hlaing', 'ဝင်း': 'win', 'သိန်း': 'thein', 'စိန်': 'sein',
  'စိုး': 'soe', 'ကျော်': 'kyaw', 'ဇော်': 'zaw', 'မြင့်': 'myint', 'ထွန်း': 'tun', 'ဦး': 'oo', 'မောင်': 'maung', 'သန်း': 'than', 'ရွှေ': 'shwe',
  'မြ': 'mya', 'လှ': 'hla', 'ခင်': 'khin', 'ညွန့်': 'nyunt', 'ဆွေ': 'swe', 'ရဲ': 'ye', 'တေ': 'te', 'ဇ': 'za', 'ဖြိုး': 'phyo', 'ပြည့်': 'pye',
  'နိုင်': 'naing', 'သူ': 'thu', 'ရ': 'ra', 'မျိုး': 'myo', 'သက်': 'thet', 'ထက်': 'htet', 'လွင်': 'lwin', 'ဟန်': 'han', 'တင်': 'tin', 'လင်း': 'lin',
  'ဒွေး': 'dwe', 'ဝေ': 'wai', 'နေ': 'ne', 'ဘ': 'ba', 'ဗိုလ်': 'bo', 'ကို': 'ko', 'မ': 'ma', 'သာ': 'tha', 'သီ': 'thi', 'ဟ': 'ha', 'ညို': 'nyo',
  'ဖေ': 'phe', 'စော': 'saw', 'ဇင်': 'zin', 'မိုး': 'moe', 'မြတ်': 'myat', 'အေး': 'aye', 'သော်': 'thaw', 'ကောင်း': 'kaung', 'ငြိမ်း': 'nyein',
  'ထိုက်': 'htike', 'ချစ်': 'chit', 'ချို': 'cho', 'ထူး': 'htoo', 'ခိုင်': 'khaing', 'ယဉ်': 'yin', 'ရန်': 'yan', 'သွင်': 'thwin', 'နု': 'nu',
  'နွယ်': 'nwe', 'ဖုန်း': 'phone', 'ထင်': 'htin', 'ဌေး': 'htay', 'ထေး': 'htay', 'ထွဋ်': 'htut', 'သောင်း': 'thaung', 'ကြိုင်': 'kyaing', 'ဉာဏ်': 'nyan',
  'ဒေါ်': 'daw', 'ဟိန်း': 'hein', 'ညီ': 'nyi', 'လေး': 'lay', 'သန့်': 'thant', 'ဝင့်': 'wint', 'တင့်': 'tint', 'ဇေ': 'zay',
};

const BURMESE_SCRIPT = /\p{Script=Myanmar}/u;
const CONSONANT = /[\u1000-\u1021\u1023-\u102a\u103f]/u;

/** Syllables of a word in Burmese script: a new one opens at each consonant that is not killed (asat) or stacked. */
function syllablesOf(word: string): string[] {
  const chars = [...word];
  const out: string[] = [];
  chars.forEach((c, i) => {
    let k = i + 1;
    while (chars[k] === '\u1037') k++;
    const killed = chars[k] === '\u103a' || chars[k] === '\u1039' || chars[i - 1] === '\u1039';
    if (CONSONANT.test(c) && !killed || out.length === 0) out.push(c);
    else out[out.length - 1] += c;
  });
  return out;
}

/** A Latin syllable folded where spellings of one sound differ: Htun/Tun, Pyae/Pyay/Pye, Oo/U, Suu/Su. */
function fold(s: string): string {
  return s
    .replace(/^ht(?!e)/, 't')
    .replace(/(ae|ay|ai|ei)$/, 'e')
    .replace(/oo|uu/g, 'u')
    .replace(/[^a-z]/g, '');
}

/** The name's syllables, folded, if it reads as a Burmese name; null otherwise. Honorifics (U, Daw) go. */
export function burmeseSyllables(tokens: readonly string[]): string[] | null {
  if (tokens.some((t) => BURMESE_SCRIPT.test(t))) {
    const syl = tokens.flatMap((t) => syllablesOf(t.normalize('NFC')));
    const latin = syl.map((s) => SYLLABLES[s]);
    if (latin.some((s) => s === undefined)) return null;
    const names = latin as string[];
    while (names.length > 2 && (names[0] === 'oo' || names[0] === 'daw')) names.shift();
    return names.filter(Boolean).map(fold);
  }
  const words = tokens.map((t) => t.toLowerCase().replace(/[.'’]/g, ''));
  if (words.length < 2 || !words.every((w) => DISTINCT.has(w) || SHARED.has(w)) || !words.some((w) => DISTINCT.has(w))) return null;
  return words.map(fold);
}

/** Any Latin name read as Burmese syllables would be, for a name the test above does not take for Burmese (Teza). */
export function burmeseRead(tokens: readonly string[]): string[] {
  return tokens.map((t) => fold(t.toLowerCase()));
}

/** Both names Burmese: every syllable agrees, joined or spaced (Teza = Tay Za). */
export function burmeseSame(a: readonly string[], b: readonly string[]): boolean {
  return a.join('') === b.join('');
}

/** A name in Burmese script: nothing but the table above can read it. */
export function inBurmeseScript(tokens: readonly string[]): boolean {
  return tokens.some((t) => BURMESE_SCRIPT.test(t));
}

/** A name's Burmese syllables, worked out once; after the honorific U or Daw any syllables are a Burmese name (U Tay Za = Teza). */
const SYLLABLES_OF = new WeakMap<ParsedName, string[] | null>();
function syllablesOfName(p: ParsedName): string[] | null {
  let s = SYLLABLES_OF.get(p);
  if (s === undefined) {
    const honoured = /^(U|Daw)\s/.test(p.original.trim()) ? burmeseRead(p.tokens) : null;
    SYLLABLES_OF.set(p, (s = burmeseSyllables(p.tokens) ?? honoured));
  }
  return s;
}

/**
 * A Burmese name is all its syllables (Aung San is not Aung San Suu Kyi); the other name, if it does
 * not read as Burmese, may still be the same syllables run together (Teza = Tay Za).
 */
export const burmese: NameTradition = {
  name: 'Burmese',
  recognise: (p) => !!syllablesOfName(p) || inBurmeseScript(p.tokens),
  compare(a, b, { bonus }) {
    const [sa, sb] = [syllablesOfName(a), syllablesOfName(b)];
    const same = sa && sb ? burmeseSame(sa, sb) : burmeseSame(sa ?? sb ?? [], burmeseRead((sa ? b : a).tokens));
    return { same, score: same ? Math.min(1, 0.9 + bonus) : 0.1 };
  },
};
