/**
 * Bad input, thousands of times: random bytes, truncated and mutated reports, broken JSON lines.
 * Ingest must never throw or hang, must give each rejected input a clear error, and must store
 * nothing from a rejected one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace } from '../../src/store/workspace.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const CASES = 2000;

test(`fuzz: ${CASES} malformed inputs, no crash, a clear error each, nothing stored from a rejected one`, { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-fuzz-'));
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const seeds = readdirSync(examples).filter((f) => !f.endsWith('.md') && f !== 'lists').map((f) => readFileSync(join(examples, f)));
  const mutators: ((b: Buffer) => Buffer)[] = [
    () => Buffer.from(Array.from({ length: Math.floor(rand() * 300) }, () => Math.floor(rand() * 256))),
    (b) => b.subarray(0, Math.floor(rand() * b.length)),
    (b) => {
      const c = Buffer.from(b);
      for (let i = 0; i < 1 + rand() * 20; i++) c[Math.floor(rand() * c.length)] = Math.floor(rand() * 256);
      return c;
    },
    (b) => Buffer.concat([b.subarray(0, Math.floor(rand() * b.length)), Buffer.from([0, 0, 0]), b.subarray(Math.floor(rand() * b.length))]),
    () => Buffer.from(pick(['{', '{"text": 5}', '[]', 'null', '{"html": ""}', '\n\n\n', '---\n---\n', 'url: x\n---\n', '<html><body></body></html>', '\ufeff', '<<<<>>>>'])),
    (b) => Buffer.from(b.toString('utf8').split('').reverse().join('')),
  ];
  try {
    const store = await initWorkspace(join(dir, 'ws'), 'fuzz passphrase', { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    let ingested = 0;
    let failed = 0;
    for (let i = 0; i < CASES; i++) {
      const bytes = pick(mutators)(pick(seeds));
      const name = `case-${i}${pick(['.txt', '.html', '.htm', '.jsonl', '.txt'])}`;
      const before = store.listReports().length;
      const outcomes = ingestBytes(store, bytes, name, 'fuzz');
      assert.ok(outcomes.length >= 1, `case ${i}: an outcome`);
      for (const o of outcomes) {
        if (o.status === 'failed') {
          failed++;
          assert.ok(o.error.length > 3 && !/undefined|\[object/.test(o.error), `case ${i}: a clear error, got “${o.error}”`);
        } else if (o.status === 'ingested') ingested++;
      }
      const added = outcomes.filter((o) => o.status === 'ingested').length;
      assert.equal(store.listReports().length, before + added, `case ${i}: only accepted inputs are stored`);
    }
    assert.ok(failed > CASES / 10 && ingested > 0, `a mix of rejected (${failed}) and accepted (${ingested}) inputs`);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
