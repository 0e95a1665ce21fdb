/** The document worker: converts one file's bytes and posts the result back (sandbox.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from './formats.ts';
import type { ConvertedDocument, ConverterName, ConvertOptions } from './converted.ts';
import type { WorkerMessage } from './sandbox.ts';

const { name, options } = workerData as { name: ConverterName; options: ConvertOptions };
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

parentPort!.once('message', async (bytes: Uint8Array) => {
  try {
    const extend = (ms: number) => post({ type: 'extend', ms });
    let value: ConvertedDocument;
    if (name === 'pdf') value = await (await import('./pdf.ts')).readPdf(bytes, options, extend);
    else if (name === 'docx') value = await (await import('./docx.ts')).readDocx(bytes);
    else value = await (await import('./email.ts')).readEmail(bytes);
    post({ type: 'done', value });
  } catch (e) {
    post({ type: 'error', message: (e as Error).message ?? String(e), user: e instanceof InputError });
  }
});
