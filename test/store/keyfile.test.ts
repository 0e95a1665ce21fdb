import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyFile, ownerKeys, unwrapSlot, wrapSecret, WrongPassphraseError, DEFAULT_KDF } from '../../src/store/keyfile.ts';

const FAST = { memoryCost: 8 * 1024, timeCost: 1, parallelism: 1 };

test('the default KDF meets the floor the project promises (Argon2id, m >= 64 MiB, t >= 3)', () => {
  assert.ok(DEFAULT_KDF.memoryCost >= 64 * 1024);
  assert.ok(DEFAULT_KDF.timeCost >= 3);
});

test('the keys wrapped with a passphrase unwrap with it and only with it', async () => {
  const { file, keys } = await createKeyFile('correct horse battery', FAST);
  assert.equal(keys.db.length, 32);
  const again = await ownerKeys(file, 'correct horse battery');
  assert.deepEqual(again.keys, keys);
  assert.equal(again.slotId, 'passphrase');
  await assert.rejects(ownerKeys(file, 'correct horse batterY'), WrongPassphraseError);
});

test('the key file never holds a key or the passphrase in the clear', async () => {
  const { file, keys } = await createKeyFile('a passphrase nobody guesses', FAST);
  const text = JSON.stringify(file);
  for (const key of Object.values(keys)) {
    assert.ok(!text.includes(key.toString('hex')));
    assert.ok(!text.includes(key.toString('base64')));
  }
  assert.ok(!text.includes('a passphrase nobody guesses'));
});

test('a second slot opens the same keys, and swapping slot ids breaks it', async () => {
  const { file, keys } = await createKeyFile('first passphrase', FAST);
  const { value: wmk } = await unwrapSlot(file, 'first passphrase');
  file.slots.push(await wrapSecret(wmk, 'RECOVERY-KEY-1234', 'recovery', FAST));
  assert.deepEqual((await ownerKeys(file, 'RECOVERY-KEY-1234')).keys, keys);
  const tampered = structuredClone(file);
  tampered.slots[1]!.id = 'passphrase';
  await assert.rejects(ownerKeys(tampered, 'RECOVERY-KEY-1234'), WrongPassphraseError);
});
