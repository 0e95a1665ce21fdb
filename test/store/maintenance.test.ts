import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace, openWorkspace, workspacePaths } from '../../src/store/workspace.ts';
import { WrongPassphraseError, KeyFileError } from '../../src/store/keyfile.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { createBackup, readBackup, restoreBackup, BackupError } from '../../src/store/backup.ts';
import { addRecoverySlot, changePassphrase, destroyKeyFile } from '../../src/store/keys.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';

const FAST = { memoryCost: 8 * 1024, timeCost: 1, parallelism: 1 };
const PASS = 'maintenance passphrase';

// Fictional reports written for these tests.
const REPORTS = [
  'FICTIONAL. Human rights defender Taisa Rudko was detained in Vitebsk on 3 April 2024 and taken to the city police department.',
  'FICTIONAL. Student Kiryl Balash was sentenced on 9 May 2024 to two years in a penal colony for taking part in a protest.',
];

async function withWorkspace(fn: (dir: string, store: SqliteStore) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'vigil-maint-'));
  const dir = join(root, 'ws');
  const store = await initWorkspace(dir, PASS, FAST);
  REPORTS.forEach((r, i) => ingestBytes(store, Buffer.from(r), `r${i}.txt`, 'test'));
  try {
    await fn(dir, store);
  } finally {
    try {
      store.close();
    } catch {
      /* already closed by the test */
    }
    rmSync(root, { recursive: true, force: true });
  }
}

test('verify passes on an untouched store and names each kind of alteration', async () => {
  await withWorkspace(async (_dir, store) => {
    const clean = verifyStore(store);
    assert.equal(clean.ok, true, clean.problems.join('\n'));
    assert.equal(clean.checked.originals, 2);
    assert.ok(clean.checked.auditEntries >= 2);

    // Someone with the key edits an original in place.
    store.db.prepare("UPDATE reports SET original = CAST('forged' AS BLOB) WHERE filename = 'r1.txt'").run();
    // ...and rewrites history, which needs the append-only triggers dropped first.
    store.db.exec('DROP TRIGGER audit_log_no_update');
    store.db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id = 1").run();
    store.db.prepare("UPDATE claims SET evidence = 'made up' WHERE id = (SELECT min(id) FROM claims)").run();
    const r = verifyStore(store);
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => /report #2 \(r1\.txt\): the archived original was altered/.test(p)), r.problems.join('\n'));
    assert.ok(r.problems.some((p) => /audit entry #1 .* was altered/.test(p)), r.problems.join('\n'));
    assert.ok(r.problems.some((p) => /claim #\d+: its evidence no longer matches/.test(p)), r.problems.join('\n'));
  });
});

test('a deleted audit entry breaks the chain at the entry after it', async () => {
  await withWorkspace(async (_dir, store) => {
    store.db.exec('DROP TRIGGER audit_log_no_delete');
    store.db.prepare('DELETE FROM audit_log WHERE id = 1').run();
    const r = verifyStore(store);
    assert.ok(r.problems.some((p) => /audit entry #2 does not follow/.test(p)), r.problems.join('\n'));
  });
});

test('backup and restore: the copy is encrypted, checkable without a secret, and opens with the passphrase', async () => {
  await withWorkspace(async (dir, store) => {
    const file = join(dir, '..', 'backup.vigil');
    createBackup(store, dir, file);
    assert.throws(() => createBackup(store, dir, file), BackupError, 'never overwrites');
    const bytes = readFileSync(file);
    assert.ok(!bytes.includes(Buffer.from('Rudko')), 'no plain text in the backup');
    assert.equal(readBackup(file).header.database.bytes > 0, true);
    const target = join(dir, '..', 'restored');
    await assert.rejects(restoreBackup(file, target, 'not it'), WrongPassphraseError);
    assert.ok(!existsSync(target), 'a failed restore leaves nothing');
    await restoreBackup(file, target, PASS);
    const restored = await openWorkspace(target, PASS);
    assert.deepEqual(restored.listReports().map((r) => r.sha256), store.listReports().map((r) => r.sha256));
    assert.equal(verifyStore(restored).ok, true);
    restored.close();
    // One flipped byte in the database part is caught by the recorded hash.
    const at = bytes.length - 100;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file, bytes);
    assert.throws(() => readBackup(file), /does not match its recorded SHA-256/);
  });
});

test('passphrase change rewraps the key; a recovery key opens the workspace and can reset the passphrase', async () => {
  await withWorkspace(async (dir, store) => {
    store.close();
    const dbBefore = readFileSync(workspacePaths(dir).db);
    await changePassphrase(dir, PASS, 'a brand new passphrase', FAST);
    assert.ok(readFileSync(workspacePaths(dir).db).equals(dbBefore), 'the database itself is untouched');
    await assert.rejects(openWorkspace(dir, PASS), WrongPassphraseError);
    (await openWorkspace(dir, 'a brand new passphrase')).close();

    const recovery = await addRecoverySlot(dir, 'a brand new passphrase', FAST);
    assert.match(recovery, /^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
    (await openWorkspace(dir, recovery.toLowerCase().replaceAll('-', ' '))).close();
    await changePassphrase(dir, recovery, 'set again after forgetting', FAST);
    (await openWorkspace(dir, 'set again after forgetting')).close();
    (await openWorkspace(dir, recovery)).close();
  });
});

test('panic destroys the key file: the workspace can no longer be opened with anything', async () => {
  await withWorkspace(async (dir, store) => {
    store.close();
    const recovery = await addRecoverySlot(dir, PASS, FAST);
    destroyKeyFile(dir);
    assert.ok(!existsSync(workspacePaths(dir).key));
    await assert.rejects(openWorkspace(dir, PASS), KeyFileError);
    await assert.rejects(openWorkspace(dir, recovery), KeyFileError);
  });
});
