// Grouping stored mentions into persons, with the extractor's roles as context. Fictional names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasesOf, cluesOf, groupMentions } from '../../src/store/resolve-persons.ts';
import type { MentionRow } from '../../src/store/sqlite-store.ts';

let next = 1;
const m = (name: string, role: string | null, reportId = 1): MentionRow => ({ id: next++, reportId, name, variants: [], role, personId: null });
const names = (groups: ReturnType<typeof groupMentions>, all: MentionRow[]) =>
  groups.map((g) => g.mentionIds.map((id) => all.find((x) => x.id === id)!.name).sort());

test('a given name alone joins the one full name it fits, whatever civil role each report gave', () => {
  const all = [m('Darina Petrovna Zhuravel', 'other', 1), m('Darina', 'relative', 2), m('Tomas Zhuravel', 'detainee', 2)];
  const groups = names(groupMentions(all), all);
  assert.ok(groups.some((g) => g.includes('Darina') && g.includes('Darina Petrovna Zhuravel')), JSON.stringify(groups));
});

test('an activist who is later detained stays one person', () => {
  const all = [m('Kastus Varonka', 'activist', 1), m('Varonka', 'detainee', 2)];
  assert.equal(groupMentions(all).length, 1);
});

test('a surname alone for an official does not join a detainee of that surname', () => {
  const all = [m('Ihar Sadouski', 'detainee', 1), m('Sadouski', 'official', 2)];
  assert.equal(groupMentions(all).length, 2);
});

test('a bare surname fitting two people goes with the one whose reports name the same other people', () => {
  const all = [
    m('Tomas Zhuravel', 'detainee', 1), m('Kastus Lenski', 'lawyer', 1),
    m('Darina Zhuravel', 'activist', 2), m('Olga Petrash', 'activist', 2),
    m('Zhuravel', null, 3), m('Lenski', 'lawyer', 3),
    m('Zhuravel', null, 4), m('Hanna Brel', 'journalist', 4),
  ];
  const groups = names(groupMentions(all), all);
  const tomas = groups.find((g) => g.includes('Tomas Zhuravel'))!;
  assert.deepEqual(tomas, ['Tomas Zhuravel', 'Zhuravel'], 'report 3 shares the lawyer with Tomas’s report');
  assert.ok(groups.some((g) => g.length === 1 && g[0] === 'Zhuravel'), 'report 4 shares no one: kept apart');
});

test('a bare surname fitting two people goes with the one charged under the same article', () => {
  const all = [
    m('Ivan Petrashka', 'detainee', 1), m('Maryna Petrashka', 'detainee', 2),
    m('Petrashka', null, 3), m('Petrashka', null, 4),
  ];
  const [ivan, maryna, bare3, bare4] = all.map((x) => x.id) as [number, number, number, number];
  const claims = [
    { mentionId: ivan, type: 'charge', date: null, detail: 'Article 130 of the Criminal Code' },
    { mentionId: maryna, type: 'sentence', date: null, detail: 'ст. 342 УК' },
    { mentionId: bare3, type: 'charge', date: null, detail: 'Art. 342' },
    // An article on a trial, not a charge, and a year alone: neither tells people apart.
    { mentionId: bare4, type: 'trial', date: '2021', detail: 'Article 130' },
  ];
  const groups = names(groupMentions(all, [], claims), all);
  assert.ok(groups.some((g) => g.join('|') === 'Maryna Petrashka|Petrashka'), JSON.stringify(groups));
  assert.ok(groups.some((g) => g.join('|') === 'Ivan Petrashka'), 'report 4 gives no clue: Ivan stays alone');
  // Without the claims both bare mentions stay apart from either person.
  assert.equal(groupMentions(all).length, 3);
});

test('the same day of the same event is a clue; a different event on that day is not', () => {
  const all = [m('Ales Kavalenka', 'detainee', 1), m('Zoya Kavalenka', 'relative', 2), m('Kavalenka', null, 3)];
  const [ales, zoya, bare] = all.map((x) => x.id) as [number, number, number];
  const arrested = (mentionId: number, type: string) => ({ mentionId, type, date: '2023-03-14', detail: null });
  assert.deepEqual(cluesOf([arrested(ales, 'arrest'), arrested(bare, 'arrest')]).get(bare), ['on:arrest:2023-03-14']);
  let groups = names(groupMentions(all, [], [arrested(ales, 'arrest'), arrested(zoya, 'search'), arrested(bare, 'arrest')]), all);
  assert.ok(groups.some((g) => g.join('|') === 'Ales Kavalenka|Kavalenka'), JSON.stringify(groups));
  groups = names(groupMentions(all, [], [arrested(ales, 'search'), arrested(zoya, 'search'), arrested(bare, 'arrest')]), all);
  assert.equal(groups.length, 3, JSON.stringify(groups));
});

test('a report that gives a person another name joins the reports that use only that name; spellings and case forms are no aliases', () => {
  const withAlias = (name: string, variants: string[], reportId: number): MentionRow => ({ ...m(name, 'detainee', reportId), variants });
  const all = [
    withAlias('Lev Orlov', ['Lev Zimin', 'Zimin', 'Orlov', 'Mr Orlov'], 1),
    m('Lev Zimin', 'detainee', 2),
    m('Zimin', 'detainee', 3),
    m('Lev Orlov', 'detainee', 4),
    m('Pavel Zimin', 'official', 5),
  ];
  const groups = names(groupMentions(all), all);
  const zimin = groups.find((g) => g.includes('Lev Zimin'))!;
  assert.equal(zimin.filter((n) => n === 'Lev Orlov').length, 2, `report 2's pen name joins both reports naming Lev Orlov: ${JSON.stringify(groups)}`);
  assert.ok(groups.some((g) => g.length === 1 && g[0] === 'Pavel Zimin'), 'another Zimin stays apart');
  assert.deepEqual(aliasesOf(all[0]!), ['Lev Zimin']);
});
