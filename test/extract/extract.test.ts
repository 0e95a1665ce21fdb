/** Each pattern the extractor reads, on FICTIONAL snippets written for these tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFacts, splitSentences } from '../../src/extract/index.ts';

const run = (mainText: string, published: string | null = '2024-03-14', language = 'en') => extractFacts({ mainText, published, language });
const events = (text: string, published?: string | null) => run(text, published).events.map((e) => `${e.type}|${e.person}|${e.date ?? '-'}`);

test('sentences keep their offsets and do not break after Mr., No. or an initial', () => {
  const text = 'Mr. Ivanou was moved to SIZO No. 1 in Minsk. A. Petrova said so.\n\nA new paragraph.';
  const s = splitSentences(text);
  assert.deepEqual(s.map((x) => x.text), ['Mr. Ivanou was moved to SIZO No. 1 in Minsk.', 'A. Petrova said so.', 'A new paragraph.']);
  for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
});

test('a passive arrest, with its date resolved against the publication date', () => {
  assert.deepEqual(events('Activist Raman Dudar was detained on 19 December in Hrodna.'), ['arrest|Raman Dudar|2023-12-19']);
});

test('evidence is the verbatim sentence and offsets point at it', () => {
  const text = 'Intro line here.\n\nJournalist Hanna Lis was arrested on Monday. She was taken to Akrestsina.';
  const r = run(text);
  assert.ok(r.events.length >= 2);
  for (const e of r.events) assert.equal(text.slice(e.start, e.end), e.evidence);
  assert.ok(r.persons.some((p) => p.name === 'Hanna Lis'));
});

test('a list of names gives one event per person', () => {
  const got = events('Pavel Sych, Iryna Lis and Stsiapan Brel were sentenced to three years in prison on 2 March.');
  assert.deepEqual(got.sort(), ['sentence|Iryna Lis|2024-03-02', 'sentence|Pavel Sych|2024-03-02', 'sentence|Stsiapan Brel|2024-03-02']);
});

test('negation and the future are not events of that type', () => {
  assert.deepEqual(events('Lawyers said Andrei Hurko was not released on Friday.'), []);
  assert.deepEqual(events('Andrei Hurko faces up to 15 years in prison if convicted.').filter((e) => e.startsWith('sentence')), []);
});

test('pronouns and descriptions point back at the person, and relatives are told apart', () => {
  const text = 'Blogger Ihar Zhuk was arrested on 3 March. His wife Alena Zhuk said he was beaten in custody. The 36-year-old remains in custody.';
  const r = run(text);
  const byType = Object.fromEntries(r.events.map((e) => [e.type, e.person]));
  assert.equal(byType.arrest, 'Ihar Zhuk');
  assert.equal(byType.torture_allegation, 'Ihar Zhuk');
  assert.equal(byType.detention, 'Ihar Zhuk');
  assert.equal(r.persons.find((p) => p.name === 'Alena Zhuk')?.role, 'relative');
  assert.equal(r.persons.find((p) => p.name === 'Ihar Zhuk')?.role, 'detainee');
  const torture = r.events.find((e) => e.type === 'torture_allegation')!;
  assert.equal((torture as unknown as { claimant: string }).claimant, 'Alena Zhuk', 'an allegation carries who says so');
});

test('a date is only as precise as the text, and no year is guessed without one', () => {
  assert.deepEqual(events('Siarhei Brel was detained in June 2020.', null), ['arrest|Siarhei Brel|2020-06']);
  assert.deepEqual(events('Siarhei Brel was detained on 10 January.', null), ['arrest|Siarhei Brel|-']);
  assert.deepEqual(events('Siarhei Brel was detained on 10 January. The following day he was charged under Article 342.', '2024-02-01'), ['arrest|Siarhei Brel|2024-01-10', 'charge|Siarhei Brel|2024-01-11']);
});

test('places, articles and terms are read into place and detail', () => {
  const r = run('Maryia Sych was transferred to penal colony No. 4 in Homel. She was sentenced to five years in a general-regime colony under Article 342.');
  const transfer = r.events.find((e) => e.type === 'transfer')!;
  assert.match(transfer.place ?? '', /colony No\. 4/);
  const sentence = r.events.find((e) => e.type === 'sentence')!;
  assert.match(sentence.detail ?? '', /Art\. 342 \(/);
  assert.match(sentence.detail ?? '', /five years in a general-regime colony/);
  assert.ok(r.events.every((e) => typeof e.rule === 'string' && e.confidence > 0 && e.confidence <= 1));
});

test('Russian reports: names in any case, triggers and dates', () => {
  const r = run('Блогера Игоря Ковальчука задержали 29 февраля в Минске.', '2024-03-10', 'ru');
  assert.deepEqual(r.events.map((e) => `${e.type}|${e.date}`), ['arrest|2024-02-29']);
});

test('a name the report gives as another name of a person joins that person; "called" and "born in" link no one (fictional report)', () => {
  const text = 'Lev Orlov, better known by his pen name Lev Zimin, was detained in Minsk on 3 May 2023. Zimin was taken to Akrestsina. '
    + 'Anna Belova, born in Hrodna, said that Lev Orlov called Ivan Karpenka a coward. Юрий Дубов, он же Юрась Дуб, был задержан 4 мая.';
  const facts = run(text, '2023-05-10');
  const lev = facts.persons.find((p) => p.name === 'Lev Orlov');
  assert.ok(lev && lev.variants.includes('Lev Zimin') && lev.variants.includes('Zimin'), JSON.stringify(facts.persons));
  assert.ok(!facts.persons.some((p) => p.name === 'Lev Zimin'), 'no second person for the pen name');
  assert.ok(facts.persons.some((p) => p.name === 'Ivan Karpenka'), '"called" is no alias');
  assert.ok(facts.persons.some((p) => p.name === 'Anna Belova' && !p.variants.some((v) => /Hrodna/.test(v))));
  const dub = facts.persons.find((p) => p.variants.includes('Юрась Дуб') || p.name === 'Юрась Дуб');
  assert.ok(dub && (dub.name === 'Юрий Дубов' || dub.variants.includes('Юрий Дубов')), JSON.stringify(facts.persons));
  // The arrest stated of the pen name is the person's.
  assert.ok(facts.events.some((e) => e.type === 'arrest' && e.person === 'Lev Orlov'), JSON.stringify(facts.events));
});

test('"X\'s real name is Y", "(real name: Y)" and "— настоящее имя Y" give another name of the person too (fictional reports)', () => {
  const forms = (text: string, language = 'en') => run(text, '2023-05-10', language).persons.map((p) => [p.name, ...p.variants]);
  assert.deepEqual(forms("Pavel Rudak was detained on 3 May. Pavel Rudak's real name is Piotr Sosna, the court said. Sosna was taken to Akrestsina."), [['Pavel Rudak', 'Piotr Sosna', 'Sosna']]);
  assert.deepEqual(forms('Blogger Lev Orlov (real name: Lev Zimin) was detained on 3 May.'), [['Lev Orlov', 'Lev Zimin']]);
  assert.deepEqual(forms('Блогер Лев Орлов — настоящее имя Лев Зимин — был задержан 3 мая.', 'ru'), [['Лев Орлов', 'Лев Зимин']]);
});
