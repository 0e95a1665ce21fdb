/**
 * E-mail (.eml, RFC 5322): sender, recipients, date, subject and body (postal-mime, pure
 * JavaScript, with its own limits on nesting, parts and header size). Attachments come back as
 * inner files: ingest reads each one it can as a report of its own, linked to the message, and
 * keeps the others (pictures) as the message's attachments.
 */
import PostalMime from 'postal-mime';
import { InputError, normalisePublished } from './formats.ts';
import { LIMITS } from './limits.ts';
import type { ConvertedDocument, InnerFile } from './converted.ts';

type Address = { name?: string; address?: string; group?: Address[] };

function addressText(a: Address | Address[] | undefined): string | null {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  const flat = list.flatMap((x) => (x.group ? x.group : [x]));
  const out = flat.map((x) => (x.name && x.address ? `${x.name} <${x.address}>` : x.address || x.name || '')).filter(Boolean).join(', ');
  return out ? out.slice(0, 1000) : null;
}

export async function readEmail(bytes: Uint8Array): Promise<ConvertedDocument> {
  let mail;
  try {
    mail = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 20,
      maxHeadersSize: 1024 * 1024,
      maxPartCount: LIMITS.eml.maxAttachments * 4,
      maxRfc822NestingDepth: LIMITS.eml.maxDepth,
    });
  } catch (e) {
    throw new InputError(`not a readable e-mail (${String((e as Error).message).slice(0, 120)})`);
  }
  // Anything parses as a body; a message has at least one of the headers a mail client writes.
  if (!mail.from && !mail.subject && !mail.date && !mail.messageId) throw new InputError('not an e-mail message (no From, Subject, Date or Message-ID header)');
  const extra: Record<string, string> = {};
  const from = addressText(mail.from as Address | undefined);
  if (from) extra.from = from;
  const to = addressText(mail.to as Address[] | undefined);
  if (to) extra.to = to;
  const cc = addressText(mail.cc as Address[] | undefined);
  if (cc) extra.cc = cc;
  if (mail.date) extra.date = mail.date;
  if (mail.messageId) extra['message-id'] = mail.messageId.slice(0, 300);
  if (mail.inReplyTo) extra['in-reply-to'] = mail.inReplyTo.slice(0, 300);
  const attachments = mail.attachments ?? [];
  if (attachments.length > LIMITS.eml.maxAttachments) throw new InputError(`the message has ${attachments.length} attachments, more than the ${LIMITS.eml.maxAttachments} Vigil reads from one message`);
  const inner: InnerFile[] = attachments.map((a, i) => ({
    filename: (a.filename ?? '').replace(/[/\\\0]/g, '_').slice(0, 200) || `attachment-${i + 1}`,
    mediaType: (a.mimeType || 'application/octet-stream').toLowerCase(),
    bytes: typeof a.content === 'string' ? Buffer.from(a.content) : new Uint8Array(a.content as ArrayBuffer),
  }));
  const text = mail.text?.trim() ?? '';
  // The plain part is the sender's own text; the HTML part alone goes through the page cleaner.
  const body: ConvertedDocument['body'] = text || !mail.html ? { kind: 'document', content: text } : { kind: 'html', content: mail.html };
  return { body, title: mail.subject?.trim().slice(0, 500) || null, published: normalisePublished(mail.date ?? null), language: null, extra, notice: null, inner };
}
