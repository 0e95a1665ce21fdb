/**
 * The article-extraction benchmark's own score (../shared/bench/article-extraction/README.md):
 * 4-token shingles as multisets, per page normalised, mean precision and recall, F1 of the means.
 */
import { createHash } from 'node:crypto';

/**
 * The pages split in two fixed halves by the SHA-256 of their id: `study` may be looked at while
 * changing the cleaner, `heldOut` is only scored. Sorting by hash makes the halves equal in size
 * and independent of the order or the content of the pages.
 */
export function benchSplit(ids: string[]): { study: string[]; heldOut: string[] } {
  const byHash = [...ids].sort((a, b) => hashOf(a).localeCompare(hashOf(b)) || a.localeCompare(b));
  const half = Math.ceil(byHash.length / 2);
  return { study: byHash.slice(0, half).sort(), heldOut: byHash.slice(half).sort() };
}

const hashOf = (id: string): string => createHash('sha256').update(`vigil-bench-split:${id}`).digest('hex');

export function shingles(text: string): Map<string, number> {
  const toks = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  if (toks.length === 0) return out;
  if (toks.length < 4) {
    out.set(toks.join(' '), 1);
    return out;
  }
  for (let i = 0; i + 4 <= toks.length; i++) {
    const k = toks.slice(i, i + 4).join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export function pageScore(predicted: string, gold: string): { precision: number; recall: number } {
  const p = shingles(predicted);
  const g = shingles(gold);
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const [k, n] of p) {
    tp += Math.min(n, g.get(k) ?? 0);
    np += n;
  }
  for (const n of g.values()) ng += n;
  const fp = np - tp;
  const fn = ng - tp;
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1 };
  return { precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn) };
}

export function summarise(scores: { precision: number; recall: number }[]): { precision: number; recall: number; f1: number } {
  const precision = scores.reduce((a, s) => a + s.precision, 0) / scores.length;
  const recall = scores.reduce((a, s) => a + s.recall, 0) / scores.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
