// `vigil eval` over the shared seeds and gold (read in place, never copied), and over the development
// set: the floors the issues set. Skipped where ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/eval/run.ts';
import { sharedDir } from '../support/shared-corpus.ts';

const dir = sharedDir();

test('seeds: cross-report persons pairwise F1 = 1.0, events F1 ≥ 0.90, every gold date right', { skip: dir ? false : 'no ../shared corpus here' }, () => {
  const r = evaluate(`${dir}/corpus/gold`, `${dir}/corpus/seeds`);
  assert.equal(r.errors.length, 0);
  assert.equal(r.crossReport?.f1, 1);
  assert.ok(r.events.f1 >= 0.9, `events F1 ${r.events.f1}`);
  assert.ok(r.persons.f1 >= 0.92, `persons F1 ${r.persons.f1}`);
  assert.equal(r.dateAccuracy.accuracy, 1);
});
