import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { samePerson } from '../../src/resolve/index.ts';
import { sharedDir } from '../support/shared-corpus.ts';

interface Pair { a: string; b: string; same: boolean }

/** Precision, recall and F1 over labelled pairs; printed so the figure is visible in test output. */
export function scorePairs(pairs: Pair[]): { p: number; r: number; f1: number; errors: string[] } {
  let tp = 0, fp = 0, fn = 0;
  const errors: string[] = [];
  for (const { a, b, same } of pairs) {
    const got = samePerson(a, b).same;
    if (got && same) tp++;
    else if (got) { fp++; errors.push(`FP ${a} | ${b}`); }
    else if (same) { fn++; errors.push(`FN ${a} | ${b}`); }
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1), errors };
}

const load = (file: string) => readFileSync(new URL(`../fixtures/resolve/${file}`, import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Pair);

// Each set, and the least F1 it must keep: the figure measured when the set was last studied, less a
// margin for rules added later. See test/fixtures/resolve/README.md for where each set comes from.
const SETS: [file: string, what: string, floor: number][] = [
  ['pairs.jsonl', 'development set', 0.99],
  ['holdout-pairs.jsonl', 'first held-out set (blind 0.894, since studied)', 0.98],
  ['sanctions-pairs.jsonl', 'sanctions/PEP set by a blind helper (blind 0.865, since studied)', 0.93],
  ['press-pairs.jsonl', 'persecution-press set by a blind helper (blind 0.800, since studied)', 0.9],
  ['sanctions2-pairs.jsonl', 'second sanctions set by a blind helper (blind 0.789, since studied)', 0.93],
  ['sanctions3-pairs.jsonl', 'third sanctions set by a blind helper (blind 0.845, since studied)', 0.91],
  ['pep-pairs.jsonl', 'worldwide PEP set by a blind helper (blind 0.846, since studied)', 0.9],
  ['screening-pairs.jsonl', 'sanctions-screening set by a blind helper (blind 0.940, since studied)', 0.94],
  ['aggregator-pairs.jsonl', 'sanctions-and-PEP aggregator set by a blind helper (blind 0.892, since studied)', 0.91],
  ['compliance-pairs.jsonl', 'compliance-screening set by a blind helper (blind 0.847, since studied)', 0.87],
  ['dedup-pairs.jsonl', 'source-deduplication set by a blind helper (blind 0.879, since studied)', 0.9],
  ['lists-pairs.jsonl', 'list-to-list set by a blind helper (blind 0.942, since studied)', 0.93],
  ['pep-registers-pairs.jsonl', 'PEP-register set by a blind helper (blind 0.803, since studied)', 0.85],
  ['designees-pairs.jsonl', 'less famous designees set by a blind helper (blind 0.886, since studied)', 0.89],
  ['sample-pairs.jsonl', 'random-sample set by a blind helper (blind 0.907, since studied)', 0.9],
  ['final-sample-pairs.jsonl', 'second random-sample set by a blind helper, scored at the final rules (blind 0.908, since studied)', 0.9],
  ['cross-source-pairs.jsonl', 'cross-source deduplication set by a blind helper (blind 0.886, since studied)', 0.9],
  ['queue-pairs.jsonl', 'screening-queue sample by a blind helper, scored at the final rules (blind 0.914, since studied)', 0.91],
  ['regions-pairs.jsonl', 'sample weighted to where sanctions data is densest, by a blind helper (blind 0.930, since studied)', 0.92],
];

for (const [file, what, floor] of SETS) {
  test(`labelled pairs, ${what}: precision, recall, F1 >= ${floor}`, () => {
    const pairs = load(file);
    const { p, r, f1, errors } = scorePairs(pairs);
    console.log(`${file} pairs=${pairs.length} P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f1.toFixed(3)}`);
    if (process.env.VIGIL_SHOW_ERRORS) console.log(errors.join('\n'));
    assert.ok(f1 >= floor, `F1 ${f1.toFixed(3)} below ${floor}`);
  });
}

test('gold person clusters: pairwise F1 = 1.0', { skip: sharedDir() ? false : 'no ../shared corpus here' }, () => {
  const gold = JSON.parse(readFileSync(`${sharedDir()}/corpus/gold/persons.json`, 'utf8')) as { clusters: string[][] };
  const names = gold.clusters.flatMap((c, i) => c.map((n) => ({ n, c: i })));
  const pairs: Pair[] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.push({ a: names[i]!.n, b: names[j]!.n, same: names[i]!.c === names[j]!.c });
  const { f1, errors } = scorePairs(pairs);
  console.log(`gold pairs=${pairs.length} F1=${f1.toFixed(3)}`);
  assert.deepEqual(errors, []);
});
