// Grouping stored mentions into persons, with the extractor's roles as context. Fictional names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupMentions } from '../../src/store/resolve-persons.ts';
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
