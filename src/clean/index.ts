/** The clean stage: bytes to text, and text or HTML to the article body and its metadata. Pure. */
export { CleanError, decodeBytes, type CleanErrorCode } from './decode.ts';
export { cleanHtml } from './html.ts';
export { cleanText } from './text.ts';
export { detectLanguage } from './language.ts';
export type { CleanResult, PartialDate } from './result.ts';
export { cleanDocument, documentParagraphs } from './document.ts';
