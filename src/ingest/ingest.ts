/**
 * Ingest a batch: read each file, archive it, clean and extract it, store the claims.
 * One bad file never stops the batch; each outcome is reported per file.
 */
import { readFileSync } from 'node:fs';
import { collectFiles } from './files.ts';
import { parseInput } from './formats.ts';
import { processReport } from './process.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { resolvePersons } from '../store/resolve-persons.ts';

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
}

/** Ingests the bytes of one file (possibly many JSON-lines records) into the store. */
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
    try {
      const processed = processReport(raw);
      if (processed.extraction.main_text.trim() === '') throw new Error('no readable text found in it');
      const res = store.addReport(processed, actor);
      if ('duplicate' in res) out.push({ file: raw.filename, status: 'duplicate', sha256: raw.sha256 });
      else out.push({ file: raw.filename, status: 'ingested', sha256: raw.sha256, title: processed.extraction.source.title, persons: res.mentions, claims: res.claims });
    } catch (e) {
      out.push({ file: raw.filename, status: 'failed', error: (e as Error).message });
    }
  }
  return out;
}

export function ingestPaths(store: SqliteStore, paths: string[], opts: IngestOptions): IngestSummary {
  const list = collectFiles(paths);
  const outcomes: FileOutcome[] = list.missing.map((m) => ({ file: m.path, status: 'failed' as const, error: m.error }));
  opts.onStart?.(list.files.length);
  list.files.forEach((file, i) => {
    let res: FileOutcome[];
    try {
      res = ingestBytes(store, readFileSync(file), file, opts.actor);
    } catch (e) {
      res = [{ file, status: 'failed', error: (e as NodeJS.ErrnoException).code ? `cannot be read (${(e as NodeJS.ErrnoException).code})` : (e as Error).message }];
    }
    outcomes.push(...res);
    opts.onFile?.(i + 1, res);
  });
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
