/**
 * A scanned PDF read by OCR: a page of FICTIONAL Russian text rendered by Debian's Chromium,
 * put in a PDF as a picture only (no text layer), then ingested. Needs the system's tesseract with
 * Russian data (.ci/run installs tesseract-ocr, tesseract-ocr-rus, tesseract-ocr-bel); skipped
 * where it or Chromium is missing, since OCR is optional.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ocrLanguages } from '../../src/ingest/ocr.ts';
import { ingestFile } from '../../src/ingest/ingest.ts';
import { pdf } from '../support/documents.ts';
import { withWorkspace } from '../support/workspace.ts';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) ? 'no /usr/bin/chromium' : !ocrLanguages().includes('rus') ? 'tesseract with Russian data is not installed (optional)' : false;

test('a scanned page is read by tesseract and its facts proposed like any other text', { skip, timeout: 120_000 }, async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  let scan: Buffer;
  try {
    const page = await browser.newPage({ viewport: { width: 1240, height: 700 } });
    await page.setContent(`<body style="margin:60px;background:#fff;font:36px/1.5 'DejaVu Serif',serif;color:#111">
      <p>ВЫМЫШЛЕННЫЙ ПРИГОВОР</p><p>2 марта 2024 года суд приговорил активиста Ивана Петрова к трём годам лишения свободы.</p></body>`);
    scan = await page.screenshot({ type: 'png' });
  } finally {
    await browser.close();
  }
  const bytes = await pdf([''], { image: scan });
  await withWorkspace(async (store) => {
    const [o] = await ingestFile(store, bytes, 'scan.pdf', 'test');
    assert.equal(o!.status, 'ingested', JSON.stringify(o));
    assert.match((o as { notice: string }).notice, /read by OCR \(rus/);
    const text = store.reportById(store.listReports()[0]!.id)!.mainText;
    assert.match(text, /приговорил/);
    assert.match(text, /Петрова/);
    const meta = JSON.parse((store.db.prepare('SELECT metadata_json AS m FROM reports').get() as { m: string }).m) as Record<string, string>;
    assert.match(meta.ocr!, /^tesseract \(rus\+bel/);
  });
});
