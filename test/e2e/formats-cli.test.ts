/**
 * The new formats through the real `vigil` command: a folder holding a PDF, a DOCX, an e-mail with
 * an attached PDF and a Telegram export, a picture attached to a person, the example list imported
 * (dry run first), and the FollowTheMoney export. Every document is FICTIONAL, made by the test.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docx, eml, pdf, png, pngChunk } from '../support/documents.ts';
import { ftmProblems, type FtmEntity } from '../../src/views/ftm-schema.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'vigil.js');
const PASS = 'e2e formats passphrase';
let tmp: string;
let ws: string;

function vigil(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: PASS };
  delete env.VIGIL_WORKSPACE;
  const r = spawnSync(process.execPath, [bin, ...args, '--workspace', ws], { cwd: tmp, env, input: '', encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vigil-formats-'));
  ws = join(tmp, 'ws');
  const init = spawnSync(process.execPath, [bin, 'init', ws], { env: { ...process.env, VIGIL_PASSPHRASE: PASS }, encoding: 'utf8' });
  assert.equal(init.status, 0, init.stderr);
  const inbox = join(tmp, 'inbox');
  mkdirSync(join(inbox, 'ChatExport_2024-03-05', 'photos'), { recursive: true });
  const verdict = await pdf(['FICTIONAL verdict. On 14 May 2024 the Minsk city court sentenced the blogger Ihar Kovalchuk to three years in a penal colony.'], { title: 'Fictional verdict' });
  writeFileSync(join(inbox, 'verdict.pdf'), verdict);
  writeFileSync(join(inbox, 'letter.docx'), docx(['FICTIONAL lawyer’s letter.', 'On 20 March 2024 the lawyer was refused a visit to Dzmitry Nesterenka in pre-trial detention centre No. 1.']));
  writeFileSync(join(inbox, 'press.eml'), eml({ from: 'press@example.org', to: 'monitor@example.org', subject: 'FICTIONAL release', date: 'Tue, 02 Apr 2024 10:00:00 +0000', text: 'FICTIONAL. Activist Olga Lis was detained in Minsk on 1 April 2024.', attachments: [{ name: 'court.pdf', type: 'application/pdf', bytes: await pdf(['FICTIONAL court notice. The hearing of Olga Lis is set for 9 April 2024.']) }] }));
  writeFileSync(join(inbox, 'locked.pdf'), await pdf(['FICTIONAL'], { userPassword: 'x' }));
  writeFileSync(join(inbox, 'ChatExport_2024-03-05', 'photos', 'p1.png'), png(8, 8));
  writeFileSync(join(inbox, 'ChatExport_2024-03-05', 'result.json'), JSON.stringify({ name: 'Fictional Channel', type: 'public_channel', id: 42, messages: [
    { id: 1, type: 'message', date: '2024-03-05T10:00:00', from: 'Fictional Channel', text: 'FICTIONAL. Pavel Sych was detained in Homel on 4 March 2024.', photo: 'photos/p1.png' },
  ] }));
  writeFileSync(join(tmp, 'portrait.png'), png(8, 8, [pngChunk('tEXt', Buffer.from('GPS\0FICTIONAL 53.9 N 27.5 E'))]));
});

after(() => rmSync(tmp, { recursive: true, force: true }));

test('vigil ingest reads a folder of PDF, DOCX, e-mail and a Telegram export; the locked PDF fails alone', () => {
  const r = vigil(['ingest', join(tmp, 'inbox'), join(root, 'examples')]);
  assert.equal(r.code, 1, 'one file failed');
  assert.match(r.err, /FAILED +.*locked\.pdf: the PDF is protected by a password/);
  assert.match(r.out, /ingested +.*verdict\.pdf/);
  assert.match(r.out, /ingested +.*letter\.docx/);
  assert.match(r.out, /ingested +.*press\.eml › court\.pdf/);
  assert.match(r.out, /ingested +.*result\.json#42:1 .*1 attachments kept/);
  assert.match(r.out, /Done: 12 ingested, 0 already in the workspace, 1 failed/);
});

test('vigil attach keeps a picture with a person, its text chunk stripped from what is shown', () => {
  const r = vigil(['attach', join(tmp, 'portrait.png'), '--person', 'Ihar Kovalchuk']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Kept portrait\.png as attachment #\d+; removed from what is shown: text/);
  assert.equal(vigil(['attach', join(tmp, 'portrait.png')]).code, 1);
});

test('vigil import-list: the dry run changes nothing, the import adds the rows, a second import changes nothing', () => {
  const list = ['import-list', join(root, 'examples/lists/political-prisoners.csv'), '--map', join(root, 'examples/lists/political-prisoners.map.json')];
  const persons = vigil(['persons', '--json']).out;
  const dry = vigil([...list, '--dry-run']);
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /Dry run .* nothing was changed/);
  assert.match(dry.out, /line 2: Ковальчук Игорь Петрович — joins #\d+ Ihar Kovalchuk/);
  assert.equal(vigil(['persons', '--json']).out, persons);
  const done = vigil([...list, '--json']);
  const result = JSON.parse(done.out) as { added: { claims: number; persons: number } };
  assert.ok(result.added.claims > 20);
  assert.match(vigil(list).out, /imported before .* nothing changes/);
  assert.equal(vigil(['verify']).code, 0);
});

test('vigil export --format ftm writes FollowTheMoney JSON lines that pass the schema check', () => {
  const r = vigil(['export', '--format', 'ftm', '--include-proposed']);
  assert.equal(r.code, 0, r.err);
  const entities = r.out.trim().split('\n').map((l) => JSON.parse(l) as FtmEntity);
  assert.deepEqual(ftmProblems(entities), []);
  assert.ok(entities.some((e) => e.schema === 'Person' && e.properties.birthDate?.includes('1987')), 'a birth date from the list');
  assert.ok(entities.some((e) => e.schema === 'Event') && entities.some((e) => e.schema === 'Document'));
});
