// Field keys by clearance and field sealing: who holds which key, what tampering does, grant and
// revoke by role, passphrase change and recovery keep the keys, marking down opens a field again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace, openWorkspace } from '../../src/store/workspace.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { addUser, setUserRole } from '../../src/store/users.ts';
import { changePassphrase, addRecoverySlot } from '../../src/store/keys.ts';
import { newUserKeyPair, sealTo, unsealFrom, openField, openColumns, REDACTED } from '../../src/store/confidential.ts';
import { randomBytes } from 'node:crypto';
import { verifyStore } from '../../src/store/verify.ts';
import { buildApp } from '../../src/interfaces/http/server.ts';
import { WorkspaceSession } from '../../src/interfaces/http/session.ts';

const PASS = 'fictional ck passphrase';
const CHEAP = { memoryCost: 8192, timeCost: 1, parallelism: 1 };
const SECRET = 'Fictional witness Oksana Teterevska';
const REPORT = `title: fictional\npublished: 2024-02-01\nlanguage: en\nconfidentiality: confidential\n---\nFictional report\n\nMINSK — Activist Petro Lozynsky was detained on 1 February 2024 in Minsk, said ${SECRET}.\n`;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-ck-'));
  const store = await initWorkspace(dir, PASS, CHEAP);
  ingestBytes(store, Buffer.from(REPORT), 'secret.txt', 'test');
  store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('sealing a field key to a key pair: only that private key opens it', () => {
  const key = randomBytes(32);
  const a = newUserKeyPair();
  const b = newUserKeyPair();
  const sealed = sealTo(key, a.publicKey, 'field-key/confidential');
  assert.ok(unsealFrom(sealed, a.privateKey, a.publicKey, 'field-key/confidential').equals(key));
  assert.throws(() => unsealFrom(sealed, b.privateKey, a.publicKey, 'field-key/confidential'));
  assert.throws(() => unsealFrom(sealed, a.privateKey, a.publicKey, 'field-key/internal'), 'bound to its level');
  assert.ok(!sealed.includes(key.toString('base64')));
});

test('a confidential report is ciphertext at field level; fields open only with their level\'s key; tampering is named by verify', async () => {
  const store = await openWorkspace(dir, PASS);
  try {
    const r = store.db.prepare('SELECT id, main_text, original FROM reports').get() as { id: number; main_text: string; original: Buffer };
    assert.match(r.main_text, /^⟦sealed:reports:\d+:main_text⟧$/);
    assert.ok(!r.original.toString().includes(SECRET));
    assert.ok(String(openField(store.db, store.fieldKeys, 'reports', r.id, 'main_text')).includes(SECRET));
    const open = (keys: object) => openColumns(store.db, keys, 'reports', r.id, { main_text: r.main_text }, { main_text: 'main_text' }).main_text;
    assert.ok(open(store.fieldKeys).includes(SECRET));
    assert.equal(open({}), REDACTED);
    assert.equal(open({ internal: store.keys.internal }), REDACTED, 'the internal key opens no confidential field');
    assert.equal(open({ confidential: randomBytes(32) }), REDACTED, 'a wrong key opens nothing');
    const v = verifyStore(store);
    assert.ok(v.ok, v.problems.join('; '));
    store.db.prepare("UPDATE sealed_fields SET ct = randomblob(length(ct)) WHERE field = 'original'").run();
    const bad = verifyStore(store);
    assert.ok(bad.problems.some((p) => /sealed original was altered/.test(p)), bad.problems.join('; '));
  } finally {
    store.close();
  }
  // Put it back for the next tests: a fresh workspace is cheaper than undoing.
  rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), 'vigil-ck-'));
  const s = await initWorkspace(dir, PASS, CHEAP);
  ingestBytes(s, Buffer.from(REPORT), 'secret.txt', 'test');
  s.close();
});

test('passphrase change and the recovery key both keep the keys', async () => {
  const before = await openWorkspace(dir, PASS);
  const ck = Buffer.from(before.keys.confidential);
  before.close();
  const recovery = await addRecoverySlot(dir, PASS, CHEAP);
  await changePassphrase(dir, PASS, 'a new fictional passphrase', CHEAP);
  for (const secret of ['a new fictional passphrase', recovery]) {
    const s = await openWorkspace(dir, secret);
    assert.ok(s.keys.confidential.equals(ck));
    s.close();
  }
  await changePassphrase(dir, 'a new fictional passphrase', PASS, CHEAP);
});

test('field keys go to cleared roles only; demotion takes them away at once, promotion with the next sign-in', async () => {
  await addUser(dir, PASS, 'eda', 'editor', 'eda-fictional-pw', 'test', CHEAP);
  await addUser(dir, PASS, 'vic', 'viewer', 'vic-fictional-pw', 'test', CHEAP);
  const session = new WorkspaceSession(dir);
  const app = await buildApp(dir, session);
  try {
    assert.equal((await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } })).statusCode, 200);
    const login = async (user: string, password: string) => {
      const r = await app.inject({ method: 'POST', url: '/api/login', payload: { user, password } });
      return { cookie: String(r.headers['set-cookie']).split(';')[0]!, csrf: r.json().csrf as string };
    };
    const text = async (who: { cookie: string }) => (await app.inject({ method: 'GET', url: '/api/reports/1', headers: { cookie: who.cookie } })).body;
    const vic = await login('vic', 'vic-fictional-pw');
    const eda = await login('eda', 'eda-fictional-pw');
    assert.ok((await text(eda)).includes(SECRET), 'an editor reads the confidential report');
    assert.ok(!(await text(vic)).includes(SECRET));
    // Marking down needs CK: a viewer is refused by role, the editor may.
    const mark = (who: { cookie: string; csrf: string }, level: string) => app.inject({ method: 'POST', url: '/api/confidentiality', headers: { cookie: who.cookie, 'x-vigil-csrf': who.csrf }, payload: { kind: 'report', id: 1, level } });
    assert.equal((await mark(vic, 'public')).statusCode, 403);
    // Demotion rotates the keys: the running server sees it in its key file, locks and ends every session.
    await setUserRole(dir, PASS, 'eda', 'reviewer', 'test');
    for (let i = 0; i < 100 && session.unlocked; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(session.unlocked, false, 'the server locked itself after the rotation');
    assert.equal((await app.inject({ method: 'GET', url: '/api/reports/1', headers: { cookie: eda.cookie } })).statusCode, 423);
    assert.equal((await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } })).statusCode, 200);
    const demoted = await login('eda', 'eda-fictional-pw');
    assert.ok(!(await text(demoted)).includes(SECRET), 'demoted: no confidential key');
    assert.equal((await mark(demoted, 'public')).statusCode, 403);
    await setUserRole(dir, PASS, 'eda', 'editor', 'test');
    const eda2 = await login('eda', 'eda-fictional-pw');
    assert.ok((await text(eda2)).includes(SECRET), 'promoted again: CK after signing in');
    const down = await mark(eda2, 'internal');
    assert.equal(down.statusCode, 200, down.body);
    const raw = session.openStore!.db.prepare('SELECT main_text FROM reports WHERE id = 1').get() as { main_text: string };
    assert.equal(openField(session.openStore!.db, { internal: session.openStore!.keys.internal }, 'reports', 1, 'main_text')?.toString().includes(SECRET), true, 'marked down to internal: the internal key opens it now');
    assert.ok(!(await text(vic)).includes(SECRET), 'and still hidden from a viewer by clearance');
    assert.match(raw.main_text, /^⟦sealed:reports:1:main_text⟧$/, 'internal is sealed too, under the internal key');
  } finally {
    await app.close();
  }
});
