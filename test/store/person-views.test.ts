// The view rows every write keeps (person-views.ts): the same as computing them again, sealed where
// a cleared reader sees more than the public, and walked page by page without loss. FICTIONAL data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace } from '../../src/store/workspace.ts';
import { rebuildPersons } from '../../src/store/resolve-persons.ts';
import { readerOf } from '../../src/store/queries.ts';
import { filterCounts, personPage, viewStatistics } from '../../src/store/person-views.ts';
import { decodeCursor } from '../../src/store/cursor.ts';
import { LEVELS } from '../../src/store/person-views.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { syntheticReports } from '../support/synthetic-reports.ts';

const KDF = { memoryCost: 8192, timeCost: 1, parallelism: 1 };

async function withStore(body: (store: SqliteStore) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-views-'));
  try {
    const store = await initWorkspace(join(dir, 'ws'), 'test passphrase', KDF);
    await body(store);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every row and sum of the views, as stored (sealed values opened). */
function snapshot(store: SqliteStore): unknown {
  return LEVELS.map((level) => {
    const reader = readerOf(level, store.fieldKeys);
    return { level, rows: allPages(store, level, 7).rows, counts: filterCounts(store, reader, {}), stats: viewStatistics(store, reader) };
  });
}

function allPages(store: SqliteStore, level: (typeof LEVELS)[number], limit: number) {
  const reader = readerOf(level, store.fieldKeys);
  const rows = [];
  let cursor = null;
  let pages = 0;
  for (;;) {
    const page = personPage(store, reader, {}, limit, cursor);
    rows.push(...page.rows);
    pages++;
    cursor = decodeCursor(page.next ?? undefined);
    if (!cursor) return { rows, pages };
  }
}

test('view rows kept by each write equal the rows computed again from nothing', async () => {
  await withStore((store) => {
    const reports = syntheticReports(400, { seed: 3, persons: 150 });
    for (let i = 0; i < reports.length; i += 37) store.write(() => reports.slice(i, i + 37).forEach((p) => store.addReport(p, 'test')));
    const claims = store.db.prepare('SELECT id FROM claims ORDER BY id').all() as { id: number }[];
    store.reviewClaim(claims[5]!.id, 'rejected', 'r');
    store.correctClaim(claims[40]!.id, { type: 'sentence', detail: 'Article 342', date: '2023-04-05' }, 'r');
    store.setConfidentiality('reports', 3, 'internal', 'r');
    store.setConfidentiality('reports', 9, 'confidential', 'r');
    store.setConfidentiality('mentions', 30, 'internal', 'r');
    const kept = snapshot(store);
    rebuildPersons(store, 'test');
    assert.deepEqual(snapshot(store), kept);
    // The statistics agree with the claims themselves: every non-rejected dated claim of a person is an event of its month.
    const reader = readerOf('confidential', store.fieldKeys);
    const events = viewStatistics(store, reader).eventsPerMonth.reduce((a, m) => a + m.events, 0);
    const dated = (store.db.prepare("SELECT count(*) AS n FROM claims c JOIN mentions m ON m.id = c.mention_id WHERE c.review_status != 'rejected' AND m.person_id IS NOT NULL AND c.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'").get() as { n: number }).n;
    assert.equal(events, dated);
    assert.equal(viewStatistics(store, reader).totals.reports, 400);
    assert.equal(viewStatistics(store, readerOf('public', store.fieldKeys)).totals.reports, 398);
  });
});

test('a person known only from an internal report: sealed in its row, unseen by the public, named for a cleared reader', async () => {
  await withStore((store) => {
    const SECRET = 'Zmitser Vasilkovich';
    ingestBytes(store, Buffer.from(`title: note\nconfidentiality: internal\n---\nFICTIONAL. ${SECRET} was detained on 3 May 2024 and is held at the Okrestina centre. He is charged under Article 342.`), 'secret.txt', 'test');
    ingestBytes(store, Buffer.from('FICTIONAL. Aleh Barysau was detained on 4 May 2024 in Minsk.'), 'open.txt', 'test');
    const pub = readerOf('public', store.fieldKeys);
    const internal = readerOf('internal', store.fieldKeys);
    assert.ok(!personPage(store, pub, {}, 50, null).rows.some((r) => r.name.includes('Vasilkovich')));
    const seen = personPage(store, internal, {}, 50, null).rows.find((r) => r.name.includes('Vasilkovich'));
    assert.ok(seen, 'a cleared reader sees the person');
    assert.deepEqual(seen.articles, ['342'], JSON.stringify(seen));
    // Filters and counts reach the sealed row after opening it.
    assert.equal(personPage(store, internal, { article: '342' }, 50, null).rows.length, 1);
    assert.equal(personPage(store, internal, { facility: 'akrestsina' }, 50, null).rows.length, 1, JSON.stringify(seen));
    assert.equal(filterCounts(store, internal, { article: '342' }).byArticle['342'], 1);
    assert.equal(filterCounts(store, internal, {}).byArticle['342'], 1);
    assert.equal(filterCounts(store, pub, {}).byArticle['342'], undefined);
    // No derived table holds the name, the place or the article in the clear.
    for (const t of ['person_views', 'person_articles', 'view_counts', 'persons']) {
      const text = JSON.stringify(store.db.prepare(`SELECT * FROM ${t}`).all());
      assert.ok(!text.includes('Vasilkovich') && !/okrestina|akrestsina/i.test(text), `${t} holds the sealed name or place in the clear`);
    }
    assert.ok(!JSON.stringify(store.db.prepare('SELECT * FROM person_articles').all()).includes('342'));
  });
});

test('pages follow one another by name without losing or repeating a person', async () => {
  await withStore((store) => {
    store.write(() => syntheticReports(250, { seed: 8, persons: 120 }).forEach((p) => store.addReport(p, 'test')));
    const whole = allPages(store, 'public', 1000);
    assert.equal(whole.pages, 1);
    const paged = allPages(store, 'public', 9);
    assert.ok(paged.pages > 5);
    assert.deepEqual(paged.rows.map((r) => r.id), whole.rows.map((r) => r.id));
    assert.equal(new Set(whole.rows.map((r) => r.id)).size, whole.rows.length);
    assert.equal(whole.rows.length, (store.db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n);
    const keys = whole.rows.map((r) => r.name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
    assert.deepEqual(keys, [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });
});
