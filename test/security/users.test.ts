// Users sign in with their own password; roles, throttling, logout, CSRF and the audit trail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { initWorkspace, openWorkspace } from '../../src/store/workspace.ts';
import { addUser, removeUser, setUserRole, listUsersOf } from '../../src/store/users.ts';
import { WrongPassphraseError } from '../../src/store/keyfile.ts';
import { buildApp } from '../../src/interfaces/http/server.ts';
import { can, type Permission } from '../../src/schema/access.ts';
import { WorkspaceSession } from '../../src/interfaces/http/session.ts';

const PASS = 'fictional owner passphrase';
const CHEAP = { memoryCost: 8192, timeCost: 1, parallelism: 1 };
const PW = { ana: 'ana-fictional-pw-1', boris: 'boris-fictional-pw-2' };
let dir: string;
let app: FastifyInstance;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-users-'));
  (await initWorkspace(dir, PASS, CHEAP)).close();
  await addUser(dir, PASS, 'ana', 'viewer', PW.ana, 'cli:test', CHEAP);
  await addUser(dir, PASS, 'boris', 'editor', PW.boris, 'cli:test', CHEAP);
  app = await buildApp(dir, new WorkspaceSession(dir));
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = (user: string, password: string) => app.inject({ method: 'POST', url: '/api/login', payload: { user, password } });
const cookieOf = (r: { headers: Record<string, unknown> }) => String(r.headers['set-cookie']).split(';')[0]!;

test('users: bad names, roles, short passwords and duplicates are refused with a sentence', async () => {
  await assert.rejects(addUser(dir, PASS, '../x', 'viewer', 'long enough pw', 't', CHEAP), /user name/);
  await assert.rejects(addUser(dir, PASS, 'owner', 'viewer', 'long enough pw', 't', CHEAP), /reserved/);
  await assert.rejects(addUser(dir, PASS, 'carl', 'god', 'long enough pw', 't', CHEAP), /Unknown role/);
  await assert.rejects(addUser(dir, PASS, 'carl', 'viewer', 'short', 't', CHEAP), /at least/);
  await assert.rejects(addUser(dir, PASS, 'ana', 'viewer', 'long enough pw', 't', CHEAP), /already/);
  await assert.rejects(addUser(dir, 'wrong passphrase', 'carl', 'viewer', 'long enough pw', 't', CHEAP), WrongPassphraseError);
  assert.deepEqual((await listUsersOf(dir, PASS)).map((u) => [u.name, u.role]), [['ana', 'viewer'], ['boris', 'editor']]);
});

test("a user's password never opens the workspace as its owner", async () => {
  await assert.rejects(openWorkspace(dir, PW.ana), WrongPassphraseError);
  const r = await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PW.boris } });
  assert.equal(r.statusCode, 401);
});

test('a password opens no locked workspace; once the owner unlocks, wrong password and unknown user answer the same 401', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/status' })).json().unlocked, false);
  const locked = await login('ana', PW.ana);
  assert.equal(locked.statusCode, 423);
  assert.equal((await app.inject({ method: 'GET', url: '/api/status' })).json().unlocked, false);
  assert.equal((await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } })).statusCode, 200);
  const wrong = await login('ana', 'not her password');
  const nobody = await login('zed', 'whatever pw 123');
  assert.equal(wrong.statusCode, 401);
  assert.equal(nobody.statusCode, 401);
  assert.deepEqual(wrong.json(), nobody.json());
  const ok = await login('ana', PW.ana);
  assert.equal(ok.statusCode, 200);
  assert.deepEqual({ ...(ok.json() as object), csrf: undefined }, { unlocked: true, user: 'ana', role: 'viewer', clearance: 'public', csrf: undefined });
  const set = String(ok.headers['set-cookie']);
  assert.match(set, /HttpOnly/);
  assert.match(set, /SameSite=Strict/);
  const cookie = cookieOf(ok);
  assert.equal((await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie } })).statusCode, 200);
  // A viewer may not manage users.
  assert.equal((await app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).statusCode, 403);
});

test('CSRF: a write without the header, with a wrong one, or with another session\'s is 403; the right one passes the check', async () => {
  const b = await login('boris', PW.boris);
  const cookie = cookieOf(b);
  const csrf = b.json().csrf as string;
  const a = (await login('ana', PW.ana)).json().csrf as string;
  const url = '/api/persons/merge';
  const payload = { a: [1], b: [2] };
  const routes = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { 'x-vigil-permission'?: string }>> };
  // The writes an editor's role allows: on those only the CSRF token stands between a forged request and the store.
  const writes = Object.entries(routes.paths).flatMap(([p, ms]) => Object.entries(ms).filter(([m, op]) => m !== 'get' && can('editor', (op['x-vigil-permission'] ?? 'read') as Permission)).map(([m]) => [m.toUpperCase(), p] as const));
  assert.ok(writes.length > 0);
  let checked = 0;
  for (const [method, path] of writes) {
    if (['/api/unlock', '/api/login', '/api/logout', '/api/lock'].includes(path)) continue;
    const u = path.replace(/\{[^}]+\}/g, '1');
    for (const headers of [{ cookie }, { cookie, 'x-vigil-csrf': 'forged' }, { cookie, 'x-vigil-csrf': a }]) {
      const r = await app.inject({ method: method as 'POST', url: u, headers, payload: {} });
      assert.equal(r.statusCode, 403, `${method} ${u} ${JSON.stringify(Object.keys(headers))}`);
      assert.match(r.json().error, /x-vigil-csrf/);
      checked++;
    }
  }
  assert.ok(checked >= 3);
  const right = await app.inject({ method: 'POST', url, headers: { cookie, 'x-vigil-csrf': csrf }, payload });
  assert.notEqual(right.statusCode, 403);
});

const waitForLock = async () => {
  for (let i = 0; i < 100 && (await app.inject({ method: 'GET', url: '/api/status' })).json().unlocked; i++) await new Promise((r) => setTimeout(r, 50));
};
const unlock = () => app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } });

test('a demotion or a removal rotates the keys and ends every session; logout ends one', async () => {
  const b = await login('boris', PW.boris);
  const cookie = cookieOf(b);
  assert.equal((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json().clearance, 'confidential');
  const out = await app.inject({ method: 'POST', url: '/api/logout', headers: { cookie } });
  assert.equal(out.statusCode, 200);
  assert.match(String(out.headers['set-cookie']), /vigil_session=;/);
  assert.equal((await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie } })).statusCode, 401);

  const again = cookieOf(await login('boris', PW.boris));
  const r = await setUserRole(dir, PASS, 'boris', 'viewer', 'cli:test');
  assert.ok(r.rotation, 'losing clearance rotates the keys');
  await waitForLock();
  assert.equal((await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie: again } })).statusCode, 423);
  assert.equal((await unlock()).statusCode, 200);
  const s = (await login('boris', PW.boris)).json();
  assert.deepEqual([s.role, s.clearance], ['viewer', 'public']);

  const last = cookieOf(await login('boris', PW.boris));
  await removeUser(dir, PASS, 'boris', 'cli:test');
  await waitForLock();
  assert.equal((await unlock()).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie: last } })).statusCode, 401);
  assert.equal((await login('boris', PW.boris)).statusCode, 401);
});

test('login is throttled per user (5 a minute) and in all (20 a minute)', async () => {
  const s = new WorkspaceSession(dir);
  await s.unlock(PASS);
  for (let i = 0; i < 5; i++) assert.equal(await s.login('ana', `wrong ${i}`), null);
  assert.equal(await s.login('ana', PW.ana), 'throttled', 'even the right password waits');
  const t = new WorkspaceSession(dir);
  await t.unlock(PASS);
  for (let i = 0; i < 20; i++) assert.equal(await t.login(`made-up-${i}`, 'x'), null);
  assert.equal(await t.login('ana', PW.ana), 'throttled');
  s.lock();
  t.lock();
  // Over HTTP: the 6th attempt for one name is 429.
  for (let i = 0; i < 5; i++) await login('ana', `wrong-again ${i}`);
  assert.equal((await login('ana', PW.ana)).statusCode, 429);
});

test('every change to users is audited with who, when, before and after — never a password or key', async () => {
  const store = await openWorkspace(dir, PASS);
  const log = store.auditLog().filter((e) => e.action.startsWith('users:'));
  store.close();
  assert.deepEqual(log.map((e) => [e.action, e.entity, e.actor]), [
    ['users:add', 'user:ana', 'cli:test'], ['users:add', 'user:boris', 'cli:test'], ['users:role', 'user:boris', 'cli:test'], ['users:remove', 'user:boris', 'cli:test'],
  ]);
  assert.deepEqual([log[2]!.before, log[2]!.after], [{ role: 'editor', keys: ['internal', 'confidential'] }, { role: 'viewer', keys: [] }]);
  assert.ok(log.every((e) => /^\d{4}-\d\d-\d\dT/.test(e.at)));
  const text = JSON.stringify(log) + readFileSync(join(dir, 'vigil.key'), 'utf8');
  for (const pw of Object.values(PW)) assert.ok(!text.includes(pw));
});
