/**
 * PDF, DOCX and e-mail, end to end into a workspace: small FICTIONAL documents made by the tests
 * (test/support/documents.ts), and bad or hostile ones — a password-protected PDF, a zip bomb, a
 * damaged file — each refused alone with a clear error and nothing stored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFile } from '../../src/ingest/ingest.ts';
import { readReports } from '../../src/ingest/read.ts';
import { convertInWorker } from '../../src/ingest/sandbox.ts';
import { LIMITS, MiB } from '../../src/ingest/limits.ts';
import { attachmentsOfReport, linkedReports } from '../../src/store/attachments.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { deflatedSpaces, docx, docxEntries, eml, pdf, png, zip } from '../support/documents.ts';

const GREY_PNG = png(64, 64);
import { counts, withWorkspace } from '../support/workspace.ts';

const VERDICT = [
  'FICTIONAL verdict of a fictional court, written for this test.',
  'On 2 March 2024 the Homel regional court sentenced the activist Ivan Petrov to three years in a penal colony under Article 342.',
  'The court found that Petrov had taken part in a peaceful protest.',
];

test('a PDF with a text layer: its pages become the report text, its metadata is kept, the original is archived byte for byte', async () => {
  const bytes = await pdf([VERDICT.join(' '), 'Page two. Petrov was detained in Homel on 1 February 2024.'], { title: 'Fictional verdict', author: 'Fictional Court' });
  await withWorkspace(async (store) => {
    const [o, ...rest] = await ingestFile(store, bytes, 'verdict.pdf', 'test');
    assert.equal(rest.length, 0);
    assert.equal(o!.status, 'ingested', JSON.stringify(o));
    const report = store.listReports()[0]!;
    assert.equal(report.format, 'pdf');
    assert.equal(report.title, 'Fictional verdict');
    assert.equal(report.published, '2024-03-02');
    assert.ok(store.getOriginal(report.sha256)!.equals(bytes), 'the original as uploaded');
    const text = store.reportById(report.id)!.mainText;
    assert.match(text, /sentenced the activist Ivan Petrov to three years/);
    assert.match(text, /Page two\. Petrov was detained in Homel/);
    const meta = JSON.parse((store.db.prepare('SELECT metadata_json AS m FROM reports').get() as { m: string }).m) as Record<string, string>;
    assert.equal(meta.pages, '2');
    assert.equal(meta.author, 'Fictional Court');
    const types = store.allClaims().map((c) => c.type);
    assert.ok(types.includes('sentence'), `claims: ${types.join(', ')}`);
    assert.ok(verifyStore(store).ok);
  });
});

test('a PDF in Cyrillic keeps its letters', async () => {
  const bytes = await pdf(['ВЫМЫШЛЕННЫЙ документ. 1 марта 2024 года в Гомеле задержан активист Иван Петров.']);
  const [o] = await readReports(bytes, 'ru.pdf');
  assert.ok(o?.ok);
  assert.match(o.report.body.content, /задержан активист Иван Петров/);
});

test('a password-protected PDF, a damaged PDF and a file that only claims to be one are refused alone, and nothing is stored', async () => {
  const good = await pdf([VERDICT.join(' ')]);
  const locked = await pdf(['FICTIONAL secret text.'], { userPassword: 'fictional' });
  await withWorkspace(async (store) => {
    const before = counts(store);
    const [a] = await ingestFile(store, locked, 'locked.pdf', 'test');
    assert.equal(a!.status, 'failed');
    assert.match((a as { error: string }).error, /protected by a password/);
    const [b] = await ingestFile(store, good.subarray(0, 400), 'cut.pdf', 'test');
    assert.equal(b!.status, 'failed');
    assert.match((b as { error: string }).error, /PDF/);
    const [c] = await ingestFile(store, Buffer.from('FICTIONAL plain text, not a PDF at all.'), 'fake.pdf', 'test');
    assert.equal(c!.status, 'failed');
    assert.match((c as { error: string }).error, /not a PDF file/);
    assert.deepEqual(counts(store), before);
    // The good one still goes in after the bad ones.
    assert.equal((await ingestFile(store, good, 'good.pdf', 'test'))[0]!.status, 'ingested');
  });
});

test('a scanned PDF without a text layer is archived and says it has no text (OCR off)', async () => {
  const scan = await pdf([''], { image: GREY_PNG });
  await withWorkspace(async (store) => {
    const [o] = await ingestFile(store, scan, 'scan.pdf', 'test', { ocr: false });
    assert.equal(o!.status, 'ingested', JSON.stringify(o));
    assert.match((o as { notice: string }).notice, /scanned PDF without a text layer/);
    const r = store.listReports()[0]!;
    assert.ok(store.getOriginal(r.sha256)!.equals(scan));
    assert.equal(store.reportById(r.id)!.mainText, '');
    const meta = JSON.parse((store.db.prepare('SELECT metadata_json AS m FROM reports').get() as { m: string }).m) as Record<string, string>;
    assert.equal(meta['text-layer'], 'none');
  });
});

test('a PDF reader that takes longer than its time limit is stopped, with a sentence that says so', async () => {
  const bytes = await pdf([VERDICT.join(' ')]);
  await assert.rejects(convertInWorker('pdf', bytes, { ocr: false }, { timeMs: 1, heapMb: 256 }), /took longer than 0 s.*nothing was stored/);
});

test('a DOCX: its paragraphs and core properties', async () => {
  const bytes = docx(['FICTIONAL letter from a lawyer, written for this test.', 'On 5 May 2024 the lawyer Anna Sidorova was refused a visit to her client Oleg Brel in the Zhodino prison.'], { title: 'Letter to the court', creator: 'A. Sidorova', created: '2024-05-06T09:00:00Z' });
  await withWorkspace(async (store) => {
    const [o] = await ingestFile(store, bytes, 'letter.docx', 'test');
    assert.equal(o!.status, 'ingested', JSON.stringify(o));
    const r = store.listReports()[0]!;
    assert.equal(r.format, 'docx');
    assert.equal(r.title, 'Letter to the court');
    assert.equal(r.published, '2024-05-06');
    assert.equal(store.reportById(r.id)!.mainText.split('\n\n').length, 2);
    assert.ok(store.getOriginal(r.sha256)!.equals(bytes));
  });
});

test('a DOCX zip bomb is refused before it expands past the limit; so are a damaged archive, an encrypted Word file and a zip without a document', async () => {
  const entries = docxEntries(['FICTIONAL.']);
  const bomb = zip([...entries.filter((e) => e.name !== 'word/document.xml'), { name: 'word/document.xml', deflated: await deflatedSpaces(LIMITS.docx.maxExpandedBytes + 8 * MiB) }]);
  assert.ok(bomb.length < 2 * MiB, `the bomb is small (${bomb.length} bytes)`);
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
  await withWorkspace(async (store) => {
    const before = counts(store);
    const t0 = performance.now();
    const [a] = await ingestFile(store, bomb, 'bomb.docx', 'test');
    assert.match((a as { error: string }).error, /expands past 200 MiB.*nothing was stored/);
    assert.ok(performance.now() - t0 < 20_000);
    const [b] = await ingestFile(store, docx(['FICTIONAL.']).subarray(0, 300), 'cut.docx', 'test');
    assert.match((b as { error: string }).error, /zip archive/);
    const [c] = await ingestFile(store, ole, 'old.docx', 'test');
    assert.match((c as { error: string }).error, /encrypted or old-format/);
    const [d] = await ingestFile(store, zip([{ name: 'notes.txt', data: Buffer.from('FICTIONAL') }]), 'notes.docx', 'test');
    assert.match((d as { error: string }).error, /no word\/document\.xml/);
    assert.deepEqual(counts(store), before);
  });
});

test('files above their format\'s size limit are refused before they are parsed', async () => {
  const big = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(LIMITS.docx.maxBytes + 1)]);
  const [o] = await readReports(big, 'huge.docx');
  assert.ok(o && !o.ok);
  assert.match(o.error, /above the 50 MiB limit for a DOCX/);
});

test('an e-mail: sender, date, subject and body; an attached PDF becomes a report of its own linked to the message, a picture stays with the message', async () => {
  const verdict = await pdf([VERDICT.join(' ')], { title: 'Fictional verdict' });
  const message = eml({
    from: 'Fictional Press Office <press@example.org>', to: 'monitor@example.org', subject: 'FICTIONAL: activist detained', date: 'Tue, 02 Apr 2024 10:00:00 +0000',
    text: 'FICTIONAL press release.\n\nThe activist Olga Lis was detained in Minsk on 1 April 2024 and taken to the Akrestsina detention centre.',
    attachments: [{ name: 'verdict.pdf', type: 'application/pdf', bytes: verdict }, { name: 'photo.png', type: 'image/png', bytes: GREY_PNG }],
  });
  await withWorkspace(async (store) => {
    const out = await ingestFile(store, message, 'release.eml', 'test');
    assert.deepEqual(out.map((o) => o.status), ['ingested', 'ingested']);
    assert.equal(out[1]!.file, 'release.eml › verdict.pdf');
    const [mail, attached] = store.listReports();
    assert.equal(mail!.format, 'eml');
    assert.equal(mail!.title, 'FICTIONAL: activist detained');
    assert.equal(mail!.published, '2024-04-02');
    const meta = JSON.parse((store.db.prepare('SELECT metadata_json AS m FROM reports WHERE id = ?').get(mail!.id) as { m: string }).m) as Record<string, string>;
    assert.equal(meta.from, 'Fictional Press Office <press@example.org>');
    assert.match(store.reportById(mail!.id)!.mainText, /Olga Lis was detained in Minsk/);
    assert.equal(attached!.format, 'pdf');
    assert.ok(store.getOriginal(attached!.sha256)!.equals(verdict));
    assert.deepEqual(linkedReports(store, attached!.id).parents, [{ id: mail!.id, relation: 'attachment' }]);
    assert.deepEqual(attachmentsOfReport(store, mail!.id, store.owner).map((a) => [a.filename, a.picture]), [['photo.png', true]]);
    // The same message again changes nothing.
    assert.deepEqual((await ingestFile(store, message, 'release.eml', 'test')).map((o) => o.status), ['duplicate', 'duplicate']);
  });
});

test('an .eml that is no e-mail, and one whose attachment cannot be read: the first is refused, the second is kept with the attachment archived unread', async () => {
  await withWorkspace(async (store) => {
    const before = counts(store);
    const [a] = await ingestFile(store, Buffer.from('\u0000\u0001 random bytes, no headers'), 'junk.eml', 'test');
    assert.equal(a!.status, 'failed');
    assert.match((a as { error: string }).error, /not an e-mail message/);
    assert.deepEqual(counts(store), before);
    const locked = await pdf(['FICTIONAL secret.'], { userPassword: 'x' });
    const out = await ingestFile(store, eml({ from: 'a@example.org', to: 'b@example.org', subject: 'FICTIONAL', date: 'Tue, 02 Apr 2024 10:00:00 +0000', text: 'FICTIONAL. See the attached verdict of 1 April 2024.', attachments: [{ name: 'locked.pdf', type: 'application/pdf', bytes: locked }] }), 'm.eml', 'test');
    assert.deepEqual(out.map((o) => o.status), ['ingested']);
    assert.match((out[0] as { notice: string }).notice, /locked\.pdf was kept but not read \(the PDF is protected by a password/);
    assert.equal(attachmentsOfReport(store, store.listReports()[0]!.id, store.owner)[0]!.filename, 'locked.pdf');
  });
});
