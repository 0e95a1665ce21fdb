/**
 * Publishing (src/views/publish.ts and `vigil publish`): only accepted claims unless asked, only the
 * persecuted on the prisoner list, events with their sources, a printable case file with numbered
 * citations, and nothing above the level. Every report here is FICTIONAL, written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { findCaseFiles } from '../../src/views/workspace-views.ts';
import { currentPlace, isPersecuted } from '../../src/views/casefile.ts';
import { csvCell, eventLines, prisonerCsv, printableCaseFile, publishedCaseFiles } from '../../src/views/publish.ts';
import { withWorkspace } from '../support/workspace.ts';
import { buildExport } from '../../src/views/export.ts';
import { personListFor, prisonerList } from '../../src/views/dossier.ts';

const body = `Teacher Marek Dovlat was detained in Pinevale on 1 April 2023, his wife Oksana Dovlat said.

Police searched the family flat the same morning.

Investigator Rudolf Kram said Dovlat is charged under Article 342 of the Criminal Code.`;
const doc = (title: string, published: string, url: string, text: string, level = 'public') =>
  Buffer.from(`url: ${url}\ntitle: ${title}\npublished: ${published}\nlanguage: en\nconfidentiality: ${level}\nnote: FICTIONAL report for Vigil's tests\n---\n${title}\n\n${text}\n`);

function seed(store: SqliteStore): void {
  ingestBytes(store, doc('Teacher detained in Pinevale', '2023-04-03', 'https://herald.example/dovlat', body), 'a.txt', 'test');
  // A syndicated copy: the same text under another title.
  ingestBytes(store, doc('Pinevale teacher held', '2023-04-04', 'https://mirror.example/dovlat', body), 'b.txt', 'test');
  ingestBytes(store, doc('Dovlat still in custody', '2023-05-10', 'https://voice.example/dovlat',
    'Marek Dovlat was arrested on 1 April 2023 in Pinevale. He is held in the Pinevale pre-trial detention centre, his lawyer Ilona Fesk said.'), 'c.txt', 'test');
  ingestBytes(store, doc('Cellmate testimony', '2023-05-20', '', 'Marek Dovlat was beaten by guards in the Pinevale pre-trial detention centre, cellmate Witness Quarry told us.', 'confidential'), 'd.txt', 'test');
  resolvePersons(store, 'test');
}

const dovlatOf = (store: SqliteStore) => findCaseFiles(store, 'Marek Dovlat')[0]!;

test('the prisoner list holds the persecuted; officials, relatives and lawyers are not on it', () => {
  const mentions = [{ id: 1, role: 'detainee' }, { id: 2, role: 'relative' }, { id: 3, role: 'official' }, { id: 4, role: null }];
  assert.equal(isPersecuted(mentions, [{ type: 'arrest', mentionId: 1, madeBy: 'extractor' }]), true);
  assert.equal(isPersecuted(mentions, [{ type: 'travel_ban', mentionId: 2, madeBy: 'extractor' }]), false, "a wife's travel ban does not list her");
  assert.equal(isPersecuted(mentions, [{ type: 'arrest', mentionId: 3, madeBy: 'extractor' }]), false);
  assert.equal(isPersecuted(mentions, [{ type: 'flight_abroad', mentionId: 1, madeBy: 'extractor' }, { type: 'birth', mentionId: 1, madeBy: 'extractor' }]), false, 'no persecution event');
  assert.equal(isPersecuted(mentions, [{ type: 'arrest', mentionId: 4, madeBy: 'person:vera' }]), true, 'a fact a person entered by hand counts');
});

test('no "in exile" with a current place of detention: the place goes with a status of custody only', () => {
  const ordered = [{ type: 'arrest', place: null }, { type: 'flight_abroad', place: null }, { type: 'detention', place: 'Colony 9' }];
  assert.equal(currentPlace(ordered, 'in_exile'), null);
  assert.equal(currentPlace(ordered, 'detained')?.place, 'Colony 9');
});

test('published: accepted claims only by default, proposed ones only when asked and marked; the persecuted only; nothing confidential', async () => {
  await withWorkspace((store) => {
    seed(store);
    const cf = dovlatOf(store);
    assert.equal(cf.persecuted, true);
    const nothingYet = [...prisonerCsv(publishedCaseFiles(store, { level: 'public', includeProposed: false }))];
    assert.equal(nothingYet.length, 1, 'before any review nothing is public but the header');
    assert.match(nothingYet[0]!, /^name,other names,status,since,place of detention,articles,sentence,arrest date,recognised as a political prisoner by,sources\r\n$/);

    // The monitor accepts the arrest told by the third report and the charge.
    const claims = store.claimsForPerson(cf.id);
    const arrest = claims.find((c) => c.type === 'arrest' && c.evidence.startsWith('Marek Dovlat was arrested'))!;
    const charge = claims.find((c) => c.type === 'charge')!;
    store.reviewClaim(arrest.id, 'accepted', 'vera');
    store.reviewClaim(charge.id, 'accepted', 'vera');
    const csv = [...prisonerCsv(publishedCaseFiles(store, { level: 'public', includeProposed: false }))];
    assert.equal(csv.length, 2, csv.join(''));
    const row = csv[1]!;
    assert.match(row, /^Marek Dovlat,/);
    assert.match(row, /,Detained,2023-04-01,/);
    assert.match(row, /,342,/);
    assert.match(row, /https:\/\/voice\.example\/dovlat/);
    assert.doesNotMatch(row, /pre-trial/, 'the detention nobody reviewed is not published');
    for (const name of ['Oksana', 'Kram', 'Fesk']) assert.doesNotMatch(csv.join(''), new RegExp(name));

    const events = [...eventLines(publishedCaseFiles(store, { level: 'public', includeProposed: false }), { level: 'public', includeProposed: false })].map((l) => JSON.parse(l) as { type: string; reviewStatus: string; sources: { url: string; quotes: { evidence: string }[] }[] });
    assert.deepEqual(events.map((e) => e.type).sort(), ['arrest', 'charge']);
    assert.ok(events.every((e) => e.reviewStatus === 'accepted' && e.sources.length > 0 && e.sources.every((s) => s.quotes.length > 0)));

    const withProposed = [...eventLines(publishedCaseFiles(store, { level: 'public', includeProposed: true }), { level: 'public', includeProposed: true })].join('');
    const all = withProposed.trim().split('\n').map((l) => JSON.parse(l) as { type: string; reviewStatus: string; sources: unknown[] });
    const arrestEvent = all.find((e) => e.type === 'arrest')!;
    assert.equal(arrestEvent.reviewStatus, 'accepted');
    assert.equal(arrestEvent.sources.length, 3, 'one arrest, three reports');
    assert.ok(all.some((e) => e.reviewStatus === 'proposed'), 'proposed ones come marked');
    assert.doesNotMatch(withProposed, /beaten|Quarry|Cellmate/, 'a confidential report never reaches a public output');
    const confidential = [...eventLines(publishedCaseFiles(store, { level: 'confidential', includeProposed: true }), { level: 'confidential', includeProposed: true })].join('');
    assert.match(confidential, /beaten/, 'the confidential level does hold it (so the public check above can fail)');
  });
});

test('a printable case file: each event once, numbered citations, the sources listed, in English and Russian', async () => {
  await withWorkspace((store) => {
    seed(store);
    const cf = [...publishedCaseFiles(store, { level: 'public', includeProposed: true })].find((c) => c.name === 'Marek Dovlat')!;
    const en = printableCaseFile(cf, 'en', { level: 'public', includeProposed: true });
    assert.match(en, /@media print/);
    assert.equal((en.match(/· Arrest/g) ?? []).length, 1);
    assert.match(en, /<sup>\[1\]\[2\]\[3\]<\/sup>/, 'the arrest cites three sources');
    assert.equal((en.match(/<li>/g) ?? []).length, 3, 'three reports in the list of sources');
    assert.match(en, /Includes facts not yet reviewed/);
    const ru = printableCaseFile(cf, 'ru', { level: 'public', includeProposed: false });
    assert.match(ru, /<html lang="ru">/);
    assert.match(ru, /Задержание/);
    assert.match(ru, /Источники/);
    assert.match(ru, /Только факты, принятые/);
  });
});

test('a CSV cell is quoted when it must be and never read as a formula', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
});

test('the prisoner list and the export: the persecuted only, and only what a reviewer accepted unless proposed claims are asked for', async () => {
  await withWorkspace((store) => {
    seed(store);
    const owner = store.owner;
    const list = prisonerList(store, owner, {});
    assert.deepEqual(list.persons.map((p) => p.name), ['Marek Dovlat'], 'the lawyer, the wife and the investigator are not prisoners');
    assert.equal(list.total, 1);
    const index = personListFor(store, owner).persons.map((p) => p.name);
    for (const name of ['Ilona Fesk', 'Oksana Dovlat', 'Rudolf Kram']) assert.ok(index.includes(name), `${name} is in the persons index`);

    const before = buildExport(store, 'public');
    assert.deepEqual(before.reviewStatuses, ['accepted']);
    assert.equal(before.prisoners.persons.length, 0, 'nothing reviewed, nothing published');
    assert.equal(before.caseFiles.length, 0);
    const cf = dovlatOf(store);
    const arrest = store.claimsForPerson(cf.id).find((c) => c.type === 'arrest')!;
    store.reviewClaim(arrest.id, 'accepted', 'vera');
    const after = buildExport(store, 'public');
    assert.deepEqual(after.prisoners.persons.map((p) => [p.name, p.status, p.place]), [['Marek Dovlat', 'detained', null]], 'the unreviewed place of detention stays out');
    assert.equal(after.prisoners.byStatus.detained, 1);
    assert.ok(after.caseFiles.length === 1 && after.caseFiles[0]!.timeline.every((t) => t.reviewStatus === 'accepted'));
    assert.equal(after.caseFiles[0]!.events.length, 1);
    const proposed = buildExport(store, 'public', new Date(), { includeProposed: true });
    assert.deepEqual(proposed.reviewStatuses, ['accepted', 'proposed']);
    assert.equal(proposed.prisoners.persons[0]!.place, 'the Pinevale pre-trial detention centre');
    assert.ok(proposed.caseFiles[0]!.timeline.some((t) => t.reviewStatus === 'proposed'), 'proposed claims come marked');
    assert.doesNotMatch(JSON.stringify(proposed), /beaten|Quarry/, 'nothing confidential');
  });
});
