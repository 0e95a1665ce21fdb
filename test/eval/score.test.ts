import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName, goldBody, scoreBags, scoreClusters, scoreReport, type GoldReport } from '../../src/eval/score.ts';
import type { ContractExtraction } from '../../src/extract/contract.ts';
import { partOf } from '../../src/eval/run.ts';

// A fictional report and annotation, written for this test.
const TEXT = 'Menu Home\n\nAnna Petrova was detained on 3 May.\u00a0She was released on 5 May.\n\nDonate now';
const gold: GoldReport = {
  article: 'fictional', main_text_first_words: 'Anna Petrova was detained', main_text_last_words: 'released on 5 May.',
  persons: [{ name: 'Anna Petrova', variants: ['Petrova'], role: 'detainee' }],
  events: [
    { type: 'arrest', person: 'Anna Petrova', date: '2024-05-03', evidence: 'Anna Petrova was detained on 3 May.' },
    { type: 'release', person: 'Anna Petrova', date: '2024-05-05', evidence: 'She was released on 5 May.' },
  ],
};

function pred(events: ContractExtraction['events'], persons = [{ name: 'Petrova', variants: [], role: null }]): ContractExtraction {
  return { source: { sha256: 'x', title: null, published: '2024-05-06', language: 'en', url: null }, main_text: 'Anna Petrova was detained on 3 May. She was released on 5 May.', persons, events };
}
const ev = (type: ContractExtraction['events'][number]['type'], evidence: string, date: string | null, person = 'Petrova') => ({ type, person, date, place: null, detail: null, evidence, start: 0, end: 0, confidence: 1 });

test('the gold body runs from the first words through the last, with no-break spaces folded', () => {
  assert.equal(goldBody(TEXT, gold), 'Anna Petrova was detained on 3 May. She was released on 5 May.');
});

test('token bags: boilerplate costs precision, a missing sentence costs recall', () => {
  const body = goldBody(TEXT, gold)!;
  assert.equal(scoreBags(body, body).f1, 1);
  const extra = scoreBags(`Menu Home ${body}`, body);
  assert.ok(extra.precision < 1 && extra.recall === 1);
  const less = scoreBags('Anna Petrova was detained on 3 May.', body);
  assert.ok(less.recall < 1 && less.precision === 1);
});

test('person forms match after folding case, diacritics and punctuation', () => {
  assert.equal(foldName('Mr. Lukašenka’s'), 'mr lukasenkas');
  assert.equal(foldName('Міхалевіч'), 'михалевич'.replace('и', 'і').replace('и', 'і'));
});

test('events need the same type, a matching person and half the evidence tokens; dates must start with gold', () => {
  const s = scoreReport(pred([ev('arrest', 'Anna Petrova was detained on 3 May.', '2024-05-03'), ev('release', 'She was released', '2024-05'), ev('other', 'ignored', null)]), gold, null);
  assert.equal(s.events.tp, 2);
  assert.equal(s.events.fp, 0, 'type "other" is not scored');
  assert.deepEqual(s.dates, { correct: 1, total: 2, unsupported: 0 });
  // A date the gold does not give is counted apart: accuracy reads only gold-dated events.
  const undatedGold: GoldReport = { ...gold, events: [{ ...gold.events[0]!, date: null }] };
  assert.deepEqual(scoreReport(pred([ev('arrest', 'Anna Petrova was detained on 3 May.', '2024-05-03')]), undatedGold, null).dates, { correct: 0, total: 0, unsupported: 1 });
  const wrongType = scoreReport(pred([ev('detention', 'Anna Petrova was detained on 3 May.', null)]), gold, null);
  assert.equal(wrongType.events.tp, 0);
  assert.equal(wrongType.missed.length, 2);
  const noPerson = scoreReport(pred([ev('arrest', 'Anna Petrova was detained on 3 May.', null, 'Ivan Sidorov')], [{ name: 'Ivan Sidorov', variants: [], role: null }]), gold, null);
  assert.equal(noPerson.events.tp, 0);
});

test('cross-report pairs: merging two gold people costs precision, splitting one costs recall', () => {
  const clusters = [['Ales Example', 'Mr Example'], ['Milana Example']];
  assert.equal(scoreClusters([{ name: 'Ales Example', aliases: ['Mr Example'] }, { name: 'Milana Example', aliases: [] }], clusters).f1, 1);
  const merged = scoreClusters([{ name: 'Ales Example', aliases: ['Mr Example', 'Milana Example'] }], clusters);
  assert.ok(merged.precision < 1 && merged.recall === 1);
  const split = scoreClusters([{ name: 'Ales Example', aliases: [] }, { name: 'Mr Example', aliases: [] }], clusters);
  assert.ok(split.recall < 1);
});

test('gold events of type "other" are not scored, as the contract says, and are counted apart', () => {
  const withOther: GoldReport = { ...gold, events: [...gold.events, { type: 'other', person: 'Anna Petrova', date: null, evidence: 'She was released on 5 May.' }] };
  const s = scoreReport(pred([ev('arrest', 'Anna Petrova was detained on 3 May.', '2024-05-03'), ev('release', 'She was released', '2024-05')]), withOther, null);
  assert.equal(s.events.fn, 0);
  assert.equal(s.unscored, 1);
});

test('odd-numbered reports are the study part, even-numbered ones the held-out part', () => {
  assert.deepEqual(['a01', 'a02', 'c11', 'd10'].map(partOf), ['study', 'held-out', 'study', 'held-out']);
});
