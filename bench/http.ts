/**
 * Latency of the web UI's heaviest routes under load: builds a workspace of generated FICTIONAL
 * reports (names, places and events invented from small lists), starts `vigil serve` on a free
 * port, unlocks it, and runs 20 concurrent clients against the case-file route and the search
 * route. Prints p50/p95/p99 and throughput; asserts nothing.
 *   npm run bench:http [-- --reports N] [-- --requests N]   (defaults 300 reports, 2000 requests per route)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace } from '../src/store/workspace.ts';
import { ingestBytes } from '../src/ingest/ingest.ts';
import { resolvePersons } from '../src/store/resolve-persons.ts';
import { startServer } from '../src/interfaces/http/server.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const REPORTS = arg('reports', 300);
const REQUESTS = arg('requests', 2000);
const CLIENTS = 20;
const PASS = 'benchmark passphrase (fictional data)';

// A small deterministic generator, so every run measures the same workspace.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const GIVEN = [['Ihar', 'Игорь'], ['Alena', 'Алёна'], ['Siarhei', 'Сергей'], ['Volha', 'Ольга'], ['Dzmitry', 'Дмитрий'], ['Maryia', 'Мария'], ['Pavel', 'Павел'], ['Nadzeya', 'Надежда'], ['Aliaksandr', 'Александр'], ['Tatsiana', 'Татьяна']] as const;
const SURNAMES = [['Kavaliou', 'Ковалёв'], ['Zhuk', 'Жук'], ['Barysau', 'Борисов'], ['Lemeshka', 'Лемешко'], ['Sakalou', 'Соколов'], ['Hrynko', 'Гринько'], ['Mialeshka', 'Мелешко'], ['Tsitou', 'Титов'], ['Dubrouski', 'Дубровский'], ['Savich', 'Савич'], ['Kuzmich', 'Кузьмич'], ['Panko', 'Панько'], ['Rabtsau', 'Рябцев'], ['Shved', 'Швед'], ['Yurkevich', 'Юркевич'], ['Bialko', 'Белько'], ['Karpovich', 'Карпович'], ['Nestsiarenka', 'Нестеренко'], ['Valchuk', 'Вальчук'], ['Zaitsau', 'Зайцев']] as const;
const FACILITIES = ['the Akrestsina detention centre', 'pre-trial detention centre No. 1 in Minsk', 'penal colony No. 15 in Mahiliou', 'penal colony No. 2 in Babruisk', 'the Zhodzina prison', 'pre-trial detention centre No. 2 in Vitsebsk'];
const ARTICLES = ['342', '361-1', '368', '130', '369', '293'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function report(i: number): { name: string; bytes: Buffer; person: string } {
  const g = pick(GIVEN);
  const s = pick(SURNAMES);
  const year = 2021 + Math.floor(rnd() * 4);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 27);
  const published = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(28, day + 1)).padStart(2, '0')}`;
  const fac = pick(FACILITIES);
  const art = pick(ARTICLES);
  const ru = rnd() < 0.25;
  const body = ru
    ? `${g[1]} ${s[1]} задержан ${day} ${['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'][month - 1]} в Минске. Его обвиняют по статье ${art} Уголовного кодекса. ${s[1]} содержится в СИЗО № 1. (Вымышленное сообщение для теста производительности.)`
    : `(FICTIONAL report generated for a benchmark.)\n\nActivist ${g[0]} ${s[0]} was detained on ${day} ${MONTHS[month - 1]} ${year} in Minsk after a search of his flat. ${s[0]} is held at ${fac}. ` +
      `He is charged under Article ${art} of the Criminal Code, his lawyer said. ` +
      (rnd() < 0.4 ? `On ${Math.min(28, day + 3)} ${MONTHS[month - 1]} the court sentenced ${g[0]} ${s[0]} to ${2 + Math.floor(rnd() * 5)} years in a penal colony. ` : '') +
      (rnd() < 0.2 ? `${s[0]} was released on ${Math.min(28, day + 5)} ${MONTHS[month - 1]} ${year}. ` : '') +
      `Report number ${i}.`;
  const text = `title: ${ru ? `${s[1]}: задержание` : `${g[0]} ${s[0]} detained`} (#${i})\npublished: ${published}\nlanguage: ${ru ? 'ru' : 'en'}\n---\n${body}\n`;
  return { name: `bench-${i}.txt`, bytes: Buffer.from(text), person: ru ? s[1] : s[0] };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(label: string, urls: () => string, cookie: string): Promise<void> {
  const times: number[] = [];
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < REQUESTS) {
      next++;
      const url = urls();
      const s = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      times.push(performance.now() - s);
      if (!res.ok) failed++;
    }
  }));
  const wall = performance.now() - t0;
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(22)} ${REQUESTS} requests, ${CLIENTS} clients: p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  p99 ${percentile(times, 99).toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms  ${((REQUESTS * 1000) / wall).toFixed(0)} req/s${failed ? `  (${failed} failed)` : ''}`);
}

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-http-'));
try {
  const t0 = performance.now();
  const store = await initWorkspace(dir, PASS, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
  const names: string[] = [];
  for (let i = 0; i < REPORTS; i++) {
    const r = report(i);
    names.push(r.person);
    ingestBytes(store, r.bytes, r.name, 'bench');
  }
  resolvePersons(store, 'bench');
  const stats = store.db.prepare('SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM claims) AS claims').get() as { reports: number; persons: number; claims: number };
  store.close();
  console.log(`workspace: ${stats.reports} fictional reports, ${stats.persons} persons, ${stats.claims} claims (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const server = await startServer({ workspace: dir, host: '127.0.0.1', port: 0 });
  try {
    const unlock = await fetch(`${server.url}api/unlock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
    const cookie = (unlock.headers.get('set-cookie') ?? '').split(';')[0]!;
    const persons = (await (await fetch(`${server.url}api/persons`, { headers: { cookie } })).json()) as { id: number }[];
    // Warm up: the first search builds the index; the first requests compile the schemas.
    await fetch(`${server.url}api/search?q=warmup`, { headers: { cookie } });
    await fetch(`${server.url}api/persons/${persons[0]!.id}`, { headers: { cookie } });
    await load('GET /api/persons/:id', () => `${server.url}api/persons/${pick(persons).id}`, cookie);
    await load('GET /api/search', () => `${server.url}api/search?q=${encodeURIComponent(pick(names))}`, cookie);
    await load('GET /api/prisoners', () => `${server.url}api/prisoners?status=detained`, cookie);
  } finally {
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
