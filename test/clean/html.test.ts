import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanHtml } from '../../src/clean/index.ts';

// A FICTIONAL news page, written for this test.
const PAGE = `<!doctype html><html lang="en"><head>
<title>Journalist jailed | Example Herald</title>
<meta property="og:site_name" content="Example Herald">
<meta property="og:title" content="Journalist jailed for four years">
<meta name="author" content="Jane Roe">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-04-02T09:00:00Z"}</script>
</head><body>
<nav class="main-menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="share-buttons">Share on Facebook Share on Twitter</div>
<article class="story">
<h1>Journalist jailed for four years</h1>
<p>A court in Homel sentenced journalist Andrei Kaval to four years in a penal colony on Tuesday, his editor said.</p>
<figure><img src="a.jpg"><figcaption>The court building in Homel. Photo: archive</figcaption></figure>
<p>Kaval, who wrote about local corruption, was arrested in January and has been held in the pre-trial detention centre since then, according to the editor.</p>
<p>The prosecution accused him of "discrediting the state", a charge his lawyers say is groundless.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/1">Another journalist fined</a></li><li><a href="/2">Editor leaves the country</a></li></ul></aside>
<footer>© 2024 Example Herald. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>`;

test('the article body, its paragraphs, and nothing of the menu, share row, related links or footer', () => {
  const r = cleanHtml(PAGE);
  const paras = r.mainText.split('\n\n');
  assert.equal(paras.length, 3, r.mainText);
  assert.ok(paras[0]!.startsWith('A court in Homel'));
  assert.ok(!/\bHome\b|Share on|Related|rights reserved|Another journalist/.test(r.mainText));
  assert.deepEqual(r.captions, ['The court building in Homel. Photo: archive']);
});

test('metadata from meta tags and JSON-LD', () => {
  const r = cleanHtml(PAGE);
  assert.equal(r.title, 'Journalist jailed for four years');
  assert.equal(r.published, '2024-04-02');
  assert.equal(r.outlet, 'Example Herald');
  assert.equal(r.author, 'Jane Roe');
  assert.equal(r.language, 'en');
});

test('hostile pages: 10,000-deep nesting, no body, script only, broken markup', () => {
  const deep = '<div>'.repeat(10000) + '<p>Deep inside, a fictional sentence that is long enough to count as prose, with a comma.</p>' + '</div>'.repeat(10000);
  assert.match(cleanHtml(deep).mainText, /Deep inside/);
  assert.equal(cleanHtml('<html><head><title>x</title></head></html>').mainText, '');
  assert.equal(cleanHtml('<script>var a = "<p>not text</p>";</script>').mainText, '');
  assert.match(cleanHtml('<p>Unclosed <b>bold <i>and a fictional sentence, with a comma, long enough to count.').mainText, /Unclosed bold and/);
});

test('fuzz: random and mutated markup never throws and always gives a string', () => {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pieces = ['<p>', '</p>', '<div class="x">', '</div>', '<a href="#">', '</a>', '<script>', '</script>', '<!--', '-->', '<', '>', '&amp;', '&#x', 'text, ', 'Word. ', '\u0000', '<br/>', '<table><tr><td>', '"', "'", '<![CDATA[', '<svg>'];
  for (let i = 0; i < 500; i++) {
    let html = '';
    const n = Math.floor(rand() * 60);
    for (let j = 0; j < n; j++) html += pieces[Math.floor(rand() * pieces.length)];
    const r = cleanHtml(html);
    assert.equal(typeof r.mainText, 'string');
  }
});
