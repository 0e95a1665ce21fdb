/**
 * Resolve benchmark: synthetic mentions (East Slavic persons written in several scripts,
 * transliterations, orders and titles), grouped five to a report (each mention's companions are the other four; some carry an article or arrest day as clues), clustered with clusterNames. Prints mentions/s, total
 * time and peak RSS. Persons who happen to get the same name merge, and surname-only mentions
 * of a surname shared by two persons stay apart, so clusters ≠ persons. Usage: npm run bench:resolve [-- N] (default 1,000,000).
 */
import { clusterNames } from '../src/resolve/index.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const GIVEN = [['Aliaksandr', 'Alexander', 'Александр'], ['Andrei', 'Andrey', 'Андрей'], ['Mikalai', 'Nikolai', 'Николай'], ['Sviatlana', 'Svetlana', 'Светлана'], ['Viktar', 'Viktor', 'Виктор'], ['Siarhei', 'Sergei', 'Сергей'], ['Uladzimir', 'Vladimir', 'Владимир'], ['Ihar', 'Igor', 'Игорь'], ['Dzmitry', 'Dmitry', 'Дмитрий'], ['Volha', 'Olga', 'Ольга'], ['Maryia', 'Maria', 'Мария'], ['Tatsiana', 'Tatiana', 'Татьяна']];
const FEMALE = new Set([3, 9, 10, 11]);
const STEMS = ['Kazlov', 'Marozov', 'Sakalov', 'Paplav', 'Lebedz', 'Kavalev', 'Navikov', 'Zaitsev', 'Pavlov', 'Semyonov', 'Golubev', 'Vinogradov', 'Bogdanov', 'Vorobyov', 'Fedorov', 'Mikhailov', 'Belyaev', 'Tarasov', 'Belov', 'Komarov', 'Orlov', 'Kiselev', 'Makarov', 'Andreev', 'Kovalchuk', 'Ilyin', 'Gusev', 'Titov', 'Kuzmin', 'Kudryavtsev'];
const SYL = ['ka', 'ro', 'vi', 'ne', 'lu', 'sha', 'dro', 'mi', 'tse', 'bo', 'gu', 'ly', 'za', 'pe', 'ho'];
const CYR: Record<string, string> = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', c: 'ц', y: 'ы' };

// mulberry32: a small seeded PRNG whose low bits are usable (an LCG's are not).
let seed = 42;
const rnd = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
};
const toCyr = (s: string) => s.toLowerCase().replace(/sh/g, 'ш').replace(/ch/g, 'ч').replace(/kh/g, 'х').replace(/./g, (c) => CYR[c] ?? c).replace(/^./, (c) => c.toUpperCase());

const ARTICLES = ['130', '342', '361', '367', '368', '369', '293', '356', '361-1', '411', '207.3', '280.3'];
// Persons: given name × surname made of a syllable prefix and a stem, so surnames are many and realistic in shape.
const PERSONS = Math.max(10, Math.floor(N / 20));
const persons = Array.from({ length: PERSONS }, () => {
  const g = rnd(GIVEN.length);
  const sur = SYL[rnd(SYL.length)]! + SYL[rnd(SYL.length)]! + STEMS[rnd(STEMS.length)]!.toLowerCase();
  // What reports say of them: an article of a dozen common ones and a day of arrest within five years.
  const day = new Date(Date.UTC(2020, 0, 1 + rnd(5 * 365))).toISOString().slice(0, 10);
  return { g, sur: sur[0]!.toUpperCase() + sur.slice(1) + (FEMALE.has(g) ? 'a' : ''), clues: [`art:${ARTICLES[rnd(ARTICLES.length)]}`, `on:arrest:${day}`] };
});
const mentionOf: number[] = [];
function mention(): string {
  const who = rnd(persons.length);
  mentionOf.push(who);
  const p = persons[who]!;
  const form = rnd(6);
  const given = GIVEN[p.g]!;
  if (form === 0) return `${given[2]} ${toCyr(p.sur)}`;
  if (form === 1) return `${p.sur.toUpperCase()}, ${given[1]}`;
  if (form === 2) return `${FEMALE.has(p.g) ? 'Ms' : 'Mr'} ${p.sur}`;
  if (form === 3) return `${given[0]} ${p.sur.replace(/ov(a?)$/, 'au$1').replace(/ova$/, 'ava')}`;
  return `${given[rnd(2)]} ${p.sur}`;
}

const t0 = process.hrtime.bigint();
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 200);
// Reports of five mentions each; every mention carries the other four names as its companions, as the store passes them.
const names = Array.from({ length: N }, () => mention());
const items = names.map((name, i) => {
  const start = i - (i % 5);
  // Half the mentions carry a claim with the person's article or arrest day, as the store passes them.
  const clues = persons[mentionOf[i]!]!.clues.filter(() => rnd(4) === 0);
  return { id: String(i), name, companions: names.slice(start, start + 5).filter((_, j) => start + j !== i), clues };
});
sample();
const inputRss = process.memoryUsage().rss;
const t1 = process.hrtime.bigint();
const clusters = clusterNames(items);
const t2 = process.hrtime.bigint();
sample();
clearInterval(timer);
const sec = Number(t2 - t1) / 1e9;
console.log(`mentions=${N} distinct spellings=${new Set(items.map((i) => i.name)).size} persons(generated)=${PERSONS} clusters=${clusters.length}`);
console.log(`generate ${(Number(t1 - t0) / 1e9).toFixed(1)} s; resolve ${sec.toFixed(1)} s; ${Math.round(N / sec)} mentions/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${(inputRss / 2 ** 20).toFixed(0)} MiB of it the generated input)`);
