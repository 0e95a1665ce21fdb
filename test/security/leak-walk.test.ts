/**
 * The leak walk. Fictional confidential canaries — a witness's name, a relative's phone number, a
 * testimony sentence, and a witness named in an otherwise public report — are planted beside public
 * controls. Then every role × every output is walked: every route in the generated OpenAPI
 * document (so a new route is covered without editing this test) with every id that exists, the
 * search for each canary, error answers, the CLI's outputs, the audit log — and no canary may reach
 * a role without clearance, while cleared roles must see them (positive control). Finally the
 * database file and WAL are read raw, and decrypted with the SQLCipher key: the canaries are
 * ciphertext at field level even then; and a viewer who copies the workspace files (vigil.key and
 * vigil.db) and holds their own password opens nothing at all. The formats' outputs are walked too:
 * pictures (a public one whose metadata holds a canary, kept only in its original; a confidential
 * report's and a confidential mention's, named after the witnesses), report links, a list's dry
 * run, and the FollowTheMoney export.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { initWorkspace, workspacePaths } from '../../src/store/workspace.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { buildApp } from '../../src/interfaces/http/server.ts';
import { WorkspaceSession } from '../../src/interfaces/http/session.ts';
import { addUser } from '../../src/store/users.ts';
import { ownerKeys, readKeyFile, unwrapSlot, WrongPassphraseError } from '../../src/store/keyfile.ts';
import { openDatabase } from '../../src/store/db.ts';
import { foldText } from '../../src/store/queries.ts';
import { main } from '../../src/interfaces/cli/main.ts';
import { USER_ROLE_NAMES, USER_ROLES } from '../../src/schema/access.ts';
import { addAttachment, linkReports } from '../../src/store/attachments.ts';
import { png, pngChunk } from '../support/documents.ts';

const PASS = 'fictional leak-walk passphrase';
const CHEAP = { memoryCost: 8192, timeCost: 1, parallelism: 1 };
const examples = join(import.meta.dirname, '../../examples');

// All FICTIONAL. Distinctive strings that occur nowhere else.
const WITNESS = 'Zlatoslava Pereyaslavets';
const PHONE = '+375 29 555 01 73';
const TESTIMONY = 'they kept my brother Ihar in the cold punishment cell for nine nights';
const HIDDEN = 'Yevdokia Hrushevska';
/** Where a picture of a public report was taken: only its original (for confidential roles) keeps it. */
const GPS = 'FICTIONAL-GPS 53.90421 N 27.56190 E';
const CANARIES = [WITNESS, PHONE, TESTIMONY, HIDDEN, GPS];
const PUBLIC_CONTROL = 'Kovalchuk';

const CONFIDENTIAL_REPORT = `title: Testimony of a relative (FICTIONAL)
published: 2024-04-02
language: en
confidentiality: confidential
---
Testimony of a relative

MINSK — ${WITNESS}, the sister of blogger Ihar Kovalchuk, can be reached at ${PHONE}. She said ${TESTIMONY}.
Ihar Kovalchuk was transferred to the Zhodino prison on 1 April 2024, ${WITNESS} said.
`;
const MIXED_REPORT = `title: Court hearing of Pavel Sidorenko (FICTIONAL)
published: 2024-05-02
language: en
---
Court hearing of Pavel Sidorenko

GOMEL — Activist Pavel Sidorenko was sentenced to four years in a penal colony on 30 April 2024 under Article 342.
Witness ${HIDDEN} testified that Pavel Sidorenko was detained on 3 March 2024 in Gomel. Lawyer ${HIDDEN} was also present.
`;

let dir: string;
let app: FastifyInstance;
let session: WorkspaceSession;
type Who = { name: string; cookie: string; csrf: string; cleared: boolean };
const callers: Who[] = [];

const PW = (role: string) => `pw-of-${role}-fictional`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-leak-'));
  const store = await initWorkspace(dir, PASS, CHEAP);
  for (const f of readdirSync(examples).filter((f) => f !== 'README.md' && f !== 'lists')) ingestBytes(store, readFileSync(join(examples, f)), f, 'test');
  const [secret] = ingestBytes(store, Buffer.from(CONFIDENTIAL_REPORT), 'relative-testimony.txt', 'test');
  const mixed = ingestBytes(store, Buffer.from(MIXED_REPORT), 'sidorenko-hearing.txt', 'test');
  void mixed;
  const m = store.db.prepare('SELECT id FROM mentions WHERE name LIKE ?').get(`%${HIDDEN.split(' ')[1]}%`) as { id: number } | undefined;
  assert.ok(m, 'the extractor found the witness in the mixed report');
  store.setConfidentiality('mentions', m.id, 'confidential', 'test');
  // Pictures: a public report's, whose metadata says where it was taken; the confidential report's and the hidden witness's, named after them.
  const pub = store.db.prepare("SELECT id, sha256 FROM reports WHERE confidentiality = 'public' ORDER BY id LIMIT 1").get() as { id: number; sha256: string };
  const secretId = (store.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get((secret as { sha256: string }).sha256) as { id: number }).id;
  const picture = (name: string, extra: Buffer[] = []) => ({ filename: name, mediaType: 'image/png', bytes: png(8, 8, extra) });
  addAttachment(store, { reportId: pub.id }, picture('outside the court.png', [pngChunk('tEXt', Buffer.from(`Comment\0${GPS}`))]), 'test', { picture: true });
  addAttachment(store, { reportId: secretId }, picture(`${WITNESS}.png`), 'test', { picture: true });
  addAttachment(store, { mentionId: m.id }, picture(`${HIDDEN}.png`), 'test', { picture: true });
  // The confidential report came attached to a public one: the link is not shown to who may not see it.
  linkReports(store, (secret as { sha256: string }).sha256, pub.sha256, 'attachment', 'test');
  resolvePersons(store, 'test');
  store.close();
  for (const role of USER_ROLE_NAMES) await addUser(dir, PASS, `u-${role}`, role, PW(role), 'test', CHEAP);
  session = new WorkspaceSession(dir);
  app = await buildApp(dir, session);
  // The owner unlocks (a user's password opens no database); then users sign in with their own passwords.
  const o = await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } });
  for (const role of ['viewer', 'reviewer', 'editor', 'admin'] as const) {
    const r = await app.inject({ method: 'POST', url: '/api/login', payload: { user: `u-${role}`, password: PW(role) } });
    assert.equal(r.statusCode, 200, r.body);
    callers.push({ name: role, cookie: String(r.headers['set-cookie']).split(';')[0]!, csrf: r.json().csrf, cleared: USER_ROLES[role].clearance === 'confidential' });
  }
  callers.push({ name: 'owner', cookie: String(o.headers['set-cookie']).split(';')[0]!, csrf: o.json().csrf, cleared: true });
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Canary forms to look for: as written, folded for search, JSON-escaped, and the phone's digits. */
const forms = (c: string) => [c, foldText(c), JSON.stringify(c).slice(1, -1), ...(c === PHONE ? [c.replace(/\D/g, ''), '555 01 73'] : []), ...(c.includes(' ') && c.split(' ').length === 2 ? [c.split(' ')[1]!] : [])];
const leaks = (text: string) => CANARIES.filter((c) => forms(c).some((f) => f.length >= 6 && text.includes(f)));

test('leak walk: every role × every output', { timeout: 300_000 }, async () => {
  const db = session.openStore!.db;
  const ids = {
    id: [] as string[],
    sha: (db.prepare('SELECT sha256 FROM reports').all() as { sha256: string }[]).map((r) => r.sha256),
  };
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
  const maxId = Math.max(...['reports', 'persons', 'claims', 'mentions'].map((t) => (db.prepare(`SELECT max(id) AS n FROM ${t}`).get() as { n: number }).n));
  ids.id = Array.from({ length: maxId }, (_, i) => String(i + 1));
  const outputs: { label: string; method: string; url: string; payload?: object }[] = [];
  for (const [path, ms] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ms)) {
      if (['/api/lock', '/api/logout', '/api/login', '/api/unlock'].includes(path)) continue;
      const method = m.toUpperCase();
      // Deleting reports outputs nothing but counts, and would empty the walk (tested in report-deletion.test.ts).
      if (method === 'DELETE') continue;
      const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const queries = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const urls = params.length === 0 ? [path] : (ids[params[0] as 'id' | 'sha'] ?? ids.id).map((v) => path.replace(`{${params[0]}}`, v));
      for (const url of urls) {
        if (method === 'GET') {
          outputs.push({ label: `GET ${path}`, method, url });
          if (queries.includes('q')) for (const c of [...CANARIES, PUBLIC_CONTROL, 'brother', 'sister', 'Hrushevska', '375']) outputs.push({ label: `GET ${path}?q`, method, url: `${url}?q=${encodeURIComponent(c)}` });
          for (const q of queries.filter((x) => x !== 'q')) outputs.push({ label: `GET ${path}?${q}`, method, url: `${url}?${q}=${encodeURIComponent(WITNESS)}` });
        } else {
          // Writes: an empty body (error answers) and, for reviews, a decision on every claim.
          outputs.push({ label: `${method} ${path} {}`, method, url, payload: {} });
          if (path.endsWith('/review')) outputs.push({ label: `${method} ${path}`, method, url, payload: { decision: 'disputed', note: 'leak walk' } });
          if (path.endsWith('/correct')) outputs.push({ label: `${method} ${path}`, method, url, payload: { place: 'Gomel' } });
        }
      }
    }
  }
  // A list's dry run, for real: editors and admins preview it (nothing changes), other roles are refused.
  const list = Buffer.from('Name;Held in\nPavel Sidorenko;Gomel SIZO\nIhar Kovalchuk;Zhodino prison\n');
  outputs.push({ label: 'POST /api/import-list dryRun', method: 'POST', url: '/api/import-list', payload: { filename: 'walk-list.csv', csv: list.toString('base64'), map: { columns: { name: 'Name', place: 'Held in' } }, dryRun: true } });
  // Error answers that echo what was asked.
  for (const u of [`/api/persons/${encodeURIComponent(WITNESS)}`, `/api/reports/${encodeURIComponent(PHONE)}`, '/api/nope']) outputs.push({ label: 'error', method: 'GET', url: u });

  let pairs = 0;
  const seenByCleared = new Map<string, string>();
  for (const who of callers) {
    let all = '';
    for (const o of outputs) {
      const r = await app.inject({ method: o.method as 'GET', url: o.url, headers: { cookie: who.cookie, 'x-vigil-csrf': who.csrf }, ...(o.payload ? { payload: o.payload } : {}) });
      assert.ok(r.statusCode < 500, `${who.name} ${o.method} ${o.url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      if (o.label.endsWith('dryRun')) assert.equal(r.statusCode, USER_ROLES[who.name as 'viewer'] && !who.cleared ? 403 : 200, `${who.name}: ${r.body.slice(0, 200)}`);
      if (o.label.endsWith('dryRun') && r.statusCode === 200) assert.ok(r.json().dryRun && r.json().rows.length === 2, r.body.slice(0, 200));
      let body = r.rawPayload.toString('utf8');
      // The search answer repeats the caller's own query (query, keys): that echo is not a leak.
      if (o.url.includes('?q=')) {
        const j = r.json() as Record<string, unknown>;
        delete j.query;
        delete j.keys;
        body = JSON.stringify(j);
      }
      body += JSON.stringify(r.headers);
      if (!who.cleared) assert.deepEqual(leaks(body), [], `${who.name} (${USER_ROLES[who.name as 'viewer']?.clearance}) got a canary from ${o.method} ${o.url}`);
      all += body;
      pairs++;
    }
    if (who.cleared) seenByCleared.set(who.name, all);
    assert.ok(all.includes(PUBLIC_CONTROL), `${who.name} sees the public control`);
  }
  // The dry runs changed nothing, and the confidential report's link to a public one is not shown below clearance.
  assert.equal(db.prepare("SELECT count(*) FROM reports WHERE format = 'csv-list'").pluck().get(), 0, 'a dry run stored the list');
  const pubId = (db.prepare('SELECT parent_id FROM report_links').get() as { parent_id: number }).parent_id;
  for (const who of callers) {
    const links = (await app.inject({ method: 'GET', url: `/api/reports/${pubId}/attachments`, headers: { cookie: who.cookie } })).json() as { children: unknown[] };
    assert.equal(links.children.length, who.cleared ? 1 : 0, `${who.name} sees ${links.children.length} linked reports`);
  }
  // Positive control: every cleared caller saw every canary somewhere.
  for (const [name, all] of seenByCleared) for (const c of CANARIES) assert.ok(all.includes(c), `${name} (cleared) never saw “${c}”: the walk would not catch a leak of it`);
  console.log(`# leak walk: ${callers.length} callers × ${outputs.length} HTTP outputs = ${pairs} role × output pairs`);
});

test('leak walk: CLI outputs (owner only: the CLI needs the passphrase) carry the canaries, the audit log does not', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  const env = process.env.VIGIL_PASSPHRASE;
  process.env.VIGIL_PASSPHRASE = PASS;
  try {
    for (const argv of [['persons'], ['persons', '--json'], ['person', 'Kovalchuk'], ['person', 'Kovalchuk', '--json'], ['person', WITNESS], ['verify']]) {
      // Read once, the passphrase leaves the environment: each command is given it anew.
      process.env.VIGIL_PASSPHRASE = PASS;
      // 0, or 1 where no person goes by the name; never a wrong passphrase (2) or an internal error (70).
      assert.ok([0, 1].includes(await main(['node', 'vigil', ...argv, '-w', dir], io)), `${argv.join(' ')}: ${err.join('\n')}`);
    }
  } finally {
    if (env === undefined) delete process.env.VIGIL_PASSPHRASE;
    else process.env.VIGIL_PASSPHRASE = env;
  }
  const text = out.join('\n') + err.join('\n');
  assert.ok(text.includes(PUBLIC_CONTROL));
  // The owner is cleared: the case file shows the confidential testimony as its source says it.
  assert.ok(leaks(text).length > 0, 'the owner sees confidential content in the CLI (positive control)');
  assert.ok(!/ALTERED/.test(text), text);
  // The audit log is read by no role over HTTP, but it is a log: it carries levels, never content.
  const audit = JSON.stringify(session.openStore!.auditLog());
  assert.deepEqual(leaks(audit), []);
  console.log('# leak walk: 6 CLI outputs (owner), 1 audit log');
});

test('leak walk: `vigil export` (Vigil JSON and FollowTheMoney) at public and internal level holds no canary; at confidential level it does (positive control)', async () => {
  const env = process.env.VIGIL_PASSPHRASE;
  process.env.VIGIL_PASSPHRASE = PASS;
  const run = async (level: string, format = 'vigil') => {
    const out: string[] = [];
    process.env.VIGIL_PASSPHRASE = PASS;
    await main(['node', 'vigil', 'export', '--level', level, '--format', format, '--include-proposed', '-w', dir], { out: (s: string) => out.push(s), err: (s: string) => out.push(s) });
    return out.join('\n');
  };
  try {
    for (const level of ['public', 'internal']) {
      const text = await run(level);
      assert.ok(text.includes(PUBLIC_CONTROL) && text.includes('"format": "vigil-export/1"'), `${level} export has the public data`);
      assert.deepEqual(leaks(text), [], `${level} export`);
      const ftm = await run(level, 'ftm');
      assert.ok(ftm.includes(PUBLIC_CONTROL) && ftm.includes('"schema":"Person"'), `${level} FtM export has the public data`);
      assert.deepEqual(leaks(ftm), [], `${level} FtM export`);
    }
    assert.ok(leaks(await run('confidential')).length > 0, 'a confidential export carries the confidential content');
    assert.ok(leaks(await run('confidential', 'ftm')).length > 0, 'a confidential FtM export carries the confidential content');
    // --out writes a new file and never overwrites one.
    const file = join(dir, 'public-export.json');
    const say: string[] = [];
    const io = { out: (x: string) => say.push(x), err: (x: string) => say.push(x) };
    process.env.VIGIL_PASSPHRASE = PASS;
    assert.equal(await main(['node', 'vigil', 'export', '--out', file, '-w', dir], io), 0);
    assert.deepEqual(leaks(readFileSync(file, 'utf8')), []);
    process.env.VIGIL_PASSPHRASE = PASS;
    assert.equal(await main(['node', 'vigil', 'export', '--out', file, '-w', dir], io), 1);
    assert.match(say.at(-1)!, /exists/);
  } finally {
    if (env === undefined) delete process.env.VIGIL_PASSPHRASE;
    else process.env.VIGIL_PASSPHRASE = env;
  }
  console.log('# leak walk: 6 exports (public, internal, confidential; Vigil JSON and FtM)');
});

test('the database file and WAL hold no canary, raw or decrypted with the SQLCipher key', async () => {
  const p = workspacePaths(dir);
  for (const f of [p.db, `${p.db}-wal`, p.key]) if (existsSync(f)) assert.deepEqual(leaks(readFileSync(f).toString('latin1')), [], f);
  // With the database key (the owner's and the unlocked server's): dump every column of every table.
  const { keys } = await ownerKeys(readKeyFile(p.key), PASS);
  const db = openDatabase(p.db, keys.db, { create: false });
  let dump = '';
  try {
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const v of Object.values(row)) dump += Buffer.isBuffer(v) ? v.toString('utf8') + v.toString('latin1') : String(v);
        dump += '\n';
      }
    }
  } finally {
    db.close();
  }
  assert.ok(dump.includes(PUBLIC_CONTROL), 'the dump reads the public control (positive control)');
  assert.deepEqual(leaks(dump), [], 'a canary is in the clear inside the decrypted database');
});

test('a viewer holding the workspace files (vigil.key, vigil.db) and their own password opens nothing', async () => {
  const p = workspacePaths(dir);
  const file = readKeyFile(p.key);
  for (const role of USER_ROLE_NAMES) {
    // Their password is not the owner's: no owner slot opens, so neither the database key nor any field key.
    await assert.rejects(ownerKeys(file, PW(role)), WrongPassphraseError);
    // Their own slot opens: it holds their private key and nothing else.
    const { value } = await unwrapSlot(file, PW(role), { only: `user:u-${role}` });
    assert.ok(!file.slots.some((s) => !s.id.startsWith('user:') && s.ct.includes(value.toString('base64'))));
    // Nothing they hold opens the database: not the private key, nor any part of it taken as a key.
    for (const candidate of [value, value.subarray(0, 32), value.subarray(-32)]) {
      assert.throws(() => openDatabase(p.db, candidate, { create: false }), WrongPassphraseError, `${role}: a key they hold opened the database`);
    }
  }
  // Nor do the bytes themselves: the canaries and the public control alike are ciphertext.
  for (const f of [p.db, `${p.db}-wal`, p.key]) if (existsSync(f)) assert.ok(!readFileSync(f).includes(PUBLIC_CONTROL), f);
});
