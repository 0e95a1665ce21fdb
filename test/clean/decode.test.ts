import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, CleanError } from '../../src/clean/index.ts';

// A fictional sentence in Russian, long enough for detection.
const RU = 'Активиста задержали в Минске во вторник вечером, сообщили правозащитники. Его доставили в изолятор на улице Окрестина.';

test('UTF-8, with and without a BOM', () => {
  assert.deepEqual(decodeBytes(Buffer.from(RU, 'utf8')), { text: RU, encoding: 'utf-8' });
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU)])).text, RU);
});

test('UTF-16 little and big endian with a BOM', () => {
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(RU, 'utf-16le')])).text, RU);
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(RU, 'utf-16be')])).text, RU);
});

test('undeclared windows-1251 and KOI8-R are told apart without mojibake', () => {
  const cp = decodeBytes(iconv.encode(RU, 'windows-1251'));
  assert.equal(cp.text, RU);
  assert.equal(cp.encoding, 'windows-1251');
  const koi = decodeBytes(iconv.encode(RU, 'koi8-r'));
  assert.equal(koi.text, RU);
  assert.equal(koi.encoding, 'koi8-r');
});

test('a declared charset wins: meta tag and HTTP content type', () => {
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>${RU}</p></body></html>`;
  assert.match(decodeBytes(iconv.encode(html, 'windows-1251')).text, /Окрестина/);
  assert.equal(decodeBytes(iconv.encode(RU, 'koi8-r'), 'text/plain; charset=KOI8-R').text, RU);
});

test('empty and binary input raise a CleanError with a code', () => {
  assert.throws(() => decodeBytes(Buffer.alloc(0)), (e: unknown) => e instanceof CleanError && e.code === 'empty');
  assert.throws(() => decodeBytes(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])), (e: unknown) => e instanceof CleanError && e.code === 'binary');
});
