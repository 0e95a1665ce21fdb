/**
 * Ingest a batch: read each file (text, HTML, JSON lines, PDF, DOCX, e-mail, Telegram export),
 * archive it, clean and extract it, store the claims.
 * One bad file never stops the batch; each outcome is reported per file.
 *
 * `ingestPaths` reads on every core: files are parsed, cleaned and extracted on the worker pool the
 * server uses (extract-pool.ts, with its size cap and time budget), several at once, while this
 * thread stores the results in file order, many reports to a transaction. Persons, views and the
 * search index follow in the same transaction (derived.ts), so each batch costs what it adds.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { collectFiles } from './files.ts';
import { extname } from 'node:path';
import { parseInput, type ParseOutcome, type RawReport } from './formats.ts';
import { processReport, type ProcessedReport } from './process.ts';
import { readReports, parsePlain, type ReadOptions } from './read.ts';
import { ExtractionPool } from './extract-pool.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
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
  /** The pool to read on (the server's); else one of as many threads as the machine has cores, closed at the end. */
  pool?: ExtractionPool;
  /** Reports stored per transaction. */
  batch?: number;
}

/** Ingests the bytes of one text file (possibly many JSON-lines records) into the store, on this thread. */
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
      out.push(stored(store, processReport(raw), actor));
    } catch (e) {
      out.push({ file: raw.filename, status: 'failed', error: (e as Error).message });
    }
  }
  return out;
}

/** Stores a processed report with what came with it, or says why not: inside a batch a report that fails is undone alone (a savepoint). */
function stored(store: SqliteStore, p: ProcessedReport, actor: string): FileOutcome {
  const raw = p.raw;
  try {
    checkReadable(p);
    const res = store.db.inTransaction ? store.db.transaction(() => storeProcessed(store, p, actor))() : storeProcessed(store, p, actor);
    if ('duplicate' in res) return { file: raw.filename, status: 'duplicate', sha256: raw.sha256 };
    return {
      file: raw.filename, status: 'ingested', sha256: raw.sha256, title: p.extraction.source.title, persons: res.mentions, claims: res.claims,
      ...(res.attachments ? { attachments: res.attachments } : {}), ...(raw.notice ? { notice: raw.notice } : {}),
    };
  } catch (e) {
    return { file: raw.filename, status: 'failed', error: (e as Error).message };
  }
}

/** A report found already stored when it was read: linked to the message it came in, if any, when the batch is stored. */
interface Known { known: RawReport }

/** What reading one file gave: reports ready to store, reports already stored, or outcomes (failures), in the file's order. */
type Read = (ProcessedReport | Known | FileOutcome)[];

async function readOnPool(store: SqliteStore, pool: ExtractionPool, file: string, ocr: boolean | undefined): Promise<Read> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return [{ file, status: 'failed', error: (e as NodeJS.ErrnoException).code ? `cannot be read (${(e as NodeJS.ErrnoException).code})` : (e as Error).message }];
  }
  try {
    // Documents are read in the document worker; text on the pool; a Telegram export here, where its media folder is.
    const parse = (b: Buffer, f: string): Promise<ParseOutcome[]> => (extname(f).toLowerCase() === '.json' ? Promise.resolve(parsePlain(b, f, file)) : pool.parse(b, f));
    const out: Read = [];
    for (const parsed of await readReports(bytes, file, { path: file, ocr, parse })) {
      if (!parsed.ok) out.push({ file: parsed.filename, status: 'failed', error: parsed.error });
      else if (alreadyStored(store, parsed.report)) out.push({ known: parsed.report });
      else {
        try {
          out.push(await pool.process(parsed.report));
        } catch (e) {
          out.push({ file: parsed.report.filename, status: 'failed', error: (e as Error).message });
        }
      }
    }
    return out;
  } catch (e) {
    return [{ file, status: 'failed', error: (e as Error).message }];
  }
}

/** Stores what was read (inside the batch's write). */
function storeRead(store: SqliteStore, read: Read, actor: string): FileOutcome[] {
  return read.map((r) => {
    if ('raw' in r) return stored(store, r, actor);
    if ('known' in r) {
      // An attachment already known from another message is linked to this one too.
      if (r.known.parent) linkReports(store, r.known.sha256, r.known.parent.sha256, r.known.parent.relation, actor);
      return { file: r.known.filename, status: 'duplicate', sha256: r.known.sha256 };
    }
    return r;
  });
}

/** Extensions read without a document worker. */
const PLAIN = new Set(['.txt', '.html', '.htm', '.jsonl', '.json']);

/** Runs at most `n` of the tasks given to it at once, the others in turn. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export async function ingestPaths(store: SqliteStore, paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const list = collectFiles(paths);
  const outcomes: FileOutcome[] = list.missing.map((m) => ({ file: m.path, status: 'failed' as const, error: m.error }));
  opts.onStart?.(list.files.length);
  const pool = opts.pool ?? new ExtractionPool({ threads: availableParallelism() });
  const batchSize = opts.batch ?? 200;
  // Files read ahead: more than a batch, so the workers go on reading while this thread stores one.
  const ahead = batchSize * 2 + availableParallelism() * 4;
  const reading = new Map<number, Promise<Read>>();
  // Documents (PDF, DOCX, e-mail, unknown kinds) each take a document worker of their own while read: as many at once as there are cores.
  const documents = limiter(availableParallelism());
  const start = (i: number) => {
    if (i >= list.files.length) return;
    const file = list.files[i]!;
    const read = () => readOnPool(store, pool, file, opts.ocr);
    reading.set(i, PLAIN.has(extname(file).toLowerCase()) ? read() : documents(read));
  };
  let pending: { read: Read }[] = [];
  let done = 0;
  const flush = () => {
    const items = pending;
    pending = [];
    const writes = items.some((x) => x.read.some((r) => 'raw' in r || ('known' in r && r.known.parent)));
    const results = writes ? store.write(() => items.map(({ read }) => storeRead(store, read, opts.actor))) : items.map(({ read }) => storeRead(store, read, opts.actor));
    for (const res of results) {
      outcomes.push(...res);
      opts.onFile?.(++done, res);
    }
  };
  try {
    for (let i = 0; i < Math.min(ahead, list.files.length); i++) start(i);
    let waiting = 0;
    for (let i = 0; i < list.files.length; i++) {
      const read = await reading.get(i)!;
      reading.delete(i);
      start(i + ahead);
      pending.push({ read });
      waiting += read.filter((r) => 'raw' in r).length;
      if (waiting >= batchSize) {
        flush();
        waiting = 0;
      }
    }
    flush();
  } finally {
    if (!opts.pool) await pool.close();
  }
  const ingested = outcomes.filter((o) => o.status === 'ingested').length;
  return {
    outcomes,
    ingested,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    skipped: list.skipped,
    persons: ingested > 0 ? (store.db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n : -1,
  };
}
