/**
 * How Vigil holds up as a workspace grows. For each N: generates N FICTIONAL reports with the shared
 * corpus generator (../shared/bench/scale/gen-corpus.mjs), ingests them 1,000 at a time into a new
 * encrypted workspace (each 1,000 one `ingestPaths` over ten folders, as `vigil ingest` does it,
 * on one worker pool), then starts `vigil serve` on it and measures the web routes under 10 concurrent
 * clients (from this process), the first request after a write, `vigil person` and `vigil export` as JSON and FtM (as processes).
 * Prints figures; asserts nothing.
 *   npm run bench:scale [-- --reports 10000,100000] [--requests 400] [--keep DIR]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace, workspacePaths } from '../src/store/workspace.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { ExtractionPool } from '../src/ingest/extract-pool.ts';
import { EXTRACTOR_VERSION } from '../src/extract/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (arg('reports') ?? '10000,100000').split(',').map(Number);
const REQUESTS = Number(arg('requests') ?? 400);
const KEEP = arg('keep');
const CLIENTS = 10;
const PASS = 'benchmark passphrase (fictional data)';
const GENERATOR = [join(root, '..', 'shared', 'bench', 'scale', 'gen-corpus.mjs'), '/work/shared/bench/scale/gen-corpus.mjs'].find((p) => existsSync(p));
if (!GENERATOR) {
  console.error('bench:scale needs the shared corpus generator (../shared/bench/scale/gen-corpus.mjs beside the repository).');
  process.exit(2);
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const git = (...a: string[]) => { try { return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim(); } catch { return '?'; } };

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

/** Runs a `vigil` command as its own process, timed by /usr/bin/time: seconds of wall clock and peak RSS. */
function vigil(args: string[], ws: string): { seconds: number; rss: number; out: string } {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, join(root, 'bin', 'vigil.js'), ...args, '--workspace', ws], {
    env: { ...process.env, VIGIL_PASSPHRASE: PASS }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20,
  });
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr) ?? ['', 'NaN', 'NaN'];
  return { seconds: Number(m[1]), rss: Number(m[2]) * 1024, out: r.stdout };
}

async function measure(label: string, urls: () => string, cookie: string, base: string): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  let failed = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < REQUESTS) {
      next++;
      const s = performance.now();
      const res = await fetch(base + urls(), { headers: { cookie } });
      await res.arrayBuffer();
      times.push(performance.now() - s);
      if (!res.ok) failed++;
    }
  }));
  times.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(30)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  max ${times.at(-1)!.toFixed(0).padStart(5)} ms${failed ? `  (${failed} failed)` : ''}`);
  return times;
}

/** Least squares of log(time) on log(size): time grows as size^k. */
function exponent(points: [number, number][]): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  return xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
}

console.log(`bench:scale on ${availableParallelism()} cores, node ${process.version}; code ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with changes)' : ''}, extractor ${EXTRACTOR_VERSION}; ${CLIENTS} clients, ${REQUESTS} requests per route`);
const base = KEEP ?? mkdtempSync(join(tmpdir(), 'vigil-bench-scale-'));
mkdirSync(base, { recursive: true });
try {
  for (const N of SIZES) {
    const corpus = join(base, `corpus-${N}`);
    if (!existsSync(join(corpus, 'reports'))) execFileSync(process.execPath, [GENERATOR, corpus, String(N)], { stdio: 'ignore' });
    const folders = readdirSync(join(corpus, 'reports')).sort().map((f) => join(corpus, 'reports', f));
    const ws = join(base, `ws-${N}`);
    rmSync(ws, { recursive: true, force: true });
    console.log(`\nN = ${N.toLocaleString('en')} reports (${folders.length} folders of 100)`);
    const store = await initWorkspace(ws, PASS);
    const pool = new ExtractionPool({ threads: availableParallelism() });
    peak = process.memoryUsage().rss;
    const chunks: number[] = [];
    const cumulative: [number, number][] = [];
    let ingested = 0;
    let failed = 0;
    const t0 = performance.now();
    for (let i = 0; i < folders.length; i += 10) {
      const s = performance.now();
      const r = await ingestPaths(store, folders.slice(i, i + 10), { actor: 'bench', pool });
      chunks.push((performance.now() - s) / 1000);
      ingested += r.ingested;
      failed += r.failed;
      cumulative.push([ingested, (performance.now() - t0) / 1000]);
      if (chunks.length % 10 === 0) process.stderr.write(`  … ${ingested} reports, ${(cumulative.at(-1)![1]).toFixed(0)} s, RSS ${mib(process.memoryUsage().rss)}\n`);
    }
    const total = (performance.now() - t0) / 1000;
    await pool.close();
    const counts = store.db.prepare('SELECT (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM claims) AS claims').get() as { mentions: number; persons: number; claims: number };
    const sample = store.db.prepare("SELECT person_id AS id, name FROM person_views WHERE level = 'public' AND name != '' ORDER BY random() LIMIT 500").all() as { id: number; name: string }[];
    const claimIds = (store.db.prepare("SELECT id FROM claims WHERE review_status = 'proposed' ORDER BY random() LIMIT 20").all() as { id: number }[]).map((r) => r.id);
    store.close();
    const paths = workspacePaths(ws);
    const bytes = [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.key].filter(existsSync).reduce((a, f) => a + statSync(f).size, 0);
    console.log(`  ingest: ${ingested} reports (${failed} failed) in ${total.toFixed(0)} s = ${(ingested / total).toFixed(0)} reports/s; ${counts.mentions} mentions, ${counts.persons} persons, ${counts.claims} claims`);
    console.log(`  each 1,000-report ingest (s): ${chunks.map((c) => c.toFixed(1)).join(' ')}`);
    console.log(`  first 1,000 ${chunks[0]!.toFixed(1)} s, last 1,000 ${chunks.at(-1)!.toFixed(1)} s (${(chunks.at(-1)! / chunks[0]!).toFixed(2)}x); median of the last ten ${[...chunks.slice(-10)].sort((a, b) => a - b)[Math.floor(Math.min(10, chunks.length) / 2)]!.toFixed(1)} s`);
    if (cumulative.length >= 3) console.log(`  time to ingest n reports grows as n^${exponent(cumulative).toFixed(2)} (fit over ${cumulative.length} points)`);
    console.log(`  peak RSS during ingest ${mib(peak)}; on disk ${mib(bytes)} = ${(bytes / ingested / 1024).toFixed(1)} KiB per report`);

    // The server in a process of its own, as `vigil serve` runs: the clients here do not share its thread.
    const server = spawn(process.execPath, [join(root, 'bin', 'vigil.js'), 'serve', '--port', '0', '--workspace', ws], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let said = '';
        server.stdout!.on('data', (d: Buffer) => {
          said += d.toString();
          const m = /serving (http:\/\/[^ ]+?)\/? /.exec(said);
          if (m) resolve(m[1]!);
        });
        server.once('exit', () => reject(new Error(`vigil serve ended: ${said}`)));
      });
      const unlock = await fetch(`${url}/api/unlock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
      const cookie = (unlock.headers.get('set-cookie') ?? '').split(';')[0]!;
      const csrf = ((await unlock.json()) as { csrf: string }).csrf;
      const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
      const surname = () => encodeURIComponent(pick(sample).name.split(/\s+/).at(-1)!);
      const routes: [string, () => string][] = [
        ['case file GET /api/persons/:id', () => `/api/persons/${pick(sample).id}`],
        ['prisoner list, first page', () => '/api/prisoners'],
        ['prisoners ?status=sentenced', () => '/api/prisoners?status=sentenced'],
        ['search GET /api/search?q=surname', () => `/api/search?q=${surname()}`],
        ['statistics GET /api/stats', () => '/api/stats'],
      ];
      const first: number[] = [];
      for (const [, u] of routes) {
        const s = performance.now();
        await (await fetch(url + u(), { headers: { cookie } })).arrayBuffer();
        first.push(performance.now() - s);
      }
      console.log(`  first request of each route after unlocking: ${first.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
      let worst = Math.max(...first);
      for (const [label, u] of routes) worst = Math.max(worst, (await measure(label, u, cookie, url)).at(-1)!);
      // A write (a review), then the first read of each route at once.
      const afterWrite: number[] = [];
      for (const id of claimIds.slice(0, 5)) {
        const w = await fetch(`${url}/api/claims/${id}/review`, { method: 'POST', headers: { cookie, 'x-vigil-csrf': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'accept' }) });
        await w.arrayBuffer();
        for (const [, u] of routes) {
          const s = performance.now();
          await (await fetch(url + u(), { headers: { cookie } })).arrayBuffer();
          afterWrite.push(performance.now() - s);
        }
      }
      worst = Math.max(worst, ...afterWrite);
      console.log(`  first reads after a write (5 reviews x ${routes.length} routes): max ${Math.max(...afterWrite).toFixed(0)} ms; slowest request of all: ${worst.toFixed(0)} ms`);
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }

    const someone = sample[0]!.name;
    const person = vigil(['person', someone], ws);
    console.log(`  vigil person "${someone}": ${person.seconds.toFixed(2)} s wall (process start and Argon2id unlock included), peak RSS ${mib(person.rss)}`);
    const file = join(base, `export-${N}.json`);
    rmSync(file, { force: true });
    const exp = vigil(['export', '--out', file], ws);
    console.log(`  vigil export (public, JSON): ${exp.seconds.toFixed(1)} s, peak RSS ${mib(exp.rss)}, ${mib(statSync(file).size)} written`);
    rmSync(file, { force: true });
    const ftm = vigil(['export', '--format', 'ftm', '--out', file], ws);
    console.log(`  vigil export (public, FtM, checked then written): ${ftm.seconds.toFixed(1)} s, peak RSS ${mib(ftm.rss)}, ${mib(statSync(file).size)} written`);
    rmSync(file, { force: true });
  }
} finally {
  clearInterval(sampler);
  if (!KEEP) rmSync(base, { recursive: true, force: true });
}
