import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyFile, unwrapKey, wrapKey, WrongPassphraseError, DEFAULT_KDF } from '../../src/store/keyfile.ts';

const FAST = { memoryCost: 8 * 1024, timeCost: 1, parallelism: 1 };

test('the default KDF meets the floor the project promises (Argon2id, m >= 64 MiB, t >= 3)', () => {
  assert.ok(DEFAULT_KDF.memoryCost >= 64 * 1024);
  assert.ok(DEFAULT_KDF.timeCost >= 3);
});

test('a key wrapped with a passphrase unwraps with it and only with it', async () => {
  const { file, key } = await createKeyFile('correct horse battery', FAST);
  assert.equal(key.length, 32);
  const { key: again, slotId } = await unwrapKey(file, 'correct horse battery');
  assert.deepEqual(again, key);
  assert.equal(slotId, 'passphrase');
  await assert.rejects(unwrapKey(file, 'correct horse batterY'), WrongPassphraseError);
});

test('the key file never holds the key or the passphrase in the clear', async () => {
  const { file, key } = await createKeyFile('a passphrase nobody guesses', FAST);
  const text = JSON.stringify(file);
  assert.ok(!text.includes(key.toString('hex')));
  assert.ok(!text.includes(key.toString('base64')));
  assert.ok(!text.includes('a passphrase nobody guesses'));
});

test('a second slot opens the same key, and swapping slot ids breaks it', async () => {
  const { file, key } = await createKeyFile('first passphrase', FAST);
  file.slots.push(await wrapKey(key, 'RECOVERY-KEY-1234', 'recovery', FAST));
  assert.deepEqual((await unwrapKey(file, 'RECOVERY-KEY-1234')).key, key);
  const tampered = structuredClone(file);
  tampered.slots[1]!.id = 'passphrase';
  await assert.rejects(unwrapKey(tampered, 'RECOVERY-KEY-1234'), WrongPassphraseError);
});
