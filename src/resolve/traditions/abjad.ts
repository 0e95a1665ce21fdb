/**
 * Names in Arabic script (Arabic, Persian, Urdu) against their Latin spellings. The script writes
 * consonants and long vowels only (بشار الأسد is b-sh-r l-s-d to any-ascii), so both sides are
 * compared as consonant skeletons: Bashar al-Assad = بشار الأسد, Qasem Soleimani = قاسم سليماني,
 * Muhammad = Mohammed = محمد.
 */
import { toLatin } from '../phonetic.ts';
import type { ParsedName } from '../parse-name.ts';
import type { NameTradition } from './tradition.ts';

/** Scripts written as consonant skeletons: Arabic (with Persian and Urdu) and Hebrew. */
/** A test for letters of any of the named Unicode scripts. */
const inScripts = (...names: string[]) => new RegExp(`[${names.map((n) => `\\p{Script=${n}}`).join('')}]`, 'u');
const ABJADS = ['Arabic', 'Hebrew'];
/** Thai and Lao, which share the Thai reading below. */
const THAI_SCRIPTS = ['Thai', 'Lao'];
const INDIC_SCRIPTS = ['Devanagari', 'Bengali', 'Sinhala', ...THAI_SCRIPTS, 'Khmer', 'Ethiopic'];
export const ARABIC_SCRIPT = inScripts(...ABJADS);
/**
 * Scripts compared as skeletons too, through any-ascii: Devanagari, Bengali and Sinhala, whose
 * inherent vowel any-ascii leaves out (नरेन्द्र मोदी is "nrendr modi"), Thai, Lao and Khmer, whose
 * vowels it spells its own way (ហ៊ុន សែន is "hon saen"), and Ge'ez, whose sixth order it writes
 * without a vowel (መኮንን is "mekonn"): only the consonants can agree.
 */
export const SKELETON_SCRIPT = inScripts(...ABJADS, ...INDIC_SCRIPTS);

/** The article and the family particle, in either script: they come and go between spellings. */
const ARTICLES = new Set(['al', 'el', 'ال', 'آل']);
const LATIN_ARTICLE = /^(al|el|ad|as|at|ash|an|ar|az|ud|ul)[-‐]/i;
const ARABIC_ARTICLE = /^ال(?=\p{L}{2})/u;

/**
 * Arabic-script letters to skeleton consonants. Data. Letters that write long vowels or glottal
 * stops (alif, waw, ya, hamza, ain, ta marbuta) write nothing, as vowels write nothing on the Latin
 * side. Persian's own letters are here too; ه before a zero-width non-joiner is a Persian vowel.
 */
const ARABIC_LETTERS: Record<string, string> = {
  ب: 'b', ت: 't', ث: 's', ج: 'j', ح: 'h', خ: 'h', د: 'd', ذ: 'd', ر: 'r', ز: 'z', س: 's', ش: 'S', ص: 's', ض: 'd', ط: 't', ظ: 'z',
  غ: 'k', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', پ: 'p', چ: 'S', ژ: 'j', گ: 'k', ک: 'k',
  // Urdu and Pashto letters: ہ ھ h, ٹ ڈ ڑ t d r, ں n; ے is a vowel letter.
  ہ: 'h', ھ: 'h', ۃ: 'h', ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n', ښ: 'S', ږ: 'j', ځ: 'z', څ: 's', ګ: 'k', ڼ: 'n',
};

/**
 * Hebrew letters to skeleton consonants, for comparing with Latin read the Hebrew way (below). The
 * vowel letters (alef, vav, yod, ayin) write nothing. He, het, kaf and qof fall together as K: Latin
 * writes het h, ch or kh (Haim, Chaim), kaf k or ch (Michael), and a final he is often silent.
 */
const HEBREW_LETTERS: Record<string, string> = {
  ב: 'b', ג: 'g', ד: 'd', ה: 'K', ז: 'z', ח: 'K', ט: 't', כ: 'K', ך: 'K', ל: 'l', מ: 'm', ם: 'm', נ: 'n', ן: 'n', ס: 's', פ: 'p', ף: 'p', צ: 'z', ץ: 'z',
  ק: 'K', ר: 'r', ש: 'S', ת: 't',
};
const HEBREW = inScripts('Hebrew');

/**
 * How a Latin spelling is read where it is ambiguous: th writes ث (Othman) or ذ (Hathloul), g writes
 * ق or غ (Gaddafi, Abolghassem) or ج (Egyptian and Lebanese Gamal, Gebran). The caller tries each.
 */
export interface LatinReading { th: 's' | 'd'; g: 'k' | 'j'; hebrew?: { v: 'b' | '' }; indic?: boolean; thai?: boolean; persian?: boolean }
/**
 * The last reading is the script's, not the Latin side's: Persian says ض and ذ as z (رضا = Reza,
 * فضلی = Fazli), where Arabic says d (Ramadan, Gaddafi).
 */
const READINGS: LatinReading[] = [{ th: 's', g: 'k' }, { th: 'd', g: 'k' }, { th: 's', g: 'j' }, { th: 'd', g: 'j' }, { th: 's', g: 'k', persian: true }];
const PERSIAN_Z = /[ضذ]/;
/** Against Hebrew: v is bet (Yoav, Gvir) or vav (David), so both are tried. */
const HEBREW_READINGS: LatinReading[] = [{ th: 's', g: 'k', hebrew: { v: 'b' } }, { th: 's', g: 'k', hebrew: { v: '' } }];

/** Against Devanagari, Bengali, Sinhala, Thai or Khmer, both sides are read one way, below. */
const INDIC_READINGS: LatinReading[] = [{ th: 's', g: 'k', indic: true }];
/** Against Thai: Latin spellings of Thai write a long vowel with r before n (Paetongtarn, Charn), which is not spoken. */
const THAI_READINGS: LatinReading[] = [{ th: 's', g: 'k', indic: true, thai: true }];
const THAI = inScripts(...THAI_SCRIPTS);
const ETHIOPIC = inScripts('Ethiopic');
const INDIC = inScripts(...INDIC_SCRIPTS);

/**
 * A word in an Indic script, Thai or Khmer, or a Latin word compared with one, as consonants in one
 * spelling. h goes, and with it aspiration (Thai and Indic th, ph, kh are t, p, k: Prayut = ประยุทธ์); the
 * sibilants and ch fall together, as do v, w and b (Nepali Deuba = देउवा). In Thai script the
 * letters under a silencer (์) go, a vowel written before its consonant goes, and a word-final r, l
 * or ñ after a vowel is n and a final s is t, as Thai says them (จันทร์ = Chan, ธาร = than).
 */
function indicSkeleton(word: string, thai = false): string {
  const script = word
    .replace(/[ทต]ร์/g, '')
    .replace(/[\u0E01-\u0E2E][\u0E34-\u0E39]?\u0E4C/g, '')
    .replace(/[\u0E40-\u0E44]/g, '')
    .replace(/(?<![\u0E01-\u0E2E])[รลญฬ]$/, 'น')
    .replace(/[สศษ]$/, 'ต')
    // any-ascii writes श, ष (and Bengali, Sinhala forms) as s; they are sh.
    .replace(/[शषশষශෂ]/g, 'sh')
    // Anusvara before a consonant is spoken n (गांधी is Gandhi, සිංහ is Singha).
    .replace(/[\u0902\u0982\u0D82]/g, 'n');
  const inScript = INDIC.test(word);
  // Latin ck is k; ng before h is the anusvara's n (Singh = सिंह, Wickremesinghe).
  const latin = (inScript ? toLatin(script) : toLatin(script).replace(/ck/g, 'k').replace(/ngh/g, 'nh')).replace(/[^a-z]/g, '');
  // Against Thai and Lao a word-final d is said t (ສີສຸລິດ = Sisoulith).
  const said = thai ? latin.replace(/d$/, 't') : latin;
  return (thai && !THAI.test(word) ? said.replace(/(?<=[aeiou])r(?=n)/g, '') : said)
    .replace(/^[aeiou]/, '·')
    .replace(/sh|ch|[scz]/g, 'S')
    // h goes, aspiration or not: any-ascii writes भ and ब+ह alike as bh (Bahadur = बहादुर).
    .replace(/h/g, '')
    .replace(/[fv]|w/g, (c) => (c === 'f' ? 'p' : 'b'))
    .replace(/q/g, 'k')
    .replace(/[aeiouy]/g, '');
}

/**
 * A Latin word read as Hebrew writes it: j and y are yod (Benjamin, Yoav), w is vav, tz and ts are
 * tsadi, f is pe, and h, ch, kh, k, c and q fall together as the Hebrew side's K.
 */
function hebrewSkeleton(latin: string, v: 'b' | ''): string {
  return latin
    .replace(/^[aeiou]/, '·')
    .replace(/sh/g, 'S')
    .replace(/th/g, 't')
    .replace(/tz|ts/g, 'z')
    .replace(/ch|kh|ck|[hkcq]/g, 'K')
    .replace(/f/g, 'p')
    .replace(/v/g, v)
    .replace(/[aeiouwyj]/g, '');
}

/**
 * The consonant skeleton of one word. Latin: vowels and the letters that also write long vowels
 * (w, y) go, and the sounds spelt apart fall together as the Arabic side has them (q/gh/k, kh/h,
 * dh/d, ch/sh as French and English write ش). Arabic script: the table above.
 */
export function abjadSkeleton(word: string, reading: LatinReading = READINGS[0]!): string {
  // A word that opens with a vowel (alif, hamza or ain in the script) keeps a mark of it, so Ahmad
  // (أحمد) and Hamid (حامد), one root, stay two names.
  const raw = ARABIC_SCRIPT.test(word)
    ? [...word.replace(/ه\u200c/g, '').replace(/[צץ]['׳]/g, 'ח').replace(/^[اأإآعאע]/, '·')].map((c) => (c === '·' ? c : reading.persian && PERSIAN_Z.test(c) ? 'z' : ARABIC_LETTERS[c] ?? HEBREW_LETTERS[c] ?? '')).join('')
    : reading.indic
      ? indicSkeleton(word, reading.thai)
      : reading.hebrew
      ? hebrewSkeleton(toLatin(word).replace(/[^a-z]/g, ''), reading.hebrew.v)
      : toLatin(word)
        .replace(/[^a-z]/g, '')
        .replace(/^[aeiou]/, '·')
        .replace(/kh/g, 'h')
        .replace(/th/g, reading.th)
        // ذ is written dh, d or z (Qadhafi, Gaddafi); the Arabic side reads it d.
        .replace(/dh/g, 'd')
        // Persian ژ is zh or j (Ahmadinejad = احمدی‌نژاد), and falls in with ج.
        .replace(/zh/g, 'j')
        .replace(/ph/g, 'f')
        // French writes ش as ch (Hamcho, Chehab), English as sh; Persian چ falls in with them.
        .replace(/sh|ch/g, 'S')
        .replace(/gh|q/g, 'k')
        .replace(/g/g, reading.g)
        // A c alone is French for ق or ك (Toufic, Chafic).
        .replace(/c/g, 'k')
        // Somali and Uyghur Latin write ḥ and kh as x (Maxamuud = Mohamud, Toxti = Tohti).
        .replace(/x/g, 'h')
        // v is و read the Persian way (Salavati = صلواتی, Javad = جواد): a vowel letter like w.
        .replace(/[aeiouwyv]/g, '');
  // d between n and z is often not written: Akhundzada = Akhunzada, آخوندزاده.
  const single = raw.replace(/(.)\1+/g, '$1').replace(/ndz/g, 'nz');
  // Abdel, Abdul, Abdulhadi: the l is the article of the word that follows عبد; not the double l of
  // Allah (Abdullah, Abdollahian, عبدالله).
  return /^·bdll/.test(raw) ? single : single.replace(/^·bdl/, '·bd');
}

/**
 * One word of a name as a skeleton, and whether it carried the article (al-Tikriti, Al Saud). `part`:
 * a later part of a hyphenated surname, met only after its first part (Mahabadi alone is not FAKHRIZADEH-MAHABADI).
 */
interface AbjadWord { w: string; art: boolean; part?: boolean; raw?: string }

/** ibn and bin are one word, son of: ابن, Ibn and Bin. */
export const SON_OF = /^(ibn|bin|ابن)$/i;

/** A Latin surname joined by a hyphen (FAKHRIZADEH-MAHABADI): its parts, none of them an article or bin, abd, abu. */
const HYPHENATED = /^(?!(?:al|el|ad|as|at|ash|an|ar|az|ud|ul|bin|ibn|abd|abu)-)[a-z]{3,}(?:-[a-z]{3,})+$/i;

function abjadEntries(tokens: readonly string[], reading: LatinReading): AbjadWord[] {
  // The later parts of a hyphenated surname may be left off, as a family name with its article may.
  const words = tokens.flatMap((t) => t.split(/\s+/)).flatMap((t) => (HYPHENATED.test(t) ? t.split('-').map((p, n) => ({ t: p, part: n > 0 })) : [{ t, part: false }]));
  const out: AbjadWord[] = [];
  words.forEach(({ t, part }, i) => {
    if (ARTICLES.has(t.toLowerCase())) return;
    const bare = t.replace(LATIN_ARTICLE, '').replace(ARABIC_ARTICLE, '').replace(i > 0 && t.length >= 7 ? /^al(?=[^aeiou-])/i : /^$/, '');
    const w = SON_OF.test(bare) ? 'bn' : abjadSkeleton(bare, reading);
    if (!w) return;
    const art = bare !== t || (i > 0 && ARTICLES.has(words[i - 1]!.t.toLowerCase()));
    const prev = out.at(-1);
    // عبد is one name with the word after it: Abd al-Khaliq = Abdulkhaliq, Abdul Aziz = Abdulaziz.
    if (prev?.w === '·bd') prev.w = `·bd${w.replace(/^·/, '')}`;
    // So is al-Din with the word before it: Badr al-Din = Badreddine, Salah ad-Din = Salaheddine.
    else if (w === 'dn' && art && prev && prev.w !== 'bn') prev.w = `${prev.w}dn`;
    else out.push({ w, art: art || part, part });
  });
  return out;
}

/**
 * The words of a name as skeletons, articles off (al-Assad, الأسد, Al Saud, and Alhathloul written
 * as one word after the given name), bin/ibn kept as bn.
 */
export function abjadWords(tokens: readonly string[], reading: LatinReading = READINGS[0]!): string[] {
  return abjadEntries(tokens, reading).map((e) => e.w);
}

/** The skeleton lists of a name under every reading of its ambiguous letters, each list once; worked out once per name. */
export type Mode = 'arabic' | 'hebrew' | 'indic' | 'thai';
const MODES: Record<Mode, [WeakMap<readonly string[], AbjadWord[][]>, LatinReading[]]> = {
  arabic: [new WeakMap(), READINGS],
  hebrew: [new WeakMap(), HEBREW_READINGS],
  indic: [new WeakMap(), INDIC_READINGS],
  thai: [new WeakMap(), THAI_READINGS],
};
function readingsOf(tokens: readonly string[], mode: Mode): AbjadWord[][] {
  const [cache, readings] = MODES[mode];
  let r = cache.get(tokens);
  if (!r) cache.set(tokens, (r = computeReadings(tokens, readings)));
  return r;
}

function computeReadings(tokens: readonly string[], readings: LatinReading[]): AbjadWord[][] {
  const seen = new Map<string, AbjadWord[]>();
  for (const r of readings) {
    if (r.persian && !tokens.some((t) => PERSIAN_Z.test(t))) continue;
    // Untrimmed too: inside a run of words an h is a consonant (ذبيح الله = Zabihullah).
    const words = abjadEntries(tokens, r).map((e) => ({ ...e, w: trimH(e.w), raw: e.w }));
    seen.set(words.map((e) => e.w).join(' '), words);
  }
  return [...seen.values()];
}

/**
 * The shorter name read inside the longer one: its words, in order, each the skeleton of one word
 * or of a run of words of the other (نصر الله = Nasrallah), starting with the first word (the given
 * name) and missing none. A final h (ta marbuta, -ah) is dropped at the ends of runs. The shorter
 * name ends where the longer does, or before words that carry the article (Saddam Hussein
 * al-Tikriti, Mohammed bin Salman Al Saud): Mohammad Bagheri is not Mohammad Bagher Ghalibaf.
 * A name with bin or ibn in it is a chain, and may stop anywhere (Mohammed bin Salman).
 */
export function abjadSame(a: readonly string[], b: readonly string[]): boolean {
  const mode = scriptMode(a) ?? scriptMode(b) ?? 'arabic';
  // An Ethiopian name is given name, father's and grandfather's: the shorter may stop anywhere (ዐቢይ አሕመድ = Abiy Ahmed Ali).
  const open = [...a, ...b].some((t) => ETHIOPIC.test(t));
  const rb = readingsOf(b, mode);
  for (const ea of readingsOf(a, mode)) {
    for (const eb of rb) {
      if (ea.length < 2 || eb.length < 2) return false;
      const [short, long] = ea.length <= eb.length ? [ea, eb] : [eb, ea];
      if (aligned(short, long, open) || aligned(long, short, open)) return true;
    }
  }
  return false;
}

/**
 * How a name's script has Latin names read against it: the Hebrew way against Hebrew letters, the
 * Indic way against Indic scripts and Khmer (Thai's own way against Thai), else as Arabic; null for
 * a name in none of these scripts.
 */
export function scriptMode(tokens: readonly string[]): Mode | null {
  const has = (re: RegExp) => tokens.some((t) => re.test(t));
  return has(HEBREW) ? 'hebrew' : has(THAI) ? 'thai' : has(INDIC) ? 'indic' : has(ARABIC_SCRIPT) ? 'arabic' : null;
}

/**
 * The family name as skeletons, for blocking, under every reading of the mode: the last word, and
 * joined to the word before it when it carries the article or ends a hyphenated surname
 * (Badr al-Din = Badreddine, AMIR-ABDOLLAHIAN = امیرعبداللهیان).
 */
export function abjadFamilyKeys(tokens: readonly string[], mode: Mode): string[] {
  const out = new Set<string>();
  for (const words of readingsOf(tokens, mode)) {
    const [prev, last] = [words.at(-2), words.at(-1)];
    if (last) out.add(last.w);
    if (prev && last?.art) out.add(trimH(`${prev.w}${last.w.replace(/^·/, '')}`.replace(/(.)\1+/g, '$1')));
  }
  return [...out].filter((k) => k.replace('·', '').length >= 2);
}

function aligned(short: AbjadWord[], long: AbjadWord[], open: boolean): boolean {
  const chain = short.some((e) => e.w === 'bn');
  const tailOk = (j: number) => open || chain || long.slice(j).every((e) => e.art);
  // In a chain every link counts: after the given name, bin and the fathers follow on without a gap
  // (Hamdan bin Rashid is not Hamdan bin Mohammed bin Rashid). Only the family name may come later,
  // with its article (Al Saud) or as the chain's last link, ending both names (Osama bin Laden).
  const skip = (i: number): Skip => (!chain || short[i]!.art ? 'any' : short[i]!.w === 'bn' && i === short.length - 2 ? 'to-end' : 'none');
  return alignFrom(short.map((e) => e.w), long.map((e) => e.raw ?? e.w), tailOk, skip, (s) => !!long[s]!.part);
}

type Skip = 'any' | 'to-end' | 'none';

// K is the Hebrew reading's h (a silent final he, as in Moshe = משה).
const trimH = (s: string) => (s.length > 2 ? s.replace(/[hK]$/, '') : s);

/**
 * Every word of `short`, in order, equals the joined skeletons of a run of `long`. The first word
 * (the given name) opens both; later words may skip middle names (Bashar Hafez al-Assad) where
 * `skip` allows, and a word that skips 'to-end' must leave the rest to end exactly where `long` does.
 */
function alignFrom(short: string[], long: string[], tailOk: (j: number) => boolean, skip: (i: number) => Skip, part: (s: number) => boolean, i = 0, j = 0, toEnd = false): boolean {
  if (i === short.length) return toEnd ? j === long.length : tailOk(j);
  const may = i === 0 ? 'none' : skip(i);
  const starts = may === 'none' ? [j] : Array.from({ length: long.length - j }, (_, n) => j + n).filter((s) => s === j || !part(s));
  for (const s of starts) {
    let joined = '';
    for (let e = s; e < long.length; e++) {
      // Inside a run a word's opening vowel mark goes: AMIR-ABDOLLAHIAN = امیرعبداللهیان.
      joined = `${joined}${joined ? long[e]!.replace(/^·/, '') : long[e]!}`.replace(/(.)\1+/g, '$1');
      const run = trimH(joined);
      if (run === short[i] && alignFrom(short, long, tailOk, skip, part, i + 1, e + 1, toEnd || (may === 'to-end' && s > j))) return true;
      if (run.length >= short[i]!.length) break;
    }
  }
  return false;
}

/** One word against a longer name, both as skeletons: the word must be the other's last one, its family name. */
function abjadSingle(a: ParsedName, b: ParsedName): number {
  const [single, full] = a.tokens.length === 1 ? [a, b] : [b, a];
  const one = abjadWords(single.tokens);
  const words = abjadWords(full.tokens);
  return one.length === 1 && words.length >= 1 && one[0] === words.at(-1) ? 0.7 : 0;
}

/** Blocking keys of a name read as Arabic: its family name's skeletons (الأسد = Assad, Haniyeh = Haniya). */
export function arabicKeys(p: ParsedName): string[] {
  return abjadFamilyKeys(p.tokens, 'arabic').map((k) => `a:${k}`);
}

/**
 * Names in scripts that write consonants only, or whose vowels any-ascii loses or respells (Arabic,
 * Persian, Urdu, Hebrew; Devanagari, Bengali, Sinhala, Thai, Lao, Khmer, Ge'ez): such a name meets a
 * Latin one as a consonant skeleton, and nothing else can read it.
 */
export const scriptSkeletons: NameTradition = {
  name: 'scripts read as consonant skeletons',
  recognise: (p) => p.tokens.some((t) => SKELETON_SCRIPT.test(t)),
  compare(a, b, { bonus }) {
    const s = a.tokens.length === 1 || b.tokens.length === 1 ? abjadSingle(a, b) : abjadSame(a.tokens, b.tokens) ? 0.85 : 0;
    return { same: s > 0, score: s > 0 ? Math.min(1, s + bonus) : 0.1 };
  },
  keys: arabicKeys,
};
