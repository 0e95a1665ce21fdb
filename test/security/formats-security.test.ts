/**
 * The formats of issue #21 under the security model of issue #17: attachments sealed under their
 * level's key (and every original under the confidential key), following their report when it is
 * marked, MAC'd and re-hashed by verify, sealed again by key rotation and deleted with their report;
 * report links and source keys MAC'd; a list imported as internal sealed like an ingest; uploads
 * parsed on the server's extraction pool unless they need the document worker. Every name here is
 * FICTIONAL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace, openWorkspace } from '../../src/store/workspace.ts';
import { ingestBytes, ingestFile } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { addAttachment, attachmentBytes, attachmentInfo, attachmentsOfPerson, linkReports } from '../../src/store/attachments.ts';
import { openField, PLACEHOLDER_MARK } from '../../src/store/confidential.ts';
import { claimsWhere, readerOf } from '../../src/store/queries.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { addUser, removeUser } from '../../src/store/users.ts';
import { ownerKeys, readKeyFile } from '../../src/store/keyfile.ts';
import { workspacePaths } from '../../src/store/workspace.ts';
import { parseListMap } from '../../src/import/list-map.ts';
import { readList } from '../../src/import/list.ts';
import { importList } from '../../src/import/import-list.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { eml, pdf, png, pngChunk } from '../support/documents.ts';
import { parsePlain, readReports } from '../../src/ingest/read.ts';
import { FAST_KDF, withWorkspace } from '../support/workspace.ts';

const GPS = 'FICTIONAL GPS 53.9 N 27.5 E';
/** A picture whose metadata (a text chunk) says where it was taken. */
const PHOTO = png(8, 8, [pngChunk('tEXt', Buffer.from(`Comment\0${GPS}`))]);
const report = (title: string, body: string, level = 'public') => Buffer.from(`title: ${title} (FICTIONAL)\npublished: 2024-05-02\nlanguage: en\nconfidentiality: ${level}\n---\n${title}\n\n${body}\n`);
const PUBLIC = report('Hearing', 'Activist Pavel Sidorenko was detained on 3 March 2024 in Gomel.');
const SECRET = report('Testimony', 'Witness Zlata Pereyaslavets said Ihar Kovalchuk was moved to the Zhodino prison on 1 April 2024.', 'confidential');

const PUBLIC_READER = (s: SqliteStore) => readerOf('public', s.fieldKeys);
const INTERNAL_READER = (s: SqliteStore) => readerOf('internal', s.fieldKeys);
const sealedLevel = (s: SqliteStore, id: number, field: string) => (s.db.prepare("SELECT level FROM sealed_fields WHERE tbl = 'attachments' AND row_id = ? AND field = ?").get(id, field) as { level: string } | undefined)?.level ?? null;
const idOf = (s: SqliteStore, title: string) => (s.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(s.listReports().find((r) => r.title?.startsWith(title))!.sha256) as { id: number }).id;
const picture = (s: SqliteStore, reportId: number, name = 'court.png') => addAttachment(s, { reportId }, { filename: name, mediaType: 'image/png', bytes: PHOTO }, 'test', { picture: true });

test('an attachment is sealed at its report\'s level, and every original under the confidential key; readers open only what their keys open', async () => {
  await withWorkspace((store) => {
    ingestBytes(store, PUBLIC, 'hearing.txt', 'test');
    ingestBytes(store, SECRET, 'testimony.txt', 'test');
    const pub = picture(store, idOf(store, 'Hearing'));
    const sec = picture(store, idOf(store, 'Testimony'), 'Pereyaslavets at the gate.png');
    // Public: the shown copy is in the clear, the original (with its metadata) is sealed confidential.
    assert.deepEqual([sealedLevel(store, pub.id, 'original'), sealedLevel(store, pub.id, 'shown'), sealedLevel(store, pub.id, 'filename')], ['confidential', null, null]);
    const raw = store.db.prepare('SELECT original, filename, removed_json FROM attachments WHERE id = ?');
    assert.ok((raw.get(pub.id) as { original: Buffer }).original.includes(Buffer.from(PLACEHOLDER_MARK)), 'the plain column holds only the placeholder');
    // Confidential: every sealable field, the file name and what was removed included.
    for (const f of ['original', 'shown', 'filename', 'removed_json']) assert.equal(sealedLevel(store, sec.id, f), 'confidential', f);
    const row = raw.get(sec.id) as { original: Buffer; filename: string; removed_json: string };
    assert.ok(!row.filename.includes('Pereyaslavets') && !row.removed_json.includes('text') && !row.original.includes(Buffer.from(GPS)));
    // A viewer sees the public picture without its metadata and never the original's bytes; the confidential one does not exist for them.
    const shown = attachmentBytes(store, pub.id, 'shown', PUBLIC_READER(store))!;
    assert.ok(shown.bytes.length > 0 && !shown.bytes.includes(Buffer.from(GPS)));
    assert.ok(!attachmentBytes(store, pub.id, 'original', INTERNAL_READER(store))!.bytes.includes(Buffer.from(GPS)), 'a reviewer\'s keys do not open an original');
    assert.equal(attachmentInfo(store, sec.id, INTERNAL_READER(store)), null);
    assert.equal(attachmentBytes(store, sec.id, 'shown', INTERNAL_READER(store)), null);
    // The owner (or an editor) opens both, byte for byte.
    assert.ok(attachmentBytes(store, sec.id, 'original', store.owner)!.bytes.equals(PHOTO));
    assert.equal(attachmentInfo(store, sec.id, store.owner)!.filename, 'Pereyaslavets at the gate.png');
    // The audit entry says neither the file name nor what was removed.
    const audit = JSON.stringify(store.auditLog().filter((e) => e.action === 'attach'));
    assert.ok(!audit.includes('Pereyaslavets') && !audit.includes('text'), audit);
    assert.ok(verifyStore(store).ok, verifyStore(store).problems.join('\n'));
  });
});

test('marking a report seals its attachments and a person\'s pictures kept with its mentions; lowering it opens them, the original stays confidential', async () => {
  await withWorkspace((store) => {
    ingestBytes(store, PUBLIC, 'hearing.txt', 'test');
    resolvePersons(store, 'test');
    const rid = idOf(store, 'Hearing');
    const a = picture(store, rid);
    const mention = (store.db.prepare('SELECT id FROM mentions WHERE report_id = ?').get(rid) as { id: number }).id;
    const portrait = addAttachment(store, { mentionId: mention }, { filename: 'portrait.png', mediaType: 'image/png', bytes: PHOTO }, 'test', { picture: true });
    store.setConfidentiality('reports', rid, 'internal', 'test');
    for (const id of [a.id, portrait.id]) {
      assert.deepEqual([sealedLevel(store, id, 'shown'), sealedLevel(store, id, 'filename'), sealedLevel(store, id, 'original')], ['internal', 'internal', 'confidential']);
      assert.equal(attachmentInfo(store, id, PUBLIC_READER(store)), null, 'a viewer no longer sees it');
      assert.ok(attachmentBytes(store, id, 'shown', INTERNAL_READER(store))!.bytes.length > 0, 'a reviewer opens the shown copy');
    }
    const person = (store.db.prepare('SELECT person_id AS p FROM mentions WHERE id = ?').get(mention) as { p: number }).p;
    assert.deepEqual(attachmentsOfPerson(store, person, PUBLIC_READER(store)), []);
    store.setConfidentiality('reports', rid, 'public', 'test');
    assert.deepEqual([sealedLevel(store, a.id, 'shown'), sealedLevel(store, a.id, 'filename'), sealedLevel(store, a.id, 'original')], [null, null, 'confidential']);
    assert.equal(attachmentInfo(store, a.id, PUBLIC_READER(store))!.filename, 'court.png');
    assert.ok(verifyStore(store).ok, verifyStore(store).problems.join('\n'));
  });
});

test('verify names an attachment, a report link or a source key changed by someone holding the database key', async () => {
  await withWorkspace(async (store) => {
    ingestBytes(store, PUBLIC, 'hearing.txt', 'test');
    ingestBytes(store, SECRET, 'testimony.txt', 'test');
    const telegram = { name: 'Fictional Channel', type: 'public_channel', id: 987654321, messages: [{ id: 7, type: 'message', date: '2024-03-02T10:15:00', from: 'Fictional Channel', text: 'FICTIONAL. Activist Pavel Sych was detained in Minsk on 1 March 2024.' }] };
    const [o] = await ingestFile(store, Buffer.from(JSON.stringify(telegram)), 'result.json', 'test');
    assert.equal(o!.status, 'ingested', JSON.stringify(o));
    // The message's chat and id are only looked up: the table keeps an HMAC of them, and a later export still finds it.
    assert.ok(!JSON.stringify(store.db.prepare('SELECT * FROM source_keys').all()).includes('987654321'));
    assert.deepEqual((await ingestFile(store, Buffer.from(JSON.stringify({ ...telegram, messages: [{ ...telegram.messages[0], text: 'FICTIONAL. Edited.' }] })), 'result.json', 'test')).map((x) => x.status), ['duplicate']);
    const pub = picture(store, idOf(store, 'Hearing'));
    const sec = picture(store, idOf(store, 'Testimony'));
    linkReports(store, store.listReports()[1]!.sha256, store.listReports()[0]!.sha256, 'attachment', 'test');
    assert.ok(verifyStore(store).ok, verifyStore(store).problems.join('\n'));
    // Exposing a confidential picture by lowering its level in place, swapping the shown copy, re-pointing a source key, moving a link.
    store.db.prepare("UPDATE attachments SET confidentiality = 'public' WHERE id = ?").run(sec.id);
    store.db.prepare('UPDATE attachments SET shown = ? WHERE id = ?').run(png(9, 9), pub.id);
    store.db.prepare('UPDATE source_keys SET report_id = 1').run();
    store.db.prepare('UPDATE report_links SET relation = ?').run('forged');
    const problems = verifyStore(store).problems.join('\n');
    assert.match(problems, new RegExp(`attachments row ${sec.id} was altered`));
    assert.match(problems, new RegExp(`attachment #${pub.id} \\(court\\.png\\): the copy shown without metadata was altered`));
    assert.match(problems, /source_keys row [0-9a-f]{64} was altered/);
    assert.match(problems, /report_links row 1 was altered/);
  });
});

test('key rotation seals attachments again under the new keys', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-fmt-rot-'));
  const PASS = 'fictional rotation passphrase';
  try {
    let store = await initWorkspace(dir, PASS, FAST_KDF);
    ingestBytes(store, SECRET, 'testimony.txt', 'test');
    const a = picture(store, idOf(store, 'Testimony'));
    store.close();
    await addUser(dir, PASS, 'eda', 'editor', 'eda-fictional-pw', 'test', FAST_KDF);
    const before = await ownerKeys(readKeyFile(workspacePaths(dir).key), PASS);
    await removeUser(dir, PASS, 'eda', 'test');
    store = await openWorkspace(dir, PASS);
    try {
      assert.ok((openField(store.db, store.fieldKeys, 'attachments', a.id, 'original') as Buffer).equals(PHOTO), 'the new keys open it');
      for (const f of ['original', 'shown', 'filename']) assert.throws(() => openField(store.db, { confidential: before.keys.confidential }, 'attachments', a.id, f), `the removed editor's confidential key still opens its ${f}`);
      assert.ok(verifyStore(store).ok, verifyStore(store).problems.join('\n'));
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('deleting a report deletes its attachments, their sealed fields, its links and source key; a person\'s picture moves to another of their mentions', async () => {
  await withWorkspace((store) => {
    ingestBytes(store, PUBLIC, 'hearing.txt', 'test');
    ingestBytes(store, report('Appeal', 'Activist Pavel Sidorenko appealed on 5 May 2024 in Gomel.'), 'appeal.txt', 'test');
    ingestBytes(store, SECRET, 'testimony.txt', 'test');
    resolvePersons(store, 'test');
    const [hearing, appeal, secret] = [idOf(store, 'Hearing'), idOf(store, 'Appeal'), idOf(store, 'Testimony')];
    const mentionIn = (rid: number) => (store.db.prepare("SELECT id, person_id FROM mentions WHERE report_id = ? AND name LIKE '%Sidorenko%'").get(rid) as { id: number; person_id: number });
    assert.equal(mentionIn(hearing).person_id, mentionIn(appeal).person_id, 'one person across both reports');
    const portrait = addAttachment(store, { mentionId: mentionIn(hearing).id }, { filename: 'portrait.png', mediaType: 'image/png', bytes: PHOTO }, 'test', { picture: true });
    picture(store, hearing);
    const hidden = picture(store, secret);
    linkReports(store, store.db.prepare('SELECT sha256 FROM reports WHERE id = ?').pluck().get(secret) as string, store.db.prepare('SELECT sha256 FROM reports WHERE id = ?').pluck().get(hearing) as string, 'attachment', 'test');
    const r = store.deleteReport(hearing, 'test');
    assert.equal(r.attachments, 1, 'the report\'s own picture is deleted');
    assert.equal((store.db.prepare('SELECT mention_id AS m FROM attachments WHERE id = ?').get(portrait.id) as { m: number }).m, mentionIn(appeal).id, 'the portrait moved to the person\'s other mention');
    assert.equal(store.db.prepare('SELECT count(*) FROM report_links').pluck().get(), 0);
    assert.deepEqual(store.db.prepare("SELECT DISTINCT row_id FROM sealed_fields WHERE tbl = 'attachments' ORDER BY row_id").pluck().all(), [portrait.id, hidden.id].sort((x, y) => x - y));
    store.deleteReport(appeal, 'test');
    assert.equal(attachmentInfo(store, portrait.id, store.owner), null, 'with no mention left, the portrait goes too');
    store.deleteReport(secret, 'test');
    assert.equal(store.db.prepare('SELECT count(*) FROM attachments').pluck().get(), 0);
    assert.equal(store.db.prepare("SELECT count(*) FROM sealed_fields WHERE tbl = 'attachments'").pluck().get(), 0);
    resolvePersons(store, 'test');
    assert.ok(verifyStore(store).ok, verifyStore(store).problems.join('\n'));
  });
});

const MAP = parseListMap(JSON.stringify({ columns: { name: 'Name', birth: 'Born', place: 'Held in', articles: 'Articles' }, dateOrder: 'DMY', separator: ',', statuses: {} }));
const LIST = Buffer.from('Name;Born;Held in;Articles\nMaryna Lis;12.05.1980;Zhodino prison;342\nRaman Dudar;01.02.1975;Gomel SIZO;361-1\n');

test('a list imported as internal is sealed like an ingest: reviewers read its claims, viewers do not; re-importing an update adds only what is new', async () => {
  await withWorkspace((store) => {
    const res = importList(store, LIST, readList(LIST, 'fictional-list.csv', MAP), 'test', { confidentiality: 'internal' });
    assert.equal(res.rows.length, 2);
    const claimIds = store.db.prepare("SELECT id FROM claims WHERE made_by = 'import:fictional-list.csv'").pluck().all() as number[];
    assert.ok(claimIds.length >= 4);
    for (const id of claimIds) assert.equal(store.db.prepare("SELECT level FROM sealed_fields WHERE tbl = 'claims' AND row_id = ? AND field = 'evidence'").pluck().get(id), 'internal');
    assert.ok(!JSON.stringify(store.db.prepare('SELECT * FROM claims').all()).includes('Zhodino'), 'no claim holds the place in the clear');
    assert.ok(!JSON.stringify(store.auditLog()).includes('fictional-list.csv'), 'the audit log names no file');
    assert.deepEqual(claimsWhere(store, PUBLIC_READER(store)), []);
    assert.ok(claimsWhere(store, INTERNAL_READER(store)).some((c) => c.place === 'Zhodino prison'));
    const updated = Buffer.concat([LIST, Buffer.from('Lev Orlov;03.03.1970;Zhodino prison;342\n')]);
    const next = importList(store, updated, readList(updated, 'fictional-list.csv', MAP), 'test', { confidentiality: 'internal' });
    assert.equal(next.added.claims, 3, JSON.stringify(next.added));
    assert.ok(next.rows.filter((r) => r.name !== 'Lev Orlov').every((r) => r.claims.every((c) => c.known)), 'the sealed claims of the first import are known');
    assert.ok(verifyStore(store).ok, verifyStore(store).problems.join('\n'));
  });
});

test('uploads share the extraction pool: what needs no document worker (text, a Telegram export, an e-mail\'s text attachment) is handed to the parser the server gives, documents are not', async () => {
  const seen: string[] = [];
  const parse = async (bytes: Buffer, filename: string) => {
    seen.push(filename);
    return parsePlain(bytes, filename, null);
  };
  const telegram = Buffer.from(JSON.stringify({ name: 'Fictional Channel', type: 'public_channel', id: 1, messages: [{ id: 1, type: 'message', date: '2024-03-02T10:15:00', text: 'FICTIONAL.' }] }));
  assert.equal((await readReports(telegram, 'result.json', { parse }))[0]!.ok, true);
  assert.equal((await readReports(PUBLIC, 'hearing.txt', { parse }))[0]!.ok, true);
  const mail = eml({ from: 'a@example.org', to: 'b@example.org', subject: 'FICTIONAL', date: 'Tue, 02 Apr 2024 10:00:00 +0000', text: 'FICTIONAL body.', attachments: [{ name: 'note.txt', type: 'text/plain', bytes: Buffer.from('FICTIONAL note.') }, { name: 'verdict.pdf', type: 'application/pdf', bytes: await pdf(['FICTIONAL verdict.']) }] });
  const out = await readReports(mail, 'm.eml', { parse });
  assert.deepEqual(out.map((o) => o.ok && o.report.format), ['eml', 'txt', 'pdf']);
  assert.deepEqual(seen, ['result.json', 'hearing.txt', 'note.txt'], 'the e-mail and its PDF were read by the document worker, the rest by the given parser');
});
