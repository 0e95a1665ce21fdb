/**
 * npm run bench:extract — clean + extract on one core, in this process. Prints reports/s and peak RSS for:
 *  1. the example reports repeated to N reports (default 10,000; `--reports N`): repeated text, warm caches;
 *  2. distinct fictional reports of 600–3,000 characters from the shared scale generator (default 2,000;
 *     `--generated N`), when ../shared/bench/scale/gen-corpus.mjs is there: every text new to the caches;
 *  3. one report of about 1 MB (repeated paragraphs of a fictional report): extraction must stay linear.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInput, type RawReport } from '../src/ingest/formats.ts';
import { processReport } from '../src/ingest/process.ts';
import { extractFacts } from '../src/extract/index.ts';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};

let peak = process.memoryUsage().rss;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

function measure(label: string, raws: RawReport[], n: number): void {
  let events = 0;
  let chars = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const p = processReport(raws[i % raws.length]!);
    events += p.extraction.events.length;
    chars += p.extraction.main_text.length;
    if (i % 100 === 0) sample();
  }
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  // CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
  const cpu = (c.user + c.system) / 1e6;
  console.log(`${label}: ${n} reports, ${(chars / n).toFixed(0)} chars of main text each on average`);
  console.log(`  wall: ${(n / s).toFixed(0)} reports/s on one core (${((chars / s) / 1000).toFixed(0)} k chars/s = ${(chars / s / 2000).toFixed(0)} reports of 2,000 chars/s), ${s.toFixed(1)} s in all, ${events} events proposed`);
  console.log(`  cpu:  ${(n / cpu).toFixed(0)} reports/s (${((chars / cpu) / 1000).toFixed(0)} k chars/s = ${(chars / cpu / 2000).toFixed(0)} reports of 2,000 chars/s), ${cpu.toFixed(1)} s of CPU`);
}

function readAll(dir: string): RawReport[] {
  const out: RawReport[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      // examples/lists holds lists for `vigil import-list`, not reports.
      if (statSync(p).isDirectory()) {
        if (f !== 'lists') walk(p);
      }
      else if (!f.endsWith('.md')) for (const o of parseInput(readFileSync(p), p)) if (o.ok) out.push(o.report);
    }
  };
  walk(dir);
  return out;
}

const examples = readAll(fileURLToPath(new URL('../examples', import.meta.url)));
// The first report loads the lexicons and the Russian dictionary: measured apart.
const t0 = performance.now();
processReport(examples[0]!);
console.log(`first report (lexicons and dictionary loaded): ${(performance.now() - t0).toFixed(0)} ms`);
measure('examples repeated', examples, arg('reports', 10_000));

const generator = fileURLToPath(new URL('../../shared/bench/scale/gen-corpus.mjs', import.meta.url));
const generated = arg('generated', 2000);
if (existsSync(generator) && generated > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-extract-'));
  try {
    execFileSync(process.execPath, [generator, dir, String(generated)], { stdio: 'ignore' });
    const raws = readAll(join(dir, 'reports'));
    measure('generated fictional reports (shared generator)', raws, raws.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else console.log('generated reports: skipped (no ../shared/bench/scale/gen-corpus.mjs)');

const para = 'FICTIONAL. Journalist Ivan Petrov, 45, was detained on 3 May in Minsk and taken to the detention centre. His wife Anna Petrova said he was beaten. On 5 May the court sentenced him to 15 days. ';
const big = para.repeat(Math.ceil(1_000_000 / para.length));
const t1 = performance.now();
const c1 = process.cpuUsage();
const r = extractFacts({ mainText: big, published: '2024-06-01', language: 'en' });
sample();
const c1d = process.cpuUsage(c1);
console.log(`one report of ${(big.length / 1e6).toFixed(2)} M characters: ${((performance.now() - t1) / 1000).toFixed(2)} s wall, ${((c1d.user + c1d.system) / 1e6).toFixed(2)} s CPU, ${r.events.length} events`);
console.log(`peak RSS: ${(peak / 1048576).toFixed(0)} MiB`);
