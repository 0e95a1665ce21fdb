/**
 * The FollowTheMoney export of a workspace holding the FICTIONAL example reports and example list:
 * every line is an entity that passes the FtM schema rules written down in src/views/ftm-schema.ts
 * (from FtM's published schema files; the Python package cannot be installed here), persons carry
 * names, aliases, birth date and nationality, events involve them and cite their source documents.
 * The check itself is shown to fail on entities FtM would reject.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildFtmExport, countryCode, toJsonLines } from '../../src/views/ftm.ts';
import { ftmProblems, lineage, type FtmEntity } from '../../src/views/ftm-schema.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { parseListMap } from '../../src/import/list-map.ts';
import { readList } from '../../src/import/list.ts';
import { importList } from '../../src/import/import-list.ts';
import { withWorkspace } from '../support/workspace.ts';

const examples = join(import.meta.dirname, '../../examples');

test('countries as lists write them become ISO codes', () => {
  assert.equal(countryCode('Беларусь'), 'by');
  assert.equal(countryCode('Belarus'), 'by');
  assert.equal(countryCode('Россия'), 'ru');
  assert.equal(countryCode('BY'), 'by');
  assert.equal(countryCode('Atlantis'), null);
});

test('the export of the example workspace is valid FtM: persons with names, aliases, birth date and nationality; events involving them; documents as proof', async () => {
  await withWorkspace(async (store) => {
    for (const f of readdirSync(examples).filter((f) => /\.(txt|html|jsonl)$/.test(f))) ingestBytes(store, readFileSync(join(examples, f)), f, 'test');
    resolvePersons(store, 'test');
    const csv = readFileSync(join(examples, 'lists/political-prisoners.csv'));
    importList(store, csv, readList(csv, 'political-prisoners.csv', parseListMap(readFileSync(join(examples, 'lists/political-prisoners.map.json'), 'utf8'))), 'test');
    // An internal report must not reach a public export.
    ingestBytes(store, Buffer.from('confidentiality: internal\nlanguage: en\n---\nFICTIONAL testimony. Activist Hanna Zhuk was detained in Minsk on 1 March 2024.'), 'secret.txt', 'test');
    resolvePersons(store, 'test');

    // Publishing is a decision: by default only accepted claims; nothing here is reviewed yet, so no event.
    assert.ok(!buildFtmExport(store, 'public').some((e) => e.schema === 'Event'), 'no unreviewed event in a default export');
    const lines = toJsonLines(buildFtmExport(store, 'public', { includeProposed: true })).split('\n');
    const entities = lines.map((l) => JSON.parse(l) as FtmEntity);
    assert.deepEqual(ftmProblems(entities), []);
    for (const e of entities) assert.deepEqual(Object.keys(e).sort(), ['id', 'properties', 'schema']);
    const kov = entities.find((e) => e.schema === 'Person' && e.properties.name?.[0] === 'Ihar Kovalchuk')!;
    assert.deepEqual(kov.properties.birthDate, ['1987']);
    assert.deepEqual(kov.properties.nationality, ['by']);
    assert.ok(kov.properties.alias!.includes('Ковальчук Игорь Петрович'), 'the list\'s name is an alias');
    const events = entities.filter((e) => e.schema === 'Event' && e.properties.involved?.includes(kov.id));
    assert.ok(events.some((e) => e.properties.name![0] === 'Arrest: Ihar Kovalchuk' && e.properties.date?.[0] === '2024-03-02'), 'the arrest, dated');
    const docIds = new Set(entities.filter((e) => e.schema === 'Document').map((e) => e.id));
    for (const e of events) assert.ok(e.properties.proof!.every((p) => docIds.has(p)), 'every proof is a document of the export');
    assert.ok(!lines.join('\n').includes('Hanna Zhuk'), 'nothing of an internal report at the public level');
    const internal = buildFtmExport(store, 'internal', { includeProposed: true });
    assert.ok(toJsonLines(internal).includes('Hanna Zhuk'), 'the internal report at the internal level');
    assert.deepEqual(ftmProblems(internal), []);
  });
});

test('the schema check refuses what FtM would: unknown schema or property, abstract schema, bad values, missing name, dangling or mistyped references', () => {
  const person: FtmEntity = { id: 'p1', schema: 'Person', properties: { name: ['Fictional Person'] } };
  const doc: FtmEntity = { id: 'd1', schema: 'Document', properties: { name: ['Fictional doc'] } };
  const bad = (e: FtmEntity) => ftmProblems([person, doc, e]);
  assert.deepEqual(ftmProblems([person, doc]), []);
  assert.match(bad({ id: 'x', schema: 'Prisoner', properties: {} })[0]!, /no such schema/);
  assert.match(bad({ id: 'x', schema: 'Thing', properties: { name: ['x'] } })[0]!, /abstract/);
  assert.match(bad({ id: 'x', schema: 'Person', properties: { name: ['x'], shoeSize: ['42'] } })[0]!, /no property shoeSize/);
  assert.match(bad({ id: 'x', schema: 'Person', properties: { name: ['x'], birthDate: ['31.02.1980'] } })[0]!, /not a valid date/);
  assert.match(bad({ id: 'x', schema: 'Person', properties: { name: ['x'], birthDate: ['1980-02-30'] } })[0]!, /not a valid date/);
  assert.match(bad({ id: 'x', schema: 'Person', properties: { name: ['x'], nationality: ['Belarus'] } })[0]!, /not a valid country/);
  assert.match(bad({ id: 'x', schema: 'Event', properties: { date: ['2024'] } })[0]!, /required property name/);
  assert.match(bad({ id: 'x', schema: 'Event', properties: { name: ['x'], involved: ['nobody'] } })[0]!, /not in the export/);
  assert.match(bad({ id: 'x', schema: 'Event', properties: { name: ['x'], involved: ['d1'] } })[0]!, /must point to a LegalEntity, not a Document/);
  assert.match(bad({ id: 'bad id!', schema: 'Person', properties: { name: ['x'] } })[0]!, /not a valid entity id/);
  assert.match(bad({ id: 'x', schema: 'Person', properties: { name: 'x' as unknown as string[] } })[0]!, /list of strings/);
  assert.deepEqual(lineage('Event'), ['Interval', 'Analyzable', 'Thing', 'Event']);
});
