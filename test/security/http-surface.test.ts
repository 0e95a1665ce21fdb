// The HTTP surface as an attacker sees it: a role × route table derived from src/schema/access.ts,
// security headers on every route, and thousands of malformed requests that must each get a
// clear JSON error (never a 5xx, never a hang) and store nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { initWorkspace } from '../../src/store/workspace.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { buildApp } from '../../src/interfaces/http/server.ts';
import { WorkspaceSession } from '../../src/interfaces/http/session.ts';
import { can, USER_ROLES, USER_ROLE_NAMES, type Permission, type UserRole } from '../../src/schema/access.ts';

const PASS = 'fictional test passphrase';
const examples = join(import.meta.dirname, '../../examples');
let dir: string;
let app: FastifyInstance;
let session: WorkspaceSession;
const who = {} as Record<UserRole, { cookie: string; csrf: string }>;
let ownerCookie = '';

interface Op { method: string; path: string; permission?: string }
let ops: Op[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-surface-'));
  const store = await initWorkspace(dir, PASS, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
  for (const f of readdirSync(examples).filter((f) => f !== 'README.md' && f !== 'lists')) ingestBytes(store, readFileSync(join(examples, f)), f, 'test');
  resolvePersons(store, 'test');
  store.close();
  session = new WorkspaceSession(dir);
  app = await buildApp(dir, session);
  const ok = await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } });
  ownerCookie = String(ok.headers['set-cookie']);
  for (const role of USER_ROLE_NAMES) {
    const token = session.open({ name: `test-${role}`, role, clearance: USER_ROLES[role].clearance });
    who[role] = { cookie: `vigil_session=${token}`, csrf: session.sessionFor(token)!.csrf };
  }
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { 'x-vigil-permission'?: string }>> };
  ops = Object.entries(doc.paths).flatMap(([path, ms]) => Object.entries(ms).map(([m, op]) => ({ method: m.toUpperCase(), path, permission: op['x-vigil-permission'] })));
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const TABLES = ['reports', 'mentions', 'claims', 'reviews', 'persons', 'person_decisions', 'audit_log', 'users'];
const counts = () => TABLES.map((t) => (session.openStore!.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n).join(',');
const fill = (path: string) => path.replace('{sha}', '0'.repeat(64)).replace(/\{[^}]+\}/g, '1');

test('role × route: every documented data route answers 403 exactly when access.ts denies the role', async () => {
  // Locking is checked on its own (server.test.ts): here it would close the workspace mid-walk.
  const data = ops.filter((o) => o.permission && o.path !== '/api/lock');
  assert.ok(data.length >= 10, `only ${data.length} data routes documented`);
  let pairs = 0;
  for (const op of data) {
    for (const role of USER_ROLE_NAMES) {
      const before = counts();
      const r = await app.inject({ method: op.method as 'GET', url: fill(op.path), headers: { cookie: who[role].cookie, 'x-vigil-csrf': who[role].csrf }, payload: op.method === 'GET' ? undefined : {} });
      const allowed = can(role, op.permission as Permission);
      if (allowed) assert.notEqual(r.statusCode, 403, `${role} ${op.method} ${op.path}: ${r.body}`);
      else {
        assert.equal(r.statusCode, 403, `${role} ${op.method} ${op.path}`);
        assert.match(r.json().error, /role/);
        assert.equal(counts(), before, `${role} ${op.method} ${op.path} changed the store`);
      }
      pairs++;
    }
  }
  console.log(`# role × route pairs checked: ${pairs}`);
});

function assertHeaders(r: LightMyRequestResponse, what: string): void {
  const csp = String(r.headers['content-security-policy']);
  for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]) assert.ok(csp.includes(d), `${what}: CSP lacks ${d}`);
  assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp), `${what}: CSP allows inline, eval or any origin`);
  assert.equal(r.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(r.headers['x-frame-options'], 'DENY', what);
  assert.equal(r.headers['cache-control'], 'no-store', what);
  assert.equal(r.headers['referrer-policy'], 'no-referrer', what);
  assert.ok(!r.headers['x-powered-by'], what);
  assert.ok(!/fastify|node/i.test(String(r.headers.server ?? '')), what);
}

test('security headers on every route, for every caller and every answer (200, 4xx, locked)', async () => {
  let n = 0;
  const urls: Op[] = [...ops, { method: 'GET', path: '/' }, { method: 'GET', path: '/app.js' }, { method: 'GET', path: '/app.css' }, { method: 'GET', path: '/api/openapi.json' }, { method: 'GET', path: '/nope/../etc/passwd' }];
  for (const op of urls) {
    if (op.path === '/api/lock') continue;
    for (const cookie of ['', who.admin.cookie, who.viewer.cookie]) {
      const r = await app.inject({ method: op.method as 'GET', url: fill(op.path), headers: cookie ? { cookie, 'x-vigil-csrf': who.admin.csrf } : {}, payload: op.method === 'GET' ? undefined : {} });
      assertHeaders(r, `${op.method} ${op.path}`);
      n++;
    }
  }
  // The session cookie: HttpOnly, SameSite=Strict, whole-site path, no Domain to widen it.
  assert.match(ownerCookie, /HttpOnly/);
  assert.match(ownerCookie, /SameSite=Strict/);
  assert.match(ownerCookie, /Path=\//);
  assert.doesNotMatch(ownerCookie, /Domain=/i);
  console.log(`# security-header checks: ${n} route × caller answers`);
});

/** A small seeded PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('HTTP fuzz: 3,000 malformed requests — no 5xx, no hang, a JSON error each, nothing stored', { timeout: 240_000 }, async () => {
  const rand = rng(Number(process.env.VIGIL_FUZZ_SEED ?? 7));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const segs = ['..', '%2e%2e', '..%2f..%2fetc%2fpasswd', '%00', '-1', '0', '1e309', '99999999999999999999999', 'NaN', "1'--", '<script>', '%ff%fe', 'Ковальчук', 'a'.repeat(5000), '%', '{id}', '1;DROP TABLE reports', '/', '\\..\\..'];
  const bodies: (() => { payload: string | Buffer; type?: string })[] = [
    () => ({ payload: bytes(Math.floor(rand() * 2000)), type: pick(['application/json', 'application/octet-stream', 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded', 'image/png']) }),
    () => ({ payload: '{"decision":', type: 'application/json' }),
    () => ({ payload: '['.repeat(5000) + ']'.repeat(5000), type: 'application/json' }),
    () => ({ payload: JSON.stringify({ decision: pick(['accepted', 'x', 1, null, {}]), note: 'n'.repeat(Math.floor(rand() * 100_000)), __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }), type: 'application/json' }),
    () => ({ payload: JSON.stringify({ passphrase: pick(['', 'x', 'a'.repeat(5000), 1, null]), user: pick(['../../etc', 'owner', '', 1]), password: pick(['', null, 'p'.repeat(2000)]) }), type: 'application/json' }),
    () => ({ payload: JSON.stringify(pick([null, 1, 'str', [], true, { a: [1, 2, { b: null }] }])), type: 'application/json' }),
    () => ({ payload: `{"type":"${'\\u0000'.repeat(50)}","date":"9999-99-99","place":${'1'.repeat(400)}}`, type: 'application/json' }),
    () => ({ payload: Buffer.from('\ufeff{"decision":"accepted"}'), type: 'application/json; charset=utf-16' }),
    () => ({ payload: bytes(1024 * (1 + Math.floor(rand() * 1500))), type: pick(['application/json', 'application/octet-stream']) }),
    () => ({ payload: '', type: pick(['application/json', undefined, 'application/octet-stream']) }),
  ];
  const cookies = () => pick(['', 'vigil_session=', `vigil_session=${'A'.repeat(43)}`, 'vigil_session=%zz%', `vigil_session=${'x'.repeat(10000)}`, 'a=b; vigil_session=1; vigil_session=2', who.viewer.cookie, who.reviewer.cookie, who.admin.cookie]);
  const N = Number(process.env.VIGIL_FUZZ_HTTP ?? 3000);
  const statuses = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    const op = pick(ops);
    let url = fill(op.path);
    if (rand() < 0.5) url = url.split('/').map((s, j) => (j > 1 && rand() < 0.5 ? pick(segs) : s)).join('/');
    if (rand() < 0.4) url += `?${pick(['status', 'q', 'limit', 'offset', 'filename', 'article', '__proto__[x]', 'a[b][c]'])}=${encodeURIComponent(pick(segs))}${rand() < 0.3 ? '&q=1&q=2' : ''}`;
    const method = rand() < 0.8 ? op.method : pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
    const body = method === 'GET' || method === 'HEAD' ? undefined : pick(bodies)();
    const cookie = cookies();
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    const csrfPick = rand();
    if (csrfPick < 0.4) headers['x-vigil-csrf'] = who.admin.csrf;
    else if (csrfPick < 0.7) headers['x-vigil-csrf'] = pick(['', 'x', who.viewer.csrf, '\u00ff'.repeat(30)]);
    if (body?.type) headers['content-type'] = body.type;
    const before = counts();
    const r = await Promise.race([
      app.inject({ method: method as 'GET', url, headers, payload: body?.payload }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`hang: ${method} ${url}`)), 10_000)),
    ]);
    statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
    const what = `#${i} ${method} ${url.slice(0, 120)} ${body?.type ?? ''} → ${r.statusCode} ${r.body.slice(0, 200)}`;
    assert.ok(r.statusCode < 500, what);
    if (r.statusCode >= 400 && method !== 'HEAD') {
      const j = r.json() as { error?: unknown };
      assert.equal(typeof j.error, 'string', what);
      assert.ok((j.error as string).length > 0 && (j.error as string).length < 2000, what);
      assert.doesNotMatch(j.error as string, /\n\s+at |node_modules|\/work\//, `${what}: a stack or a path in the error`);
      assert.equal(counts(), before, `${what}: a rejected request changed the store`);
    }
    // The fuzz may lock the workspace (POST /api/lock): open it again so the rest still reach the data routes.
    if (!session.unlocked) {
      await session.unlock(PASS);
      for (const role of USER_ROLE_NAMES) {
        const token = session.open({ name: `test-${role}`, role, clearance: USER_ROLES[role].clearance });
        who[role] = { cookie: `vigil_session=${token}`, csrf: session.sessionFor(token)!.csrf };
      }
    }
  }
  console.log(`# HTTP fuzz: ${N} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
});
