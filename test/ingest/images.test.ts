/**
 * Pictures kept with a report or a person: what is shown and exported has no EXIF (GPS location,
 * camera, time), XMP or text chunks; the original is kept byte for byte, and over HTTP only roles
 * cleared for confidential content may download it. Pictures are made here: a PNG by hand, a JPEG
 * by Debian's Chromium (skipped where it is missing), each given FICTIONAL metadata.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { cleanImage, exifHasGps } from '../../src/ingest/images.ts';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { initWorkspace } from '../../src/store/workspace.ts';
import { resolvePersons } from '../../src/store/resolve-persons.ts';
import { buildApp } from '../../src/interfaces/http/server.ts';
import { WorkspaceSession } from '../../src/interfaces/http/session.ts';
import { png, pngChunk } from '../support/documents.ts';
import { FAST_KDF } from '../support/workspace.ts';

const CHROMIUM = '/usr/bin/chromium';
const noChromium = existsSync(CHROMIUM) ? false : 'no /usr/bin/chromium';

/** A little-endian TIFF block (what EXIF is) whose first directory points to a GPS directory at 52.1° N. */
function exifWithGps(): Buffer {
  const t = Buffer.alloc(90);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4);
  t.writeUInt16LE(1, 8); // one entry in IFD0
  t.writeUInt16LE(0x8825, 10); // GPSInfo
  t.writeUInt16LE(4, 12);
  t.writeUInt32LE(1, 14);
  t.writeUInt32LE(26, 18);
  t.writeUInt32LE(0, 22);
  t.writeUInt16LE(1, 26); // GPS IFD: one entry, latitude ref 'N'
  t.writeUInt16LE(1, 28);
  t.writeUInt16LE(2, 30);
  t.writeUInt32LE(2, 32);
  t.write('N\0', 36, 'latin1');
  return t;
}

const GPS_TEXT = 'FICTIONAL GPS 52.1 N 23.7 E';

test('a PNG loses its EXIF, text and time chunks and keeps its pixels', () => {
  const original = png(16, 16, [pngChunk('eXIf', exifWithGps()), pngChunk('tEXt', Buffer.from(`Comment\0${GPS_TEXT}`)), pngChunk('tIME', Buffer.alloc(7))]);
  const c = cleanImage(original);
  assert.equal(c.mediaType, 'image/png');
  assert.deepEqual(c.removed.sort(), ['EXIF (with a GPS location)', 'text', 'time']);
  assert.ok(!c.shown.includes(Buffer.from(GPS_TEXT)) && !c.shown.includes(Buffer.from('eXIf')));
  assert.ok(c.shown.equals(png(16, 16)), 'exactly the picture without its metadata');
  assert.equal(c.width, 16);
});

test('what is not a JPEG, PNG or WebP picture, or is cut short, is refused', () => {
  assert.throws(() => cleanImage(Buffer.from('GIF89a fictional')), /JPEG, PNG or WebP/);
  assert.throws(() => cleanImage(png(16, 16).subarray(0, 40)), /damaged PNG/);
  assert.equal(exifHasGps(Buffer.from('MM\0*')), false);
});

let browser: Browser;
before(async () => {
  if (!noChromium) browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => browser?.close());

async function cameraJpeg(): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 120, height: 80 } });
  await page.setContent('<body style="margin:0;background:#c33"><p style="font:30px sans-serif;color:#fff">FICTIONAL</p></body>');
  const jpeg = await page.screenshot({ type: 'jpeg', quality: 80 });
  await page.close();
  // A phone's EXIF (with GPS), an XMP packet and a comment, inserted after SOI as cameras write them.
  const seg = (marker: number, payload: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  return Buffer.concat([jpeg.subarray(0, 2), seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps()])),
    seg(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${GPS_TEXT}</x:xmpmeta>`)), seg(0xfe, Buffer.from(GPS_TEXT)), jpeg.subarray(2)]);
}

test('a JPEG from a phone: EXIF with its GPS location, XMP and comment are gone from what is shown, which still displays', { skip: noChromium }, async () => {
  const original = await cameraJpeg();
  const c = cleanImage(original);
  assert.deepEqual(c.removed.sort(), ['EXIF (with a GPS location)', 'XMP', 'comment']);
  assert.ok(!c.shown.includes(Buffer.from(GPS_TEXT)) && !c.shown.includes(Buffer.from('Exif\0')));
  assert.equal(c.width, 120);
  const page = await browser.newPage();
  const size = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, `data:image/jpeg;base64,${c.shown.toString('base64')}`);
  await page.close();
  assert.deepEqual(size, [120, 80]);
});

test('over HTTP: a picture attached to a report and to a person is shown without metadata; the original only to a role cleared for confidential content', { skip: noChromium }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-img-'));
  let app: FastifyInstance | null = null;
  try {
    const store = await initWorkspace(dir, 'fictional test passphrase', FAST_KDF);
    ingestBytes(store, Buffer.from('FICTIONAL report. The activist Iryna Lis was detained in Brest on 3 March 2024.'), 'lis.txt', 'test');
    resolvePersons(store, 'test');
    const personId = store.listPersonRows()[0]!.id;
    store.close();
    const session = new WorkspaceSession(dir);
    app = await buildApp(dir, session);
    const ok = await app.inject({ method: 'POST', url: '/api/unlock', payload: { passphrase: 'fictional test passphrase' } });
    const admin = { cookie: String(ok.headers['set-cookie']).split(';')[0]!, csrf: ok.json().csrf as string };
    const token = session.open({ name: 'rita', role: 'reviewer', clearance: 'internal' });
    const reviewer = { cookie: `vigil_session=${token}`, csrf: session.sessionFor(token)!.csrf };
    const original = await cameraJpeg();
    const attach = (url: string, bytes: Buffer) => app!.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'x-vigil-csrf': admin.csrf, 'content-type': 'application/octet-stream' }, payload: bytes });
    const toReport = await attach('/api/reports/1/attachments?filename=court.jpg', original);
    assert.equal(toReport.statusCode, 200, toReport.body);
    const a = toReport.json() as { id: number; removed: string[]; picture: boolean };
    assert.ok(a.picture && a.removed.includes('EXIF (with a GPS location)'));
    const toPerson = await attach(`/api/persons/${personId}/attachments?filename=portrait.jpg`, original);
    assert.equal(toPerson.statusCode, 200, toPerson.body);
    const listed = (await app.inject({ method: 'GET', url: `/api/persons/${personId}/attachments`, headers: { cookie: reviewer.cookie } })).json() as { filename: string }[];
    assert.deepEqual(listed.map((x) => x.filename), ['portrait.jpg']);
    const shown = await app.inject({ method: 'GET', url: `/api/attachments/${a.id}`, headers: { cookie: reviewer.cookie } });
    assert.equal(shown.headers['content-type'], 'image/jpeg');
    assert.ok(!shown.rawPayload.includes(Buffer.from(GPS_TEXT)));
    const denied = await app.inject({ method: 'GET', url: `/api/attachments/${a.id}/original`, headers: { cookie: reviewer.cookie } });
    assert.equal(denied.statusCode, 403);
    const full = await app.inject({ method: 'GET', url: `/api/attachments/${a.id}/original`, headers: { cookie: admin.cookie } });
    assert.ok(full.rawPayload.equals(original), 'the original, byte for byte');
    const bad = await attach('/api/reports/1/attachments?filename=x.jpg', Buffer.from('FICTIONAL not a picture'));
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().error, /JPEG, PNG or WebP/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/reports/1/attachments', headers: { cookie: reviewer.cookie } })).json().attachments.length, 1);
  } finally {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
