import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyDecisions, resolvePersons } from '../../src/store/resolve-persons.ts';
import { initWorkspace } from '../../src/store/workspace.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import type { PersonDecision, SqliteStore } from '../../src/store/sqlite-store.ts';

const decision = (kind: 'merge' | 'split', namesA: string[], namesB: string[]): PersonDecision => ({ id: 1, kind, namesA, namesB, madeBy: 'tester', at: '', note: null });

/** A fresh workspace for one test, with its FICTIONAL reports ingested; removed afterwards. */
async function withReports(reports: string[], body: (store: SqliteStore) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-decide-'));
  try {
    const store = await initWorkspace(join(dir, 'ws'), 'test passphrase', { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    reports.forEach((text, i) => ingestBytes(store, Buffer.from(text), `${i}.txt`, 'test'));
    body(store);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a merge joins the groups holding either side; a split pulls one side out of a shared group', () => {
  const names: Record<string, string> = { '1': 'Ales Example', '2': 'A. Example', '3': 'Milana Example', '4': 'Mr Example' };
  const nameOf = (id: string) => names[id]!;
  const merged = applyDecisions([['1'], ['2'], ['3', '4']], nameOf, [decision('merge', ['Ales Example'], ['A. Example'])]);
  assert.deepEqual(merged.map((g) => g.sort()).sort(), [['1', '2'], ['3', '4']]);
  const split = applyDecisions(merged, nameOf, [decision('split', ['Mr Example'], ['Milana Example'])]);
  assert.deepEqual(split.map((g) => g.sort()).sort(), [['1', '2'], ['3'], ['4']]);
  // Decisions apply in order: a later merge undoes an earlier split of the same names.
  const again = applyDecisions(split, nameOf, [decision('merge', ['Mr Example'], ['Ales Example'])]);
  assert.ok(again.some((g) => g.includes('4') && g.includes('1')));
});

test('a person decision survives new reports and re-resolution, and is audited with who made it', async () => {
  // FICTIONAL reports written for this test: a pen name the resolver cannot know, since no report
  // says it is one (had one said "Siarhei Kruglik, who writes as Kruk", the machine would join them).
  await withReports([
    'FICTIONAL. Blogger Siarhei Kruk was detained in Minsk on 2 May 2024.',
    'FICTIONAL. Blogger Siarhei Kruglik was released in Minsk on 20 May 2024.',
  ], (store) => {
    resolvePersons(store, 'test');
    const before = store.listPersonRows();
    assert.ok(before.length >= 2, 'the machine keeps the spellings apart');
    store.addPersonDecision('merge', ['Siarhei Kruk'], ['Siarhei Kruglik'], 'monitor-1', 'same man, confirmed by his lawyer');
    resolvePersons(store, 'test');
    const ids = () => new Set(store.allMentions().filter((m) => /Kruk|Kruglik/.test(m.name)).map((m) => m.personId));
    assert.equal(ids().size, 1);
    ingestBytes(store, Buffer.from('FICTIONAL. Siarhei Kruglik was detained again on 1 June 2024.'), 'c.txt', 'test');
    resolvePersons(store, 'test');
    assert.equal(ids().size, 1, 'a new report with one of the names joins the merged person');
    const audit = store.auditLog().find((e) => e.action === 'persons:merge');
    assert.equal(audit?.actor, 'monitor-1');
  });
});

test('resolution weighs what the claims say (the article); a rejected claim no longer counts', async () => {
  // FICTIONAL reports written for this test: a husband and wife of one surname, then the surname alone.
  await withReports([
    'FICTIONAL. Activist Ivan Petrashka was charged under Article 130 of the Criminal Code on 3 March 2024.',
    'FICTIONAL. Activist Maryna Petrashka was charged under Article 342 of the Criminal Code on 5 March 2024.',
    'FICTIONAL. Ms Petrashka was charged under Article 342 of the Criminal Code, her lawyer said on 9 March 2024.',
  ], (store) => {
    resolvePersons(store, 'test');
    const personOf = (name: string) => store.allMentions().find((m) => m.name === name)!.personId;
    assert.equal(personOf('Petrashka'), personOf('Maryna Petrashka'), 'the same article ties the surname to her');
    assert.notEqual(personOf('Petrashka'), personOf('Ivan Petrashka'));
    const bare = store.allMentions().find((m) => m.name === 'Petrashka')!;
    const claim = store.allClaims().find((c) => c.mentionId === bare.id && c.type === 'charge')!;
    store.reviewClaim(claim.id, 'rejected', 'monitor-1');
    resolvePersons(store, 'test');
    assert.notEqual(personOf('Petrashka'), personOf('Maryna Petrashka'), 'with its only clue rejected the surname stays apart');
    assert.notEqual(personOf('Petrashka'), personOf('Ivan Petrashka'));
  });
});

test('a pen name one report states joins the reports that use only the pen name, and a split undoes it', async () => {
  // FICTIONAL reports written for this test.
  await withReports([
    'FICTIONAL. Blogger Siarhei Kruk was detained in Minsk on 2 May 2024.',
    'FICTIONAL. Blogger Siarhei Kruglik, who writes as Siarhei Kruk, was released in Minsk on 20 May 2024.',
  ], (store) => {
    resolvePersons(store, 'test');
    const personOf = (name: string) => store.allMentions().find((m) => m.name === name)!.personId;
    assert.equal(personOf('Siarhei Kruk'), personOf('Siarhei Kruglik'));
    store.addPersonDecision('split', ['Siarhei Kruk'], ['Siarhei Kruglik'], 'monitor-1', 'two bloggers, says the editor');
    resolvePersons(store, 'test');
    assert.notEqual(personOf('Siarhei Kruk'), personOf('Siarhei Kruglik'));
  });
});
