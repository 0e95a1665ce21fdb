/**
 * Binary documents (PDF, DOCX, e-mail) are parsed in a worker thread, never in the thread that
 * holds the open workspace: a hostile file that loops, or expands past its heap limit, stops its
 * worker, and the file is refused with a sentence saying why. The worker gets a copy of the bytes
 * and gives back plain data (ConvertedDocument); it never sees the store or a key.
 * One worker is kept between files (starting one and loading PDF.js costs over a second); a
 * worker that was stopped is replaced, and an idle one ends after a few seconds.
 */
import { Worker } from 'node:worker_threads';
import { InputError } from './formats.ts';
import type { ConvertedDocument, ConverterName, ConvertOptions } from './converted.ts';

/** What the worker says about job `id`: a result, an error, or that OCR will take longer (each page has its own time). */
export type WorkerMessage =
  | { id: number; type: 'done'; value: ConvertedDocument }
  | { id: number; type: 'error'; message: string; user: boolean }
  | { id: number; type: 'extend'; ms: number };

export interface WorkerJob {
  id: number;
  name: ConverterName;
  options: ConvertOptions;
  bytes: Uint8Array;
}

export interface SandboxLimits {
  timeMs: number;
  heapMb: number;
}

const BOOT = new URL('./convert-worker.mjs', import.meta.url);
const IDLE_MS = 5_000;

let idle: { worker: Worker; heapMb: number; timer: NodeJS.Timeout } | null = null;
let nextId = 1;

function takeWorker(heapMb: number): Worker {
  if (idle && idle.heapMb === heapMb) {
    const { worker, timer } = idle;
    clearTimeout(timer);
    idle = null;
    worker.ref();
    return worker;
  }
  const worker = new Worker(BOOT, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 },
    // The worker's console output would interleave with the CLI's: it has nothing to say there.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

function release(worker: Worker, heapMb: number): void {
  if (idle) void idle.worker.terminate();
  // Unref'd while idle: a CLI run ends when its work does, not when the idle timer does.
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, IDLE_MS).unref();
  idle = { worker, heapMb, timer };
}

export function convertInWorker(name: ConverterName, bytes: Uint8Array, options: ConvertOptions, limits: SandboxLimits): Promise<ConvertedDocument> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker(limits.heapMb);
    const id = nextId++;
    let settled = false;
    const finish = (fn: () => void, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reusable) release(worker, limits.heapMb);
      else void worker.terminate();
      fn();
    };
    const expire = () => finish(() => reject(new InputError(`reading it took longer than ${Math.round(limits.timeMs / 1000)} s, the limit for one file; it was stopped and nothing was stored`)), false);
    let timer = setTimeout(expire, limits.timeMs);
    const onMessage = (m: WorkerMessage) => {
      if (m.id !== id) return;
      if (m.type === 'extend') {
        clearTimeout(timer);
        timer = setTimeout(expire, m.ms);
      } else if (m.type === 'done') finish(() => resolve(m.value), true);
      else finish(() => reject(m.user ? new InputError(m.message) : new Error(m.message)), m.user);
    };
    const onError = (e: Error & { code?: string }) => {
      finish(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new InputError(`reading it needed more than ${limits.heapMb} MiB of memory, the limit for one file; it was stopped and nothing was stored`)
        : e), false);
    };
    const onExit = (code: number) => finish(() => reject(new Error(`the document reader stopped unexpectedly (exit ${code})`)), false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // A copy: the caller keeps the original bytes to archive them.
    const copy = new Uint8Array(bytes);
    const job: WorkerJob = { id, name, options, bytes: copy };
    worker.postMessage(job, [copy.buffer]);
  });
}
