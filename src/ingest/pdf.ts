/**
 * PDF: the text layer of each page (PDF.js through unpdf, pure JavaScript), the document's own
 * metadata, and for a scanned PDF without a text layer the pages read by tesseract when the
 * system has it (ocr.ts). Runs in the document worker (sandbox.ts), never beside the open store.
 */
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { InputError } from './formats.ts';
import { LIMITS } from './limits.ts';
import { ocrImage, ocrLanguages, type PageImage } from './ocr.ts';
import { documentParagraphs } from '../clean/document.ts';
import type { ConvertedDocument, ConvertOptions } from './converted.ts';

type PdfDoc = Awaited<ReturnType<typeof getDocumentProxy>>;

/** "D:20240302101500+03'00'" (the PDF date format) to 2024-03-02. */
export function pdfDate(value: unknown): string | null {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow some junk bytes; PDF readers look in the first kilobyte.
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

async function pageText(doc: PdfDoc, n: number): Promise<string> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  let out = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    out += item.str;
    if (item.hasEOL) out += '\n';
  }
  page.cleanup();
  return out;
}

/** The largest picture painted on a page: on a scanned page, the scan. */
async function pageImage(doc: PdfDoc, n: number): Promise<PageImage | null> {
  const { OPS } = await getResolvedPDFJS();
  const page = await doc.getPage(n);
  const ops = await page.getOperatorList();
  let best: PageImage | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const key = (ops.argsArray[i] as string[])[0]!;
    // Pictures used on several pages live in the document's common objects.
    const objs = key.startsWith('g_') ? page.commonObjs : page.objs;
    const img = (await new Promise((resolve) => objs.get(key, resolve))) as { width?: number; height?: number; kind?: number; data?: Uint8ClampedArray } | null;
    if (!img?.data || !img.width || !img.height || !img.kind) continue;
    if (img.width * img.height > LIMITS.ocr.maxImagePixels) continue;
    if (!best || img.width * img.height > best.width * best.height) best = { width: img.width, height: img.height, kind: img.kind as 1 | 2 | 3, data: img.data };
  }
  page.cleanup();
  return best;
}

function openError(e: unknown): never {
  const name = (e as Error)?.name ?? '';
  if (name === 'PasswordException') throw new InputError('the PDF is protected by a password, so its text cannot be read; save a copy without the password and add that');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'MissingPDFException') throw new InputError('not a readable PDF (the file is damaged or is not a PDF)');
  throw new InputError(`the PDF could not be read (${String((e as Error)?.message ?? e).slice(0, 120)})`);
}

export async function readPdf(bytes: Uint8Array, options: ConvertOptions, extend: (ms: number) => void = () => {}): Promise<ConvertedDocument> {
  if (!isPdf(bytes)) throw new InputError('not a PDF file (no %PDF header)');
  let doc: PdfDoc;
  try {
    // No eval (fonts compiled by eval were PDF.js's way to run a hostile file's code), no fetching.
    doc = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  } catch (e) {
    openError(e);
  }
  try {
    const pages = doc.numPages;
    const read = Math.min(pages, LIMITS.pdf.maxPages);
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const texts: string[] = [];
    let chars = 0;
    for (let n = 1; n <= read && chars < LIMITS.pdf.maxTextChars; n++) {
      const t = await pageText(doc, n);
      texts.push(t);
      chars += t.length;
    }
    const extra: Record<string, string> = { pages: String(pages) };
    for (const [k, key] of [['Author', 'author'], ['Subject', 'subject'], ['Keywords', 'keywords'], ['Creator', 'creator'], ['Producer', 'producer']] as const) {
      if (typeof info[k] === 'string' && (info[k] as string).trim()) extra[key] = (info[k] as string).trim().slice(0, 500);
    }
    const created = pdfDate(info.CreationDate);
    if (created) extra.created = created;
    const modified = pdfDate(info.ModDate);
    if (modified) extra.modified = modified;
    const notices: string[] = [];
    if (texts.length < pages) notices.push(`only the first ${texts.length} of ${pages} pages were read (the limit is ${LIMITS.pdf.maxPages} pages, ${LIMITS.pdf.maxTextChars} characters)`);
    let paragraphs = texts.map(documentParagraphs).filter(Boolean);
    // A text layer has letters on most pages; a scan has none, or a stamped page number.
    const letters = texts.join('').match(/\p{L}/gu)?.length ?? 0;
    if (letters < 10 * Math.min(read, 10)) {
      extra['text-layer'] = 'none';
      const langs = options.ocr ? ocrLanguages() : [];
      if (langs.length === 0) {
        notices.unshift('a scanned PDF without a text layer: the original is archived, but no text was read from it' + (options.ocr ? ' (install tesseract-ocr with its Russian and Belarusian data to read scans)' : ''));
        paragraphs = [];
      } else {
        const ocrPages = Math.min(read, LIMITS.ocr.maxPages);
        extend(LIMITS.pdf.timeMs + ocrPages * LIMITS.ocr.pageTimeMs);
        const ocr: string[] = [];
        for (let n = 1; n <= ocrPages; n++) {
          const img = await pageImage(doc, n);
          if (img) ocr.push(documentParagraphs(ocrImage(img, langs)));
        }
        paragraphs = ocr.filter(Boolean);
        extra.ocr = `tesseract (${langs.join('+')})`;
        notices.unshift(`a scanned PDF without a text layer: its text was read by OCR (${langs.join('+')}) and may hold misread words`);
        if (ocrPages < read) notices.push(`OCR read only the first ${ocrPages} of ${read} pages`);
      }
    }
    const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim().slice(0, 500) : null;
    const language = typeof info.Language === 'string' && info.Language.trim() ? info.Language.trim().slice(0, 2).toLowerCase() : null;
    return { body: { kind: 'document', content: paragraphs.join('\n\n') }, title, published: created, language, extra, notice: notices.join('; ') || null, inner: [] };
  } finally {
    await doc.destroy().catch(() => {});
  }
}
