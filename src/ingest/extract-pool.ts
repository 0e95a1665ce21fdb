/**
 * Extraction off the server's thread: a pool of worker threads (piscina) parses uploads and cleans
 * and extracts each report, with a size cap and a time budget per report. A report over the cap is
 * refused before any work; one that runs past its budget has its worker terminated. The server's
 * own thread only stores the results, so a pathological upload slows nobody else down.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ParseOutcome, RawReport } from './formats.ts';
import type { ProcessedReport } from './process.ts';

/** Characters of main text one report may have: far above a court record, far below what stalls the extractor. */
export const MAX_REPORT_CHARS = 1_000_000;
/** Per report; a 6,000-character report takes about 10 ms. */
export const DEFAULT_BUDGET_MS = 30_000;

export class ExtractionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionRefused';
  }
}

export interface PoolOptions {
  budgetMs?: number;
  maxChars?: number;
  threads?: number;
  /**
   * Old-generation heap of each worker, in MiB (VIGIL_WORKER_HEAP_MB): without a limit V8 lets a
   * busy worker's heap grow lazily on a machine with memory to spare. A report that needs more than
   * this fails alone, like one past its time budget.
   */
  heapMb?: number;
}

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export class ExtractionPool {
  private readonly pool: Piscina;
  readonly budgetMs: number;
  readonly maxChars: number;

  constructor(opts: PoolOptions = {}) {
    this.budgetMs = opts.budgetMs ?? (Number(process.env.VIGIL_EXTRACT_BUDGET_MS) || DEFAULT_BUDGET_MS);
    this.maxChars = opts.maxChars ?? MAX_REPORT_CHARS;
    const threads = opts.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    const heapMb = opts.heapMb ?? (Number(process.env.VIGIL_WORKER_HEAP_MB) || undefined);
    this.pool = new Piscina({
      filename: new URL('./extract-worker.mjs', import.meta.url).href, minThreads: 0, maxThreads: threads, idleTimeout: 30_000,
      ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
    });
  }

  private async run<T>(name: string, task: object, what: string): Promise<T> {
    try {
      return (await this.pool.run(task, { name, signal: AbortSignal.timeout(this.budgetMs) })) as T;
    } catch (e) {
      if ((e as Error).name === 'AbortError' || /abort/i.test((e as Error).message)) throw new ExtractionRefused(`${what} took longer than ${Math.round(this.budgetMs / 1000)} s to read and was stopped; split it into smaller reports.`);
      throw e;
    }
  }

  /** The reports in a file, as `parseInput` gives them, parsed on a worker. */
  async parse(bytes: Buffer, filename: string): Promise<ParseOutcome[]> {
    const out = await this.run<ParseOutcome[]>('parse', { bytes, filename }, filename);
    return out.map((p) => (p.ok ? { ...p, report: { ...p.report, bytes: asBuffer(p.report.bytes) } } : p));
  }

  /** One report cleaned and extracted on a worker, within the size cap and the time budget. */
  async process(raw: RawReport): Promise<ProcessedReport> {
    const chars = raw.body.content.length;
    if (chars > this.maxChars) throw new ExtractionRefused(`${raw.filename}: ${chars.toLocaleString('en')} characters is more than Vigil reads in one report (${this.maxChars.toLocaleString('en')}); split it.`);
    // The worker reads the text; the file's bytes and its media (an e-mail's pictures) stay here.
    const rest = await this.run<Omit<ProcessedReport, 'raw'>>('process', { raw: { ...raw, bytes: Buffer.alloc(0), media: [] } }, raw.filename);
    return { raw, ...rest };
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
