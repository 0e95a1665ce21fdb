/**
 * Surnames against each other: the same written forms (case endings, articles, spellings of one
 * sound) for matching and for blocking, then transliteration keys, a vowel edit and slips of typing. What a
 * tradition reads as one surname besides (Armenian spellings, a Russified -ov) is the tradition's.
 */
import { tokenKeys } from './phonetic.ts';
import { typoClose } from './typos.ts';
import { stripCaseEnding } from './parse-name.ts';

/**
 * A key without a Russified -ov/-ev, for blocking Central Asian and Caucasus surnames (Rahmon =
 * Rahmonov; see traditions/central-asian.ts). Only the male form.
 */
export function dropRussianSuffix(k: string): string | null {
  const m = /^(.{4,}[^aeiou])(av|ev)$/.exec(k);
  return m ? m[1]! : null;
}

/**
 * One edit apart, and the edit is a vowel: transliterations disagree on vowels (Gaidar/Gajdar,
 * Saakashvili/Saakaschwili), while one consonant more or less is another surname (Parfenov/Parfenkov,
 * Agalakova/Agalarova, Melkonyan/Melkonyants).
 */
function vowelEdit(p: string, q: string): boolean {
  if (p === q) return true;
  const vowel = (c: string | undefined) => !!c && 'aeiou'.includes(c);
  let i = 0;
  while (i < p.length && i < q.length && p[i] === q[i]) i++;
  if (p.length === q.length) return p.slice(i + 1) === q.slice(i + 1) && vowel(p[i]) && vowel(q[i]);
  const [long, short] = p.length > q.length ? [p, q] : [q, p];
  // Not a vowel more at the end: that is an ending, a woman's (Shavalau, Shavalava) or a case's.
  return long.length === short.length + 1 && i < short.length && long.slice(i + 1) === short.slice(i) && vowel(long[i]);
}

/**
 * Bengali surnames that English spelling shortened under the Raj and Bengali writes in full:
 * Mamata Banerjee is Mamata Bandyopadhyay. Data: each row is one surname, the full form first.
 */
const SURNAME_ROWS: readonly string[][] = [
  ['Bandyopadhyay', 'Banerjee', 'Banerji', 'Bandopadhyay', 'Bondyopadhyay'],
  ['Chattopadhyay', 'Chatterjee', 'Chatterji', 'Chattopadhyaya'],
  ['Mukhopadhyay', 'Mukherjee', 'Mukherji', 'Mukhopadhyaya'],
  ['Gangopadhyay', 'Ganguly', 'Ganguli'],
  ['Bhattacharya', 'Bhattacharjee', 'Bhattacharyya'],
];
const FULL_SURNAME = new Map(SURNAME_ROWS.flatMap((row) => row.slice(1).map((n) => [n.toLowerCase(), row[0]!] as const)));

/** Arabic article on a surname: al-Assad is Assad. */
const ARTICLE = /^(al|el|ad|as|at|ash|an|ar|az|ud|ul)[-‐]/i;

/**
 * A surname as written, then the other forms it may take whatever the other name is: without a
 * Russian case ending, an Arabic article or a silent final h, and with the spellings of đ and oo.
 */
export function surnameForms(s: string): string[] {
  const out = stripCaseEnding(s);
  // English oo for a long u (Sotoodeh = Sotudeh), as for given names.
  if (/oo/i.test(s)) out.push(s.replace(/oo/gi, 'u'));
  // Serbian and Croatian đ is dj (Đukanović = Djukanovic); Vietnamese đ is d, as any-ascii has it.
  if (/đ/i.test(s)) out.push(s.replace(/đ/g, 'dj').replace(/Đ/g, 'Dj'));
  // A silent final h after a vowel (Persian and Arabic -eh, -ah): Hajizadeh = Hajizade.
  if (/[aeo]h$/i.test(s)) out.push(s.slice(0, -1));
  if (ARTICLE.test(s)) out.push(s.replace(ARTICLE, ''));
  const full = FULL_SURNAME.get(s.toLowerCase());
  if (full) out.push(full);
  return out;
}

export function surnameAgree(a: string, b: string): number {
  const va = surnameForms(a);
  const vb = surnameForms(b);
  // German writes ä ö ü as ae oe ue where the letters are missing: Müller = Mueller.
  if (/[äöü]/i.test(a) && /[aou]e/i.test(b)) vb.push(b.replace(/([aou])e/gi, '$1'));
  if (/[äöü]/i.test(b) && /[aou]e/i.test(a)) va.push(a.replace(/([aou])e/gi, '$1'));
  let best = 0;
  for (const x of va) {
    for (const y of vb) {
      const kx = tokenKeys(x);
      const ky = tokenKeys(y);
      if (kx.some((k) => ky.includes(k))) return x === va[0] && y === vb[0] ? 1 : 0.95;
      for (const p of kx) {
        for (const q of ky) {
          if (Math.min(p.length, q.length) >= 7 && vowelEdit(p, q)) best = Math.max(best, 0.75);
        }
      }
    }
  }
  // A slip of typing: a little less sure than a vowel of transliteration, so that a bare surname
  // with a slip (0.74 < 0.75) meets no other bare surname.
  if (best === 0 && typoClose(a, b, 'surname')) best = 0.74;
  return best;
}
