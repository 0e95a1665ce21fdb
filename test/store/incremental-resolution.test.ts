// Persons kept as reports arrive (resolve-index.ts) must be the persons a full re-resolution gives:
// on a generated corpus of FICTIONAL reports ingested in batches of every size, with reviews,
// corrections that name someone new, and people's merges and splits along the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace, openWorkspace } from '../../src/store/workspace.ts';
import { groupMentions, rebuildPersons } from '../../src/store/resolve-persons.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { syntheticReports } from '../support/synthetic-reports.ts';

const PASS = 'test passphrase';
const KDF = { memoryCost: 8192, timeCost: 1, parallelism: 1 };

/** Persons as sets of mention ids, keyed by person id, as stored. */
function stored(store: SqliteStore): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const m of store.db.prepare('SELECT id, person_id FROM mentions ORDER BY id').all() as { id: number; person_id: number | null }[]) {
    assert.notEqual(m.person_id, null, `mention ${m.id} belongs to no person`);
    out.set(m.person_id!, [...(out.get(m.person_id!) ?? []), m.id]);
  }
  return out;
}

/** What grouping every mention from nothing gives (the pure groupMentions of resolve-persons.ts). */
function full(store: SqliteStore): Map<number, number[]> {
  return new Map(groupMentions(store.allMentions(), store.personDecisions(), store.claimClues()).map((p) => [p.id, p.mentionIds]));
}

function assertSame(store: SqliteStore, when: string): void {
  const got = stored(store);
  const want = full(store);
  assert.deepEqual([...got.entries()].sort((a, b) => a[0] - b[0]), [...want.entries()].sort((a, b) => a[0] - b[0]), `persons differ from a full re-resolution ${when}`);
  const rows = (store.db.prepare('SELECT id FROM persons ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  assert.deepEqual(rows, [...want.keys()].sort((a, b) => a - b), `the persons table ${when}`);
}

test('persons kept incrementally equal a full re-resolution, through reviews, corrections, merges and splits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-incremental-'));
  try {
    const store = await initWorkspace(join(dir, 'ws'), PASS, KDF);
    const reports = syntheticReports(900, { seed: 11, persons: 260 });
    let at = 0;
    let round = 0;
    const sizes = [1, 7, 50, 3, 120, 1, 30];
    while (at < reports.length) {
      const batch = reports.slice(at, at + sizes[round % sizes.length]!);
      at += batch.length;
      store.write(() => batch.forEach((p) => store.addReport(p, 'test')));
      round++;
      if (round % 6 === 0) {
        // A reviewer rejects a claim that carries a clue, and corrects another to name someone new.
        const claims = store.db.prepare("SELECT id FROM claims WHERE review_status = 'proposed' AND (detail IS NOT NULL OR date LIKE '____-__-__') ORDER BY id").all() as { id: number }[];
        store.reviewClaim(claims[round % claims.length]!.id, 'rejected', 'reviewer');
        const names = ['Ihar Kavaliou', 'Zhuk', 'Alena Savich', 'Mr Panko'];
        store.correctClaim(claims[(round * 7) % claims.length]!.id, { person: names[round % names.length]!, detail: 'Article 342' }, 'reviewer');
      }
      if (round === 12) {
        const [a, b] = store.allMentions().filter((m) => / /.test(m.name)).slice(3, 5);
        store.addPersonDecision('merge', [a!.name], [b!.name], 'monitor');
      }
      if (round === 20) {
        const groups = [...stored(store).values()].filter((ms) => ms.length > 3);
        const names = [...new Set(store.allMentions().filter((m) => groups[0]!.includes(m.id)).map((m) => m.name))];
        store.addPersonDecision('split', [names[0]!], names.slice(1), 'monitor');
      }
      if (round % 5 === 0) assertSame(store, `after ${at} reports`);
    }
    assertSame(store, 'at the end');
    assert.ok(stored(store).size > 100, 'the corpus makes many persons');

    // A full rebuild gives the same, and so does reopening (nothing is lost between processes).
    const before = [...stored(store).entries()].sort((a, b) => a[0] - b[0]);
    rebuildPersons(store, 'test');
    assert.deepEqual([...stored(store).entries()].sort((a, b) => a[0] - b[0]), before);
    store.close();
    const again = await openWorkspace(join(dir, 'ws'), PASS);
    again.write(() => syntheticReports(40, { seed: 99, persons: 30 }).forEach((p) => again.addReport(p, 'test')));
    assertSame(again, 'after reopening and ingesting more');
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a new report rewrites only the persons its mentions join, merge or start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-incremental-'));
  try {
    const store = await initWorkspace(join(dir, 'ws'), PASS, KDF);
    const reports = syntheticReports(301, { seed: 5, persons: 120 });
    store.write(() => reports.slice(0, 300).forEach((p) => store.addReport(p, 'test')));
    // Every write to a mention's person or to a person row, as this connection makes it.
    store.db.exec(`CREATE TEMP TABLE writes(what TEXT, id INTEGER, before INTEGER, after INTEGER);
      CREATE TEMP TRIGGER log_mention AFTER UPDATE OF person_id ON main.mentions BEGIN INSERT INTO writes VALUES ('mention', new.id, old.person_id, new.person_id); END;
      CREATE TEMP TRIGGER log_person_ins AFTER INSERT ON main.persons BEGIN INSERT INTO writes VALUES ('person', new.id, NULL, NULL); END;
      CREATE TEMP TRIGGER log_person_upd AFTER UPDATE ON main.persons BEGIN INSERT INTO writes VALUES ('person', new.id, NULL, NULL); END;
      CREATE TEMP TRIGGER log_person_del AFTER DELETE ON main.persons BEGIN INSERT INTO writes VALUES ('person', old.id, NULL, NULL); END;`);
    const personsBefore = store.db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number };
    store.addReport(reports[300]!, 'test');
    const writes = store.db.prepare('SELECT * FROM writes').all() as { what: string; id: number; before: number | null; after: number | null }[];
    const fresh = new Set((store.db.prepare('SELECT id FROM mentions WHERE report_id = (SELECT max(id) FROM reports)').all() as { id: number }[]).map((r) => r.id));
    assert.ok(fresh.size > 0);
    for (const w of writes.filter((x) => x.what === 'mention')) {
      assert.ok(fresh.has(w.id) || w.before !== w.after, `mention ${w.id} was written without changing person`);
    }
    // The persons written are those of the new mentions and those whose mentions moved.
    const concerned = new Set(writes.filter((x) => x.what === 'mention').flatMap((x) => [x.before, x.after]));
    for (const w of writes.filter((x) => x.what === 'person')) assert.ok(concerned.has(w.id), `person ${w.id} was written though none of its mentions moved`);
    assert.ok(writes.filter((x) => x.what === 'mention').length < 20, 'one report moves a few mentions, not the workspace');
    assert.ok(personsBefore.n > 50);
    assertSame(store, 'after one more report');
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
