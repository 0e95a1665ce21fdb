/** Media types by file extension, for files kept as attachments (a message's media, a picture). */
const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif',
  '.mp4': 'video/mp4', '.mov': 'video/quicktime', '.webm': 'video/webm', '.ogg': 'audio/ogg', '.oga': 'audio/ogg', '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4',
  '.pdf': 'application/pdf', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.txt': 'text/plain', '.html': 'text/html', '.htm': 'text/html', '.eml': 'message/rfc822', '.zip': 'application/zip', '.tgs': 'application/x-tgsticker',
};

export function mediaTypeOf(ext: string): string {
  return TYPES[ext.toLowerCase()] ?? 'application/octet-stream';
}

/** The extension Vigil reads a file by, from its media type (an e-mail attachment named without one). */
export function extensionOf(mediaType: string): string | null {
  const t = mediaType.toLowerCase().split(';')[0]!.trim();
  if (t === 'text/plain') return '.txt';
  return Object.entries(TYPES).find(([, v]) => v === t)?.[0] ?? null;
}
