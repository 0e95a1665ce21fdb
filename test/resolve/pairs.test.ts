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

test('labelled pairs (test/fixtures/resolve/pairs.jsonl): precision, recall, F1', () => {
  const pairs = readFileSync(new URL('../fixtures/resolve/pairs.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Pair);
  const { p, r, f1, errors } = scorePairs(pairs);
  console.log(`pairs=${pairs.length} P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f1.toFixed(3)}`);
  if (process.env.VIGIL_SHOW_ERRORS) console.log(errors.join('\n'));
  assert.ok(f1 >= 0.9, `F1 ${f1.toFixed(3)} below 0.90`);
});

// The first held-out set: written after the rules and scored blind (F1 0.894), then its errors were
// studied to find general rules, so it is a development set now. holdout2 below is the blind one.
test('dev pairs (first held-out set, since studied): precision, recall, F1', () => {
  const pairs = readFileSync(new URL('../fixtures/resolve/holdout-pairs.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Pair);
  const { p, r, f1, errors } = scorePairs(pairs);
  console.log(`dev (first held-out) pairs=${pairs.length} P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f1.toFixed(3)}`);
  if (process.env.VIGIL_SHOW_ERRORS) console.log(errors.join('\n'));
  assert.ok(f1 >= 0.95, `dev F1 ${f1.toFixed(3)} below 0.95`);
});

test('gold person clusters: pairwise F1 = 1.0', { skip: sharedDir() ? false : 'no ../shared corpus here' }, () => {
  const gold = JSON.parse(readFileSync(`${sharedDir()}/corpus/gold/persons.json`, 'utf8')) as { clusters: string[][] };
  const names = gold.clusters.flatMap((c, i) => c.map((n) => ({ n, c: i })));
  const pairs: Pair[] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.push({ a: names[i]!.n, b: names[j]!.n, same: names[i]!.c === names[j]!.c });
  const { f1, errors } = scorePairs(pairs);
  console.log(`gold pairs=${pairs.length} F1=${f1.toFixed(3)}`);
  assert.deepEqual(errors, []);
});
