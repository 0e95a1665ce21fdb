/**
 * Vigil makes no network call unless asked: every CLI command runs with every network entry point
 * of Node replaced by a recorder, and the record must stay empty. A positive control proves the
 * recorder sees an attempt when one is made.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guard = join(root, 'test', 'fixtures', 'no-egress-guard.cjs');

function run(args: string[], logFile: string, input = '') {
  const env = { ...process.env, VIGIL_PASSPHRASE: 'egress test passphrase', VIGIL_EGRESS_LOG: logFile, NODE_OPTIONS: `--require ${guard}` };
  return spawnSync(process.execPath, [join(root, 'bin', 'vigil.js'), ...args], { env, input, encoding: 'utf8', timeout: 120_000 });
}

test('the recorder sees a network attempt (positive control)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-egress-'));
  const logFile = join(dir, 'egress.log');
  const script = join(dir, 'probe.mjs');
  writeFileSync(script, "try { await fetch('http://192.0.2.1/'); } catch {}\n");
  spawnSync(process.execPath, [script], { env: { ...process.env, VIGIL_EGRESS_LOG: logFile, NODE_OPTIONS: `--require ${guard}` } });
  assert.match(readFileSync(logFile, 'utf8'), /fetch http:\/\/192\.0\.2\.1/);
  rmSync(dir, { recursive: true, force: true });
});

test('init, ingest, persons, person, extract, eval, verify, backup and same-person open no connection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-egress-'));
  const logFile = join(dir, 'egress.log');
  const ws = join(dir, 'ws');
  try {
    const runs = [
      run(['init', ws], logFile),
      run(['ingest', join(root, 'examples'), '-w', ws], logFile),
      run(['persons', '--json', '-w', ws], logFile),
      run(['person', 'Ihar Kovalchuk', '-w', ws], logFile),
      run(['extract', join(root, 'examples', '2024-03-20-kovalchuk-transfer.html')], logFile),
      run(['verify', '-w', ws], logFile),
      run(['backup', join(dir, 'b.vigil'), '-w', ws], logFile),
      run(['same-person'], logFile, '{"a":"Ales Mikhalevich","b":"Алесь Міхалевіч"}\n'),
    ];
    runs.forEach((r, i) => assert.equal(r.status, 0, `run ${i}: ${r.stderr}`));
    assert.equal(existsSync(logFile) ? readFileSync(logFile, 'utf8') : '', '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
