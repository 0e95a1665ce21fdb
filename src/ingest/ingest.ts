/**
 * Ingest a batch: read each file (text, HTML, JSON lines, PDF, DOCX, e-mail, Telegram export),
 * archive it, clean and extract it, store the claims.
 * One bad file never stops the batch; each outcome is reported per file.
 */
import { readFileSync } from 'node:fs';
import { collectFiles } from './files.ts';
import { parseInput, type ParseOutcome, type RawReport } from './formats.ts';
import { processReport, type ProcessedReport } from './process.ts';
import { readReports, type ReadOptions } from './read.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { resolvePersons } from '../store/resolve-persons.ts';
import { addAttachment, linkReports, recordSourceKey, reportBySourceKey } from '../store/attachments.ts';

export type FileOutcome =
  | { file: string; status: 'ingested'; sha256: string; title: string | null; persons: number; claims: number; attachments?: number; notice?: string }
  | { file: string; status: 'duplicate'; sha256: string }
  | { file: string; status: 'failed'; error: string };

export interface IngestSummary {
  outcomes: FileOutcome[];
  ingested: number;
  duplicates: number;
  failed: number;
  skipped: string[];
  persons: number;
}

export interface IngestOptions {
  actor: string;
  /** OCR scanned PDFs when tesseract is installed (default true). */
  ocr?: boolean;
  onStart?: (total: number) => void;
  onFile?: (done: number, outcome: FileOutcome[]) => void;
}

/** Ingests the bytes of one text file (possibly many JSON-lines records) into the store. */
export function ingestBytes(store: SqliteStore, bytes: Buffer, filename: string, actor: string): FileOutcome[] {
  return storeParsed(store, parseInput(bytes, filename), actor);
}

/** Ingests one file of any format (PDF, DOCX, e-mail, Telegram export, text): documents are read in a worker. */
export async function ingestFile(store: SqliteStore, bytes: Buffer, filename: string, actor: string, opts: ReadOptions = {}): Promise<FileOutcome[]> {
  return storeParsed(store, await readReports(bytes, filename, opts), actor);
}

/** Already in the store: the same bytes, or the same item of a source (a message of a later export). */
export function alreadyStored(store: SqliteStore, raw: RawReport): boolean {
  return store.hasReport(raw.sha256) || (raw.sourceKey !== undefined && reportBySourceKey(store, raw.sourceKey) !== null);
}

/**
 * A report may have no text when it says why (a scan without OCR) or is a container of what it
 * carries (an e-mail with only attachments, a message with only a photo); otherwise it is refused.
 */
export function checkReadable(p: ProcessedReport): void {
  const raw = p.raw;
  if (p.extraction.main_text.trim() === '' && !raw.notice && !raw.media?.length && raw.format !== 'eml') throw new Error('no readable text found in it');
}

/**
 * Stores one processed report with what came with it — its attachments, its link to the report it
 * came inside, its source key — in one transaction: all of it is in, or none.
 */
export function storeProcessed(store: SqliteStore, p: ProcessedReport, actor: string): { reportId: number; mentions: number; claims: number; attachments: number } | { duplicate: true; reportId: number } {
  const raw = p.raw;
  // One write: its rows MAC'd and the audit head anchored once; attachments sealed at the report's level.
  return store.write(() => {
    const res = store.addReport(p, actor);
    if (raw.parent) linkReports(store, raw.sha256, raw.parent.sha256, raw.parent.relation, actor);
    if ('duplicate' in res) return res;
    if (raw.sourceKey) recordSourceKey(store, raw.sourceKey, res.reportId);
    for (const m of raw.media ?? []) addAttachment(store, { reportId: res.reportId }, m, actor);
    return { ...res, attachments: raw.media?.length ?? 0 };
  });
}

function storeParsed(store: SqliteStore, parsed: ParseOutcome[], actor: string): FileOutcome[] {
  const out: FileOutcome[] = [];
  for (const o of parsed) {
    if (!o.ok) {
      out.push({ file: o.filename, status: 'failed', error: o.error });
      continue;
    }
    const raw = o.report;
    if (alreadyStored(store, raw)) {
      // An attachment already known from another message is linked to this one too.
      if (raw.parent) linkReports(store, raw.sha256, raw.parent.sha256, raw.parent.relation, actor);
      out.push({ file: raw.filename, status: 'duplicate', sha256: raw.sha256 });
      continue;
    }
    try {
      const processed = processReport(raw);
      checkReadable(processed);
      const res = storeProcessed(store, processed, actor);
      if ('duplicate' in res) out.push({ file: raw.filename, status: 'duplicate', sha256: raw.sha256 });
      else {
        out.push({
          file: raw.filename, status: 'ingested', sha256: raw.sha256, title: processed.extraction.source.title, persons: res.mentions, claims: res.claims,
          ...(res.attachments ? { attachments: res.attachments } : {}), ...(raw.notice ? { notice: raw.notice } : {}),
        });
      }
    } catch (e) {
      out.push({ file: raw.filename, status: 'failed', error: (e as Error).message });
    }
  }
  return out;
}

export async function ingestPaths(store: SqliteStore, paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const list = collectFiles(paths);
  const outcomes: FileOutcome[] = list.missing.map((m) => ({ file: m.path, status: 'failed' as const, error: m.error }));
  opts.onStart?.(list.files.length);
  for (const [i, file] of list.files.entries()) {
    let res: FileOutcome[];
    try {
      res = await ingestFile(store, readFileSync(file), file, opts.actor, { path: file, ocr: opts.ocr });
    } catch (e) {
      res = [{ file, status: 'failed', error: (e as NodeJS.ErrnoException).code ? `cannot be read (${(e as NodeJS.ErrnoException).code})` : (e as Error).message }];
    }
    outcomes.push(...res);
    opts.onFile?.(i + 1, res);
  }
  const ingested = outcomes.filter((o) => o.status === 'ingested').length;
  const persons = ingested > 0 ? resolvePersons(store, opts.actor) : -1;
  return {
    outcomes,
    ingested,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    skipped: list.skipped,
    persons,
  };
}
