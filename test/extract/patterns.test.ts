/**
 * The patterns added in extractor 0.2.0, each on FICTIONAL text written for these tests: event
 * coreference, passive subjects, nominal events, torture accounts, and the story clock for dates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractFacts } from '../../src/extract/index.ts';
import { canonicalPlace, findPlace } from '../../src/extract/gazetteer/facilities.ts';

const run = (mainText: string, published: string | null = '2024-06-14') => extractFacts({ mainText, published, language: 'en' });
const brief = (text: string, published?: string | null) => run(text, published).events.map((e) => `${e.type}|${e.person}|${e.date ?? '-'}`);

test('a release restated later in the report is one event, evidenced by its first dated sentence', () => {
  const text = 'Journalist Hanna Lis has been released. On 3 May she was released from Akrestsina detention centre. On 9 May Hanna Lis told reporters that she had been released after signing a pledge.';
  const r = run(text);
  const releases = r.events.filter((e) => e.type === 'release');
  assert.equal(releases.length, 1);
  assert.equal(releases[0]!.date, '2024-05-03');
  assert.match(releases[0]!.evidence, /^On 3 May/);
  assert.equal(releases[0]!.also?.length, 2, 'the restatements are kept as further evidence');
});

test('a paragraph repeated by the crawler gives no second event', () => {
  const para = 'Activist Pavel Sych was detained in Hrodna on 2 June.';
  assert.deepEqual(brief(`${para}\n${para}`), ['arrest|Pavel Sych|2024-06-02']);
});

test('a passive verb whose subject is a thing is no event of the person nearby', () => {
  const got = brief('Speaking of his jail, Ihar Zhuk said the temperature was kept at 8C and the lights were kept on.');
  assert.deepEqual(got.filter((e) => e.startsWith('detention')), []);
});

test('"the release of A and B" gives the release of each named person', () => {
  const got = brief('Talks with the authorities were crucial in securing the release of political consultant Raman Brel and protester Alena Sych.', '2024-06-14');
  assert.deepEqual(got.sort(), ['release|Alena Sych|-', 'release|Raman Brel|-']);
  assert.deepEqual(brief('They called for the release of political prisoners.'), []);
});

test('a detailed torture account stands; passing mentions and names of bodies do not add events', () => {
  const text = [
    'Ihar Zhuk, who says he was tortured in custody, has left the country.',
    'He said guards beat him and made him stand naked in the cold for hours.',
    'He wrote to the Committee Against Torture about it.',
    'Following his torture he signed a pledge to cooperate.',
  ].join(' ');
  const torture = run(text).events.filter((e) => e.type === 'torture_allegation');
  assert.equal(torture.length, 1);
  assert.match(torture[0]!.evidence, /naked in the cold/);
  assert.equal(torture[0]!.claimant, 'Ihar Zhuk');
});

test('handcuffs alone are restraint, not a torture allegation', () => {
  assert.deepEqual(brief('Photos showed the laureate Ales Brel in handcuffs.').filter((e) => e.startsWith('torture')), []);
});

test('the story clock: the night of a date, hours after midnight, the following day, a definite weekday', () => {
  const text = readFileSync(new URL('../fixtures/extract/fictional-testimony.txt', import.meta.url), 'utf8');
  const r = run(text, '2024-04-20');
  const of = (type: string) => r.events.filter((e) => e.type === type && e.person === 'Tsimafei Krot');
  assert.deepEqual(of('arrest').map((e) => e.date), ['2024-03-05'], 'arrested at six in the morning after the night of 4 March');
  assert.deepEqual(of('detention').map((e) => [e.date, e.place]), [['2024-03-06', 'Akrestsina detention centre, Minsk']], 'the following day, the Wednesday');
  assert.equal(of('detention')[0]!.dateBasis, 'story');
  assert.equal(of('denial_of_access').filter((e) => /visit/.test(e.evidence)).length, 1, 'the repeated paragraph is one denial');
  for (const e of r.events) assert.equal(text.slice(e.start, e.end), e.evidence);
});

test('a date of a saying, of a source citation or of a description does not date the event', () => {
  assert.deepEqual(brief('On 28 May Pavel Sych told reporters that he had been released.'), ['release|Pavel Sych|-']);
  const cited = run('Pavel Sych is suspected of insulting the president (Nasha Zhyzn, June 2).').events[0]!;
  assert.equal(cited.date, '2024-06-02');
  assert.equal(cited.dateBasis, 'citation');
  // "remains in custody" holds on the day of the report, not in May.
  const held = run('Pavel Sych, a candidate in May, remains in custody.').events;
  assert.deepEqual(held.map((e) => [e.type, e.date, e.dateBasis]), [['detention', '2024-06-14', 'present']]);
});

test('"overnight" and "this morning" date an event by the publication date', () => {
  assert.deepEqual(brief('Blogger Raman Brel fled the country overnight.', '2024-06-14'), ['flight_abroad|Raman Brel|2024-06-13']);
  assert.deepEqual(brief('Blogger Raman Brel fled the country overnight.', '2024-06'), ['flight_abroad|Raman Brel|2024-06']);
});

test('durations and clock times are not dates; "the night of" a date is that date', () => {
  assert.deepEqual(brief('On the night of 9 June Raman Brel was detained; he said he would be gone for a few minutes.'), ['arrest|Raman Brel|2024-06-09']);
});

test('a name does not run across a full stop', () => {
  const r = run('The talks went nowhere with Lukashenka. Otherwise Pavel Sych would be free.');
  assert.ok(r.persons.every((p) => !p.name.includes('.')), JSON.stringify(r.persons.map((p) => p.name)));
});

test('a date right after a verb of saying dates the saying; a relative clause dates its own verb', () => {
  assert.deepEqual(brief('Ihar Brel has been transferred to SIZO No. 1, his family said on Wednesday.').map((e) => e.split('|')[2]), ['-']);
  const r = run('Ihar Brel, who was detained at the end of May, has been transferred to penal colony No. 2.');
  assert.equal(r.events.find((e) => e.type === 'transfer')?.date, null);
  assert.match(r.events.find((e) => e.type === 'arrest')?.date ?? '', /^2024-05/);
});

test('"a week later" counts from the story, only as precise as its unit', () => {
  const got = brief('On 20 May Pavel Sych was released. A week later he fled the country. Two months later he fled again.');
  assert.ok(got.includes('flight_abroad|Pavel Sych|2024-05-27'), got.join(', '));
});

test('Russian articles and terms in words are read into the detail', () => {
  const r = extractFacts({ mainText: 'Блогер Игорь Ковальчук осуждён 14 мая на три года колонии по статьям 342 и 368 Уголовного кодекса.', published: '2024-06-01', language: 'ru' });
  const s = r.events.find((e) => e.type === 'sentence');
  assert.match(s?.detail ?? '', /Art\. 342/);
  assert.match(s?.detail ?? '', /три года/);
});

test('"the laureate" is the person introduced as a laureate, not the most mentioned one', () => {
  const text = 'Lawyer-activist Raman Brel was detained on 2 June. Raman Brel is accused of treason. Iryna Sych, a 2021 human rights prize laureate, is also held. On 5 June the laureate was transferred to SIZO No. 1.';
  const t = run(text).events.find((e) => e.type === 'transfer');
  assert.equal(t?.person, 'Iryna Sych');
});

test('a denial or a ban is negative by nature: "was not allowed" is the event, "was not released" is none', () => {
  const got = brief('Pavel Sych was not allowed to see his lawyer. His wife Alena Sych was not allowed to leave the country.');
  assert.ok(got.includes('denial_of_access|Pavel Sych|-'), got.join(', '));
  assert.ok(got.includes('travel_ban|Alena Sych|-'), got.join(', '));
});

test('more verb classes: received a term, opened a case against, house arrest, walked free, emigrated, found dead in a cell', () => {
  const types = (t: string) => run(t).events.map((e) => e.type);
  assert.ok(types('Ihar Brel received a five-year prison sentence on 3 June.').includes('sentence'));
  assert.ok(types('Investigators opened a criminal case against Ihar Brel under Article 369.').includes('charge'));
  assert.ok(types('Ihar Brel was placed under house arrest.').includes('detention'));
  assert.ok(types('After three years Ihar Brel walked free on 1 June.').includes('release'));
  assert.ok(types('Ihar Brel emigrated to Poland in 2021.').includes('flight_abroad'));
  assert.ok(types('Ihar Brel was found dead in his cell on 4 June.').includes('death_in_custody'));
});

test('Russian and Belarusian triggers, and Russian negation', () => {
  const ru = (t: string) => extractFacts({ mainText: t, published: '2024-06-01', language: 'ru' }).events.map((e) => e.type);
  assert.ok(ru('Активист Павел Сыч вышел на свободу 30 мая.').includes('release'));
  assert.ok(ru('Следователи возбудили уголовное дело против Ивана Сыча по статье 342.').includes('charge'));
  assert.ok(ru('Павел Сыч выехал из страны в апреле.').includes('flight_abroad'));
  assert.deepEqual(ru('Павел Сыч не освобождён.').filter((t) => t === 'release'), []);
});

test('"they" after a list is each person of the list, for passives only', () => {
  const got = brief('Pavel Sych and Iryna Lis were detained on 3 June. They were taken to Akrestsina detention centre.');
  assert.deepEqual(got.filter((e) => e.startsWith('transfer')).sort(), ['transfer|Iryna Lis|2024-06-03', 'transfer|Pavel Sych|2024-06-03']);
});

test('in a news report a date carries over only briefly, and never into what someone said; "last year" is a year', () => {
  const got = brief('Ihar Brel was arrested in April 2022. His lawyer Alena Lis said he had been denied medical care. His colleague Raman Sych fled the country last year.', '2024-07-10');
  assert.ok(got.includes('denial_of_access|Ihar Brel|-'), got.join(', '));
  assert.ok(got.includes('flight_abroad|Raman Sych|2023'), got.join(', '));
});

test('a second verb of the clause shares its subject; a relative who is the subject is the subject; courts are not places of custody', () => {
  const text = 'On 15 May the Leninski District Court of Hrodna began the trial of journalist Katsiaryna Lis, who has been in custody since November. She was detained on 16 November 2023 and placed in a temporary detention facility, then transferred to SIZO No. 8 in Zhodzina. Her husband, Mikalai Lis, was also detained in December and later released. She has not been allowed to receive letters.';
  const r = run(text, '2024-05-21');
  const got = r.events.map((e) => `${e.type}|${e.person}`);
  assert.ok(got.includes('transfer|Katsiaryna Lis'), got.join(', '));
  assert.ok(got.includes('release|Mikalai Lis'), got.join(', '));
  assert.ok(!got.includes('release|Katsiaryna Lis'), got.join(', '));
  assert.ok(got.includes('denial_of_access|Katsiaryna Lis'), got.join(', '));
  assert.ok(r.events.filter((e) => e.type === 'detention').every((e) => !/Court/.test(e.place ?? '')), 'a court is no place of custody');
  assert.match(r.events.find((e) => e.type === 'trial')?.place ?? '', /District Court/);
});

test('"among those detained were A, B and C" gives an event for each', () => {
  const got = brief('Police broke up the rally on 2 June. Among those detained were Pavel Sych, Iryna Lis and Raman Brel.');
  assert.deepEqual(got.filter((e) => e.startsWith('arrest')).map((e) => e.split('|')[1]).sort(), ['Iryna Lis', 'Pavel Sych', 'Raman Brel']);
});

test('a Russian name written in an oblique case is named in the nominative, the written form kept as a variant', () => {
  const r = extractFacts({ mainText: 'Блогера Игоря Ковальчука этапировали в колонию. Ковальчук был задержан 29 февраля. Его жена Алёна Ковальчук рассказала об этом.', published: '2024-06-01', language: 'ru' });
  const igor = r.persons.find((p) => p.name === 'Игорь Ковальчук');
  assert.ok(igor, JSON.stringify(r.persons));
  assert.ok(igor.variants.includes('Игоря Ковальчука'));
  assert.ok(r.persons.some((p) => p.name === 'Алёна Ковальчук'), 'a female given name keeps its ending');
});

test('an unnamed relative\'s event is nobody\'s in particular: "his wife was detained", "A, whose son was detained"', () => {
  assert.deepEqual(brief('Blogger Ihar Brel was sentenced on 3 June. His wife was detained the same day.').filter((e) => e.startsWith('arrest')), []);
  assert.deepEqual(brief('Alena Sych, whose son was detained in May, spoke to reporters.').filter((e) => e.startsWith('arrest')), []);
});

test('occupational descriptions point back at the person introduced with them', () => {
  const text = 'Teacher Dzmitry Lis was detained on 2 June. Iryna Sych, a photographer from Brest, was detained the same day. On 4 June the teacher was transferred to SIZO No. 1.';
  assert.equal(run(text).events.find((e) => e.type === 'transfer')?.person, 'Dzmitry Lis');
});

test('fleeing to a destination from the data list', () => {
  assert.deepEqual(brief('In March Raman Brel fled to Kazakhstan.').map((e) => e.split('|')[0]), ['flight_abroad']);
  assert.deepEqual(brief('Raman Brel left for the Czech Republic on 2 June.').map((e) => e.split('|')[0]), ['flight_abroad']);
});

test('a Russian facility is one place whatever case the sentence puts it in (fictional sentences)', () => {
  const to = findPlace('Его этапировали в исправительную колонию № 15 в Могилёве.', 0, true);
  const from = findPlace('Он освобождён из исправительной колонии № 15 в Могилёве.', 0);
  const held = findPlace('Она содержится в изоляторе временного содержания.', 0);
  assert.equal(to, 'исправительная колония № 15 в Могилёве');
  assert.equal(from, to);
  assert.equal(held, 'изолятор');
  assert.equal(canonicalPlace('penal colony No. 3 in Horki'), 'penal colony No. 3 in Horki');
});
