/**
 * Pictures attached to a report or a person. What is shown and exported is a copy without the
 * metadata a camera or phone writes into the file — EXIF (with its GPS location, time, camera
 * serial), XMP, IPTC, comments and text chunks — while the original stays, byte for byte, in the
 * encrypted store. Only the container is rewritten: the pixels are copied as they are.
 */
import { InputError } from './formats.ts';
import { LIMITS, sizeText } from './limits.ts';

export interface CleanedImage {
  mediaType: 'image/jpeg' | 'image/png' | 'image/webp';
  /** The picture without its metadata. */
  shown: Buffer;
  /** What was taken out, by kind (never the values): "EXIF (with a GPS location)", "XMP", … */
  removed: string[];
  width: number | null;
  height: number | null;
}

export function imageType(b: Buffer): CleanedImage['mediaType'] | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Whether an EXIF block (TIFF inside APP1 or a WebP/PNG chunk) points to a GPS directory (tag 0x8825). */
export function exifHasGps(tiff: Buffer): boolean {
  if (tiff.length < 8) return false;
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return false;
  const n = u16(ifd);
  for (let i = 0; i < n && ifd + 2 + i * 12 + 2 <= tiff.length; i++) if (u16(ifd + 2 + i * 12) === 0x8825) return true;
  return false;
}

const exifLabel = (tiff: Buffer) => (exifHasGps(tiff) ? 'EXIF (with a GPS location)' : 'EXIF');

function stripJpeg(b: Buffer): CleanedImage {
  const parts: Buffer[] = [b.subarray(0, 2)];
  const removed = new Set<string>();
  let width: number | null = null;
  let height: number | null = null;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw new InputError('a damaged JPEG (a segment does not start where it should)');
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9) break;
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) throw new InputError('a damaged JPEG (a segment runs past the end of the file)');
    const seg = b.subarray(i, i + 2 + len);
    const payload = seg.subarray(4);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      height = payload.readUInt16BE(1);
      width = payload.readUInt16BE(3);
    }
    if (marker === 0xda) {
      // Start of scan: the compressed picture follows, up to the end; it is copied untouched.
      parts.push(b.subarray(i));
      return { mediaType: 'image/jpeg', shown: Buffer.concat(parts), removed: [...removed], width, height };
    }
    const id = payload.toString('latin1', 0, 32);
    let keep = true;
    if (marker === 0xe1) {
      keep = false;
      removed.add(id.startsWith('Exif\0') ? exifLabel(payload.subarray(6)) : id.startsWith('http://ns.adobe') ? 'XMP' : 'APP1 metadata');
    } else if (marker === 0xed) {
      keep = false;
      removed.add('IPTC');
    } else if (marker === 0xfe) {
      keep = false;
      removed.add('comment');
    } else if (marker >= 0xe2 && marker <= 0xef) {
      // Kept: the colour profile (APP2 ICC_PROFILE) and Adobe's colour transform (APP14), which decoding needs.
      keep = (marker === 0xe2 && id.startsWith('ICC_PROFILE')) || (marker === 0xee && id.startsWith('Adobe'));
      if (!keep) removed.add(`APP${marker - 0xe0} metadata`);
    }
    if (keep) parts.push(seg);
    i += 2 + len;
  }
  throw new InputError('a damaged JPEG (no picture data)');
}

/** PNG chunks that describe the pixels; every other ancillary chunk (text, time, EXIF) goes. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

function stripPng(b: Buffer): CleanedImage {
  const parts: Buffer[] = [b.subarray(0, 8)];
  const removed = new Set<string>();
  let i = 8;
  let width: number | null = null;
  let height: number | null = null;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    if (i + 12 + len > b.length) throw new InputError('a damaged PNG (a chunk runs past the end of the file)');
    if (type === 'IHDR') {
      width = b.readUInt32BE(i + 8);
      height = b.readUInt32BE(i + 12);
    }
    if (PNG_KEEP.has(type)) parts.push(b.subarray(i, i + 12 + len));
    else removed.add(type === 'eXIf' ? exifLabel(b.subarray(i + 8, i + 8 + len)) : type === 'tEXt' || type === 'zTXt' || type === 'iTXt' ? 'text' : type === 'tIME' ? 'time' : `${type} chunk`);
    i += 12 + len;
    if (type === 'IEND') return { mediaType: 'image/png', shown: Buffer.concat(parts), removed: [...removed], width, height };
  }
  throw new InputError('a damaged PNG (it ends before its last chunk)');
}


function stripWebp(b: Buffer): CleanedImage {
  const parts: Buffer[] = [];
  const removed = new Set<string>();
  let i = 12;
  while (i + 8 <= b.length) {
    const type = b.toString('latin1', i, i + 4);
    const len = b.readUInt32LE(i + 4);
    const end = i + 8 + len + (len & 1);
    if (i + 8 + len > b.length) throw new InputError('a damaged WebP (a chunk runs past the end of the file)');
    if (type === 'EXIF') removed.add(exifLabel(b.subarray(i + 8, i + 8 + len)));
    else if (type === 'XMP ') removed.add('XMP');
    else {
      const chunk = Buffer.from(b.subarray(i, Math.min(end, b.length)));
      // VP8X flags say which metadata chunks follow: clear the EXIF (0x08) and XMP (0x04) bits.
      if (type === 'VP8X') chunk[8] = chunk[8]! & ~0x0c;
      parts.push(chunk);
    }
    i = end;
  }
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return { mediaType: 'image/webp', shown: Buffer.concat([head, body]), removed: [...removed], width: null, height: null };
}

/** The picture without its metadata; refuses what is not a JPEG, PNG or WebP picture. */
export function cleanImage(bytes: Buffer): CleanedImage {
  if (bytes.length > LIMITS.image.maxBytes) throw new InputError(`the picture is ${sizeText(bytes.length)}, above the ${sizeText(LIMITS.image.maxBytes)} limit`);
  const type = imageType(bytes);
  if (type === 'image/jpeg') return stripJpeg(bytes);
  if (type === 'image/png') return stripPng(bytes);
  if (type === 'image/webp') return stripWebp(bytes);
  throw new InputError('not a picture Vigil can clean of its metadata (JPEG, PNG or WebP)');
}
