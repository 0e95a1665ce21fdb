/**
 * Main text from crawled plain text: lines of menus, titles, bylines, related links and appeals
 * around one article. The article is the run of lines that is richest in prose; lines that are not
 * prose cost what they weigh, so the run stops where the page furniture begins.
 */
import { boilerplateHits, CAPTION_PATTERN } from './boilerplate-lexicon.ts';
import { datelineDate, isoDate } from './metadata.ts';
import { detectLanguage } from './language.ts';
import type { CleanResult } from './result.ts';

interface Line {
  text: string;
  words: number;
  /** Blank line(s) before this one in the original: a paragraph break. */
  breakBefore: boolean;
  prose: boolean;
  score: number;
}

const SENTENCE_END = /[.!?…:;"'”»)\]。！？」]$/u;

/** Words; Chinese and Japanese, written without spaces, count about one word per two characters. */
export function wordCount(s: string): number {
  const runs = s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const cjk = s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return cjk === 0 ? runs : runs + Math.floor(cjk / 2);
}

function isProse(text: string, words: number): boolean {
  if (words >= 25) return true;
  return words >= 6 && SENTENCE_END.test(text.trim()) && /\p{Ll}/u.test(text);
}

function classify(text: string, breakBefore: boolean): Line {
  const words = wordCount(text);
  const hits = boilerplateHits(text);
  let prose = isProse(text, words);
  // Appeals and menus can be full sentences: their vocabulary gives them away.
  if (hits >= 2 || (hits >= 1 && words < 25)) prose = false;
  if (CAPTION_PATTERN.test(text) && words < 40) prose = false;
  if (/\s\|\s.*\s\|\s/.test(text)) prose = false;
  const score = prose ? words : -(words + 3) * (hits > 0 ? 3 : 1);
  return { text, words, breakBefore, prose, score };
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let blank = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const t = raw.replace(/[\s\u00a0]+/gu, ' ').trim();
    if (t === '') {
      blank = true;
      continue;
    }
    out.push(classify(t, blank));
    blank = false;
  }
  return out;
}

/** Maximum-sum contiguous run (Kadane): linear, and the natural reading of "the body". */
function bestRun(lines: Line[], from: number): [number, number] {
  let best = -Infinity;
  let bestStart = from;
  let bestEnd = from - 1;
  let sum = 0;
  let start = from;
  for (let i = from; i < lines.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += lines[i]!.score;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return [bestStart, bestEnd];
}

const NAME = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,3}";
const BYLINE = new RegExp(`^(?:(?:by|автор|аўтар|текст)[:\\s]+)?(${NAME})(?:\\s*[,|·—–-].*)?$`, 'iu');
const BYLINE_MARKED = new RegExp(`^(?:by|автор|аўтар|текст)[:\\s]+(${NAME})`, 'iu');

/** A person's name alone on a short line ("Jane Roe", "By Jane Roe", "Автор: Иван Петров"). */
export function bylineName(line: string): string | null {
  const t = line.trim();
  if (t.length > 80) return null;
  const marked = BYLINE_MARKED.exec(t);
  if (marked) return marked[1]!;
  const m = BYLINE.exec(t);
  // Without a marker, the whole line must be the name: 2-4 capitalised words, nothing else.
  if (!m || /[.!?]$/.test(t) || m[1]!.split(/\s+/).some((w) => !/^\p{Lu}/u.test(w))) return null;
  return t === m[1] ? m[1]! : null;
}

/**
 * Rows of a table inside an article ("| A | 10 years |" for each defendant) are content when three
 * or more rows in a row share their number of cells and hold more than single words: a menu is one
 * line of single words.
 */
function keepTables(lines: Line[]): void {
  const cells = (l: Line) => (/\s\|\s/.test(l.text) ? l.text.split(/\s\|\s|^\||\|$/).filter((c) => c.trim()).length : 0);
  for (let i = 0; i < lines.length; ) {
    const n = cells(lines[i]!);
    let j = i;
    while (j < lines.length && n >= 2 && cells(lines[j]!) === n) j++;
    if (j - i >= 3 && lines.slice(i, j).every((l) => l.words >= 4 && /\d|\p{L}\s\p{L}/u.test(l.text) && boilerplateHits(l.text) === 0)) {
      for (let k = i; k < j; k++) Object.assign(lines[k]!, { prose: true, score: lines[k]!.words });
    }
    i = Math.max(j, i + 1);
  }
}

export function cleanText(text: string): CleanResult {
  const lines = splitLines(text);
  keepTables(lines);
  // A crawl often stops mid-sentence: a last line of prose words with no full stop is still the article's.
  const last = lines[lines.length - 1];
  if (last && !last.prose && last.words >= 8 && /\p{Ll}/u.test(last.text) && boilerplateHits(last.text) === 0 && !/\s\|\s/.test(last.text)) {
    Object.assign(last, { prose: true, score: last.words });
  }
  const title = lines.find((l) => !l.prose && l.words >= 3 && boilerplateHits(l.text) === 0)?.text ?? null;
  // A dateline near the top separates the title, standfirst and byline from the article.
  let published: string | null = null;
  let author: string | null = null;
  let headerEnd = 0;
  const totalWords = lines.reduce((a, l) => a + l.words, 0);
  let seen = 0;
  for (let i = 0; i < lines.length && seen < totalWords * 0.25; i++) {
    const d = lines[i]!.words <= 16 ? datelineDate(lines[i]!.text) : isoDate(lines[i]!.text.slice(0, 40));
    if (d) {
      // The byline usually sits just above the dateline (or on it: "By Jane Roe, 9 May 2020").
      author ??= bylineName(lines[i]!.text) ?? (i > 0 ? bylineName(lines[i - 1]!.text) : null);
      published ??= d;
      headerEnd = i + 1;
      lines[i]!.prose = false;
      lines[i]!.score = -100;
    }
    seen += lines[i]!.words;
  }
  let [start, end] = bestRun(lines, headerEnd);
  if (end < start) [start, end] = bestRun(lines, 0);
  const body = lines.slice(start, end + 1);
  const paragraphs: string[] = [];
  for (const l of body) {
    if (l.breakBefore || paragraphs.length === 0) paragraphs.push(l.text);
    else paragraphs[paragraphs.length - 1] += '\n' + l.text;
  }
  const mainText = paragraphs.join('\n\n');
  const captions = body.filter((l) => CAPTION_PATTERN.test(l.text) && l.words < 40).map((l) => l.text);
  return { mainText, title, published, language: detectLanguage(mainText), author, outlet: null, captions };
}
