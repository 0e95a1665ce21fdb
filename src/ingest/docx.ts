/**
 * DOCX: the text of a Word document (mammoth, pure JavaScript), paragraph by paragraph, and its
 * core properties (title, author, dates). The archive is unpacked under zip-guard's caps first,
 * so mammoth only ever sees a document already known to expand to a sane size.
 */
import mammoth from 'mammoth';
import { InputError } from './formats.ts';
import { LIMITS } from './limits.ts';
import { unzipGuarded } from './zip-guard.ts';
import { documentParagraphs } from '../clean/document.ts';
import type { ConvertedDocument } from './converted.ts';

function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const v = m?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim();
  return v ? v.slice(0, 500) : null;
}

export async function readDocx(bytes: Uint8Array): Promise<ConvertedDocument> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
    // An encrypted Word file is an OLE container, not a zip: say so rather than "damaged".
    if (buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
      throw new InputError('an encrypted or old-format (.doc) Word file, which Vigil cannot read; save it as .docx without a password');
    }
    throw new InputError('not a DOCX file (not a zip archive)');
  }
  const entries = unzipGuarded(buf, LIMITS.docx);
  if (!entries.has('word/document.xml')) throw new InputError('not a Word document (the archive has no word/document.xml)');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: buf })).value;
  } catch (e) {
    throw new InputError(`the document could not be read (${String((e as Error).message).slice(0, 120)})`);
  }
  const core = entries.get('docProps/core.xml')?.toString('utf8') ?? '';
  const extra: Record<string, string> = {};
  const author = xmlText(core, 'dc:creator');
  if (author) extra.author = author;
  const created = xmlText(core, 'dcterms:created')?.slice(0, 10) ?? null;
  if (created) extra.created = created;
  const modified = xmlText(core, 'dcterms:modified')?.slice(0, 10);
  if (modified) extra.modified = modified;
  const language = xmlText(core, 'dc:language')?.slice(0, 2).toLowerCase() ?? null;
  return {
    body: { kind: 'document', content: documentParagraphs(text) },
    title: xmlText(core, 'dc:title'),
    published: created && /^\d{4}-\d{2}-\d{2}$/.test(created) ? created : null,
    language,
    extra,
    notice: null,
    inner: [],
  };
}
