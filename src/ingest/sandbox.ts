/**
 * Binary documents (PDF, DOCX, e-mail) are parsed in a worker thread, never in the thread that
 * holds the open workspace: a hostile file that loops, or expands past its heap limit, stops its
 * worker, and the file is refused with a sentence saying why. The worker gets a copy of the bytes
 * and gives back plain data (ConvertedDocument); it never sees the store or a key.
 */
import { Worker } from 'node:worker_threads';
import { InputError } from './formats.ts';
import type { ConvertedDocument, ConverterName, ConvertOptions } from './converted.ts';

/** What the worker says: a result, an error, or that OCR will take longer (each page has its own time). */
export type WorkerMessage =
  | { type: 'done'; value: ConvertedDocument }
  | { type: 'error'; message: string; user: boolean }
  | { type: 'extend'; ms: number };

export interface SandboxLimits {
  timeMs: number;
  heapMb: number;
}

const BOOT = new URL('./convert-worker.mjs', import.meta.url);

export function convertInWorker(name: ConverterName, bytes: Uint8Array, options: ConvertOptions, limits: SandboxLimits): Promise<ConvertedDocument> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      workerData: { name, options },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
      // The worker's console output would interleave with the CLI's: it has nothing to say there.
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const expire = () => finish(() => reject(new InputError(`reading it took longer than ${Math.round(limits.timeMs / 1000)} s, the limit for one file; it was stopped and nothing was stored`)));
    let timer = setTimeout(expire, limits.timeMs);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'extend') {
        clearTimeout(timer);
        timer = setTimeout(expire, m.ms);
      } else if (m.type === 'done') finish(() => resolve(m.value));
      else finish(() => reject(m.user ? new InputError(m.message) : new Error(m.message)));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new InputError(`reading it needed more than ${limits.heapMb} MiB of memory, the limit for one file; it was stopped and nothing was stored`)
        : e));
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`the document reader stopped unexpectedly (exit ${code})`))));
    worker.stdout.resume();
    worker.stderr.resume();
    // A copy: the caller keeps the original bytes to archive them.
    const copy = new Uint8Array(bytes);
    worker.postMessage(copy, [copy.buffer]);
  });
}
