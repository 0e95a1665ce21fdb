/**
 * Recognising what arrived, every format: the text formats of formats.ts (read at once), the
 * documents (PDF, DOCX, e-mail: read in the document worker under their limits) and Telegram
 * Desktop exports. An e-mail's attachments are read in turn: those that are reports become reports
 * of their own, linked to the message; pictures and other files are kept as its attachments.
 */
import { extname } from 'node:path';
import { InputError, emptyMeta, parseInput, sha256Hex, type MediaFile, type ParseOutcome, type RawReport } from './formats.ts';
import { LIMITS, sizeText } from './limits.ts';
import { convertInWorker } from './sandbox.ts';
import { parseTelegramExport } from './telegram.ts';
import { extensionOf } from './media-types.ts';
import { imageType } from './images.ts';
import type { ConverterName } from './converted.ts';

export interface ReadOptions {
  /** The file's path on disk, when it has one: a Telegram export's media are read beside it. */
  path?: string | null;
  /** OCR scanned PDFs when tesseract is installed (default true). */
  ocr?: boolean;
  /**
   * Parses what needs no document worker (text, HTML, JSON lines, a Telegram export). The server
   * passes its extraction pool's, so that a huge upload is parsed off its thread too, under the
   * pool's time budget; by default it is parsed here (the CLI).
   */
  parse?: (bytes: Buffer, filename: string) => Promise<ParseOutcome[]>;
}

const DOCUMENTS: Record<string, ConverterName> = { '.pdf': 'pdf', '.docx': 'docx', '.eml': 'eml' };

/** The document reader a file needs, by its extension, or by its first bytes when it has none we know. */
function converterFor(ext: string, bytes: Buffer): ConverterName | null {
  if (DOCUMENTS[ext]) return DOCUMENTS[ext];
  if (ext === '.txt' || ext === '.html' || ext === '.htm' || ext === '.jsonl') return null;
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-') ? 'pdf' : null;
}

/** The reports in one file: each ok or failed on its own. Never throws for a bad file. */
export async function readReports(bytes: Buffer, filename: string, opts: ReadOptions = {}): Promise<ParseOutcome[]> {
  try {
    return await readAny(bytes, filename, opts, 0);
  } catch (e) {
    if (e instanceof InputError) return [{ ok: false, filename, error: e.message }];
    throw e;
  }
}

/** A file that needs no document worker: a Telegram export (its media read beside `path`), or text. */
export function parsePlain(bytes: Buffer, filename: string, path: string | null): ParseOutcome[] {
  return extname(filename).toLowerCase() === '.json' ? parseTelegramExport(bytes, filename, path) : parseInput(bytes, filename);
}

async function readAny(bytes: Buffer, filename: string, opts: ReadOptions, depth: number): Promise<ParseOutcome[]> {
  const ext = extname(filename).toLowerCase();
  if (bytes.length === 0) throw new InputError('empty file');
  const kind = ext === '.json' ? null : converterFor(ext, bytes);
  if (!kind) return opts.parse ? opts.parse(bytes, filename) : parsePlain(bytes, filename, opts.path ?? null);
  return readDocument(kind, bytes, filename, opts, depth);
}

async function readDocument(kind: ConverterName, bytes: Buffer, filename: string, opts: ReadOptions, depth: number): Promise<ParseOutcome[]> {
  const limits = LIMITS[kind];
  if (bytes.length > limits.maxBytes) throw new InputError(`the file is ${sizeText(bytes.length)}, above the ${sizeText(limits.maxBytes)} limit for a ${kind.toUpperCase()}`);
  const doc = await convertInWorker(kind, bytes, { ocr: opts.ocr ?? true }, limits);
  const sha256 = sha256Hex(bytes);
  const meta = { ...emptyMeta(), title: doc.title, published: doc.published, language: doc.language, extra: doc.extra };
  const media: MediaFile[] = [];
  const notices = doc.notice ? [doc.notice] : [];
  const report: RawReport = { bytes, sha256, filename, format: kind, meta, body: doc.body, encoding: 'binary', media, notice: null };
  const out: ParseOutcome[] = [{ ok: true, report }];
  for (const f of doc.inner) {
    const bytesOf = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
    const innerExt = extname(f.filename).toLowerCase() || extensionOf(f.mediaType) || '';
    const name = extname(f.filename) ? f.filename : `${f.filename}${innerExt}`;
    const readable = innerExt !== '.json' && (innerExt === '.txt' || innerExt === '.html' || innerExt === '.htm' || DOCUMENTS[innerExt]);
    if (!readable || imageType(bytesOf) || depth >= LIMITS.eml.maxDepth) {
      media.push({ filename: f.filename, mediaType: f.mediaType, bytes: bytesOf });
      continue;
    }
    let inner: ParseOutcome[];
    try {
      inner = await readAny(bytesOf, name, { ...opts, path: null }, depth + 1);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      inner = [{ ok: false, filename: name, error: e.message }];
    }
    for (const o of inner) {
      if (o.ok) {
        o.report.filename = `${filename} › ${o.report.filename}`;
        o.report.parent ??= { sha256, relation: 'attachment' };
        out.push(o);
      } else {
        // An attachment that cannot be read is kept with the message all the same: nothing is lost.
        media.push({ filename: f.filename, mediaType: f.mediaType, bytes: bytesOf });
        notices.push(`the attachment ${f.filename} was kept but not read (${o.error})`);
      }
    }
  }
  report.notice = notices.join('; ') || null;
  return out;
}
