/**
 * Recognising what arrived: plain text, a text with a header block (contract), HTML, or JSON
 * lines of records. Pure: bytes in, raw reports out. Every raw report keeps its original bytes
 * and their SHA-256; nothing here changes them.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { CleanError, decodeBytes } from '../clean/index.ts';

export type ReportFormat = 'txt' | 'header-txt' | 'html' | 'jsonl-record' | 'pdf' | 'docx' | 'eml' | 'telegram-message' | 'csv-list';

/** A file kept with a report without being read as one: a picture, a message's media. */
export interface MediaFile {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

export interface SourceMeta {
  url: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  /** Unknown header keys and record fields, kept as they came. */
  extra: Record<string, string>;
}

export interface RawReport {
  /** The original bytes, exactly as received (for a JSON-lines record: its line). */
  bytes: Buffer;
  sha256: string;
  filename: string;
  format: ReportFormat;
  meta: SourceMeta;
  /** 'document': all of the text is the report (PDF, DOCX, e-mail, a message); nothing is cut. */
  body: { kind: 'text' | 'html' | 'document'; content: string };
  encoding: string;
  /** A report that came inside another (an e-mail's attachment): that one's SHA-256, and how. */
  parent?: { sha256: string; relation: 'attachment' };
  /** Files kept with the report, not read as reports (pictures, a message's media). */
  media?: MediaFile[];
  /** Said to the user and kept with the report (a scanned PDF without text, pages not read). */
  notice?: string | null;
  /** The source's own key (telegram:CHAT:MESSAGE): a later export of the same item is not added again. */
  sourceKey?: string;
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Read by parseInput, synchronously: text in, reports out. */
export const TEXT_EXTENSIONS = ['.txt', '.html', '.htm', '.jsonl'] as const;

/** Every file `vigil ingest` and the upload page read as reports (documents: read.ts). */
export const SUPPORTED_EXTENSIONS = [...TEXT_EXTENSIONS, '.pdf', '.docx', '.eml', '.json'] as const;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function emptyMeta(): SourceMeta {
  return { url: null, title: null, published: null, language: null, extra: {} };
}

/** A publication date as given ("2011-03-14T16:32:26+0200", "2011-03", "2011") cut to its precision. */
export function normalisePublished(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

const HEADER_LINE = /^([A-Za-z][\w-]*)\s*:\s?(.*)$/;
const HEADER_MAX_LINES = 40;

/** The contract's header block: `key: value` lines ended by a line `---`. */
export function splitHeaderBlock(text: string): { meta: SourceMeta; body: string } | null {
  const lines = text.split('\n');
  const end = lines.slice(0, HEADER_MAX_LINES + 1).findIndex((l) => l.trim() === '---');
  if (end < 1) return null;
  const meta = emptyMeta();
  for (const line of lines.slice(0, end)) {
    if (line.trim() === '') continue;
    const m = HEADER_LINE.exec(line.replace(/\r$/, ''));
    if (!m) return null;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'url' || key === 'title' || key === 'language') meta[key] = value || null;
    else if (key === 'published') meta.published = normalisePublished(value);
    else meta.extra[key] = value;
  }
  // Offsets downstream refer to the body only; the header is metadata, kept in `meta`.
  return { meta, body: lines.slice(end + 1).join('\n') };
}

function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes.length === 0) throw new InputError('empty file');
  try {
    return decodeBytes(bytes);
  } catch (e) {
    if (e instanceof CleanError) throw new InputError(e.message);
    throw e;
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 1024));
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** One JSON-lines record `{url, title, published, language, text | html}`. */
function parseRecord(line: Buffer, filename: string, lineNo: number): RawReport {
  let rec: unknown;
  try {
    rec = JSON.parse(line.toString('utf8'));
  } catch {
    throw new InputError(`line ${lineNo}: not valid JSON`);
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new InputError(`line ${lineNo}: not a JSON object`);
  const r = rec as Record<string, unknown>;
  const text = str(r.text);
  const html = str(r.html);
  if (!text && !html) throw new InputError(`line ${lineNo}: the record has neither "text" nor "html"`);
  const meta: SourceMeta = { url: str(r.url), title: str(r.title), published: normalisePublished(str(r.published)), language: str(r.language), extra: {} };
  for (const [k, v] of Object.entries(r)) {
    if (!['url', 'title', 'published', 'language', 'text', 'html'].includes(k) && (typeof v === 'string' || typeof v === 'number')) meta.extra[k] = String(v);
  }
  return {
    bytes: line,
    sha256: sha256Hex(line),
    filename: `${filename}#${lineNo}`,
    format: 'jsonl-record',
    meta,
    body: html ? { kind: 'html', content: html } : { kind: 'text', content: text! },
    encoding: 'utf-8',
  };
}

export type ParseOutcome = { ok: true; report: RawReport } | { ok: false; filename: string; error: string };

/** Turns one file's bytes into raw reports (several for JSON lines). Errors are per report, never thrown. */
export function parseInput(bytes: Buffer, filename: string): ParseOutcome[] {
  const ext = extname(filename).toLowerCase();
  try {
    if (ext === '.jsonl') {
      if (bytes.length === 0) throw new InputError('empty file');
      const out: ParseOutcome[] = [];
      let start = 0;
      let lineNo = 0;
      while (start <= bytes.length) {
        let nl = bytes.indexOf(0x0a, start);
        if (nl === -1) nl = bytes.length;
        lineNo++;
        const line = bytes.subarray(start, nl);
        start = nl + 1;
        if (line.toString('utf8').trim() === '') continue;
        try {
          out.push({ ok: true, report: parseRecord(Buffer.from(line), filename, lineNo) });
        } catch (e) {
          out.push({ ok: false, filename: `${filename}#${lineNo}`, error: (e as Error).message });
        }
      }
      if (out.length === 0) throw new InputError('no records');
      return out;
    }
    const { text, encoding } = decode(bytes);
    if (text.trim() === '') throw new InputError('empty file');
    const sha256 = sha256Hex(bytes);
    if (ext === '.html' || ext === '.htm' || (ext !== '.txt' && looksLikeHtml(text))) {
      return [{ ok: true, report: { bytes, sha256, filename, format: 'html', meta: emptyMeta(), body: { kind: 'html', content: text }, encoding } }];
    }
    const header = splitHeaderBlock(text);
    if (header) {
      return [{ ok: true, report: { bytes, sha256, filename, format: 'header-txt', meta: header.meta, body: { kind: 'text', content: header.body }, encoding } }];
    }
    return [{ ok: true, report: { bytes, sha256, filename, format: 'txt', meta: emptyMeta(), body: { kind: 'text', content: text }, encoding } }];
  } catch (e) {
    if (e instanceof InputError) return [{ ok: false, filename, error: e.message }];
    throw e;
  }
}
