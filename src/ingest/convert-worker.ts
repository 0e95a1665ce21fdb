/** The document worker: converts each file it is sent and posts the result back (sandbox.ts). */
import { parentPort } from 'node:worker_threads';
import { InputError } from './formats.ts';
import type { ConvertedDocument } from './converted.ts';
import type { WorkerJob, WorkerMessage } from './sandbox.ts';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

parentPort!.on('message', async ({ id, name, options, bytes }: WorkerJob) => {
  try {
    const extend = (ms: number) => post({ id, type: 'extend', ms });
    let value: ConvertedDocument;
    if (name === 'pdf') value = await (await import('./pdf.ts')).readPdf(bytes, options, extend);
    else if (name === 'docx') value = await (await import('./docx.ts')).readDocx(bytes);
    else value = await (await import('./email.ts')).readEmail(bytes);
    post({ id, type: 'done', value });
  } catch (e) {
    post({ id, type: 'error', message: (e as Error).message ?? String(e), user: e instanceof InputError });
  }
});
