/**
 * Small FICTIONAL documents made by the tests themselves: PDFs (pdfkit), DOCX files and zip
 * archives (a minimal writer, so a test can also build a hostile one), e-mails and Telegram exports.
 */
import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import { createDeflateRaw, deflateRawSync, deflateSync, crc32 } from 'node:zlib';

/** DejaVu Sans has Cyrillic; .ci/run installs it (fonts-dejavu-core) where it is missing. */
export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
export const hasFont = existsSync(FONT);

export function pdf(pages: string[], opts: { title?: string; author?: string; userPassword?: string; image?: Buffer; created?: Date } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      info: { ...(opts.title ? { Title: opts.title } : {}), ...(opts.author ? { Author: opts.author } : {}), CreationDate: opts.created ?? new Date('2024-03-02T10:00:00Z') },
      ...(opts.userPassword ? { userPassword: opts.userPassword, ownerPassword: `${opts.userPassword}-owner`, pdfVersion: '1.7' as const } : {}),
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    if (hasFont) doc.font(FONT);
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      if (opts.image) doc.image(opts.image, 0, 0, { width: 612 });
      else doc.fontSize(12).text(text);
    });
    doc.end();
  });
}

export interface ZipEntry {
  name: string;
  /** The entry's content, or (for a bomb) its deflated form and the size it expands to. */
  data?: Buffer;
  deflated?: { raw: Buffer; size: number; crc: number };
}

/** A zip archive, deflated, with honest headers unless an entry comes pre-deflated. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const raw = e.deflated?.raw ?? deflateRawSync(e.data!);
    const size = e.deflated?.size ?? e.data!.length;
    const crc = e.deflated?.crc ?? crc32(e.data!);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, raw);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(raw.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + raw.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `size` bytes of spaces, deflated without ever holding them: the body of a zip bomb. */
export async function deflatedSpaces(size: number): Promise<{ raw: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const out: Buffer[] = [];
  const z = createDeflateRaw({ level: 9 });
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  let crc = 0;
  for (let n = 0; n < size; n += chunk.length) {
    crc = crc32(chunk, crc);
    if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { raw: Buffer.concat(out), size, crc };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The least a Word document needs: content types, the package relation, the body and core properties. */
export function docxEntries(paragraphs: string[], core: { title?: string; creator?: string; created?: string } = {}): ZipEntry[] {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  return [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>') },
    { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>') },
    { name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`) },
    { name: 'docProps/core.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${core.title ? `<dc:title>${esc(core.title)}</dc:title>` : ''}${core.creator ? `<dc:creator>${esc(core.creator)}</dc:creator>` : ''}${core.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created>` : ''}</cp:coreProperties>`) },
  ];
}

export const docx = (paragraphs: string[], core: Parameters<typeof docxEntries>[1] = {}): Buffer => zip(docxEntries(paragraphs, core));

/** An RFC 5322 message: text body, and attachments as base64 parts. */
export function eml(h: { from: string; to: string; subject: string; date: string; text: string; attachments?: { name: string; type: string; bytes: Buffer }[] }): Buffer {
  const boundary = 'fictional-boundary-7f3a';
  const lines = [`From: ${h.from}`, `To: ${h.to}`, `Subject: ${h.subject}`, `Date: ${h.date}`, 'Message-ID: <fictional-1@example.org>', 'MIME-Version: 1.0'];
  if (!h.attachments?.length) return Buffer.from([...lines, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', h.text, ''].join('\r\n'));
  lines.push(`Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', h.text);
  for (const a of h.attachments) {
    lines.push(`--${boundary}`, `Content-Type: ${a.type}; name="${a.name}"`, `Content-Disposition: attachment; filename="${a.name}"`, 'Content-Transfer-Encoding: base64', '', a.bytes.toString('base64').replace(/.{76}/g, '$&\r\n'));
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n'));
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A grey PNG of the given size, with extra chunks (metadata) before its pixels. */
export function png(width: number, height: number, extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // 8 bits per sample, greyscale
  const rows = Buffer.alloc(height * (width + 1), 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), ...extra, pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}
