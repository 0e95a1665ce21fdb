/**
 * npm run bench:verify [-- --reports N] — time of `vigil verify` on a workspace of N reports
 * (default 10,000: the fictional examples, each copy made a distinct original).
 */
import { mkdtempSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace } from '../src/store/workspace.ts';
import { ingestBytes } from '../src/ingest/ingest.ts';
import { verifyStore } from '../src/store/verify.ts';

const examples = fileURLToPath(new URL('../examples', import.meta.url));
const nArg = process.argv.indexOf('--reports');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 10_000;
const files = readdirSync(examples).filter((f) => f.endsWith('.txt') || f.endsWith('.html')).map((f) => ({ f, bytes: readFileSync(join(examples, f)) }));

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-verify-'));
try {
  const store = await initWorkspace(join(dir, 'ws'), 'benchmark passphrase');
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const { f, bytes } = files[i % files.length]!;
    ingestBytes(store, Buffer.concat([bytes, Buffer.from(f.endsWith('.html') ? `<!-- copy ${i} -->` : `\n\ncopy ${i}\n`)]), f, 'bench');
  }
  const t1 = performance.now();
  const r = verifyStore(store);
  const t2 = performance.now();
  console.log(`built ${N} reports in ${((t1 - t0) / 1000).toFixed(1)} s`);
  console.log(`vigil verify: ${r.ok ? 'OK' : 'PROBLEMS'}; ${r.checked.auditEntries} audit entries, ${r.checked.originals} originals, ${r.checked.claims} claims checked in ${((t2 - t1) / 1000).toFixed(2)} s`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
