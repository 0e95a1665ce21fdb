/**
 * Time and peak memory of ingesting the example reports into a fresh encrypted workspace,
 * with the real key-derivation parameters. Prints figures; asserts nothing.
 *   npm run bench:ingest [-- --repeat N]   (N copies of the examples, each made unique)
 */
import { mkdtempSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace } from '../src/store/workspace.ts';
import { ingestBytes, ingestPaths } from '../src/ingest/ingest.ts';

const examples = fileURLToPath(new URL('../examples', import.meta.url));
const repeatArg = process.argv.indexOf('--repeat');
const repeat = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 1;

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
try {
  const t0 = performance.now();
  const store = await initWorkspace(join(dir, 'ws'), 'benchmark passphrase');
  const t1 = performance.now();
  let reports = 0;
  if (repeat === 1) {
    reports = (await ingestPaths(store, [examples], { actor: 'bench' })).ingested;
  } else {
    const files = readdirSync(examples).filter((f) => !f.endsWith('.md') && !f.endsWith('.jsonl') && f !== 'lists');
    for (let i = 0; i < repeat; i++) {
      for (const f of files) {
        // A header line makes each copy a distinct original, as distinct reports would be.
        const body = readFileSync(join(examples, f));
        const bytes = f.endsWith('.html') ? Buffer.concat([body, Buffer.from(`<!-- copy ${i} -->`)]) : Buffer.concat([body, Buffer.from(`\n\ncopy ${i}\n`)]);
        reports += ingestBytes(store, bytes, f, 'bench').filter((o) => o.status === 'ingested').length;
      }
    }
  }
  const t2 = performance.now();
  store.close();
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`workspace creation (Argon2id m=64 MiB t=3): ${(t1 - t0).toFixed(0)} ms`);
  console.log(`ingest: ${reports} reports in ${(t2 - t1).toFixed(0)} ms (${((reports * 1000) / (t2 - t1)).toFixed(1)} reports/s, including person resolution)`);
  console.log(`peak RSS: ${(peak / 1024 / 1024).toFixed(1)} MiB`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
