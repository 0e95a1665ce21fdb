/**
 * What an extraction worker does (extract-pool.ts): parse an uploaded file into reports, and clean
 * and extract one report. Pure functions over plain values, so they cross the thread boundary as
 * structured clones (a Buffer arrives as a Uint8Array and is made a Buffer again).
 */
import { parseInput, type ParseOutcome, type RawReport } from './formats.ts';
import { processReport, type ProcessedReport } from './process.ts';

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export function parse(task: { bytes: Uint8Array; filename: string }): ParseOutcome[] {
  return parseInput(asBuffer(task.bytes), task.filename);
}

export function process(task: { raw: RawReport }): Omit<ProcessedReport, 'raw'> {
  const { raw: _raw, ...rest } = processReport({ ...task.raw, bytes: asBuffer(task.raw.bytes) });
  return rest;
}
