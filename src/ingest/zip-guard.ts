/**
 * A zip archive (DOCX) checked before any library unpacks it: every entry is inflated here with a
 * hard cap on its output, so a zip bomb — or an entry whose header lies about its size — is
 * refused after at most the limit's worth of work, and the caller gets the entries it may read.
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from './formats.ts';

export interface ZipLimits {
  maxExpandedBytes: number;
  maxEntries: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip archive, inflated, by name. */
export function unzipGuarded(buf: Buffer, limits: ZipLimits): Map<string, Buffer> {
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new InputError('not a valid zip archive (no central directory); the file is damaged or not a DOCX');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new InputError('a ZIP64 archive, which a DOCX of a sane size never is');
  if (count > limits.maxEntries) throw new InputError(`the archive holds ${count} files, more than the ${limits.maxEntries} a document may`);
  const out = new Map<string, Buffer>();
  let expanded = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new InputError('a damaged zip archive (its directory is cut short)');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    at += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new InputError('the document is encrypted (password-protected), so its text cannot be read; save a copy without the password and add that');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new InputError('a damaged zip archive (an entry is missing)');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    const room = limits.maxExpandedBytes - expanded;
    let content: Buffer;
    if (method === 0) content = Buffer.from(data);
    else if (method === 8) {
      try {
        // maxOutputLength makes zlib stop at the cap, whatever the headers claim.
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw bomb(limits);
        throw new InputError('a damaged zip archive (an entry does not inflate)');
      }
    } else throw new InputError(`a zip entry packed with method ${method}, which a DOCX never uses`);
    expanded += content.length;
    if (expanded > limits.maxExpandedBytes) throw bomb(limits);
    out.set(name, content);
  }
  return out;
}

function bomb(limits: ZipLimits): InputError {
  return new InputError(`the archive expands past ${Math.round(limits.maxExpandedBytes / 1048576)} MiB (a zip bomb, or a document far larger than any report); nothing was stored`);
}
