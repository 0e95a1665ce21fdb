/**
 * `vigil serve` opens no outbound connection: a real server process runs with every network entry
 * point of Node replaced by a recorder (test/fixtures/no-egress-guard.cjs), is unlocked and driven
 * through its routes from outside, and the record must stay empty. A positive control proves the
 * recorder catches an attempt made from inside a running HTTP server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guard = join(root, 'test', 'fixtures', 'no-egress-guard.cjs');
const PASS = 'egress test passphrase';

function guarded(logFile: string): NodeJS.ProcessEnv {
  return { ...process.env, VIGIL_PASSPHRASE: PASS, VIGIL_EGRESS_LOG: logFile, NODE_OPTIONS: `--require ${guard}` };
}

/** Starts a guarded process and waits for the first http:// URL it prints. */
function startAndWaitForUrl(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

test('positive control: the recorder catches a connection attempted inside a running HTTP server', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-egress-srv-'));
  const logFile = join(dir, 'egress.log');
  const script = join(dir, 'server.mjs');
  writeFileSync(script, `import http from 'node:http';
const s = http.createServer(async (_q, r) => { try { await fetch('http://192.0.2.7/beacon'); } catch {} try { (await import('node:net')).connect(443, '192.0.2.8'); } catch {} r.end('ok'); });
s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port + '/'));\n`);
  const { child, url } = await startAndWaitForUrl([script], guarded(logFile));
  try {
    assert.equal(await (await fetch(url)).text(), 'ok');
  } finally {
    await stop(child);
  }
  const log = readFileSync(logFile, 'utf8');
  assert.match(log, /fetch http:\/\/192\.0\.2\.7\/beacon/);
  assert.match(log, /net\.connect .*192\.0\.2\.8/);
  rmSync(dir, { recursive: true, force: true });
});

test('vigil serve: unlock, every page and documented route, an upload, lock — no outbound connection', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-egress-srv-'));
  const logFile = join(dir, 'egress.log');
  const ws = join(dir, 'ws');
  const bin = join(root, 'bin', 'vigil.js');
  try {
    for (const args of [['init', ws], ['ingest', join(root, 'examples'), '-w', ws]]) {
      const r = spawnSync(process.execPath, [bin, ...args], { env: guarded(logFile), encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 0, r.stderr);
    }
    const { child, url } = await startAndWaitForUrl([bin, 'serve', '-w', ws, '--port', '0'], guarded(logFile));
    try {
      const base = url.replace(/\/$/, '');
      const unlock = await fetch(`${base}/api/unlock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) });
      assert.equal(unlock.status, 200);
      const cookie = unlock.headers.get('set-cookie')!.split(';')[0]!;
      const { csrf } = (await unlock.json()) as { csrf: string };
      const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
      let calls = 0;
      for (const [path, ms] of Object.entries(doc.paths)) {
        for (const m of Object.keys(ms)) {
          if (path === '/api/lock' || path === '/api/logout') continue;
          const u = base + path.replace('{sha}', '0'.repeat(64)).replace(/\{[^}]+\}/g, '1');
          const r = await fetch(u, { method: m.toUpperCase(), headers: { cookie, 'x-vigil-csrf': csrf, ...(m === 'get' ? {} : { 'content-type': 'application/json' }) }, body: m === 'get' ? undefined : '{}' });
          assert.ok(r.status < 500, `${m} ${path}: ${r.status}`);
          await r.arrayBuffer();
          calls++;
        }
      }
      for (const p of ['/', '/app.js', '/app.css', '/api/search?q=Kovalchuk', '/api/persons', '/api/reports/1']) assert.ok((await fetch(base + p, { headers: { cookie } })).status < 500, p);
      const up = await fetch(`${base}/api/reports?filename=egress.txt`, { method: 'POST', headers: { cookie, 'x-vigil-csrf': csrf, 'content-type': 'application/octet-stream' }, body: 'Fictional report for the egress test. Minsk, 3 March 2024. Ivan Petrov was detained by the police.' });
      assert.ok(up.status < 500);
      assert.equal((await fetch(`${base}/api/lock`, { method: 'POST', headers: { cookie, 'x-vigil-csrf': csrf } })).status, 200);
      assert.ok(calls >= 10, `only ${calls} routes called`);
    } finally {
      await stop(child);
    }
    assert.equal(existsSync(logFile) ? readFileSync(logFile, 'utf8') : '', '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
