/**
 * What an extraction worker does (extract-pool.ts): parse an uploaded file that needs no document
 * worker (read.ts reads PDF, DOCX and e-mail in its own) into reports, and clean
 * and extract one report. Pure functions over plain values, so they cross the thread boundary as
 * structured clones (a Buffer arrives as a Uint8Array and is made a Buffer again).
 */
import type { ParseOutcome, RawReport } from './formats.ts';
import { parsePlain } from './read.ts';
import { processReport, type ProcessedReport } from './process.ts';

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Text, HTML, JSON lines or a Telegram export's result.json (an upload: no folder, so no media). */
export function parse(task: { bytes: Uint8Array; filename: string }): ParseOutcome[] {
  return parsePlain(asBuffer(task.bytes), task.filename, null);
}

export function process(task: { raw: RawReport }): Omit<ProcessedReport, 'raw'> {
  const { raw: _raw, ...rest } = processReport({ ...task.raw, bytes: asBuffer(task.raw.bytes) });
  return rest;
}
