/**
 * The second round of attacks (issue #17), each reproduced as the attacker did it: with a
 * low-privilege account, with a copy of the workspace files or the database key, and with
 * poisoned reports. Every name and report here is FICTIONAL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace, openWorkspace, workspacePaths } from '../../src/store/workspace.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { buildApp } from '../../src/interfaces/http/server.ts';
import { WorkspaceSession } from '../../src/interfaces/http/session.ts';
import { addUser, removeUser } from '../../src/store/users.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { main } from '../../src/interfaces/cli/main.ts';
import { buildExport } from '../../src/views/export.ts';
import { openDatabase } from '../../src/store/db.ts';
import { ownerKeys, readKeyFile, WrongPassphraseError } from '../../src/store/keyfile.ts';
import { openField, token } from '../../src/store/confidential.ts';
import { foldText, search } from '../../src/store/queries.ts';
import { readPassphrase } from '../../src/interfaces/cli/passphrase.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';

const PASS = 'fictional second-round passphrase';
const CHEAP = { memoryCost: 8192, timeCost: 1, parallelism: 1 };
const LAWYER = 'Ales Zhukouski';
const REPORT = `title: Hearing of Pavel Sidorenko (FICTIONAL)
published: 2024-05-02
language: en
---
Hearing of Pavel Sidorenko

GOMEL — Activist Pavel Sidorenko was detained on 3 March 2024 in Gomel, his lawyer ${LAWYER} said.
Activist Pavel Sidorenko was sentenced to four years in a penal colony on 30 April 2024 under Article 342.
Blogger Maryna Lis was detained on 5 March 2024 in Gomel.
`;
const SECRET_REPORT = `title: Testimony (FICTIONAL)
published: 2024-04-02
language: en
confidentiality: confidential
---
Testimony

MINSK — Witness Zlata Pereyaslavets said that Ihar Kovalchuk was transferred to the Zhodino prison on 1 April 2024.
`;

interface Ws { dir: string; store: SqliteStore }
async function fresh(reports: [string, string][] = [['hearing.txt', REPORT], ['testimony.txt', SECRET_REPORT]]): Promise<Ws> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-round2-'));
  const store = await initWorkspace(dir, PASS, CHEAP);
  for (const [name, text] of reports) ingestBytes(store, Buffer.from(text), name, 'test');
  resolvePersons(store, 'test');
  return { dir, store };
}

async function serve(dir: string, opts: Parameters<typeof buildApp>[2] = {}) {
  const session = new WorkspaceSession(dir);
  const app = await buildApp(dir, session, opts);
  const o = await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } });
  const owner = { cookie: String(o.headers['set-cookie']).split(';')[0]!, csrf: o.json().csrf as string };
  const login = async (user: string, password: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/login', payload: { user, password } });
    assert.equal(r.statusCode, 200, r.body);
    return { cookie: String(r.headers['set-cookie']).split(';')[0]!, csrf: r.json().csrf as string };
  };
  const get = async (who: { cookie: string }, url: string) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  return { app, session, owner, login, get };
}

const mentionIds = (store: SqliteStore, like: string) => (store.db.prepare('SELECT id FROM mentions WHERE name LIKE ?').all(`%${like}%`) as { id: number }[]).map((m) => m.id);

test('#1 a name whose every mention is confidential reaches no viewer and no public export; an internal mention shows nothing of itself to a viewer', async () => {
  const { dir, store } = await fresh([['hearing.txt', REPORT]]);
  const lawyer = mentionIds(store, 'Zhukouski');
  assert.ok(lawyer.length > 0, 'the extractor found the lawyer');
  for (const id of lawyer) store.setConfidentiality('mentions', id, 'confidential', 'test');
  const lis = mentionIds(store, 'Lis');
  assert.ok(lis.length > 0);
  for (const id of lis) store.setConfidentiality('mentions', id, 'internal', 'test');
  const exported = JSON.stringify(buildExport(store, 'public', new Date(), { includeProposed: true }));
  assert.ok(exported.includes('Sidorenko'), 'the public export has the public person (control)');
  assert.ok(!exported.includes('Zhukouski'), 'the public export names the lawyer');
  assert.ok(!exported.includes('Maryna'), 'the public export shows an internal mention');
  store.close();
  await addUser(dir, PASS, 'vic', 'viewer', 'vic-fictional-pw', 'test', CHEAP);
  await addUser(dir, PASS, 'rev', 'reviewer', 'rev-fictional-pw', 'test', CHEAP);
  const { app, login, get } = await serve(dir);
  try {
    const vic = await login('vic', 'vic-fictional-pw');
    const rev = await login('rev', 'rev-fictional-pw');
    const walk = async (who: { cookie: string }) => {
      let all = (await get(who, '/api/persons')).body;
      for (const p of (await get(who, '/api/persons')).json() as { id: number }[]) all += (await get(who, `/api/persons/${p.id}`)).body;
      for (let id = 1; id < 20; id++) all += (await get(who, `/api/persons/${id}`)).body;
      return all + (await get(who, '/api/prisoners')).body + (await get(who, '/api/reports/1')).body;
    };
    const seen = await walk(vic);
    assert.ok(seen.includes('Sidorenko'));
    assert.ok(!seen.includes('Zhukouski'), 'a viewer got the confidential name (person list, case file or related persons)');
    assert.ok(!seen.includes('Maryna'), 'a viewer got the internal mention');
    assert.ok((await walk(rev)).includes('Maryna'), 'a reviewer sees the internal mention (control)');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#2 a planted placeholder turns into nobody\'s secret: corrections and uploads carrying one are refused, and planted text stays text', async () => {
  const { dir, store } = await fresh();
  const secretClaim = (store.db.prepare("SELECT id FROM claims WHERE confidentiality = 'confidential'").get() as { id: number }).id;
  const publicClaim = (store.db.prepare("SELECT id FROM claims WHERE confidentiality = 'public'").get() as { id: number }).id;
  store.close();
  await addUser(dir, PASS, 'rev', 'reviewer', 'rev-fictional-pw', 'test', CHEAP);
  await addUser(dir, PASS, 'eda', 'editor', 'eda-fictional-pw', 'test', CHEAP);
  const { app, session, login, get } = await serve(dir);
  try {
    const rev = await login('rev', 'rev-fictional-pw');
    const eda = await login('eda', 'eda-fictional-pw');
    const planted = token('claims', secretClaim, 'evidence');
    const r = await app.inject({ method: 'POST', url: `/api/claims/${publicClaim}/correct`, headers: { cookie: rev.cookie, 'x-vigil-csrf': rev.csrf }, payload: { place: planted } });
    assert.equal(r.statusCode, 400, r.body);
    const up = await app.inject({ method: 'POST', url: '/api/reports?filename=poison.txt', headers: { cookie: eda.cookie, 'x-vigil-csrf': eda.csrf, 'content-type': 'application/octet-stream' }, payload: `Poisoned (FICTIONAL). Activist Ivan Petrov was detained in Minsk on 2 March 2024. ${planted}` });
    assert.equal(up.statusCode, 422, up.body);
    // Even text already in a row (written around the checks) is text: only a field's own placeholder opens.
    session.openStore!.db.prepare('UPDATE claims SET place = ? WHERE id = ?').run(planted, publicClaim);
    const seen = (await get(eda, `/api/claims/${publicClaim}`)).json() as { place: string };
    assert.equal(seen.place, planted, 'a planted placeholder was opened for an editor');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#3 a viewer with the workspace files and their password opens nothing; a role raised in the database grants nothing', async () => {
  const { dir, store } = await fresh();
  const dbKey = Buffer.from(store.keys.db);
  store.close();
  await addUser(dir, PASS, 'vic', 'viewer', 'vic-fictional-pw', 'test', CHEAP);
  const p = workspacePaths(dir);
  await assert.rejects(ownerKeys(readKeyFile(p.key), 'vic-fictional-pw'), WrongPassphraseError);
  // Suppose the viewer got the database key anyway: they make themselves admin.
  const db = openDatabase(p.db, dbKey, { create: false });
  db.prepare("UPDATE users SET role = 'admin' WHERE name = 'vic'").run();
  db.close();
  const { app } = await serve(dir);
  try {
    const r = await app.inject({ method: 'POST', url: '/api/login', payload: { user: 'vic', password: 'vic-fictional-pw' } });
    assert.equal(r.statusCode, 401, 'a user row changed outside Vigil signed in');
  } finally {
    await app.close();
  }
  // And a session of a cleared role that brought no keys reads no sealed field (nothing falls back to the server's keys).
  const s = new WorkspaceSession(dir);
  const a2 = await buildApp(dir, s);
  try {
    await a2.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } });
    const tok = s.open({ name: 'keyless', role: 'editor', clearance: 'confidential' });
    const body = (await a2.inject({ method: 'GET', url: '/api/reports/2', headers: { cookie: `vigil_session=${tok}` } })).body;
    assert.ok(!body.includes('Pereyaslavets'), 'a session without keys read a confidential field');
  } finally {
    await a2.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#4 tampering by someone holding the database key is named by verify: claims, users, reviews, the audit log and its head', async () => {
  const { dir, store } = await fresh();
  store.reviewClaim(1, 'accepted', 'test', 'checked');
  store.close();
  await addUser(dir, PASS, 'vic', 'viewer', 'vic-fictional-pw', 'test', CHEAP);
  const p = workspacePaths(dir);
  const { keys } = await ownerKeys(readKeyFile(p.key), PASS);
  const db = openDatabase(p.db, keys.db, { create: false });
  db.prepare("UPDATE claims SET type = 'release', review_status = 'accepted' WHERE id = 2").run();
  db.prepare("UPDATE users SET role = 'admin' WHERE name = 'vic'").run();
  db.prepare("UPDATE reviews SET reviewer = 'mallory'").run();
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
  const last = (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
  db.prepare('DELETE FROM audit_log WHERE id > ?').run(last - 2);
  // Rewrite an actor and recompute the whole chain with SHA-256, as the attacker did.
  db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE id = 1").run();
  const { createHash } = await import('node:crypto');
  let prev = '0'.repeat(64);
  for (const e of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | null>[]) {
    const hash = createHash('sha256').update(JSON.stringify([prev, e.at, e.actor, e.action, e.entity, e.before_json, e.after_json])).digest('hex');
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, e.id);
    prev = hash;
  }
  db.close();
  const s = await openWorkspace(dir, PASS);
  try {
    const v = verifyStore(s);
    const all = v.problems.join('\n');
    assert.ok(!v.ok, 'verify said nothing was altered');
    assert.match(all, /claims row 2 was altered/);
    assert.match(all, /users row vic was altered/);
    assert.match(all, /reviews row \d+ was altered/);
    assert.match(all, /audit entry #1 .*altered/);
    assert.match(all, /anchored head/);
  } finally {
    s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#5 a removed editor\'s keys open nothing written after the removal: the database is re-keyed and the field keys rotated', async () => {
  const { dir, store } = await fresh([['hearing.txt', REPORT]]);
  store.close();
  await addUser(dir, PASS, 'eda', 'editor', 'eda-fictional-pw', 'test', CHEAP);
  const p = workspacePaths(dir);
  // What the editor could carry away: the key file, and every key their session or the old design gave them.
  const before = await ownerKeys(readKeyFile(p.key), PASS);
  const r = await removeUser(dir, PASS, 'eda', 'test');
  assert.ok(r.epoch > 1);
  const s = await openWorkspace(dir, PASS);
  ingestBytes(s, Buffer.from(SECRET_REPORT), 'after-removal.txt', 'test');
  const id = (s.db.prepare("SELECT id FROM reports WHERE confidentiality = 'confidential'").get() as { id: number }).id;
  assert.ok(String(openField(s.db, s.fieldKeys, 'reports', id, 'main_text')).includes('Pereyaslavets'), 'the owner reads it (control)');
  assert.throws(() => openField(s.db, { confidential: before.keys.confidential }, 'reports', id, 'main_text'), 'the old confidential key opened a report added after the removal');
  assert.ok(verifyStore(s).ok);
  s.close();
  assert.throws(() => openDatabase(p.db, before.keys.db, { create: false }), WrongPassphraseError, 'the old database key still opens the database');
  rmSync(dir, { recursive: true, force: true });
});

test('#6 `vigil lock --panic` also locks a running server: every session ends', async () => {
  const { dir, store } = await fresh([['hearing.txt', REPORT]]);
  store.close();
  const { app, session, owner, get } = await serve(dir);
  try {
    assert.equal((await get(owner, '/api/reports')).statusCode, 200);
    const out: string[] = [];
    assert.equal(await main(['node', 'vigil', 'lock', '--panic', '--yes', '-w', dir], { out: (s) => out.push(s), err: (s) => out.push(s) }), 0, out.join('\n'));
    for (let i = 0; i < 100 && session.unlocked; i++) await new Promise((r) => setTimeout(r, 50));
    assert.notEqual((await get(owner, '/api/reports')).statusCode, 200, 'a session still reads the workspace after the panic');
    assert.equal(session.unlocked, false);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#7 parallel guesses are counted before hashing: 40 at once for one user get at most 5 answers', async () => {
  const { dir, store } = await fresh([['hearing.txt', REPORT]]);
  store.close();
  await addUser(dir, PASS, 'vic', 'viewer', 'vic-fictional-pw', 'test', CHEAP);
  const { app } = await serve(dir);
  try {
    const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => app.inject({ method: 'POST', url: '/api/login', payload: { user: 'vic', password: `guess-${i}` } })));
    const tried = rs.filter((r) => r.statusCode === 401).length;
    assert.ok(tried <= 5, `${tried} guesses were hashed and answered`);
    assert.equal(rs.filter((r) => r.statusCode === 429).length, 40 - tried);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#8 a pathological upload does not hold the server: a case file is answered while it is read, and it is stopped at its budget', { timeout: 120_000 }, async () => {
  const { dir, store } = await fresh([['hearing.txt', REPORT]]);
  const personId = (store.db.prepare('SELECT id FROM persons LIMIT 1').get() as { id: number }).id;
  store.close();
  const { app, owner } = await serve(dir, { extraction: { budgetMs: 300 } });
  try {
    // Near the size cap: seconds of work even for a linear extractor, far over this budget.
    const bad = `Pathological (FICTIONAL). Ivan was detained. ${'Ivan, '.repeat(150_000)}`;
    const order: string[] = [];
    const upload = app.inject({ method: 'POST', url: '/api/reports?filename=ivan.txt', headers: { cookie: owner.cookie, 'x-vigil-csrf': owner.csrf, 'content-type': 'application/octet-stream' }, payload: bad })
      .then((r) => { order.push('upload'); return r; });
    await new Promise((r) => setTimeout(r, 100));
    const caseFile = await app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: { cookie: owner.cookie } });
    order.push('case file');
    assert.equal(caseFile.statusCode, 200);
    const up = await upload;
    assert.deepEqual(order, ['case file', 'upload'], 'the case file waited for the upload');
    assert.equal(up.statusCode, 422, up.body);
    assert.match(up.json().error, /longer than/);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#9 five million "a" in one report no longer breaks search, and an admin can delete a report (CLI and HTTP) with its claims and search rows', async () => {
  assert.equal(foldText('a'.repeat(5_000_000)), 'a');
  const { dir, store } = await fresh([['hearing.txt', REPORT], ['aaaa.txt', `title: aaaa\n---\n${'a'.repeat(5_000_000)}\n`]]);
  assert.ok(search(store, 'Sidorenko', store.owner).results.length > 0);
  const aaaa = (store.db.prepare("SELECT id FROM reports WHERE filename LIKE '%aaaa%'").get() as { id: number }).id;
  const hearing = (store.db.prepare("SELECT id FROM reports WHERE filename LIKE '%hearing%'").get() as { id: number }).id;
  store.close();
  process.env.VIGIL_PASSPHRASE = PASS;
  const said: string[] = [];
  assert.equal(await main(['node', 'vigil', 'delete', 'report', String(aaaa), '-w', dir], { out: (s) => said.push(s), err: (s) => said.push(s) }), 0, said.join('\n'));
  await addUser(dir, PASS, 'ada', 'admin', 'ada-fictional-pw', 'test', CHEAP);
  await addUser(dir, PASS, 'eda', 'editor', 'eda-fictional-pw', 'test', CHEAP);
  const { app, session, login, get } = await serve(dir);
  try {
    const ada = await login('ada', 'ada-fictional-pw');
    const eda = await login('eda', 'eda-fictional-pw');
    assert.equal((await get(ada, '/api/search?q=Sidorenko')).statusCode, 200);
    const del = (who: { cookie: string; csrf: string }) => app.inject({ method: 'DELETE', url: `/api/reports/${hearing}`, headers: { cookie: who.cookie, 'x-vigil-csrf': who.csrf } });
    assert.equal((await del(eda)).statusCode, 403, 'only an admin deletes');
    const r = await del(ada);
    assert.equal(r.statusCode, 200, r.body);
    const db = session.openStore!.db;
    assert.equal((db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n, 0);
    assert.deepEqual((await get(ada, '/api/search?q=Sidorenko')).json().results, []);
    assert.equal((db.prepare("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'sidarenka*'").get() as { n: number }).n, 0, 'its search rows stayed');
    const log = session.openStore!.auditLog().filter((e) => e.action === 'report:delete');
    assert.equal(log.length, 2);
    assert.ok(verifyStore(session.openStore!).ok);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#10 the server answers only requests addressed to it, and refuses other origins', async () => {
  const { dir, store } = await fresh([['hearing.txt', REPORT]]);
  store.close();
  const session = new WorkspaceSession(dir);
  const app = await buildApp(dir, session, { hosts: new Set(['127.0.0.1:8080']) });
  try {
    const o = await app.inject({ method: 'POST', url: '/api/unlock', headers: { host: '127.0.0.1:8080' }, payload: { passphrase: PASS } });
    assert.equal(o.statusCode, 200);
    const owner = { cookie: String(o.headers['set-cookie']).split(';')[0]! };
    const at = (host: string, origin?: string) => app.inject({ method: 'GET', url: '/api/reports', headers: { host, cookie: owner.cookie, ...(origin ? { origin } : {}) } });
    assert.equal((await at('attacker.example:8080')).statusCode, 421, 'DNS rebinding: a foreign Host was served');
    assert.equal((await at('127.0.0.1:8080', 'http://attacker.example')).statusCode, 421, 'a foreign Origin was served');
    assert.equal((await at('127.0.0.1:8080', 'http://127.0.0.1:8080')).statusCode, 200);
    const lock = await app.inject({ method: 'POST', url: '/api/lock', headers: { host: '127.0.0.1:8080' } });
    assert.equal(lock.statusCode, 401, 'a lock without a session was obeyed');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('#11 the passphrase leaves the environment once read; the workspace folder is 0700 and its files 0600', async () => {
  process.env.VIGIL_PASSPHRASE = PASS;
  assert.equal(await readPassphrase(), PASS);
  assert.equal(process.env.VIGIL_PASSPHRASE, undefined);
  const parent = mkdtempSync(join(tmpdir(), 'vigil-modes-'));
  const dir = join(parent, 'ws');
  mkdirSync(dir);
  chmodSync(dir, 0o755);
  const store = await initWorkspace(dir, PASS, CHEAP);
  ingestBytes(store, Buffer.from(REPORT), 'hearing.txt', 'test');
  const p = workspacePaths(dir);
  const mode = (f: string) => statSync(f).mode & 0o777;
  try {
    assert.equal(mode(dir), 0o700);
    for (const f of [p.db, `${p.db}-wal`, `${p.db}-shm`, p.key]) assert.equal(mode(f), 0o600, f);
  } finally {
    store.close();
    rmSync(parent, { recursive: true, force: true });
  }
});

test('#12 correcting a claim whose evidence is sealed, then marking the correction confidential, leaves a store that verifies', async () => {
  const { dir, store } = await fresh([['hearing.txt', REPORT]]);
  try {
    for (const id of mentionIds(store, 'Zhukouski')) store.setConfidentiality('mentions', id, 'confidential', 'test');
    const sealed = (store.db.prepare("SELECT row_id FROM sealed_fields WHERE tbl = 'claims' AND field = 'evidence' AND row_id IN (SELECT id FROM claims WHERE confidentiality = 'public')").get() as { row_id: number } | undefined)?.row_id;
    assert.ok(sealed, 'a public claim quoting the lawyer has its evidence sealed');
    const fixed = store.correctClaim(sealed, { date: '2024-03-04' }, 'test');
    assert.ok(fixed.evidence.includes(LAWYER), 'the correction carries the clear evidence, not another row\'s placeholder');
    store.setConfidentiality('claims', fixed.id, 'confidential', 'test');
    const v = verifyStore(store);
    assert.ok(v.ok, v.problems.join('; '));
    assert.ok(store.claim(fixed.id)!.evidence.includes(LAWYER));
    assert.ok(!JSON.stringify(store.auditLog()).includes('Zhukouski'), 'the audit log keeps plain text of a sealed field');
    assert.ok(!readFileSync(workspacePaths(dir).key, 'utf8').includes('Zhukouski'));
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
