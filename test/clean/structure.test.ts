/**
 * Captions, pull quotes, datelines, charsets declared wrongly, the boilerplate vocabulary, and
 * larger hostile inputs. Every page and sentence here is FICTIONAL, written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { cleanHtml, cleanText, decodeBytes, CleanError } from '../../src/clean/index.ts';
import { BOILERPLATE_PHRASES, boilerplateHits } from '../../src/clean/boilerplate-lexicon.ts';
import { datelineDate, isoDate } from '../../src/clean/metadata.ts';

const P1 = 'The fictional town of Lindenburg held its first public hearing in years on Monday, and the hall was full by noon.';
const P2 = 'Residents asked the council about the closed library, the new bus timetable, and the broken bridge over the river.';
const P3 = 'The council promised a written answer within a month, although several speakers said they had heard that before.';

test('captions and pull quotes are kept apart from the body; paragraphs are separated by a blank line', () => {
  const html = `<html><body><article>
    <h1>Hearing in Lindenburg</h1>
    <p>${P1}</p>
    <figure><img src="hall.jpg"><figcaption>The full hall on Monday.</figcaption></figure>
    <p>${P2}</p>
    <blockquote class="pullquote">We have heard that before, many times.</blockquote>
    <aside><p>The bridge was built in a year nobody remembers.</p></aside>
    <div class="wp-caption-text">The river seen from the bridge.</div>
    <p>${P3}</p>
  </article></body></html>`;
  const r = cleanHtml(html);
  assert.equal(r.mainText, [P1, P2, P3].join('\n\n'));
  assert.deepEqual(r.captions, ['The full hall on Monday.', 'We have heard that before, many times.', 'The bridge was built in a year nobody remembers.', 'The river seen from the bridge.']);
});

test('a wrapper with a furniture class name does not take the article with it', () => {
  const html = `<html><body><div class="page-ad-margins has-sidebar"><div class="story"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>
    <div class="sidebar"><a href="/a">Most read</a> <a href="/b">Weather</a></div></div></body></html>`;
  const r = cleanHtml(html);
  assert.equal(r.mainText, [P1, P2, P3].join('\n\n'));
});

test('a page wrapped in one <form> (as some CMSs do) still gives its article', () => {
  const html = `<html><body><form id="aspnetForm"><nav><a href="/">Home</a></nav><div><p>${P1}</p><p>${P2}</p></div></form></body></html>`;
  assert.equal(cleanHtml(html).mainText, [P1, P2].join('\n\n'));
});

test('datelines: written dates, ISO stamps, and sentences that merely mention a date', () => {
  assert.equal(datelineDate('9 February 2011'), '2011-02-09');
  assert.equal(datelineDate('January 5, 2023'), '2023-01-05');
  assert.equal(datelineDate('2011-03-14T16:32:26+0200 | fictional.example'), '2011-03-14');
  assert.equal(datelineDate('The fictional council met on 9 February 2011 and again in spring after a long quarrel about money.'), null);
  assert.equal(isoDate('published 2020-07-01T10:00:00Z'), '2020-07-01');
});

test('crawled text: the dateline near the top is the publication date', () => {
  const text = ['Home | News | Sport', 'Hearing in Lindenburg', '9 February 2011', '', P1, '', P2, '', P3, '', 'Support us! Donate today.'].join('\n');
  const r = cleanText(text);
  assert.equal(r.published, '2011-02-09');
  assert.equal(r.mainText, [P1, P2, P3].join('\n\n'));
  assert.equal(r.language, 'en');
});

test('HTML metadata: <time> and visible language when the page declares neither date meta nor lang', () => {
  const html = `<html><body><article><h1>Hearing</h1><time datetime="2019-11-04T08:00:00Z">4 Nov</time><p>${P1}</p><p>${P2}</p></article></body></html>`;
  const r = cleanHtml(html);
  assert.equal(r.published, '2019-11-04');
  assert.equal(r.language, 'en');
});

test('a stale declared charset does not turn valid UTF-8 into mojibake', () => {
  const ru = 'Вымышленный текст: собрание жителей прошло в понедельник, зал был полон.';
  const html = `<html><head><meta charset="windows-1251"></head><body><p>${ru}</p></body></html>`;
  assert.match(decodeBytes(Buffer.from(html, 'utf8')).text, /собрание жителей/);
  // …while a correct declaration of a single-byte charset is still obeyed.
  assert.match(decodeBytes(iconv.encode(html, 'windows-1251')).text, /собрание жителей/);
  assert.match(decodeBytes(iconv.encode(html.replace('windows-1251', 'koi8-r'), 'koi8-r')).text, /собрание жителей/);
});

test('boilerplate vocabulary: every language has phrases, and they are found in appeals', () => {
  for (const [lang, phrases] of Object.entries(BOILERPLATE_PHRASES)) assert.ok(phrases.length >= 4, lang);
  assert.ok(boilerplateHits('Support us: donate today and subscribe to our newsletter') >= 3);
  assert.ok(boilerplateHits('Поддержите нас! Подпишитесь на рассылку') >= 2);
  assert.ok(boilerplateHits('Падтрымайце нас і падпішыцеся') >= 2);
  assert.ok(boilerplateHits('Підтримайте нас, підпишіться') >= 2);
  assert.equal(boilerplateHits(P1), 0);
});

test('large and hostile inputs: a few MB, deep nesting of inline tags, too-large bytes', () => {
  const big = '<html><body>' + `<div><p>${P1}</p></div>`.repeat(20000) + '</body></html>';
  assert.ok(cleanHtml(big).mainText.length > 1_000_000);
  const deepInline = '<b>'.repeat(10000) + P1 + '</b>'.repeat(10000);
  assert.equal(typeof cleanHtml(deepInline).mainText, 'string');
  assert.equal(typeof cleanText('x\n'.repeat(100000)).mainText, 'string');
  assert.throws(() => decodeBytes(new Uint8Array(65 * 1024 * 1024).fill(0x61)), (e: unknown) => e instanceof CleanError && e.code === 'too_large');
});

test('teasers (linked headline + cut-off excerpt) are not taken for the article', () => {
  const teasers = Array.from({ length: 8 }, (_, i) => `<li><a href="/t${i}">Fictional teaser headline number ${i} about something else</a> <span>A made-up excerpt of another story, with a comma, that was cut off in the middle of a sentence and goes on...</span></li>`).join('');
  const html = `<html><body><div class="content"><div class="story"><p>${P1}</p><p>${P2}</p></div></div><div class="more"><ul>${teasers}</ul></div></body></html>`;
  assert.equal(cleanHtml(html).mainText, [P1, P2].join('\n\n'));
});

test('text written without spaces (Japanese) is weighed by its characters', () => {
  // Fictional Japanese sentences.
  const ja = ['この町では月曜日に公聴会が開かれ、正午には会場が満員になりました。', '住民は図書館の閉鎖や新しいバスの時刻表、壊れた橋について質問しました。'];
  const html = `<html><body><nav><a href="/">ホーム</a></nav><div class="post"><p>${ja[0]}</p><p>${ja[1]}</p></div></body></html>`;
  assert.equal(cleanHtml(html).mainText, ja.join('\n\n'));
});

test('a widget-classed blog wrapper around a marked entry (hentry, post-body) keeps the entry', () => {
  const html = `<html><body><div class="widget Blog"><div class="blog-post hentry"><div class="post-body">${P1}<br><br>${P2}</div></div></div>
    <div class="widget LinkList"><a href="/a">Archive</a> <a href="/b">About</a></div></body></html>`;
  const r = cleanHtml(html);
  assert.match(r.mainText, /Lindenburg/);
  assert.match(r.mainText, /broken bridge/);
  assert.doesNotMatch(r.mainText, /Archive/);
});

test('HTML with no date metadata: a visible dateline before the body, else a dated URL path', () => {
  const html = `<html><body><article><h1>Hearing in Lindenburg</h1><div class="date">January 5, 2023</div><p>${P1}</p><p>${P2}</p></article></body></html>`;
  assert.equal(cleanHtml(html).published, '2023-01-05');
  const bare = `<html><body><article><p>${P1}</p><p>${P2}</p></article></body></html>`;
  assert.equal(cleanHtml(bare, { url: 'https://news.example/2021/03/14/hearing' }).published, '2021-03-14');
  assert.equal(cleanHtml(bare).published, null);
});

test('crawled text: the byline above the dateline is the author', () => {
  const text = ['Hearing in Lindenburg', 'Jane Roe', '9 February 2011', '', P1, '', P2, '', P3].join('\n');
  assert.equal(cleanText(text).author, 'Jane Roe');
  const marked = ['Hearing in Lindenburg', 'By Jane Roe, 9 February 2011', '', P1, '', P2].join('\n');
  assert.equal(cleanText(marked).author, 'Jane Roe');
  const none = ['Hearing in Lindenburg', '9 February 2011', '', P1, '', P2].join('\n');
  assert.equal(cleanText(none).author, null);
});
