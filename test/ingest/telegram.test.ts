/**
 * Telegram Desktop exports: a FICTIONAL channel written by the test as result.json with a photo
 * beside it, as the export lays them out. Each message a report; forwarded messages keep their
 * origin; media kept as attachments; a later export adds only new messages; hostile exports
 * (bad JSON, a media path out of the folder) refused or contained.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths, ingestFile } from '../../src/ingest/ingest.ts';
import { messageText } from '../../src/ingest/telegram.ts';
import { attachmentBytes, attachmentsOfReport } from '../../src/store/attachments.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { png } from '../support/documents.ts';
import { counts, withWorkspace } from '../support/workspace.ts';

const PHOTO = png(32, 32);

function channel(messages: object[]) {
  return { name: 'Fictional Monitor Channel', type: 'public_channel', id: 1234567890, messages };
}

const M1 = { id: 101, type: 'message', date: '2024-03-02T10:15:00', date_unixtime: '1709374500', from: 'Fictional Monitor Channel', from_id: 'channel1234567890', author: 'Duty editor', text: 'FICTIONAL. Activist Pavel Sych was detained in Minsk on 1 March 2024.', text_entities: [] };
const M2 = { id: 102, type: 'message', date: '2024-03-03T09:00:00', from: 'Fictional Monitor Channel', forwarded_from: 'Fictional Lawyers Chat', text: ['FICTIONAL. ', { type: 'bold', text: 'Hanna Zhuk' }, ' was sentenced to two years on 2 March 2024.'] };
const M3 = { id: 103, type: 'message', date: '2024-03-04T08:00:00', from: 'Fictional Monitor Channel', photo: 'photos/photo_1@04-03-2024_08-00-00.jpg', text: 'FICTIONAL. A photo from outside the court.' };
const JOINED = { id: 104, type: 'service', date: '2024-03-04T08:30:00', actor: 'Someone', action: 'join_group_by_link', text: '' };
const M5 = { id: 105, type: 'message', date: '2024-03-05T12:00:00', from: 'Fictional Monitor Channel', text: 'FICTIONAL. Raman Dudar was released on 5 March 2024.' };

function writeExport(dir: string, name: string, messages: object[]): string {
  const folder = join(dir, name);
  mkdirSync(join(folder, 'photos'), { recursive: true });
  writeFileSync(join(folder, 'photos', 'photo_1@04-03-2024_08-00-00.jpg'), PHOTO);
  writeFileSync(join(folder, 'result.json'), JSON.stringify(channel(messages), null, 1));
  return folder;
}

test('message text in either of the export\'s shapes', () => {
  assert.equal(messageText('plain'), 'plain');
  assert.equal(messageText(M2.text), 'FICTIONAL. Hanna Zhuk was sentenced to two years on 2 March 2024.');
  assert.equal(messageText(null), '');
});

test('each message is a report with the channel, message id, date and author; forwarded keeps its origin; the photo is kept with its message', async () => {
  await withWorkspace(async (store, dir) => {
    const folder = writeExport(dir, 'ChatExport_2024-03-04', [M1, M2, M3, JOINED]);
    // The export's folder is given: result.json is read, the photo is its media, not a report.
    const summary = await ingestPaths(store, [folder], { actor: 'test' });
    assert.equal(summary.ingested, 3, JSON.stringify(summary.outcomes));
    assert.equal(summary.failed, 0);
    const reports = store.listReports();
    assert.deepEqual(reports.map((r) => [r.format, r.title, r.published]), [
      ['telegram-message', 'Fictional Monitor Channel #101', '2024-03-02'],
      ['telegram-message', 'Fictional Monitor Channel #102', '2024-03-03'],
      ['telegram-message', 'Fictional Monitor Channel #103', '2024-03-04'],
    ]);
    const meta = (id: number) => JSON.parse((store.db.prepare('SELECT metadata_json AS m FROM reports WHERE id = ?').get(id) as { m: string }).m) as Record<string, string>;
    assert.equal(meta(reports[0]!.id)['telegram-chat'], 'Fictional Monitor Channel');
    assert.equal(meta(reports[0]!.id)['telegram-message-id'], '101');
    assert.equal(meta(reports[0]!.id).date, '2024-03-02T10:15:00');
    assert.equal(meta(reports[0]!.id).author, 'Fictional Monitor Channel');
    assert.equal(meta(reports[0]!.id).signature, 'Duty editor');
    assert.equal(meta(reports[1]!.id)['forwarded-from'], 'Fictional Lawyers Chat');
    assert.match(store.reportById(reports[1]!.id)!.mainText, /Hanna Zhuk was sentenced/);
    const [photo] = attachmentsOfReport(store, reports[2]!.id, store.owner);
    assert.equal(photo!.filename, 'photo_1@04-03-2024_08-00-00.jpg');
    assert.ok(attachmentBytes(store, photo!.id, 'original', store.owner)!.bytes.equals(PHOTO));
    assert.ok(store.allClaims().some((c) => c.type === 'arrest'), 'claims are read from messages');
  });
});

test('a re-import of a later export adds only the new messages, even when an old one was edited since', async () => {
  await withWorkspace(async (store, dir) => {
    await ingestPaths(store, [writeExport(dir, 'first', [M1, M2])], { actor: 'test' });
    const edited = { ...M1, text: `${M1.text} (edited)`, edited: '2024-03-06T10:00:00' };
    const later = await ingestPaths(store, [writeExport(dir, 'later', [edited, M2, M3, M5])], { actor: 'test' });
    assert.deepEqual(later.outcomes.map((o) => o.status), ['duplicate', 'duplicate', 'ingested', 'ingested']);
    assert.equal(store.listReports().length, 4);
  });
});

test('an uploaded result.json alone: messages are read, the media it names are listed as missing', async () => {
  await withWorkspace(async (store) => {
    const out = await ingestFile(store, Buffer.from(JSON.stringify(channel([M3]))), 'result.json', 'test');
    assert.equal(out[0]!.status, 'ingested');
    assert.match((out[0] as { notice: string }).notice, /media not archived: photos\/photo_1.*folder was not given/);
  });
});

test('hostile and broken exports: bad JSON and a JSON that is no export are refused with nothing stored; a media path out of the folder is not read', async () => {
  await withWorkspace(async (store, dir) => {
    const before = counts(store);
    const [a] = await ingestFile(store, Buffer.from('{"messages": [ {"id": 1, '), 'result.json', 'test');
    assert.match((a as { error: string }).error, /not valid JSON/);
    const [b] = await ingestFile(store, Buffer.from('{"name": "x", "list": []}'), 'result.json', 'test');
    assert.match((b as { error: string }).error, /not a Telegram Desktop export/);
    assert.deepEqual(counts(store), before);
    writeFileSync(join(dir, 'secret.txt'), 'FICTIONAL secret outside the export');
    const folder = join(dir, 'evil');
    mkdirSync(folder);
    const path = join(folder, 'result.json');
    writeFileSync(path, JSON.stringify(channel([{ ...M1, file: '../secret.txt' }])));
    const [c] = await ingestFile(store, readFileSync(path), path, 'test', { path });
    assert.equal(c!.status, 'ingested');
    assert.match((c as { notice: string }).notice, /outside the export's folder; not read/);
    assert.equal(counts(store).attachments, 0);
  });
});

test('a video, or a picture too damaged to clean, is kept as received, with no copy to show (it may carry metadata)', async () => {
  await withWorkspace(async (store, dir) => {
    const folder = writeExport(dir, 'media', []);
    mkdirSync(join(folder, 'files'));
    writeFileSync(join(folder, 'files', 'clip.mp4'), Buffer.from('FICTIONAL not really a video'));
    writeFileSync(join(folder, 'photos', 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]));
    writeFileSync(join(folder, 'result.json'), JSON.stringify(channel([{ ...M5, file: 'files/clip.mp4', photo: 'photos/broken.jpg' }])));
    const [o] = await ingestPaths(store, [folder], { actor: 'test' }).then((s) => s.outcomes);
    assert.equal(o!.status, 'ingested', JSON.stringify(o));
    const kept = attachmentsOfReport(store, store.listReports()[0]!.id, store.owner);
    assert.deepEqual(kept.map((a) => [a.filename, a.picture]), [['broken.jpg', false], ['clip.mp4', false]]);
    for (const a of kept) {
      assert.equal(attachmentBytes(store, a.id, 'shown', store.owner), null);
      assert.ok(attachmentBytes(store, a.id, 'original', store.owner));
    }
  });
});

test('vigil verify re-hashes attachments: an altered one is named', async () => {
  await withWorkspace(async (store, dir) => {
    await ingestPaths(store, [writeExport(dir, 'v', [M3])], { actor: 'test' });
    assert.ok(verifyStore(store).ok);
    store.db.prepare('UPDATE attachments SET original = ?').run(Buffer.from('FICTIONAL tampering'));
    assert.match(verifyStore(store).problems.join('\n'), /attachment #1 \(photo_1@04-03-2024_08-00-00\.jpg\): the archived file was altered/);
  });
});
