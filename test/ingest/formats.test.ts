import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInput, splitHeaderBlock, normalisePublished, sha256Hex } from '../../src/ingest/formats.ts';

// Fictional snippets written for these tests.
const HEADER_TXT = 'url: https://example.org/a\ntitle: A test report\npublished: 2024-03-02T10:00:00+03:00\nlanguage: en\nsource-id: 77\n---\nBody line one.\n\nBody line two.';

test('a header block becomes metadata and the body starts after the --- line', () => {
  const r = splitHeaderBlock(HEADER_TXT);
  assert.ok(r);
  assert.equal(r.meta.url, 'https://example.org/a');
  assert.equal(r.meta.title, 'A test report');
  assert.equal(r.meta.published, '2024-03-02');
  assert.equal(r.meta.language, 'en');
  assert.deepEqual(r.meta.extra, { 'source-id': '77' });
  assert.equal(r.body, 'Body line one.\n\nBody line two.');
});

test('text that merely contains a --- line is not mistaken for a header', () => {
  assert.equal(splitHeaderBlock('This is a sentence, not a header.\n---\nMore.'), null);
  assert.equal(splitHeaderBlock('---\nstarts with a rule'), null);
});

test('publication dates keep only the precision they were given', () => {
  assert.equal(normalisePublished('2011-03-14T16:32:26+0200'), '2011-03-14');
  assert.equal(normalisePublished('2023-01'), '2023-01');
  assert.equal(normalisePublished('2023'), '2023');
  assert.equal(normalisePublished('yesterday'), null);
});

test('the original bytes and their SHA-256 are kept exactly', () => {
  const bytes = Buffer.from(HEADER_TXT, 'utf8');
  const [o] = parseInput(bytes, 'r.txt');
  assert.ok(o?.ok);
  assert.equal(o.report.format, 'header-txt');
  assert.equal(o.report.sha256, sha256Hex(bytes));
  assert.ok(o.report.bytes.equals(bytes));
});

test('JSON lines give one report per record, each with its own hash, and bad lines fail alone', () => {
  const lines = [
    JSON.stringify({ url: 'u1', title: 't1', published: '2024-01-02', language: 'en', text: 'First fictional record.' }),
    '{not json',
    JSON.stringify({ title: 'no body' }),
    JSON.stringify({ html: '<p>Second fictional record.</p>' }),
  ].join('\n');
  const out = parseInput(Buffer.from(lines), 'feed.jsonl');
  assert.equal(out.length, 4);
  assert.ok(out[0]!.ok && out[0]!.report.meta.published === '2024-01-02' && out[0]!.report.body.kind === 'text');
  assert.ok(!out[1]!.ok && /line 2: not valid JSON/.test(out[1]!.error));
  assert.ok(!out[2]!.ok && /neither "text" nor "html"/.test(out[2]!.error));
  assert.ok(out[3]!.ok && out[3]!.report.body.kind === 'html');
  if (out[0]!.ok && out[3]!.ok) assert.notEqual(out[0]!.report.sha256, out[3]!.report.sha256);
});

test('empty and binary files give a clear error instead of a report', () => {
  const [empty] = parseInput(Buffer.alloc(0), 'empty.txt');
  assert.ok(empty && !empty.ok && /empty/.test(empty.error));
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
  const [bin] = parseInput(png, 'picture.txt');
  assert.ok(bin && !bin.ok);
  const [blank] = parseInput(Buffer.from('   \n\n  '), 'blank.txt');
  assert.ok(blank && !blank.ok);
});

test('HTML is recognised by extension and by content', () => {
  const [a] = parseInput(Buffer.from('<p>Hello</p>'), 'x.html');
  assert.ok(a?.ok && a.report.format === 'html');
  const [b] = parseInput(Buffer.from('<!DOCTYPE html><html><body><p>Hi</p></body></html>'), 'noext');
  assert.ok(b?.ok && b.report.format === 'html');
});
