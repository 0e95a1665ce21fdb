/**
 * npm run bench:extract — clean + extract over the example reports repeated to N reports
 * (default 10,000), on one core, in this process. Prints reports/s and peak RSS.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInput } from '../src/ingest/formats.ts';
import { processReport } from '../src/ingest/process.ts';

const examples = fileURLToPath(new URL('../examples', import.meta.url));
const nArg = process.argv.indexOf('--reports');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 10_000;

const raws = readdirSync(examples)
  .filter((f) => !f.endsWith('.md') && f !== 'lists')
  .flatMap((f) => parseInput(readFileSync(join(examples, f)), join(examples, f)))
  .flatMap((o) => (o.ok ? [o.report] : []));

let peak = process.memoryUsage().rss;
let events = 0;
let chars = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const p = processReport(raws[i % raws.length]!);
  events += p.extraction.events.length;
  chars += p.extraction.main_text.length;
  if (i % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const s = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
console.log(`clean+extract: ${N} reports (${raws.length} examples repeated), ${(chars / N).toFixed(0)} chars of main text each on average`);
console.log(`${(N / s).toFixed(0)} reports/s on one core, ${s.toFixed(1)} s in all, ${events} events proposed`);
console.log(`peak RSS: ${(peak / 1048576).toFixed(0)} MiB`);
