/**
 * How much Vigil reads of one file, per format, declared once. Files above a size limit are
 * refused before any parsing; parsers of binary formats run in a worker thread that is stopped
 * when it takes longer than its time or asks for more memory than its heap limit (sandbox.ts).
 */

export const MiB = 1024 * 1024;

export const LIMITS = {
  /** A PDF as uploaded; pages past maxPages are not read (and the report says so). */
  pdf: { maxBytes: 100 * MiB, maxPages: 2000, maxTextChars: 5_000_000, timeMs: 60_000, heapMb: 512 },
  /** OCR of a scanned PDF: pages read by tesseract, each with its own time limit. */
  ocr: { maxPages: 50, pageTimeMs: 60_000, maxImagePixels: 40_000_000 },
  /** A DOCX is a zip: its parts together may not expand past maxExpandedBytes (zip bombs). */
  docx: { maxBytes: 50 * MiB, maxExpandedBytes: 200 * MiB, maxEntries: 5000, timeMs: 30_000, heapMb: 512 },
  /** An e-mail with its attachments; attached messages are read to maxDepth. */
  eml: { maxBytes: 50 * MiB, maxAttachments: 100, maxDepth: 3, timeMs: 30_000, heapMb: 512 },
  /** A Telegram Desktop result.json, and the media files beside it. */
  telegram: { maxBytes: 200 * MiB, maxMessages: 200_000, maxMediaBytes: 100 * MiB, maxTotalMediaBytes: 2048 * MiB },
  /** A picture attached to a report or a person. */
  image: { maxBytes: 50 * MiB },
  /** A list imported with `vigil import-list`: its rows are one report, whose names the resolver compares pairwise. */
  list: { maxBytes: 20 * MiB, maxRows: 5000 },
} as const;

/** A size as people read it: 1.5 MiB, 200 MiB. */
export function sizeText(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(bytes % MiB === 0 ? 0 : 1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
