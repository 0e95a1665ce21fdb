/**
 * Text of a document (PDF, DOCX, e-mail, a message): unlike a crawled page, all of it is the
 * report, so nothing is cut; lines a layout broke inside a paragraph are joined again.
 */
import { detectLanguage } from './language.ts';
import type { CleanResult } from './result.ts';

/** A line ends a paragraph when it ends a sentence and the next one starts like a new one. */
const ENDS = /[.!?…:;"'”»)\]]$/u;

/**
 * Paragraphs separated by one blank line. Hard-wrapped lines (a PDF's layout) join with a space;
 * a word hyphenated at a line end joins whole when the next line goes on in lower case.
 */
export function documentParagraphs(text: string): string {
  const paragraphs: string[] = [];
  let cur = '';
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[\s\u00a0]+/gu, ' ').trim();
    if (line === '') {
      if (cur) paragraphs.push(cur);
      cur = '';
      continue;
    }
    if (!cur) cur = line;
    else if (/\p{L}-$/u.test(cur) && /^\p{Ll}/u.test(line)) cur = cur.slice(0, -1) + line;
    else if (ENDS.test(cur) && /^[\p{Lu}\p{N}«"“—–•-]/u.test(line)) {
      paragraphs.push(cur);
      cur = line;
    } else cur += ' ' + line;
  }
  if (cur) paragraphs.push(cur);
  return paragraphs.join('\n\n');
}

export function cleanDocument(text: string): CleanResult {
  const mainText = documentParagraphs(text);
  // A document's first paragraph is its title when it reads like one: short, and no sentence.
  const first = mainText.split('\n\n', 1)[0] ?? '';
  const title = first.length > 0 && first.length <= 120 && !/[.!?…]$/u.test(first) ? first : null;
  return { mainText, title, published: null, language: detectLanguage(mainText), author: null, outlet: null, captions: [] };
}
