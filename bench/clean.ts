/**
 * npm run bench:clean — Vigil's cleaner and Readability+jsdom side by side on the 120 pages of
 * ../shared/bench/article-extraction, each in its own child process so peak RSS is its own.
 * Prints F1, precision, recall, pages/s and peak RSS for both, and the seeds' main-text F1.
 * The pages are split in two halves by a hash of their file name (benchSplit): the cleaner may be
 * studied on the first and is only scored on the second, so the held-out figure says how it does
 * on pages it was not tuned on.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { benchSplit, pageScore, summarise } from './article-score.ts';

const here = fileURLToPath(import.meta.url);
const benchDir = fileURLToPath(new URL('../../shared/bench/article-extraction', import.meta.url));
const ROUNDS = 3;

async function runOne(which: 'vigil' | 'readability'): Promise<void> {
  const truth = JSON.parse(readFileSync(join(benchDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const pages = readdirSync(join(benchDir, 'html')).filter((f) => f.endsWith('.html.gz')).sort().map((f) => ({ id: f.replace('.html.gz', ''), html: gunzipSync(readFileSync(join(benchDir, 'html', f))).toString('utf8') }));
  let extract: (html: string) => string;
  if (which === 'vigil') {
    const { cleanHtml } = await import('../src/clean/index.ts');
    extract = (html) => cleanHtml(html).mainText;
  } else {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    const vc = new VirtualConsole();
    extract = (html) => new Readability(new JSDOM(html, { virtualConsole: vc }).window.document).parse()?.textContent ?? '';
  }
  let peak = process.memoryUsage().rss;
  const outputs = new Map<string, string>();
  const t0 = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    for (const p of pages) {
      outputs.set(p.id, extract(p.html));
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const score = (ids: string[]) => summarise(ids.map((id) => pageScore(outputs.get(id) ?? '', truth[id]?.articleBody ?? '')));
  const s = score(pages.map((p) => p.id));
  const split = benchSplit(pages.map((p) => p.id));
  const halves = { study: score(split.study).f1, heldOut: score(split.heldOut).f1 };
  process.stdout.write(JSON.stringify({ which, ...s, ...halves, pagesPerSecond: (pages.length * ROUNDS) / seconds, peakRssMiB: Math.max(peak / 1048576, process.resourceUsage().maxRSS / 1024), pages: pages.length }) + '\n');
}

/** A 50 MB page through decode and clean: robustness and linear time shown by a figure, not a test. */
async function runLarge(): Promise<void> {
  const { cleanHtml, decodeBytes } = await import('../src/clean/index.ts');
  const para = '<div class="x"><p>A fictional paragraph about nothing in particular, with a comma, and enough words to count as prose.</p></div>\n';
  const html = '<html><body>' + para.repeat(Math.ceil((50 * 1024 * 1024) / para.length)) + '</body></html>';
  const bytes = Buffer.from(html);
  const t0 = performance.now();
  const r = cleanHtml(decodeBytes(bytes).text);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ mib: bytes.length / 1048576, seconds, mainTextChars: r.mainText.length, peakRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

const mode = process.argv[2];
if (mode === 'vigil' || mode === 'readability') {
  await runOne(mode);
} else if (mode === 'large') {
  await runLarge();
} else {
  if (!existsSync(benchDir)) {
    console.error(`No benchmark pages at ${benchDir}.`);
    process.exit(1);
  }
  const rows: Record<string, number | string>[] = [];
  for (const which of ['vigil', 'readability'] as const) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', here, which], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${which} failed: ${r.stderr}`);
    rows.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
  }
  console.log(`article-extraction benchmark: ${rows[0]!.pages} pages, ${ROUNDS} rounds each, same machine, same run`);
  console.log('system               F1      P       R       study   held-out  pages/s   peak RSS');
  for (const r of rows) {
    console.log(`${String(r.which).padEnd(20)} ${(r.f1 as number).toFixed(3)}   ${(r.precision as number).toFixed(3)}   ${(r.recall as number).toFixed(3)}   ${(r.study as number).toFixed(3)}   ${(r.heldOut as number).toFixed(3)}     ${(r.pagesPerSecond as number).toFixed(1).padStart(7)}   ${(r.peakRssMiB as number).toFixed(0)} MiB`);
  }
  console.log('study: the half of the pages (by a hash of the file name) the cleaner may be tuned on; held-out: the other half, only ever scored');
  console.log(`speed ratio vigil / readability: ${((rows[0]!.pagesPerSecond as number) / (rows[1]!.pagesPerSecond as number)).toFixed(1)}x`);
  const large = spawnSync(process.execPath, ['--import', 'tsx', here, 'large'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (large.status === 0) {
    const l = JSON.parse(large.stdout.trim().split('\n').pop()!) as { mib: number; seconds: number; mainTextChars: number; peakRssMiB: number };
    console.log(`vigil on one ${l.mib.toFixed(0)} MiB page: ${l.seconds.toFixed(1)} s, ${l.mainTextChars} chars of main text, peak RSS ${l.peakRssMiB.toFixed(0)} MiB`);
  } else console.log(`vigil on a 50 MiB page FAILED: ${large.stderr.slice(0, 300)}`);
  const seeds = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
  if (existsSync(seeds)) {
    const { evaluate } = await import('../src/eval/run.ts');
    const e = evaluate(join(seeds, 'gold'), join(seeds, 'seeds'));
    if (e.mainText) console.log(`seed reports (crawled text), main-text F1: ${e.mainText.f1.toFixed(3)} (P ${e.mainText.precision.toFixed(3)}, R ${e.mainText.recall.toFixed(3)})`);
  }
}
