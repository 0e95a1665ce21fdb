/**
 * Bytes to text. BOMs and declared charsets first, then strict UTF-8, then detection among the
 * Cyrillic single-byte encodings monitors actually meet (windows-1251, KOI8-R).
 */
import iconv from 'iconv-lite';
import chardet from 'chardet';

export type CleanErrorCode = 'binary' | 'empty' | 'undecodable' | 'too_large';

export class CleanError extends Error {
  constructor(readonly code: CleanErrorCode, message: string) {
    super(message);
    this.name = 'CleanError';
  }
}

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const CHARSET_ALIASES: Record<string, string> = {
  'utf8': 'utf-8', 'cp1251': 'windows-1251', 'win-1251': 'windows-1251', 'koi8r': 'koi8-r', 'x-cp1251': 'windows-1251',
};

function canonical(charset: string): string {
  const c = charset.trim().toLowerCase().replace(/^["']|["']$/g, '');
  return CHARSET_ALIASES[c] ?? c;
}

/** A declared charset: from the HTTP Content-Type, or a meta tag in the first bytes of a page. */
export function declaredCharset(bytes: Uint8Array, contentType?: string | null): string | null {
  const fromHeader = contentType ? /charset\s*=\s*([\w-]+)/i.exec(contentType)?.[1] : undefined;
  if (fromHeader) return canonical(fromHeader);
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  return meta ? canonical(meta) : null;
}

/** Binary files have NUL bytes or many control characters; UTF-16 text is handled before this. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return true;
  return false;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of letters that are Cyrillic and common in running text: tells 1251 from KOI8-R. */
function cyrillicScore(text: string): number {
  const common = text.match(/[оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёіў]/g)?.length ?? 0;
  const upper = text.match(/[А-ЯЁІЎ]/g)?.length ?? 0;
  // KOI8-R read as 1251 (and back) swaps case: running text is mostly lower case.
  return common - upper * 2;
}

export function decodeBytes(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: string } {
  if (bytes.length === 0) throw new CleanError('empty', 'empty file');
  if (bytes.length > MAX_INPUT_BYTES) throw new CleanError('too_large', `file too large (${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES})`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (looksBinary(buf)) throw new CleanError('binary', 'not a text file (binary content)');
  const declared = declaredCharset(buf, contentType);
  const utf8 = strictUtf8(buf);
  // Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever a stale header says: a windows-1251
  // or KOI8-R text almost never happens to be valid UTF-8, and trusting the label would give mojibake.
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared) && (utf8 === null || !hasNonAscii(buf))) {
    return { text: iconv.decode(buf, declared), encoding: declared };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const guesses = new Set<string>(['windows-1251', 'koi8-r']);
  const detected = chardet.detect(buf);
  if (detected && iconv.encodingExists(detected)) guesses.add(canonical(detected));
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const enc of guesses) {
    const text = iconv.decode(buf, enc);
    const score = cyrillicScore(text) - (text.match(/\uFFFD/g)?.length ?? 0) * 5;
    if (!best || score > best.score) best = { text, encoding: enc, score };
  }
  if (!best) throw new CleanError('undecodable', 'the text encoding could not be recognised');
  return { text: best.text, encoding: best.encoding };
}
