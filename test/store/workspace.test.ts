import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace, openWorkspace, workspacePaths } from '../../src/store/workspace.ts';
import { WrongPassphraseError } from '../../src/store/keyfile.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { GENESIS_HASH, auditMac } from '../../src/store/integrity.ts';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const FAST = { memoryCost: 8 * 1024, timeCost: 1, parallelism: 1 };

/** Words that occur in the fictional example reports and nowhere in Vigil's own schema. */
const INGESTED_WORDS = ['Kovalchuk', 'Akrestsina', 'Valadarskaha', 'Nesterenka', 'Marchuk', 'Ковальчук', 'FICTIONAL'];

function containsAny(bytes: Buffer, words: string[]): string[] {
  return words.filter((w) => bytes.includes(Buffer.from(w, 'utf8')) || bytes.includes(Buffer.from(w, 'utf16le')));
}

test('neither the database, its WAL nor the key file contains any ingested text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-plain-'));
  try {
    const store = await initWorkspace(join(dir, 'ws'), 'a long test passphrase', FAST);
    const summary = await ingestPaths(store, [examples], { actor: 'test' });
    assert.equal(summary.failed, 0);
    assert.ok(summary.ingested >= 6);
    // Look while the store is open, when recent pages still sit in the WAL.
    const p = workspacePaths(join(dir, 'ws'));
    const files = readdirSync(p.dir);
    assert.ok(files.includes('vigil.db-wal'), `WAL present: ${files.join(', ')}`);
    for (const f of files) assert.deepEqual(containsAny(readFileSync(join(p.dir, f)), INGESTED_WORDS), [], `${f} leaks plain text`);
    // Sanity: the words really are in what was stored, so the check above could fail.
    const orig = store.getOriginal(store.listReports()[0]!.sha256)!;
    assert.ok(containsAny(orig, INGESTED_WORDS).length > 0);
    store.close();
    for (const f of readdirSync(p.dir)) assert.deepEqual(containsAny(readFileSync(join(p.dir, f)), INGESTED_WORDS), [], `${f} leaks plain text after close`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a wrong passphrase opens nothing; the right one finds every original byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-ws-'));
  try {
    const ws = join(dir, 'ws');
    const store = await initWorkspace(ws, 'right passphrase', FAST);
    const file = join(examples, '2024-06-01-nesterenko-exile.txt');
    await ingestPaths(store, [file], { actor: 'test' });
    store.close();
    await assert.rejects(openWorkspace(ws, 'wrong passphrase'), WrongPassphraseError);
    const again = await openWorkspace(ws, 'right passphrase');
    const [r] = again.listReports();
    assert.ok(again.getOriginal(r!.sha256)!.equals(readFileSync(file)));
    again.close();
    await assert.rejects(openWorkspace(join(dir, 'nothing-here'), 'x'), /No workspace/);
    assert.ok(!existsSync(join(dir, 'nothing-here')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the audit log is hash-chained from the genesis hash and refuses edits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-audit-'));
  try {
    const store = await initWorkspace(join(dir, 'ws'), 'audit passphrase', FAST);
    await ingestPaths(store, [examples], { actor: 'tester' });
    const log = store.auditLog();
    assert.ok(log.length >= 7);
    let prev = GENESIS_HASH;
    for (const e of log) {
      assert.equal(e.prevHash, prev);
      const h = auditMac(store.keys.integrity, prev, { at: e.at, actor: e.actor, action: e.action, entity: e.entity, beforeJson: e.before === null ? null : JSON.stringify(e.before), afterJson: e.after === null ? null : JSON.stringify(e.after) });
      assert.equal(e.hash, h);
      prev = e.hash;
    }
    assert.throws(() => store.db.prepare("UPDATE audit_log SET actor = 'mallory'").run(), /append-only/);
    assert.throws(() => store.db.prepare('DELETE FROM audit_log').run(), /append-only/);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
