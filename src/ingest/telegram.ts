/**
 * Telegram Desktop exports (Settings → Export chat history → JSON): `result.json` of one channel
 * or chat, or of a whole account (`chats.list`). Each message becomes a report of its own, with
 * the chat, message id, date and author; a forwarded message keeps its origin; photos and files
 * the export holds beside result.json are kept as the message's attachments. A message's key
 * (telegram:CHAT:MESSAGE) is recorded, so a later export of the same chat adds only new messages.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { InputError, emptyMeta, normalisePublished, sha256Hex, type MediaFile, type ParseOutcome } from './formats.ts';
import { LIMITS, sizeText } from './limits.ts';
import { mediaTypeOf } from './media-types.ts';

type Json = Record<string, unknown>;

interface Chat {
  id: string;
  name: string;
  type: string;
  messages: Json[];
}

/** Message text is a string, or a list of strings and styled pieces ({type, text}). */
export function messageText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  return text.map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' && typeof (p as Json).text === 'string' ? ((p as Json).text as string) : '')).join('');
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

function chatsOf(data: unknown): Chat[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError('not a Telegram Desktop export (result.json holds a JSON object with a "messages" list)');
  const d = data as Json;
  const one = (c: Json): Chat | null =>
    Array.isArray(c.messages) ? { id: str(c.id) ?? str(c.name) ?? 'unknown', name: str(c.name) ?? 'Telegram chat', type: str(c.type) ?? 'chat', messages: c.messages.filter((m): m is Json => !!m && typeof m === 'object') } : null;
  if (Array.isArray(d.messages)) return [one(d)!];
  const list = (d.chats as Json | undefined)?.list;
  if (Array.isArray(list)) return list.map((c) => (c && typeof c === 'object' ? one(c as Json) : null)).filter((c): c is Chat => c !== null);
  throw new InputError('not a Telegram Desktop export (no "messages" list, nor "chats.list")');
}

/**
 * A media file the export names, read only from inside the export's folder: a hostile result.json
 * naming ../../.ssh/id_rsa gets nothing.
 */
function readMedia(root: string | null, rel: string, budget: { left: number }): { file?: MediaFile; missing?: string } {
  if (!root) return { missing: `${rel} (the export's folder was not given, only result.json)` };
  if (/^\(File (not included|exceeds)/i.test(rel)) return { missing: rel };
  let real: string;
  try {
    real = realpathSync(join(root, rel));
  } catch {
    return { missing: `${rel} (not in the export)` };
  }
  if (!real.startsWith(root + sep)) return { missing: `${rel} (outside the export's folder; not read)` };
  const size = statSync(real).size;
  if (size > LIMITS.telegram.maxMediaBytes) return { missing: `${rel} (${sizeText(size)}, above the ${sizeText(LIMITS.telegram.maxMediaBytes)} limit for one file)` };
  if (size > budget.left) return { missing: `${rel} (the export's media passed ${sizeText(LIMITS.telegram.maxTotalMediaBytes)})` };
  budget.left -= size;
  const name = rel.split(/[/\\]/).pop()!;
  return { file: { filename: name, mediaType: mediaTypeOf(extname(name)), bytes: readFileSync(real) } };
}

/**
 * The reports of an export. `path` is result.json on disk (its folder holds the media), or null
 * for an upload of result.json alone (media then listed as missing).
 */
export function parseTelegramExport(bytes: Buffer, filename: string, path: string | null): ParseOutcome[] {
  if (bytes.length > LIMITS.telegram.maxBytes) throw new InputError(`the export is ${sizeText(bytes.length)}, above the ${sizeText(LIMITS.telegram.maxBytes)} limit`);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError('not valid JSON (a Telegram Desktop export is result.json, exported as "Machine-readable JSON")');
  }
  const chats = chatsOf(data);
  const total = chats.reduce((a, c) => a + c.messages.length, 0);
  if (total > LIMITS.telegram.maxMessages) throw new InputError(`the export holds ${total} messages, more than the ${LIMITS.telegram.maxMessages} Vigil reads from one file`);
  let root: string | null = null;
  try {
    root = path ? realpathSync(dirname(path)) : null;
  } catch {
    root = null;
  }
  const budget = { left: LIMITS.telegram.maxTotalMediaBytes };
  const out: ParseOutcome[] = [];
  for (const chat of chats) {
    for (const m of chat.messages) {
      // Service messages (joined, pinned, renamed) carry no report.
      if (m.type !== 'message') continue;
      const id = str(m.id);
      const label = `${filename}#${chat.id}:${id ?? '?'}`;
      if (!id) {
        out.push({ ok: false, filename: label, error: 'a message without an id' });
        continue;
      }
      const text = messageText(m.text).trim();
      const media: MediaFile[] = [];
      const missing: string[] = [];
      for (const key of ['photo', 'file']) {
        const rel = str(m[key]);
        if (!rel) continue;
        const r = readMedia(root, rel, budget);
        if (r.file) media.push(r.file);
        else if (r.missing) missing.push(r.missing);
      }
      if (!text && media.length === 0 && missing.length === 0) continue;
      // The record archived for the message: the chat it belongs to and the message as exported.
      const record = Buffer.from(JSON.stringify({ chat: { id: chat.id, name: chat.name, type: chat.type }, message: m }));
      const meta = emptyMeta();
      meta.title = `${chat.name} #${id}`;
      meta.published = normalisePublished(str(m.date));
      meta.extra = { 'telegram-chat': chat.name, 'telegram-chat-id': chat.id, 'telegram-chat-type': chat.type, 'telegram-message-id': id };
      const set = (k: string, v: string | null) => {
        if (v) meta.extra[k] = v.slice(0, 500);
      };
      set('date', str(m.date));
      set('author', str(m.from) ?? str(m.author));
      set('author-id', str(m.from_id));
      set('signature', str(m.author));
      set('forwarded-from', str(m.forwarded_from) ?? str(m.saved_from));
      set('reply-to-message-id', str(m.reply_to_message_id));
      set('edited', str(m.edited));
      if (missing.length) set('media-missing', missing.join('; '));
      out.push({
        ok: true,
        report: {
          bytes: record,
          sha256: sha256Hex(record),
          filename: label,
          format: 'telegram-message',
          meta,
          body: { kind: 'document', content: text },
          encoding: 'utf-8',
          media,
          sourceKey: `telegram:${chat.id}:${id}`,
          notice: missing.length ? `media not archived: ${missing.join('; ')}` : null,
        },
      });
    }
  }
  if (out.length === 0) throw new InputError('the export holds no messages');
  return out;
}
