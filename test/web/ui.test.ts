// The web UI end to end in Debian's chromium (playwright-core, no browser download): unlock,
// upload a report, review a claim and see the case file change, search in Cyrillic for a Latin
// name, switch language. A screenshot of each main page goes to test-artifacts/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { initWorkspace } from '../../src/store/workspace.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { startServer } from '../../src/interfaces/http/server.ts';
import { addUser } from '../../src/store/users.ts';
import { SUPPORTED_EXTENSIONS } from '../../src/ingest/formats.ts';
import { pdf } from '../support/documents.ts';

const PASS = 'fictional test passphrase';
const examples = join(import.meta.dirname, '../../examples');
const shots = join(import.meta.dirname, '../../test-artifacts/screenshots');
const HELD_BACK = '2024-08-15-kovalchuk-ru.txt';
const CHROMIUM = '/usr/bin/chromium';

let dir: string;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

const skip = existsSync(CHROMIUM) ? false : 'no /usr/bin/chromium';

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'vigil-web-'));
  const store = await initWorkspace(dir, PASS, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
  for (const f of readdirSync(examples).filter((f) => f !== 'README.md' && f !== 'lists' && f !== HELD_BACK)) ingestBytes(store, readFileSync(join(examples, f)), f, 'test');
  resolvePersons(store, 'test');
  store.close();
  await addUser(dir, PASS, 'vera', 'viewer', 'fictional viewer password', 'test', { memoryCost: 8192, timeCost: 1, parallelism: 1 });
  server = await startServer({ workspace: dir, host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.setDefaultTimeout(10_000);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Another tab of the same signed-in user: a context of its own holding the same session cookie. */
async function twin(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies(await page.context().cookies());
  const p = await context.newPage();
  p.setDefaultTimeout(10_000);
  return p;
}
const closeTwin = (p: Page) => p.context().close();

const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const json = <T>(url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

test('unlock with the passphrase; a wrong one is refused with a message', { skip }, async () => {
  const csp: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
  await page.goto(server.url);
  await page.waitForSelector('#passphrase');
  await shot('unlock');
  await page.fill('#passphrase', 'wrong passphrase');
  await page.press('#passphrase', 'Enter');
  await page.waitForSelector('.error');
  assert.match(await page.textContent('.error') ?? '', /Wrong passphrase/);
  await page.fill('#passphrase', PASS);
  await page.press('#passphrase', 'Enter');
  await page.waitForSelector('#dropzone');
  assert.equal(await page.textContent('h1'), 'Reports');
  assert.deepEqual(csp, [], 'no CSP violations');
});

test('upload several files: the text and the PDF are stored, a bad one gets its own error', { skip }, async () => {
  // The page offers every format the server reads.
  const accept = (await page.getAttribute('#files', 'accept'))!.split(',');
  assert.deepEqual([...SUPPORTED_EXTENSIONS].sort(), [...accept].sort());
  await page.setInputFiles('#files', [
    { name: HELD_BACK, mimeType: 'text/plain', buffer: readFileSync(join(examples, HELD_BACK)) },
    { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not really') },
    { name: 'verdict.pdf', mimeType: 'application/pdf', buffer: await pdf(['FICTIONAL verdict for the browser test. On 2 September 2024 the Hrodna court sentenced Zmitser Lavor to two years.']) },
  ]);
  // The first PDF starts the document worker (PDF.js) and then an extraction pool worker, one after
  // the other: seconds on a loaded 2-core machine, so the wait is bounded generously (not a time asserted).
  await page.waitForFunction(() => document.querySelectorAll('.uploads li.ok').length === 2, null, { timeout: 60_000 });
  await page.waitForSelector('.uploads li.failed');
  assert.match(await page.textContent('.uploads li.failed') ?? '', /notes\.pdf: .*PDF/);
  await page.waitForSelector(`text=Игоря Ковальчука этапировали в колонию`);
  // Dropped files go the same way as chosen ones: a real drop event carrying a DataTransfer.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['(FICTIONAL report for the browser test.)\n\nActivist Zianon Drabysheuski was detained on 3 September 2024 in Hrodna. He is held at the Hrodna pre-trial detention centre.\n'], 'dropped.txt', { type: 'text/plain' }));
    document.getElementById('dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('.uploads li.ok').length === 3);
  await page.waitForSelector('text=dropped.txt');
  await shot('reports');
  await page.click('.uploads li.ok a');
  await page.waitForSelector('.maintext mark');
  assert.ok((await page.$$('.maintext mark')).length >= 1, 'claims highlighted in the text');
  await page.click('.claims li:last-child button.link');
  await page.waitForSelector('.maintext mark.flash');
  await shot('report');
});

test('import a list from the reports page: the preview changes nothing, the import adds its rows', { skip }, async () => {
  await page.goto(`${server.url}#/reports`);
  await page.click('details.import summary');
  await page.setInputFiles('#list-file', join(examples, 'lists/political-prisoners.csv'));
  await page.setInputFiles('#map-file', join(examples, 'lists/political-prisoners.map.json'));
  const before = (await json<unknown[]>('/api/reports')).length;
  await page.click('#import-preview');
  await page.waitForSelector('text=Would add: 28 claims');
  assert.match(await page.textContent('.import-rows') ?? '', /Ковальчук Игорь Петрович — joins Ihar Kovalchuk/);
  assert.equal((await json<unknown[]>('/api/reports')).length, before, 'the preview stored nothing');
  await page.click('#import-apply');
  await page.waitForSelector('text=Added: 28 claims');
  await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n + 1, before);
  await shot('import-list');
});

test('review a claim with the keyboard and see the case file change', { skip }, async () => {
  const queue = await json<{ items: { claim: { id: number; personId: number } }[] }>('/api/review?limit=1');
  const first = queue.items[0]!.claim;
  await page.goto(`${server.url}#/person/${first.personId}`);
  await page.waitForSelector(`#claim-${first.id}`);
  assert.match(await page.getAttribute(`#claim-${first.id}`, 'class') ?? '', /st-proposed/);
  await page.goto(`${server.url}#/review`);
  await page.waitForSelector('.review .context mark');
  await shot('review');
  await page.keyboard.press('a');
  await page.waitForSelector('.decided');
  await page.goto(`${server.url}#/person/${first.personId}`);
  await page.waitForSelector(`#claim-${first.id}.st-accepted`);
  assert.match(await page.textContent(`#claim-${first.id}`) ?? '', /Accepted by owner, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  // The accepted claim is listed under "Accepted" in the queue's status filter.
  await page.goto(`${server.url}#/review`);
  await page.waitForSelector('#queue-filter');
  await page.selectOption('#queue-filter', 'accepted');
  await page.waitForFunction(() => location.hash.includes('status=accepted') && /Accepted: 1\b/.test(document.getElementById('queue-status')?.textContent ?? ''));
  // A correction by keyboard on the next claim: C opens the form, the new place is saved.
  await page.goto(`${server.url}#/review`);
  await page.waitForSelector('.review .context mark');
  const next = (await json<{ items: { claim: { id: number; personId: number } }[] }>('/api/review?limit=1')).items[0]!.claim;
  await page.keyboard.press('c');
  await page.waitForSelector('#fix-place');
  await page.fill('#fix-place', 'Fictional colony No. 99');
  await page.press('#fix-place', 'Enter');
  await page.waitForSelector('.decided');
  await page.goto(`${server.url}#/person/${next.personId}`);
  await page.waitForSelector('text=Fictional colony No. 99');
  await shot('person');
});

test('a case file shows each event once with all its sources, and prints with numbered citations', { skip }, async () => {
  const list = await json<{ persons: { id: number; name: string }[] }>('/api/prisoners');
  const kov = list.persons.find((p) => p.name === 'Ihar Kovalchuk')!;
  assert.ok(kov, 'the blogger is on the prisoner list');
  assert.ok(!list.persons.some((p) => p.name === 'Alena Kovalchuk'), 'his wife is not');
  await page.goto(`${server.url}#/person/${kov.id}`);
  await page.waitForSelector('ol.events > li');
  const arrests = await page.$$eval('ol.events > li', (lis) => lis.filter((li) => /· Arrest/.test(li.firstElementChild?.textContent ?? '')).map((li) => li.querySelectorAll('.event-sources > li').length));
  assert.equal(arrests.length, 1, 'the arrest once');
  assert.ok(arrests[0]! >= 3, `with every report that tells of it (${arrests[0]})`);
  await shot('person-events');
  // The print view: a page of its own (print stylesheet), each event with its citations, the sources numbered.
  const print = await twin();
  const printed = await print.goto(`${new URL(`/api/persons/${kov.id}/print`, server.url).href}?lang=ru&proposed=true`);
  assert.equal(await print.getAttribute('html', 'lang'), 'ru', `${printed?.status()} ${(await print.content()).slice(0, 300)}`);
  assert.match(await print.textContent('body') ?? '', /Задержание[\s\S]*Источники/);
  assert.ok((await print.$$('ol.sources li')).length >= 3);
  assert.equal(await print.evaluate(() => getComputedStyle(document.body).fontFamily.includes('Georgia')), true, 'the print stylesheet is applied (no CSP refusal)');
  await print.emulateMedia({ media: 'print' });
  await print.screenshot({ path: join(shots, 'print-ru.png'), fullPage: true });
  const pdfBytes = await print.pdf({ format: 'A4' });
  assert.equal(pdfBytes.subarray(0, 5).toString(), '%PDF-', 'the browser makes a PDF of it');
  await closeTwin(print);
  // Published means accepted: with nothing of his accepted but what was reviewed above, the default print has fewer events.
  const strict = await twin();
  const res = await strict.goto(`${new URL(`/api/persons/${kov.id}/print`, server.url).href}?lang=en`);
  assert.ok(res!.status() === 200 || res!.status() === 404);
  if (res!.status() === 200) assert.doesNotMatch(await strict.textContent('body') ?? '', /Proposed/);
  await closeTwin(strict);
});

test('review: a stray R is undone with U; a decision made in another tab first is refused and shown; a bad date is said in words', { skip }, async () => {
  await page.goto(`${server.url}#/review`);
  await page.waitForSelector('.review .context mark');
  const first = (await json<{ items: { claim: { id: number } }[] }>('/api/review?limit=1')).items[0]!.claim;
  await page.keyboard.press('r');
  await page.waitForSelector('#undo');
  // The queue moves on by itself; back on the card, U undoes.
  await page.waitForSelector('#undo', { state: 'detached' });
  await page.keyboard.press('k');
  await page.waitForSelector('#undo');
  await page.keyboard.press('u');
  await page.waitForFunction(() => !document.getElementById('undo'));
  assert.equal((await json<{ reviewStatus: string }>(`/api/claims/${first.id}`)).reviewStatus, 'proposed', 'undone');

  // A second tab accepts the claim the first tab is showing; the first tab's reject is refused.
  await page.goto(`${server.url}#/review`);
  await page.waitForSelector('.review .context mark');
  const shown = (await json<{ items: { claim: { id: number } }[] }>('/api/review?limit=1')).items[0]!.claim;
  const other = await twin();
  await other.goto(`${server.url}#/review`);
  await other.waitForSelector('.review .context mark');
  await other.keyboard.press('a');
  await other.waitForSelector('.decided');
  await closeTwin(other);
  await page.keyboard.press('r');
  await page.waitForSelector('#stale');
  assert.match(await page.textContent('#stale') ?? '', /changed this claim[\s\S]*Accepted — owner/);
  assert.equal((await json<{ reviewStatus: string }>(`/api/claims/${shown.id}`)).reviewStatus, 'accepted', 'the accept stands');
  await shot('review-stale');

  // 31/02/2011 is refused in words, inside the form.
  await page.keyboard.press('j');
  await page.keyboard.press('c');
  await page.waitForSelector('#fix-date');
  await page.fill('#fix-date', '31/02/2011');
  await page.press('#fix-date', 'Enter');
  await page.waitForSelector('.form-error .error');
  assert.match(await page.textContent('.form-error .error') ?? '', /no such day in that month: «31\/02\/2011»/);
  const fits = await page.evaluate(() => {
    const form = document.querySelector('form.correct')!.getBoundingClientRect();
    const err = document.querySelector('.form-error .error')!.getBoundingClientRect();
    return err.right <= form.right + 1 && err.left >= form.left - 1;
  });
  assert.ok(fits, 'the message stays inside the form');
  await shot('review-bad-date');
  await page.keyboard.press('Escape');
});

test('on the case file: add a fact by hand with its source, record a recognition, dispute and reopen a claim', { skip }, async () => {
  const list = await json<{ persons: { id: number; name: string }[] }>('/api/prisoners');
  const kov = list.persons.find((p) => p.name === 'Ihar Kovalchuk')!;
  await page.goto(`${server.url}#/person/${kov.id}`);
  await page.waitForSelector('#add-fact');
  assert.match(await page.textContent('#recognition') ?? '', /not recorded/);
  await page.click('#add-fact');
  await page.selectOption('#hf-type', 'recognition');
  await page.fill('#hf-detail', 'Fictional Rights Centre');
  await page.fill('#hf-date', '10.09.2024');
  await page.selectOption('#hf-kind', 'decision');
  await page.fill('#hf-text', 'FICTIONAL: the Fictional Rights Centre recognised him as a political prisoner.');
  await page.click('#hf-save');
  await page.waitForFunction(() => /Fictional Rights Centre, 2024-09-10 · entered by owner/.test(document.getElementById('recognition')?.textContent ?? ''));
  await shot('person-recognition');
  // Dispute a claim from the case file, then reopen it: the status follows, the decisions are listed.
  const file = await json<{ timeline: { claimId: number; reviewStatus: string }[] }>(`/api/persons/${kov.id}`);
  const target = file.timeline.find((c) => c.reviewStatus === 'proposed')!;
  await page.click(`#claim-${target.claimId} .act-dispute`);
  await page.waitForSelector(`#claim-${target.claimId}.st-disputed`);
  await page.click(`#claim-${target.claimId} .act-reopen`);
  await page.waitForSelector(`#claim-${target.claimId}.st-proposed`);
  assert.match(await page.textContent(`#claim-${target.claimId}`) ?? '', /Disputed by owner[\s\S]*Proposed by owner/);
});

test('search in Cyrillic finds a name written in Latin, highlighted', { skip }, async () => {
  await page.goto(`${server.url}#/search`);
  await page.fill('#q', 'Нестеренко');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#results mark');
  const marks = await page.$$eval('#results mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes('Nesterenka'), `Latin spelling highlighted: ${marks.join(', ')}`);
  await shot('search');
});

test('prisoner list with a filter, statistics with charts, Russian interface', { skip }, async () => {
  await page.goto(`${server.url}#/prisoners`);
  await page.waitForSelector('#prisoner-count');
  await page.selectOption('#f-status', 'sentenced');
  await page.click('.filters button[type=submit]');
  // Wait for the page drawn for the filtered address, not the list that was on screen before.
  await page.waitForSelector('main[data-shown*="status=sentenced"][aria-busy=false]');
  assert.ok(await page.$$eval('tbody tr', (rows) => rows.length) >= 1, 'the filter leaves at least one sentenced person');
  assert.ok((await page.$$eval('tbody tr', (rows) => rows.map((r) => r.textContent ?? ''))).every((t) => /Sentenced/.test(t)));
  await shot('prisoners');
  await page.goto(`${server.url}#/stats`);
  await page.waitForSelector('svg.chart path.line');
  await shot('stats');
  await page.click('header button.link');
  await page.waitForSelector('text=Статистика');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  await shot('stats-ru');
});

test('at phone width (390 px) the prisoner list, a case file and the review queue fit the screen', { skip }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const list = await json<{ persons: { id: number; name: string }[] }>('/api/prisoners');
    for (const [hash, name] of [['#/prisoners', 'phone-prisoners'], [`#/person/${list.persons[0]!.id}`, 'phone-person'], ['#/review', 'phone-review']] as const) {
      await page.goto(`${server.url}${hash}`);
      await page.waitForSelector('main[aria-busy=false] h1');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 392, `${hash}: the page is ${wide} px wide`);
      await shot(name);
    }
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
});

test('a viewer signs in with a user name and password: reads, but gets no upload or review controls', { skip }, async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const p = await context.newPage();
  p.setDefaultTimeout(10_000);
  await p.goto(server.url);
  await p.waitForSelector('#passphrase');
  await p.fill('#user', 'vera');
  await p.fill('#passphrase', 'fictional viewer password');
  await p.press('#passphrase', 'Enter');
  await p.waitForSelector('table');
  assert.match(await p.textContent('header') ?? '', /vera · viewer/);
  assert.equal(await p.$('#dropzone'), null);
  await p.goto(`${server.url}#/review`);
  await p.waitForSelector('#no-review');
  assert.equal(await p.$('button.accept'), null);
  await context.close();
});
