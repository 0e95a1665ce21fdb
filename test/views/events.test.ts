/**
 * Grouping claims into events (src/views/events.ts). Every name, place and sentence here is
 * FICTIONAL, written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apartKey, dateGap, groupEvents, type EventClaimInput } from '../../src/views/events.ts';

let nextId = 1;
const reports = {
  a: { reportId: 1, reportSha256: 'a'.repeat(64), reportTitle: 'Harbour Herald', reportPublished: '2019-03-10', reportUrl: null },
  b: { reportId: 2, reportSha256: 'b'.repeat(64), reportTitle: 'Valley Voice', reportPublished: '2019-03-12', reportUrl: null },
  c: { reportId: 3, reportSha256: 'c'.repeat(64), reportTitle: 'Valley Voice mirror', reportPublished: '2019-03-13', reportUrl: null },
  d: { reportId: 4, reportSha256: 'd'.repeat(64), reportTitle: 'Later piece', reportPublished: '2020-06-01', reportUrl: null },
};
function claim(r: keyof typeof reports, type: string, v: Partial<EventClaimInput> & { evidence: string }): EventClaimInput {
  return { id: nextId++, type, date: null, place: null, detail: null, claimant: null, reviewStatus: 'proposed', madeBy: 'extractor', confidence: 0.8, ...reports[r], ...v };
}

test('dates agree when one is more precise; full days are counted apart', () => {
  assert.equal(dateGap('2019-03', '2019-03-08'), 'same');
  assert.equal(dateGap('2019-03-08', '2019-03-07'), 1);
  assert.equal(dateGap('2019-03', '2019-04'), 'different');
});

test('one arrest told by three reports is one event with three sources; a syndicated copy is not a second independent one', () => {
  const cs = [
    claim('a', 'arrest', { date: '2019-03-08', place: 'Port Avel', evidence: 'Lina Marvosh, a teacher, was detained in Port Avel on 8 March.' }),
    claim('b', 'arrest', { date: '2019-03', evidence: 'Police seized Marvosh in early March, her sister said.' }),
    claim('c', 'arrest', { date: '2019-03', evidence: 'Police  seized Marvosh in early March, her sister said' }),
    claim('a', 'charge', { detail: 'Article 212', evidence: 'She is charged under Article 212.' }),
  ];
  const events = groupEvents(cs);
  const arrests = events.filter((e) => e.type === 'arrest');
  assert.equal(arrests.length, 1);
  const [e] = arrests;
  assert.equal(e!.date, '2019-03-08', 'the most precise date the sources agree on');
  assert.equal(e!.place, 'Port Avel');
  assert.deepEqual(e!.claimIds, cs.slice(0, 3).map((c) => c.id));
  assert.equal(e!.sources.length, 3);
  assert.equal(e!.independentSources, 2, 'the mirror copies the Valley Voice sentence');
  const mirror = e!.sources.find((s) => s.title === 'Valley Voice mirror')!;
  assert.equal(e!.sources[mirror.copyOf!]!.title, 'Valley Voice');
  assert.deepEqual(e!.disagreements, [], 'a month and a day of that month agree');
  assert.equal(events.filter((x) => x.type === 'charge').length, 1);
});

test('sources a day apart are one event with the dates side by side; a year apart are two events', () => {
  const one = claim('a', 'arrest', { date: '2019-03-08', evidence: 'Kiran Oduya was detained on Friday, 8 March.' });
  const two = claim('b', 'arrest', { date: '2019-03-07', evidence: 'Oduya was detained on 7 March, his lawyer said.' });
  const three = claim('d', 'arrest', { date: '2020-05-20', evidence: 'Oduya was detained again on 20 May 2020.' });
  const events = groupEvents([one, two, three]);
  assert.equal(events.length, 2);
  const [first, second] = events;
  assert.deepEqual(first!.claimIds, [one.id, two.id]);
  assert.equal(first!.disagreements.length, 1);
  assert.equal(first!.disagreements[0]!.field, 'date');
  assert.deepEqual(first!.disagreements[0]!.versions.map((v) => v.value).sort(), ['2019-03-07', '2019-03-08']);
  assert.deepEqual(second!.claimIds, [three.id]);
  assert.equal(first!.date! < second!.date!, true, 'events come in time order');
});

test('an undated claim joins the latest event of its type before its report; places and terms that differ are disagreements', () => {
  const march = claim('a', 'sentence', { date: '2019-03-09', detail: '3 years', evidence: 'On 9 March a court gave Tomas Reyel three years.' });
  const later = claim('d', 'sentence', { date: '2020-05-28', detail: '5 years', evidence: 'Reyel was sentenced again in May 2020 to five years.' });
  const undated = claim('b', 'sentence', { detail: '4 years', evidence: 'Reyel, who was sentenced to four years, appealed.' });
  const events = groupEvents([march, later, undated]);
  assert.equal(events.length, 2);
  const first = events[0]!;
  assert.deepEqual(first.claimIds, [march.id, undated.id], 'the report of 12 March 2019 tells of the March sentence');
  const terms = first.disagreements.find((d) => d.field === 'detail');
  assert.ok(terms, 'three years and four years are shown side by side');
  assert.deepEqual(terms.versions.map((v) => v.value).sort(), ['3 years', '4 years']);
});

test('being held at one place is one stay however often it is told; another place is another event', () => {
  const cs = [
    claim('a', 'detention', { date: '2019-03-09', place: 'Detention Centre No. 4', evidence: 'Ilse Varn is held in Detention Centre No. 4.' }),
    claim('b', 'detention', { date: '2019-04-02', place: 'detention centre no 4', evidence: 'Varn remains in detention centre no 4.' }),
    claim('d', 'detention', { place: 'Colony 9', evidence: 'Varn is now in Colony 9.' }),
    claim('d', 'detention', { evidence: 'Varn remains behind bars.' }),
  ];
  const events = groupEvents(cs);
  assert.equal(events.length, 2);
  assert.equal(events[0]!.date, '2019-03-09');
  assert.equal(events[0]!.until, '2019-04-02');
  assert.deepEqual(events[0]!.disagreements, [], 'two dates of a stay are no disagreement');
  const colony = events.find((e) => e.place === 'Colony 9')!;
  assert.deepEqual(colony.claimIds, [cs[2]!.id, cs[3]!.id], 'an undated "remains behind bars" of 2020 tells of the stay known then');
});

test('a reviewer can split a wrong group; review status follows the claims; claims are not changed', () => {
  const x = claim('a', 'search', { date: '2019-03-08', evidence: 'Officers searched the flat of Petra Zolin on 8 March.', reviewStatus: 'accepted' });
  const y = claim('b', 'search', { date: '2019-03-08', evidence: 'Her office was searched on 8 March too.' });
  const before = JSON.stringify([x, y]);
  const together = groupEvents([x, y]);
  assert.equal(together.length, 1);
  assert.equal(together[0]!.reviewStatus, 'accepted');
  const split = groupEvents([x, y], { apart: new Set([apartKey(y.id, x.id)]) });
  assert.equal(split.length, 2);
  assert.deepEqual(split.map((e) => e.reviewStatus).sort(), ['accepted', 'proposed']);
  assert.equal(JSON.stringify([x, y]), before);
});

test('details that describe (how he was beaten) are no disagreement; terms of a sentence are', () => {
  const a = claim('a', 'torture_allegation', { date: '2019-03-09', detail: 'beaten', evidence: 'Reyel said guards beat him on 9 March.' });
  const b = claim('b', 'torture_allegation', { date: '2019-03-09', detail: 'made him stand', evidence: 'They made him stand for hours on 9 March, Reyel said.' });
  const [e] = groupEvents([a, b]);
  assert.deepEqual(e!.disagreements, []);
  assert.equal(e!.claimIds.length, 2);
});

test('types never mix, and "other" groups only copies of one sentence', () => {
  const cs = [
    claim('a', 'other', { evidence: 'Zolin wrote a letter from prison.' }),
    claim('b', 'other', { evidence: 'Zolin thanked supporters.' }),
    claim('c', 'other', { evidence: 'Zolin wrote a letter from prison.' }),
    claim('a', 'release', { date: '2019-03-08', evidence: 'Zolin was released on 8 March.' }),
  ];
  const events = groupEvents(cs);
  assert.equal(events.filter((e) => e.type === 'other').length, 2);
  const letter = events.find((e) => e.type === 'other' && e.claimIds.length === 2)!;
  assert.equal(letter.independentSources, 1);
  assert.equal(events.filter((e) => e.type === 'release').length, 1);
});

test('transfers to different places are different events even when their dates are unknown', () => {
  const cs = [
    claim('a', 'transfer', { place: 'Detention Centre No. 4', evidence: 'Ilse Varn was moved to Detention Centre No. 4.' }),
    claim('d', 'transfer', { place: 'Colony 9', evidence: 'Varn was taken to Colony 9.' }),
    claim('d', 'transfer', { evidence: 'Varn was moved again, her mother said.' }),
  ];
  const events = groupEvents(cs);
  assert.equal(events.length, 2);
  assert.deepEqual(events.map((e) => e.disagreements.length), [0, 0]);
  assert.deepEqual(events.find((e) => e.place === 'Colony 9')!.claimIds, [cs[1]!.id, cs[2]!.id]);
});
