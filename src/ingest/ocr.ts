/**
 * OCR through the system's tesseract (Debian: tesseract-ocr, tesseract-ocr-rus, tesseract-ocr-bel),
 * optional: without it a scanned PDF is archived and says it has no text. The page image goes to
 * tesseract on its standard input as a PGM and the text comes back on its standard output, so no
 * decoded page of a confidential scan is ever written to disk.
 */
import { spawnSync } from 'node:child_process';
import { LIMITS } from './limits.ts';

/** A decoded PDF image as PDF.js gives it: kind 1 = 1 bit grey (rows padded to bytes), 2 = RGB, 3 = RGBA. */
export interface PageImage {
  width: number;
  height: number;
  kind: 1 | 2 | 3;
  data: Uint8ClampedArray | Uint8Array;
}

/** The languages Vigil's monitors write in, in the order tesseract should try them. */
const WANTED = ['rus', 'bel', 'ukr', 'eng'];

let cached: string[] | null = null;

/** The wanted languages the installed tesseract has; none when tesseract is not installed. */
export function ocrLanguages(): string[] {
  if (cached) return cached;
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8', timeout: 10_000 });
  const have = r.status === 0 ? new Set(`${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim())) : new Set<string>();
  cached = WANTED.filter((l) => have.has(l));
  return cached;
}

/** Greyscale PGM (P5) of a page image: the one format every tesseract build reads from memory. */
export function toPgm(img: PageImage): Buffer {
  const { width: w, height: h } = img;
  const header = Buffer.from(`P5\n${w} ${h}\n255\n`, 'ascii');
  const grey = Buffer.alloc(w * h);
  if (img.kind === 1) {
    const rowBytes = (w + 7) >> 3;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) grey[y * w + x] = (img.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
  } else {
    const step = img.kind === 2 ? 3 : 4;
    for (let i = 0, j = 0; i < w * h; i++, j += step) {
      grey[i] = Math.round(0.299 * img.data[j]! + 0.587 * img.data[j + 1]! + 0.114 * img.data[j + 2]!);
    }
  }
  return Buffer.concat([header, grey]);
}

export function ocrImage(img: PageImage, languages: string[]): string {
  const r = spawnSync('tesseract', ['stdin', 'stdout', '-l', languages.join('+')], {
    input: toPgm(img),
    encoding: 'utf8',
    timeout: LIMITS.ocr.pageTimeMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error || r.status !== 0) return '';
  return r.stdout;
}
