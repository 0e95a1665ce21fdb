// `vigil eval` over the shared seeds and gold (read in place, never copied): the figures the issues
// set as targets. Skipped where ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/eval/run.ts';
import { sharedDir } from '../support/shared-corpus.ts';

const dir = sharedDir();

test('seeds: cross-report persons pairwise F1 = 1.0, every gold event found', { skip: dir ? false : 'no ../shared corpus here' }, () => {
  const r = evaluate(`${dir}/corpus/gold`, `${dir}/corpus/seeds`);
  assert.equal(r.errors.length, 0);
  assert.equal(r.crossReport?.f1, 1);
  assert.equal(r.events.recall, 1);
  assert.ok(r.persons.f1 >= 0.95, `persons F1 ${r.persons.f1}`);
});
