import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, detectLanguage } from '../../src/clean/index.ts';

// A FICTIONAL crawled page, written for this test: menu, title, byline, dateline, body, appeal, links.
const CRAWLED = `Home | News | Prisoners | Donate | About

Support our independent newsroom!

Teacher detained after school assembly

By Staff Reporter
12 March 2024

A history teacher from Brest, Lena Marozava, was detained on Monday after she refused to read a statement at a school assembly, her colleagues said.

Police searched her flat the same evening and took away two computers, according to her husband.

"We do not know where she is being held," he said. Human rights defenders say she is being held at the local temporary detention centre.

Your support keeps us going. Please donate to support independent journalism today — it only takes a minute.

Related stories
Five students expelled in Hrodna
Court fines pensioner for a comment

© 2024 Example Monitor`;

test('crawled text: the article body without menu, title, byline, appeal and related links', () => {
  const r = cleanText(CRAWLED);
  assert.ok(r.mainText.startsWith('A history teacher from Brest'), r.mainText.slice(0, 80));
  assert.ok(r.mainText.endsWith('temporary detention centre.'), r.mainText.slice(-80));
  assert.ok(!/donate|Related stories|Home \|/i.test(r.mainText));
  assert.equal(r.mainText.split('\n\n').length, 3, 'paragraphs are kept, separated by a blank line');
  assert.equal(r.published, '2024-03-12');
  assert.equal(r.language, 'en');
});

test('languages: Belarusian and Russian are told apart, and Ukrainian', () => {
  assert.equal(detectLanguage('Актывіста затрымалі ў Мінску ў аўторак увечары, паведамілі праваабаронцы. Яго даставілі ў ізалятар.'), 'be');
  assert.equal(detectLanguage('Активиста задержали в Минске во вторник вечером, сообщили правозащитники. Его доставили в изолятор.'), 'ru');
  assert.equal(detectLanguage('Активіста затримали у Києві у вівторок ввечері, повідомили правозахисники. Його доставили до ізолятора.'), 'uk');
  assert.equal(detectLanguage('The activist was detained in Minsk on Tuesday evening, human rights defenders said.'), 'en');
});
