/**
 * Words, numbers and marks of a text with their UTF-16 offsets. A word keeps its inner hyphens and
 * apostrophes ("Naumova-Dukhanina", "O'Neill", "з'ехаў"); a possessive "’s" stays on the word and
 * is read off by `bare`.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'mark';
  /** Lower case, possessive removed. */
  lower: string;
}

const TOKEN = /[\p{L}\p{M}](?:[\p{L}\p{M}]|[-’'ʼ](?=[\p{L}\p{M}]))*(?:[’']s\b)?|\d+(?:[.,:/-]\d+)*|[^\s\p{L}\p{M}\d]/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) && m.index < to) {
    const t = m[0];
    const kind = /^[\p{L}\p{M}]/u.test(t) ? 'word' : /^\d/.test(t) ? 'number' : 'mark';
    out.push({ text: t, start: m.index, end: m.index + t.length, kind, lower: bare(t).toLowerCase() });
  }
  return out;
}

/** The word without a possessive ending: "Rubin’s" → "Rubin". */
export function bare(word: string): string {
  return word.replace(/[’']s$/u, '');
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** All capitals, two letters or more ("KGB", "IVANOV"). */
export function isAllCaps(word: string): boolean {
  return word.length >= 2 && /^[\p{Lu}\p{M}’'-]+$/u.test(word);
}

export function isCyrillic(word: string): boolean {
  return /\p{Script=Cyrillic}/u.test(word);
}
