/**
 * vigil import-list on the FICTIONAL example list in examples/lists/: rows become claims made by
 * import:<file> with the row as evidence, persons already known are matched by the resolver, the
 * dry run shows what would change and changes nothing, and bad maps and lists are refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseListMap } from '../../src/import/list-map.ts';
import { listDate, readList } from '../../src/import/list.ts';
import { importList } from '../../src/import/import-list.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { statistics } from '../../src/views/dossier.ts';
import { readerOf } from '../../src/store/queries.ts';
import { counts, withWorkspace } from '../support/workspace.ts';

const examples = join(import.meta.dirname, '../../examples');
const LIST = readFileSync(join(examples, 'lists/political-prisoners.csv'));
const MAP = parseListMap(readFileSync(join(examples, 'lists/political-prisoners.map.json'), 'utf8'));

async function withExamples(fn: Parameters<typeof withWorkspace>[0]) {
  return withWorkspace(async (store, dir) => {
    for (const f of readdirSync(examples).filter((f) => /\.(txt|html|jsonl)$/.test(f))) ingestBytes(store, readFileSync(join(examples, f)), f, 'test');
    resolvePersons(store, 'test');
    return fn(store, dir);
  });
}

test('list dates: day first or month first, partial dates, impossible ones refused', () => {
  assert.equal(listDate('02.03.2024', 'DMY'), '2024-03-02');
  assert.equal(listDate('02.03.2024', 'MDY'), '2024-02-03');
  assert.equal(listDate('2024-3-2', 'DMY'), '2024-03-02');
  assert.equal(listDate('03/2024', 'DMY'), '2024-03');
  assert.equal(listDate('1987', 'DMY'), '1987');
  assert.equal(listDate('31.02.2024', 'DMY'), null);
  assert.equal(listDate('весной', 'DMY'), null);
});

test('each row: its names, and the claims its cells state, with the row as evidence in the report text', () => {
  const list = readList(LIST, 'political-prisoners.csv', MAP);
  assert.equal(list.madeBy, 'import:political-prisoners.csv');
  assert.equal(list.rows.length, 5);
  const lis = list.rows.find((r) => r.name === 'Лис Ирина Андреевна')!;
  assert.deepEqual(lis.otherNames, ['Iryna Lis']);
  assert.deepEqual(lis.claims.map((c) => [c.type, c.date, c.detail]), [
    ['birth', '1995', null], ['nationality', null, 'Беларусь'], ['arrest', '2023-03-03', null], ['charge', null, 'Article 342'], ['charge', null, 'Article 130 ч.3'],
    ['sentence', '2023-07-12', '2 года'], ['release', null, null],
  ]);
  assert.match(list.text.slice(lis.start, lis.end), /^ФИО: Лис Ирина Андреевна; .*Источник: https:\/\/example\.org\/list\/lis$/);
  const brel = list.rows.find((r) => r.name.startsWith('Брель'))!;
  assert.match(brel.warnings[0]!, /31\.02\.2024.*not a date/);
  assert.equal(brel.claims.find((c) => c.type === 'arrest')!.date, null);
});

test('the dry run shows what would change and changes nothing; the import then does exactly that', async () => {
  await withExamples(async (store) => {
    const list = readList(LIST, 'political-prisoners.csv', MAP);
    const before = counts(store);
    const audit = store.auditLog().length;
    const dry = importList(store, LIST, list, 'test', { dryRun: true });
    assert.deepEqual(counts(store), before, 'nothing stored');
    assert.equal(store.auditLog().length, audit, 'nothing audited');
    assert.equal(dry.dryRun, true);
    // Kovalchuk and Nesterenka are in the example reports: their rows join them; the others are new.
    const kov = dry.rows.find((r) => r.name.startsWith('Ковальчук'))!;
    assert.equal(kov.person.existing, true);
    assert.equal(kov.person.name, 'Ihar Kovalchuk');
    assert.equal(dry.rows.find((r) => r.name.startsWith('Нестеренко'))!.person.existing, true);
    assert.equal(dry.rows.find((r) => r.name.startsWith('Сыч'))!.person.existing, false);
    assert.deepEqual(dry.added, { claims: 28, persons: 3, personsMatched: 2 });

    const done = importList(store, LIST, list, 'test');
    assert.equal(done.dryRun, false);
    assert.deepEqual(done.added, dry.added);
    assert.deepEqual(done.rows.map((r) => [r.name, r.person.id, r.person.existing]), dry.rows.map((r) => [r.name, r.person.id, r.person.existing]));
    const claims = store.allClaims().filter((c) => c.madeBy === 'import:political-prisoners.csv');
    assert.equal(claims.length, 28);
    const text = store.reportById(claims[0]!.reportId)!.mainText;
    for (const c of claims) {
      assert.equal(text.slice(c.start, c.end), c.evidence, 'the row is the evidence, at its offsets');
      assert.equal(c.reviewStatus, 'proposed');
    }
    assert.ok(store.getOriginal(claims[0]!.reportSha256)!.equals(LIST), 'the list archived as it came');
    assert.equal(store.auditLog().filter((e) => e.action === 'import-list').length, 1);
    assert.ok(verifyStore(store).ok);
    // The same file again changes nothing; an updated list adds only what is new in it.
    assert.equal(importList(store, LIST, list, 'test').duplicate, true);
    const updated = Buffer.from(`${LIST.toString('utf8').trimEnd()}\nОрлов Лев;;12.05.1970;Беларусь;01.06.2024;342;в заключении;;;;\n`);
    const next = importList(store, updated, readList(updated, 'political-prisoners.csv', MAP), 'test');
    assert.equal(next.added.claims, 5, JSON.stringify(next.added));
    // A birth date is a fact, not an event: the charts do not reach back to 1970.
    assert.ok(statistics(store, readerOf('public', store.fieldKeys)).eventsPerMonth[0]!.month >= '2023', 'statistics leave birth dates out');
    assert.ok(next.rows.filter((r) => !r.name.startsWith('Орлов')).every((r) => r.claims.every((c) => c.known)));
  });
});

test('bad maps and lists are refused with a sentence, nothing stored', async () => {
  assert.throws(() => parseListMap('{'), /not valid JSON/);
  assert.throws(() => parseListMap('{"columns": {"surname": "X"}}'), /unknown field "surname"/);
  assert.throws(() => parseListMap('{"columns": {"otherNames": "X"}}'), /which column holds the name/);
  assert.throws(() => parseListMap('{"columns": {"name": "X"}, "statuses": {"x": "jailed"}}'), /must map to one of/);
  assert.throws(() => readList(Buffer.from('Name,Year\n'), 'l.csv', parseListMap('{"columns": {"name": "Name"}}')), /no rows/);
  assert.throws(() => readList(LIST, 'l.csv', parseListMap('{"columns": {"name": "Full name"}}')), /column "Full name".*not in the list's heading/);
  assert.throws(() => readList(Buffer.from('Name,Place\n"unclosed,x\n'), 'l.csv', parseListMap('{"columns": {"name": "Name"}}')), /not a readable CSV/);
});
