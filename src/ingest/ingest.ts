/**
 * Ingest a batch: read each file, archive it, clean and extract it, store the claims.
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
import { parseInput } from './formats.ts';
import { processReport, type ProcessedReport } from './process.ts';
import { ExtractionPool } from './extract-pool.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';

export type FileOutcome =
  | { file: string; status: 'ingested'; sha256: string; title: string | null; persons: number; claims: number }
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
  onStart?: (total: number) => void;
  onFile?: (done: number, outcome: FileOutcome[]) => void;
  /** The pool to read on (the server's); else one of as many threads as the machine has cores, closed at the end. */
  pool?: ExtractionPool;
  /** Reports stored per transaction. */
  batch?: number;
}

/** Stores a processed report, or says why not; inside a batch, a report that fails is undone alone (a savepoint). */
function store1(store: SqliteStore, p: ProcessedReport, actor: string): FileOutcome {
  try {
    if (p.extraction.main_text.trim() === '') throw new Error('no readable text found in it');
    const res = store.db.transaction(() => store.addReport(p, actor))();
    if ('duplicate' in res) return { file: p.raw.filename, status: 'duplicate', sha256: p.raw.sha256 };
    return { file: p.raw.filename, status: 'ingested', sha256: p.raw.sha256, title: p.extraction.source.title, persons: res.mentions, claims: res.claims };
  } catch (e) {
    return { file: p.raw.filename, status: 'failed', error: (e as Error).message };
  }
}

/** Ingests the bytes of one file (possibly many JSON-lines records) into the store, on this thread. */
export function ingestBytes(store: SqliteStore, bytes: Buffer, filename: string, actor: string): FileOutcome[] {
  const out: FileOutcome[] = [];
  for (const parsed of parseInput(bytes, filename)) {
    if (!parsed.ok) {
      out.push({ file: parsed.filename, status: 'failed', error: parsed.error });
      continue;
    }
    const raw = parsed.report;
    if (store.hasReport(raw.sha256)) {
      out.push({ file: raw.filename, status: 'duplicate', sha256: raw.sha256 });
      continue;
    }
    let processed: ProcessedReport;
    try {
      processed = processReport(raw);
    } catch (e) {
      out.push({ file: raw.filename, status: 'failed', error: (e as Error).message });
      continue;
    }
    out.push(store.write(() => store1(store, processed, actor)));
  }
  return out;
}

/** What reading one file gave: reports ready to store, or outcomes already known (duplicates, failures), in the file's order. */
type Read = (ProcessedReport | FileOutcome)[];

async function readOnPool(store: SqliteStore, pool: ExtractionPool, file: string): Promise<Read> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return [{ file, status: 'failed', error: (e as NodeJS.ErrnoException).code ? `cannot be read (${(e as NodeJS.ErrnoException).code})` : (e as Error).message }];
  }
  try {
    const out: Read = [];
    for (const parsed of await pool.parse(bytes, file)) {
      if (!parsed.ok) out.push({ file: parsed.filename, status: 'failed', error: parsed.error });
      else if (store.hasReport(parsed.report.sha256)) out.push({ file: parsed.report.filename, status: 'duplicate', sha256: parsed.report.sha256 });
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

export async function ingestPaths(store: SqliteStore, paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const list = collectFiles(paths);
  const outcomes: FileOutcome[] = list.missing.map((m) => ({ file: m.path, status: 'failed' as const, error: m.error }));
  opts.onStart?.(list.files.length);
  const pool = opts.pool ?? new ExtractionPool({ threads: availableParallelism() });
  const batchSize = opts.batch ?? 200;
  // Files read ahead: more than a batch, so the workers go on reading while this thread stores one.
  const ahead = batchSize * 2 + availableParallelism() * 4;
  const reading = new Map<number, Promise<Read>>();
  const start = (i: number) => { if (i < list.files.length) reading.set(i, readOnPool(store, pool, list.files[i]!)); };
  let pending: { read: Read }[] = [];
  let done = 0;
  const flush = () => {
    const items = pending;
    pending = [];
    if (items.some((x) => x.read.some((r) => 'raw' in r))) {
      const stored = store.write(() => items.map(({ read }) => read.map((r) => ('raw' in r ? store1(store, r, opts.actor) : r))));
      items.forEach((x, k) => (x.read = stored[k]!));
    }
    for (const { read } of items) {
      const res = read as FileOutcome[];
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
