/**
 * Scoring helpers shared by the extraction evals: the article-extraction-benchmark's shingle metric
 * (4-token shingles, per-page TP/FP/FN normalised to sum 1, then summed) and a plain token-bag F1.
 */

/** Word tokens as the benchmark counts them: runs of Unicode letters, digits and underscore. */
export function benchmarkTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_\p{M}]+/gu) ?? [];
}

/** Per-page true positives, false positives and false negatives, normalised so each page weighs the same. */
export interface PageCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

function countBag(items: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const item of items) bag.set(item, (bag.get(item) ?? 0) + 1);
  return bag;
}

function bagCounts(truth: readonly string[], pred: readonly string[]): PageCounts {
  const t = countBag(truth);
  const p = countBag(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

function shingles(text: string, n: number): string[] {
  const tokens = benchmarkTokens(text);
  const out: string[] = [];
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n).join(' ');
    if (s) out.push(s);
  }
  return out;
}

/** The benchmark's page score: 4-token shingle bags. */
export function shingleCounts(truth: string, pred: string, n = 4): PageCounts {
  return bagCounts(shingles(truth, n), shingles(pred, n));
}

/** Token-bag counts, lower-cased. */
export function tokenCounts(truth: string, pred: string): PageCounts {
  return bagCounts(benchmarkTokens(truth.toLowerCase()), benchmarkTokens(pred.toLowerCase()));
}

/** Precision, recall and F1 from summed per-page counts. */
export function prf(pages: readonly PageCounts[]): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of pages) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** F1 of one page from its counts. */
export function pageF1(c: PageCounts): number {
  return c.tp > 0 ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0;
}

/** Rounds to 3 decimals for printing. */
export function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
