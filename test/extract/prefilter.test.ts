/** The words a phrase pattern needs, read from its syntax tree, must occur in every match it makes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { requiredWords } from '../../src/extract/lexicon/prefilter.ts';
import { PHRASE_TRIGGERS } from '../../src/extract/lexicon/triggers.ts';

test('required words: a literal run, alternatives, an optional part that is no requirement', () => {
  assert.deepEqual(requiredWords(String.raw`taken\s+into\s+custody`), ['custody']);
  assert.deepEqual(requiredWords(String.raw`(?:denied|refused)\s+access`)?.sort(), ['access']);
  assert.deepEqual(requiredWords(String.raw`(?:denied|refused)\s+\S+`)?.sort(), ['denied', 'refused']);
  // An optional group requires nothing; a pattern with an alternative of no words cannot be reduced.
  assert.deepEqual(requiredWords(String.raw`(?:very\s+)?\d+\s+days`), ['days']);
  assert.equal(requiredWords(String.raw`\d+|days`), null);
});

test('every match of every phrase trigger in the fictional corpora holds one of its required words', () => {
  const dirs = ['test/fixtures/extract/fictional-corpus/articles', 'test/fixtures/extract/fictional-corpus-2/articles'];
  const texts = dirs.flatMap((d) => readdirSync(d).map((f) => readFileSync(`${d}/${f}`, 'utf8')));
  let matches = 0;
  for (const { pattern, needs, word } of PHRASE_TRIGGERS) {
    if (!needs) continue;
    for (const t of texts) {
      for (const m of t.matchAll(new RegExp(pattern.source, 'giu'))) {
        matches++;
        assert.ok(needs.some((w) => m[0].toLowerCase().includes(w)), `${word.rule}: "${m[0]}" holds none of ${needs.join(', ')}`);
      }
    }
  }
  assert.ok(matches > 200, `only ${matches} matches`);
});
