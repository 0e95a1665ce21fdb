/**
 * End to end: drives the real `vigil` command on a temporary workspace, as a monitor would.
 * The reports are the project's fictional examples and fictional snippets written here.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'vigil.js');
const examples = join(root, 'examples');
const PASS = 'e2e test passphrase';
let tmp: string;
let ws: string;

function vigil(args: string[], opts: { pass?: string | null; input?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_WORKSPACE: '' };
  delete env.VIGIL_WORKSPACE;
  if (opts.pass === null) delete env.VIGIL_PASSPHRASE;
  else env.VIGIL_PASSPHRASE = opts.pass ?? PASS;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, env, input: opts.input ?? '', encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) out[f] = `${statSync(join(dir, f)).size}:${readFileSync(join(dir, f)).toString('base64').slice(0, 4096)}`;
  return out;
}

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  ws = join(tmp, 'ws');
  const r = vigil(['init', ws]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Created an encrypted workspace/);
});

after(() => rmSync(tmp, { recursive: true, force: true }));

test('every command has --help', () => {
  for (const cmd of ['init', 'ingest', 'extract', 'persons', 'persons merge', 'persons split', 'person', 'eval', 'same-person', 'verify', 'backup', 'restore', 'passphrase change', 'passphrase recovery-key', 'lock']) {
    const r = vigil([...cmd.split(' '), '--help']);
    assert.equal(r.code, 0, `${cmd}: ${r.err}`);
    assert.match(r.out, /Usage: vigil/);
  }
});

test('init refuses to overwrite an existing workspace', () => {
  const r = vigil(['init', ws]);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /already a Vigil workspace/);
});

test('ingest the examples, then re-ingest: the second run says so and changes nothing', () => {
  const first = vigil(['ingest', examples, '--workspace', ws]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /7 ingested, 0 already in the workspace, 0 failed/);
  const persons1 = vigil(['persons', '--json', '--workspace', ws]);
  const second = vigil(['ingest', examples, '--workspace', ws]);
  assert.equal(second.code, 0, second.err);
  assert.match(second.out, /0 ingested, 7 already in the workspace, 0 failed/);
  assert.match(second.out, /unchanged/);
  const persons2 = vigil(['persons', '--json', '--workspace', ws]);
  assert.equal(persons2.out, persons1.out);
});

test('persons --json lists resolved persons with aliases and the reports that name them', () => {
  const r = vigil(['persons', '--json', '--workspace', ws]);
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse(r.out) as { name: string; aliases: string[]; reports: { sha256: string }[] }[];
  assert.ok(list.length > 0);
  for (const p of list) {
    assert.equal(typeof p.name, 'string');
    assert.ok(Array.isArray(p.aliases));
    assert.ok(p.reports.length > 0 && /^[0-9a-f]{64}$/.test(p.reports[0]!.sha256));
  }
  const kovalchuk = list.find((p) => /Kovalchuk/.test(p.name) && /Ihar/.test(p.name));
  assert.ok(kovalchuk, 'the blogger of the examples is a person');
  assert.ok(kovalchuk.reports.length >= 3, 'named by several reports, grouped into one person');
});

test('person NAME prints the case file with status, place and sourced timeline', () => {
  const r = vigil(['person', 'Ihar Kovalchuk', '--workspace', ws]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Ihar Kovalchuk/);
  assert.match(r.out, /Status: /);
  assert.match(r.out, /Last known place of detention: /);
  assert.match(r.out, /Timeline \(\d+ claims/);
  // Four reports tell of the arrest: one event with four sources, not four rows.
  assert.match(r.out, /Events \(\d+, grouped from \d+ claims/);
  const arrests = r.out.split('\n').filter((l) => /^\d+\. \S+ Arrest/.test(l));
  assert.equal(arrests.length, 1, arrests.join('\n'));
  assert.match(arrests[0]!, /4 source\(s\)/);
  assert.match(r.out, /source: .*\[[0-9a-f]{12}\]/);
  const missing = vigil(['person', 'Nobody Atall', '--workspace', ws]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /No person matches/);
});

test('publish: nothing unreviewed by default; with --include-proposed the persecuted only, marked; a printable case file in Russian', () => {
  const csv = vigil(['publish', '--workspace', ws]);
  assert.equal(csv.code, 0, csv.err);
  assert.deepEqual(csv.out.trim().split('\n').length, 1, 'no review yet: only the header is public');
  const proposed = vigil(['publish', '--include-proposed', '--workspace', ws]);
  assert.equal(proposed.code, 0, proposed.err);
  assert.match(proposed.out, /^Ihar Kovalchuk,/m);
  assert.doesNotMatch(proposed.out, /^Alena Kovalchuk/m, 'his wife is in the persons index, not on the prisoner list');
  const events = vigil(['publish', '--format', 'events', '--include-proposed', '--workspace', ws]);
  const lines = events.out.trim().split('\n').map((l) => JSON.parse(l) as { type: string; reviewStatus: string; person: { name: string }; sources: unknown[] });
  assert.ok(lines.length > 0 && lines.every((l) => l.reviewStatus === 'proposed' && l.sources.length > 0));
  assert.equal(lines.filter((l) => l.person.name === 'Ihar Kovalchuk' && l.type === 'arrest').length, 1);
  const print = vigil(['publish', '--format', 'print', '--person', 'Ковальчук Игорь', '--lang', 'ru', '--include-proposed', '--workspace', ws]);
  assert.equal(print.code, 0, print.err);
  assert.match(print.out, /<html lang="ru">[\s\S]*Задержание[\s\S]*<ol class="sources">/);
});

test('vigil … | head ends quietly: no EPIPE', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: PASS };
  // `true` reads nothing and is gone long before vigil has unlocked the workspace and writes.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" publish --workspace "${ws}" | true; echo "exit $?"`], { cwd: tmp, env, encoding: 'utf8', timeout: 120_000 });
  assert.doesNotMatch(r.stderr, /EPIPE|Error/, r.stderr);
});

test('a wrong passphrase gives one clear sentence, a non-zero exit, and writes nothing', () => {
  const before = snapshot(ws);
  const r = vigil(['persons', '--workspace', ws], { pass: 'not the passphrase' });
  assert.equal(r.code, 2);
  assert.equal(r.err.trim(), 'vigil: Wrong passphrase: the workspace could not be unlocked.');
  assert.equal(r.out, '');
  assert.deepEqual(snapshot(ws), before);
  const noPass = vigil(['persons', '--workspace', ws], { pass: null });
  assert.notEqual(noPass.code, 0);
  assert.match(noPass.err, /VIGIL_PASSPHRASE/);
});

test('bad input: empty, binary and undecodable files fail one by one while the rest of the batch goes in', () => {
  const dir = join(tmp, 'bad');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a-empty.txt'), '');
  writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]));
  writeFileSync(join(dir, 'c-broken.jsonl'), '{"text": "A fictional note about a detention."}\n{oops\n');
  writeFileSync(join(dir, 'd-good.txt'), 'FICTIONAL. Activist Maryia Zhuk was detained in Brest on 4 June 2024 and taken to the local police station.');
  writeFileSync(join(dir, 'e-photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const r = vigil(['ingest', dir, '--workspace', ws]);
  assert.equal(r.code, 1);
  assert.match(r.err, /FAILED .*a-empty\.txt: .*empty/);
  assert.match(r.err, /FAILED .*b-binary\.txt/);
  assert.match(r.err, /FAILED .*c-broken\.jsonl#2: line 2: not valid JSON/);
  assert.match(r.out, /2 ingested, 0 already in the workspace, 3 failed, 1 skipped/);
  const missing = vigil(['ingest', join(tmp, 'no-such-file.txt'), '--workspace', ws]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no such file/);
});

test('extract prints the contract JSON with verbatim evidence offsets, one line per file', () => {
  const files = ['2024-03-02-kovalchuk-detained.txt', '2024-03-20-kovalchuk-transfer.html'].map((f) => join(examples, f));
  const r = vigil(['extract', ...files, '--json'], { pass: null });
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, 2);
  for (const line of lines) {
    const x = JSON.parse(line);
    assert.match(x.source.sha256, /^[0-9a-f]{64}$/);
    assert.equal(typeof x.main_text, 'string');
    assert.ok(x.events.length > 0);
    for (const e of x.events) {
      assert.equal(x.main_text.slice(e.start, e.end), e.evidence);
      assert.ok(x.persons.some((p: { name: string }) => p.name === e.person));
    }
  }
  assert.equal(JSON.parse(lines[0]!).source.published, '2024-03-02');
  const bad = vigil(['extract', join(tmp, 'nope.txt'), files[0]!], { pass: null });
  assert.equal(bad.code, 1);
  const [errLine, okLine] = bad.out.trim().split('\n');
  assert.deepEqual(JSON.parse(errLine!), { file: join(tmp, 'nope.txt'), error: 'no such file' });
  assert.ok(JSON.parse(okLine!).main_text);
  const stdin = vigil(['extract', '-', '--published', '2024-06-10'], { pass: null, input: 'FICTIONAL. Journalist Olga Ivanova was arrested on Monday in Minsk.' });
  assert.equal(stdin.code, 0, stdin.err);
  assert.equal(JSON.parse(stdin.out).source.published, '2024-06-10');
});

test('same-person reads JSON lines and answers each in order', () => {
  const r = vigil(['same-person'], { pass: null, input: '{"a":"Ales Mikhalevich","b":"Mr Mikhalevic"}\n{"a":"Ales Mikhalevich","b":"Milana Mikhalevich"}\nnot json\n' });
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].same, true);
  assert.equal(lines[1].same, false);
  assert.ok(lines[0].score >= 0 && lines[0].score <= 1);
  assert.equal(lines[2].error, 'not valid JSON');
  assert.equal(r.code, 1);
});
