// API tests for the routes behind the web UI: report view and upload, review queue and decisions,
// prisoner list, search, statistics — bad input answers 4xx with a message and stores nothing,
// and a viewer (public clearance) never gets a row marked internal or confidential.
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
import { WorkspaceSession } from '../../src/interfaces/http/session.ts';
import { foldText, foldWord } from '../../src/store/queries.ts';
import { articlesIn } from '../../src/extract/articles.ts';

const PASS = 'fictional test passphrase';
const examples = join(import.meta.dirname, '../../examples');
const HELD_BACK = '2024-06-01-nesterenko-exile.txt';
let dir: string;
let app: FastifyInstance;
let session: WorkspaceSession;
let admin: { cookie: string; csrf: string };
let viewer: { cookie: string; csrf: string };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-webapi-'));
  const store = await initWorkspace(dir, PASS, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
  for (const f of readdirSync(examples).filter((f) => f !== 'README.md' && f !== 'lists' && f !== HELD_BACK)) ingestBytes(store, readFileSync(join(examples, f)), f, 'test');
  resolvePersons(store, 'test');
  store.close();
  session = new WorkspaceSession(dir);
  app = await buildApp(dir, session);
  const ok = await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: PASS } });
  admin = { cookie: String(ok.headers['set-cookie']).split(';')[0]!, csrf: ok.json().csrf };
  const token = session.open({ name: 'vera', role: 'viewer', clearance: 'public' });
  viewer = { cookie: `vigil_session=${token}`, csrf: session.sessionFor(token)!.csrf };
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = (who: { cookie: string; csrf: string }) => ({ cookie: who.cookie, 'x-vigil-csrf': who.csrf });
const get = (url: string, who = admin) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const post = (url: string, payload: unknown, who = admin) => app.inject({ method: 'POST', url, headers: as(who), payload: payload as object });
const count = (table: string) => (session.openStore!.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const upload = (name: string, bytes: Buffer, who = admin) =>
  app.inject({ method: 'POST', url: `/api/reports?filename=${encodeURIComponent(name)}`, headers: { ...as(who), 'content-type': 'application/octet-stream' }, payload: bytes });

test('folding: scripts, transliterations, diacritics and ё meet', () => {
  assert.equal(foldWord('Ковальчук'), foldWord('Kovalchuk'));
  assert.equal(foldWord('Нестеренко'), foldWord('Nesterenka'));
  assert.equal(foldWord('Алёна'), foldWord('Алена'));
  assert.equal(foldWord('Łukašenka'), foldWord('Lukashenka'));
  assert.equal(foldText('Article 342!'), `${foldWord('Article')} 342`);
  assert.deepEqual(articlesIn('Art. 342 and Article 368 of the Criminal Code'), ['342', '368']);
  assert.deepEqual(articlesIn('по статьям 342 и 368 УК'), ['342', '368']);
});

test('the web UI is served at / under the strict CSP, with its script and styles from the same origin', async () => {
  const page = await app.inject({ method: 'GET', url: '/' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<script type="module" src="\/app.js">/);
  assert.doesNotMatch(page.body, /style=|<script>/);
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'; style-src 'self'/);
  const js = await app.inject({ method: 'GET', url: '/app.js' });
  assert.match(String(js.headers['content-type']), /javascript/);
  assert.ok(js.body.length > 5000);
  assert.equal((await app.inject({ method: 'GET', url: '/app.css' })).statusCode, 200);
});

test('GET /api/reports/:id: main text and claims with spans; 404 and 400', async () => {
  const list = (await get('/api/reports')).json() as { id: number; claims: number }[];
  const withClaims = list.find((r) => r.claims > 0)!;
  const r = (await get(`/api/reports/${withClaims.id}`)).json() as { mainText: string; claims: { start: number; end: number; evidence: string }[] };
  assert.ok(r.claims.length > 0);
  for (const c of r.claims) assert.equal(r.mainText.slice(c.start, c.end), c.evidence);
  assert.equal((await get('/api/reports/99999')).statusCode, 404);
  const bad = await get('/api/reports/x1');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /id/);
});

test('POST /api/reports: stores a report; bad files answer 4xx with a message and store nothing', async () => {
  const before = { reports: count('reports'), claims: count('claims'), mentions: count('mentions') };
  const cases: [string, Buffer, number, RegExp][] = [
    ['scan.pdf', Buffer.from('%PDF-1.4'), 422, /scan\.pdf: not a readable PDF/],
    ['sheet.xlsx', Buffer.from('PK\x03\x04'), 422, /unsupported file type/],
    ['empty.txt', Buffer.alloc(0), 422, /empty/],
    ['broken.jsonl', Buffer.from('{"text": "Ihar Kovalchuk was detained on 1 March 2024 in Minsk."}\n{not json\n'), 422, /broken\.jsonl/],
    ['blank.html', Buffer.from('<html><head><title>x</title></head><body>   </body></html>'), 422, /blank\.html/],
  ];
  for (const [name, bytes, code, message] of cases) {
    const res = await upload(name, bytes);
    assert.equal(res.statusCode, code, `${name}: ${res.body}`);
    assert.match(res.json().error, message);
  }
  const noName = await app.inject({ method: 'POST', url: '/api/reports', headers: { ...as(admin), 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') });
  assert.equal(noName.statusCode, 400);
  assert.match(noName.json().error, /filename/);
  const asJson = await app.inject({ method: 'POST', url: '/api/reports?filename=a.txt', headers: as(admin), payload: { text: 'x' } });
  assert.equal(asJson.statusCode, 415);
  assert.match(asJson.json().error, /octet-stream/);
  const noCsrf = await app.inject({ method: 'POST', url: '/api/reports?filename=a.txt', headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal((await upload(HELD_BACK, readFileSync(join(examples, HELD_BACK)), viewer)).statusCode, 403, 'a viewer may not upload');
  assert.deepEqual({ reports: count('reports'), claims: count('claims'), mentions: count('mentions') }, before, 'nothing stored from rejected files');

  const ok = await upload(HELD_BACK, readFileSync(join(examples, HELD_BACK)));
  assert.equal(ok.statusCode, 200, ok.body);
  const stored = ok.json().reports as { status: string; claims: number; reportId: number }[];
  assert.equal(stored[0]!.status, 'ingested');
  assert.ok(stored[0]!.claims > 0);
  assert.equal(count('reports'), before.reports + 1);
  const again = await upload(HELD_BACK, readFileSync(join(examples, HELD_BACK)));
  assert.equal(again.json().reports[0].status, 'duplicate');
  assert.equal(count('reports'), before.reports + 1);
  // The new report's people are resolved and searchable at once.
  const found = (await get(`/api/search?q=${encodeURIComponent('Нестеренко')}`)).json() as { results: { reportId: number }[] };
  assert.ok(found.results.some((x) => x.reportId === stored[0]!.reportId));
});

test('a case file: places in order, charges by article, sources that disagree side by side, related persons', async () => {
  const persons = (await get('/api/persons')).json() as { id: number; name: string }[];
  const id = persons.find((p) => p.name === 'Ihar Kovalchuk')!.id;
  const d = (await get(`/api/persons/${id}`)).json() as {
    status: string; lastPlace: { place: string } | null; places: { place: string }[]; charges: { article: string }[];
    disagreements: { type: string; versions: { value: string; claims: { source: { sha256: string } }[] }[] }[]; related: { name: string; roles: string[] }[]; reports: unknown[];
  };
  assert.equal(d.status, 'sentenced');
  assert.ok(d.places.length >= 2);
  assert.match(d.places[0]!.place, /Akrestsina/);
  assert.deepEqual(d.charges.map((c) => c.article).sort(), ['342', '368']);
  const sentence = d.disagreements.find((x) => x.type === 'sentence');
  assert.ok(sentence && sentence.versions.length >= 2, 'two sources give the sentence differently');
  assert.ok(new Set(sentence.versions.flatMap((v) => v.claims.map((c) => c.source.sha256))).size >= 2);
  assert.ok(d.related.some((r) => r.name === 'Alena Kovalchuk' && r.roles.includes('relative')));
  assert.ok(d.related.some((r) => r.roles.includes('lawyer')));
  assert.ok(d.reports.length >= 3);
});

test('co-defendants: two detainees named in one report are related as co-defendants', async () => {
  const text = 'title: Two activists detained (FICTIONAL)\npublished: 2024-03-06\n---\nActivists Ales Hrabko and Yan Mazets were detained on 5 March 2024 in Minsk. Hrabko and Mazets are charged under Article 342.\n';
  assert.equal((await upload('two-activists.txt', Buffer.from(text))).statusCode, 200);
  const persons = (await get('/api/persons')).json() as { id: number; name: string }[];
  const hrabko = persons.find((p) => p.name === 'Ales Hrabko')!;
  const d = (await get(`/api/persons/${hrabko.id}`)).json() as { related: { name: string; coDefendant: boolean }[]; charges: { article: string }[] };
  assert.deepEqual(d.related.map((r) => [r.name, r.coDefendant]), [['Yan Mazets', true]]);
  assert.deepEqual(d.charges.map((c) => c.article), ['342']);
});

test('review queue; accept, reject, correct are stored with reviewer and time and show on the case file', async () => {
  const q = (await get('/api/review?limit=3')).json() as { total: number; items: { claim: { id: number; personId: number; evidence: string }; context: { evidence: string } }[] };
  assert.ok(q.total >= 3);
  assert.equal(q.items.length, 3);
  assert.equal(q.items[0]!.context.evidence, q.items[0]!.claim.evidence);
  const [a, b, c] = q.items.map((i) => i.claim) as [typeof q.items[0]['claim'], typeof q.items[0]['claim'], typeof q.items[0]['claim']];

  const reviewsBefore = count('reviews');
  for (const [payload, pattern] of [[{}, /decision/], [{ decision: 'maybe' }, /decision|allowed/]] as const) {
    const r = await post(`/api/claims/${a.id}/review`, payload);
    assert.equal(r.statusCode, 400);
    assert.match(r.json().error, pattern);
  }
  assert.equal((await post('/api/claims/999999/review', { decision: 'accept' })).statusCode, 404);
  assert.equal((await post(`/api/claims/${a.id}/review`, { decision: 'accept' }, viewer)).statusCode, 403, 'a viewer may not review');
  const badFix = await post(`/api/claims/${b.id}/correct`, { date: '29 Feb' });
  assert.equal(badFix.statusCode, 400);
  assert.match(badFix.json().error, /date/);
  assert.equal((await post(`/api/claims/${b.id}/correct`, {})).statusCode, 400);
  assert.equal((await post(`/api/claims/${b.id}/correct`, { type: 'abduction' })).statusCode, 400);
  assert.equal(count('reviews'), reviewsBefore, 'nothing stored from bad decisions');

  const accepted = await post(`/api/claims/${a.id}/review`, { decision: 'accept' });
  assert.equal(accepted.statusCode, 200);
  assert.equal(accepted.json().claim.reviewStatus, 'accepted');
  assert.equal(accepted.json().reviews.at(-1).reviewer, 'owner');
  assert.match(accepted.json().reviews.at(-1).at, /^\d{4}-\d{2}-\d{2}T/);
  const file = (await get(`/api/persons/${a.personId}`)).json() as { timeline: { claimId: number; reviewStatus: string; reviews: { reviewer: string }[] }[] };
  const entry = file.timeline.find((t) => t.claimId === a.id)!;
  assert.equal(entry.reviewStatus, 'accepted');
  assert.equal(entry.reviews[0]!.reviewer, 'owner');

  assert.equal((await post(`/api/claims/${c.id}/review`, { decision: 'reject', note: 'not about him' })).json().claim.reviewStatus, 'rejected');
  const after = (await get(`/api/persons/${c.personId}`)).json() as { timeline: { claimId: number }[] };
  assert.ok(!after.timeline.some((t) => t.claimId === c.id), 'a rejected claim leaves the case file');

  const fixed = await post(`/api/claims/${b.id}/correct`, { place: 'Fictional colony No. 7', detail: 'Article 342', date: '2024-03-01' });
  assert.equal(fixed.statusCode, 200, fixed.body);
  const fresh = fixed.json().claim as { id: number; place: string; madeBy: string; reviewStatus: string; supersedes: number; personId: number };
  assert.equal(fresh.place, 'Fictional colony No. 7');
  assert.equal(fresh.madeBy, 'person:owner');
  assert.equal(fresh.reviewStatus, 'accepted');
  assert.equal(fresh.supersedes, b.id);
  const cf = (await get(`/api/persons/${fresh.personId}`)).json() as { timeline: { claimId: number }[]; charges: { article: string }[] };
  assert.ok(cf.timeline.some((t) => t.claimId === fresh.id));
  assert.ok(cf.charges.some((x) => x.article === '342'));
  // The search index follows the correction at once (the index existed before it was made).
  const byPlace = (await get(`/api/search?q=${encodeURIComponent('fictional colony')}`)).json() as { results: { claimId?: number }[] };
  assert.ok(byPlace.results.some((x) => x.claimId === fresh.id), 'the corrected claim is searchable by its new place');
  const claim = (await get(`/api/claims/${b.id}`)).json() as { reviewStatus: string; reviews: { decision: string }[] };
  assert.equal(claim.reviewStatus, 'rejected');
  assert.equal(claim.reviews[0]!.decision, 'corrected');
  assert.equal((await get('/api/review?status=wrong')).statusCode, 400);
  assert.equal((await get('/api/review?limit=0')).statusCode, 400);
});

test('prisoner list with filters and counts; bad filters are 400', async () => {
  const all = (await get('/api/prisoners')).json() as { total: number; shown: number; byStatus: Record<string, number>; persons: { status: string; articles: string[]; place: string | null }[] };
  assert.equal(all.total, all.shown);
  assert.equal(Object.values(all.byStatus).reduce((a, b) => a + b, 0), all.shown);
  const sentenced = (await get('/api/prisoners?status=sentenced')).json() as typeof all;
  assert.ok(sentenced.shown >= 1);
  assert.ok(sentenced.persons.every((p) => p.status === 'sentenced'));
  const art = (await get('/api/prisoners?article=368')).json() as typeof all;
  assert.ok(art.persons.length >= 1 && art.persons.every((p) => p.articles.includes('368')));
  const fac = (await get(`/api/prisoners?facility=${encodeURIComponent('могилёв')}`)).json() as typeof all;
  assert.ok(fac.persons.every((p) => /могил[её]в/i.test(p.place ?? '')));
  const range = (await get('/api/prisoners?from=2024-02-01&to=2024-02-29')).json() as typeof all;
  assert.ok(range.shown >= 1);
  assert.equal((await get('/api/prisoners?from=2030-01-01')).json().shown, 0);
  for (const bad of ['status=free', 'from=yesterday', `article=${'9'.repeat(50)}`]) {
    const r = await get(`/api/prisoners?${bad}`);
    assert.equal(r.statusCode, 400, bad);
    assert.ok(r.json().error);
  }
});

test('search: Latin finds Cyrillic and back, highlighted; bad queries are 400', async () => {
  const lat = (await get('/api/search?q=Kovalchuk')).json() as { results: { snippet: { text: string; hit?: boolean }[] }[] };
  const hits = lat.results.flatMap((r) => r.snippet.filter((s) => s.hit).map((s) => s.text));
  assert.ok(hits.some((h) => /Ковальчук/.test(h)), 'Latin query finds the Cyrillic spelling');
  assert.ok(hits.some((h) => /Kovalchuk/.test(h)));
  const cyr = (await get(`/api/search?q=${encodeURIComponent('Алена Ковальчук')}`)).json() as typeof lat;
  assert.ok(cyr.results.length > 0);
  assert.ok(cyr.results.flatMap((r) => r.snippet.filter((s) => s.hit).map((s) => s.text)).some((h) => /Alena|Алёна/.test(h)), 'ё folded');
  const inflected = (await get(`/api/search?q=${encodeURIComponent('Ковальчука')}`)).json() as typeof lat;
  assert.ok(inflected.results.flatMap((r) => r.snippet.filter((s) => s.hit).map((s) => s.text)).some((h) => /Kovalchuk/.test(h)), 'a Russian case ending still finds the Latin name');
  for (const bad of ['', 'q=', 'q=%20%20', `q=${'x'.repeat(300)}`, 'q=a&limit=1000']) {
    const r = await get(`/api/search?${bad}`);
    assert.equal(r.statusCode, 400, bad);
    assert.ok(r.json().error);
  }
});

test('statistics: detained over time, by article, by facility, events per month', async () => {
  const st = (await get('/api/stats')).json() as { detainedOverTime: { month: string; detained: number }[]; byArticle: { article: string }[]; eventsPerMonth: { month: string; events: number }[]; totals: { persons: number } };
  assert.ok(st.detainedOverTime.length >= 3);
  assert.ok(st.detainedOverTime.some((p) => p.detained > 0));
  assert.ok(st.byArticle.some((a) => a.article === '342'));
  const months = st.eventsPerMonth.map((m) => m.month);
  assert.deepEqual(months, [...months].sort());
  assert.ok(st.totals.persons > 0);
});

test('confidentiality: a viewer never gets an internal or confidential report or claim from any route', async () => {
  const db = session.openStore!.db;
  const list = (await get('/api/reports')).json() as { id: number; sha256: string }[];
  const secret = list.find((r) => /kovalchuk-ru/.test(JSON.stringify(r)))?.id ?? list[0]!.id;
  const secretRow = db.prepare('SELECT sha256, main_text FROM reports WHERE id = ?').get(secret) as { sha256: string; main_text: string };
  db.prepare("UPDATE reports SET confidentiality = 'confidential' WHERE id = ?").run(secret);
  const internalClaim = (db.prepare("SELECT id, evidence FROM claims WHERE report_id != ? AND review_status = 'proposed' ORDER BY id DESC LIMIT 1").get(secret)) as { id: number; evidence: string };
  db.prepare("UPDATE claims SET confidentiality = 'internal' WHERE id = ?").run(internalClaim.id);
  const secretWords = secretRow.main_text.match(/[А-Яа-яЁё]{6,}/g)!.slice(0, 3);
  const urls = ['/api/reports', `/api/reports/${secret}`, `/api/reports/${secretRow.sha256}/original`, '/api/persons', '/api/prisoners', '/api/stats', '/api/review?limit=200',
    `/api/claims/${internalClaim.id}`, ...secretWords.map((w) => `/api/search?q=${encodeURIComponent(w)}`), `/api/search?q=${encodeURIComponent(internalClaim.evidence.split(' ').slice(0, 4).join(' '))}`];
  const persons = (await get('/api/persons', viewer)).json() as { id: number }[];
  urls.push(...persons.map((p) => `/api/persons/${p.id}`));
  for (const url of urls) {
    const r = await get(url, viewer);
    assert.ok(r.statusCode === 200 || r.statusCode === 404, `${url}: ${r.statusCode}`);
    // A search answer echoes its own query; only its results count.
    const body = url.startsWith('/api/search') ? JSON.stringify(r.json().results) : r.body;
    assert.ok(!body.includes(secretRow.sha256), `${url} names the confidential report`);
    for (const w of secretWords) assert.ok(!body.includes(w), `${url} leaks "${w}"`);
    // The internal claim's sentence is part of a public report's text; the claim itself must not appear.
    const ids: number[] = [];
    JSON.stringify(r.json(), (k, v) => { if ((k === 'claimId' || k === 'id') && typeof v === 'number') ids.push(v); return v; });
    if (/^\/api\/(review|search|persons\/|claims\/)/.test(url)) assert.ok(!ids.includes(internalClaim.id), `${url} returns the internal claim`);
  }
  assert.equal((await get(`/api/reports/${secret}`, viewer)).statusCode, 404);
  assert.equal((await post(`/api/claims/${internalClaim.id}/review`, { decision: 'accept' }, viewer)).statusCode, 403);
  // The admin still sees both, and the search index never holds the confidential text.
  assert.equal((await get(`/api/reports/${secret}`)).statusCode, 200);
  assert.equal((await get(`/api/claims/${internalClaim.id}`)).statusCode, 200);
  await get('/api/search?q=x');
  const indexed = db.prepare("SELECT count(*) AS n FROM search_fts WHERE kind = 'report' AND ref = ?").get(secret) as { n: number };
  assert.equal(indexed.n, 0);
  const found = (await get(`/api/search?q=${encodeURIComponent(secretWords[0]!)}`)).json() as { results: { reportId: number }[] };
  assert.ok(!found.results.some((x) => x.reportId === secret), 'confidential text is not searchable even for an admin (not indexed)');
  db.prepare("UPDATE reports SET confidentiality = 'public' WHERE id = ?").run(secret);
  db.prepare("UPDATE claims SET confidentiality = 'public' WHERE id = ?").run(internalClaim.id);
});

test('the OpenAPI document lists every web route with its permission and query parameters', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { 'x-vigil-permission'?: string; parameters: { name: string; in: string; required: boolean }[] }>> };
  const expect: [string, string, string][] = [
    ['/api/reports', 'post', 'ingest'], ['/api/reports/{id}', 'get', 'read'], ['/api/review', 'get', 'read'], ['/api/claims/{id}', 'get', 'read'],
    ['/api/claims/{id}/review', 'post', 'review'], ['/api/claims/{id}/correct', 'post', 'review'], ['/api/prisoners', 'get', 'read'],
    ['/api/search', 'get', 'read'], ['/api/stats', 'get', 'read'], ['/api/persons/{id}', 'get', 'read'],
  ];
  for (const [path, method, permission] of expect) assert.equal(doc.paths[path]?.[method]?.['x-vigil-permission'], permission, `${method} ${path}`);
  const q = doc.paths['/api/search']!.get!.parameters.find((p) => p.name === 'q')!;
  assert.deepEqual([q.in, q.required], ['query', true]);
});

test('two tabs on one claim: a decision on a stale version is 409 and says what changed; undo restores the last own decision; dates in words', async () => {
  const queue = (await get('/api/review?limit=200')).json() as { items: { claim: { id: number; reviewStatus: string }; version: number }[] };
  const [one, two] = queue.items.filter((i) => i.claim.reviewStatus === 'proposed').slice(-2);
  assert.ok(one && two, 'two proposed claims to work on');
  const v = one.version;
  const first = await post(`/api/claims/${one.claim.id}/review`, { decision: 'accept', version: v });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().version, v + 1);
  const reviews = count('reviews');
  // The second tab still holds version v: its reject must not silently win over the accept.
  const late = await post(`/api/claims/${one.claim.id}/review`, { decision: 'reject', version: v });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().code, 'stale');
  assert.match(late.json().error, /accepted by owner/);
  assert.equal(late.json().claim.reviewStatus, 'accepted');
  assert.equal(count('reviews'), reviews, 'nothing stored from a stale decision');
  const lateFix = await post(`/api/claims/${one.claim.id}/correct`, { place: 'Nowhere', version: v });
  assert.equal(lateFix.statusCode, 409);

  // Undo: back to proposed, the undoing kept as a review.
  const undone = await post(`/api/claims/${one.claim.id}/undo`, { version: v + 1 });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.equal(undone.json().claim.reviewStatus, 'proposed');
  assert.match(undone.json().reviews.at(-1).note, /undid review/);
  // A correction undone: the original back, the correction withdrawn.
  const fix = await post(`/api/claims/${two.claim.id}/correct`, { place: 'Fictional prison No. 3', version: two.version });
  assert.equal(fix.statusCode, 200, fix.body);
  const freshId = fix.json().claim.id as number;
  const back = await post(`/api/claims/${two.claim.id}/undo`, {});
  assert.equal(back.json().claim.reviewStatus, 'proposed');
  assert.equal(((await get(`/api/claims/${freshId}`)).json() as { reviewStatus: string }).reviewStatus, 'rejected');

  // Bad dates are refused in words, with a code the UI translates; good ones are read day first.
  const feb = await post(`/api/claims/${two.claim.id}/correct`, { date: '31/02/2011' });
  assert.equal(feb.statusCode, 400);
  assert.equal(feb.json().code, 'bad-date-day');
  assert.match(feb.json().error, /February 2011 has 28 days, not 31/);
  assert.equal((await post(`/api/claims/${two.claim.id}/correct`, { date: 'yesterday' })).json().code, 'bad-date-format');
  const ok = await post(`/api/claims/${two.claim.id}/correct`, { date: '28.02.2011' });
  assert.equal(ok.json().claim.date, '2011-02-28');

  // The "Rejected" filter lists what was rejected, not originals a correction replaced.
  const rejected = (await get('/api/review?status=rejected&limit=200')).json() as { items: { claim: { id: number } }[] };
  assert.ok(!rejected.items.some((i) => i.claim.id === two.claim.id), 'the corrected original is not listed as rejected');
  assert.ok(rejected.items.some((i) => i.claim.id === freshId), 'the withdrawn correction is');
});

test('a download name is safe: no path, no quotes or control characters; the hash when a name is sealed or missing', async () => {
  const { downloadName, attachmentHeader } = await import('../../src/interfaces/http/routes/report-routes.ts');
  assert.equal(downloadName('../../etc/passwd', 'a'.repeat(64), 'txt'), 'passwd');
  assert.equal(downloadName('he said "hi".txt', 'a'.repeat(64), 'txt'), 'he said hi.txt');
  assert.equal(downloadName(null, 'ab12'.repeat(16), 'html'), 'ab12ab12ab12.html');
  assert.equal(downloadName('⟦sealed:internal⟧', 'ab12'.repeat(16), 'pdf'), 'ab12ab12ab12.pdf');
  assert.equal(attachmentHeader('отчёт.txt'), `attachment; filename="_____.txt"; filename*=UTF-8''${encodeURIComponent('отчёт.txt')}`);
});

test('a printable case file over HTTP: HTML with the print stylesheet as a file, accepted facts unless proposed=true', async () => {
  const persons = (await get('/api/prisoners')).json() as { persons: { id: number; name: string }[] };
  const kov = persons.persons.find((p) => p.name === 'Ihar Kovalchuk')!;
  const res = await get(`/api/persons/${kov.id}/print?lang=ru&proposed=true`);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.match(res.body, /<html lang="ru">[\s\S]*<link rel="stylesheet" href="\/print.css">[\s\S]*Задержание/);
  assert.doesNotMatch(res.body, /<style>/, 'no inline style: the CSP would refuse it');
  const css = await app.inject({ method: 'GET', url: '/print.css' });
  assert.match(css.body, /@media print/);
  assert.equal((await get('/api/persons/999999/print')).statusCode, 404);
});

test('a fact by hand with its source; recognition as a political prisoner is a person\'s decision, with who and when; internal by default', async () => {
  const persons = (await get('/api/prisoners')).json() as { persons: { id: number; name: string }[] };
  const kov = persons.persons.find((p) => p.name === 'Ihar Kovalchuk')!;
  const bad = await post(`/api/persons/${kov.id}/facts`, { type: 'transfer', date: '30.02.2024', source: { kind: 'phone_call', text: 'FICTIONAL: his mother called.' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, 'bad-date-day');
  const call = await post(`/api/persons/${kov.id}/facts`, {
    type: 'transfer', date: '02.09.2024', place: 'Fictional colony No. 12',
    source: { kind: 'phone_call', text: 'FICTIONAL note of a phone call: his mother said he was moved to colony No. 12 on 2 September.', date: '2024-09-03' },
  });
  assert.equal(call.statusCode, 200, call.body);
  const fact = call.json().claim as { id: number; personId: number; madeBy: string; reviewStatus: string; date: string; evidence: string; reportTitle: string };
  assert.equal(fact.personId, kov.id, 'the fact is on his file');
  assert.equal(fact.madeBy, 'person:owner');
  assert.equal(fact.reviewStatus, 'accepted');
  assert.equal(fact.date, '2024-09-02');
  assert.match(fact.evidence, /his mother said/);
  assert.match(fact.reportTitle, /Phone call: Ihar Kovalchuk/);

  const rec = await post(`/api/persons/${kov.id}/facts`, {
    type: 'recognition', detail: 'Fictional Rights Centre', date: '2024-09-10', confidentiality: 'public',
    source: { kind: 'decision', text: 'FICTIONAL: the Fictional Rights Centre recognised Ihar Kovalchuk as a political prisoner on 10 September 2024.' },
  });
  assert.equal(rec.statusCode, 200, rec.body);
  const file = (await get(`/api/persons/${kov.id}`)).json() as { recognition: { by: string; date: string; enteredBy: string } | null; events: { type: string }[] };
  assert.deepEqual(file.recognition && [file.recognition.by, file.recognition.date, file.recognition.enteredBy], ['Fictional Rights Centre', '2024-09-10', 'owner']);
  assert.ok(file.events.some((e) => e.type === 'recognition'));
  // Published: with his arrest accepted he is on the public list, with the public recognition; the internal phone call is not there.
  const arrest = (await get(`/api/persons/${kov.id}`)).json().timeline.find((t: { type: string; reviewStatus: string }) => t.type === 'arrest') as { claimId: number; reviewStatus: string };
  if (arrest.reviewStatus !== 'accepted') assert.equal((await post(`/api/claims/${arrest.claimId}/review`, { decision: 'accept' })).statusCode, 200);
  const s = session.openStore!;
  const { prisonerCsv, publishedCaseFiles } = await import('../../src/views/publish.ts');
  const csv = [...prisonerCsv(publishedCaseFiles(s, { level: 'public', includeProposed: false }))].join('');
  assert.match(csv, /Ihar Kovalchuk,.*Fictional Rights Centre, 2024-09-10/);
  assert.doesNotMatch(csv, /colony No\. 12/);
  assert.equal((await post(`/api/persons/${kov.id}/facts`, { type: 'arrest', source: { kind: 'letter', text: 'x' } }, viewer)).statusCode, 403, 'a viewer may not add facts');
});
