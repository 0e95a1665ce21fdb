// API tests over a temp workspace holding the fictional reports in examples/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { initWorkspace } from '../../src/store/workspace.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { buildApp } from '../../src/interfaces/http/server.ts';

const PASS = 'fictional test passphrase';
const examples = join(import.meta.dirname, '../../examples');
let dir: string;
let app: FastifyInstance;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-http-'));
  const store = await initWorkspace(dir, PASS, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
  for (const f of readdirSync(examples).filter((f) => f !== 'README.md' && f !== 'lists')) await ingestBytes(store, readFileSync(join(examples, f)), f, 'test');
  resolvePersons(store, 'test');
  store.close();
  app = await buildApp(dir);
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

let cookie = '';
let csrf = '';

test('data routes answer 423 before unlock, with security headers', async () => {
  const r = await app.inject({ method: 'GET', url: '/api/reports' });
  assert.equal(r.statusCode, 423);
  assert.match(r.json().error, /locked/);
  assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
  assert.equal((await app.inject({ method: 'GET', url: '/api/status' })).json().unlocked, false);
});

test('unlock: bad body is 400 with a message, wrong passphrase 401, right one sets a strict HttpOnly cookie', async () => {
  const bad = await app.inject({ method: 'POST', url: '/api/unlock', payload: { pass: 1 } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /passphrase/);
  const wrong = await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: 'nope' } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error, 'Wrong passphrase.');
  const ok = await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } });
  assert.equal(ok.statusCode, 200);
  const set = String(ok.headers['set-cookie']);
  assert.match(set, /HttpOnly/);
  assert.match(set, /SameSite=Strict/);
  cookie = set.split(';')[0]!;
  csrf = (ok.json() as { csrf: string }).csrf;
  const noCookie = await app.inject({ method: 'GET', url: '/api/reports' });
  assert.equal(noCookie.statusCode, 401);
});

test('reports, originals, persons and a case file', async () => {
  const reports = (await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie } })).json() as { sha256: string }[];
  assert.ok(reports.length >= 6);
  const orig = await app.inject({ method: 'GET', url: `/api/reports/${reports[0]!.sha256}/original`, headers: { cookie } });
  // Saved under the name it was uploaded with, not as a file called "original".
  assert.match(String(orig.headers['content-disposition']), /^attachment; filename="[^"/]+\.(txt|html|jsonl)"; filename\*=UTF-8''/);
  assert.equal(orig.statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/reports/zz/original', headers: { cookie } })).statusCode, 400);
  assert.equal((await app.inject({ method: 'GET', url: `/api/reports/${'0'.repeat(64)}/original`, headers: { cookie } })).statusCode, 404);
  const persons = (await app.inject({ method: 'GET', url: '/api/persons', headers: { cookie } })).json() as { id: number; name: string }[];
  assert.ok(persons.some((p) => /Kovalchuk/.test(p.name)));
  const file = (await app.inject({ method: 'GET', url: `/api/persons/${persons[0]!.id}`, headers: { cookie } })).json() as { timeline: unknown[] };
  assert.ok(Array.isArray(file.timeline));
  assert.equal((await app.inject({ method: 'GET', url: '/api/persons/999999', headers: { cookie } })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: '/api/persons/abc', headers: { cookie } })).statusCode, 400);
});

test('openapi lists the routes; lock needs a session and its CSRF token, and closes the workspace', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/api/persons/{id}']);
  assert.ok(doc.paths['/api/unlock']);
  // Any page the user visits could post to /api/lock: without the session and its token it is refused.
  assert.equal((await app.inject({ method: 'POST', url: '/api/lock' })).statusCode, 401);
  assert.equal((await app.inject({ method: 'POST', url: '/api/lock', headers: { cookie } })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie } })).statusCode, 200);
  assert.equal((await app.inject({ method: 'POST', url: '/api/lock', headers: { cookie, 'x-vigil-csrf': csrf } })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie } })).statusCode, 423);
});
