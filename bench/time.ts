/**
 * `npm run bench:time`: single-core throughput of the time stage on the committed news corpus
 * (bench/corpus/nlp-news.txt, written by us), one document per copy. Warms up, then times batches;
 * prints mean words/s with a 95 % CI, expressions per document, peak RSS, Node and CPU, and a final JSON line.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { findTimes } from '../src/stages/time/index.js';

const CORPUS = fileURLToPath(new URL('./corpus/nlp-news.txt', import.meta.url));
const base = readFileSync(CORPUS, 'utf8');
const docs = Array.from({ length: 20 }, () => base);
const wordsPerDoc = base.split(/\s+/).filter(Boolean).length;
const totalWords = wordsPerDoc * docs.length;
const PUBLISHED_AT = '2015-11-26';

for (let i = 0; i < 3; i++) docs.forEach((text) => findTimes(text, PUBLISHED_AT));
const rates: number[] = [];
const batches = 15;
for (let b = 0; b < batches; b++) {
  const t0 = performance.now();
  docs.forEach((text) => findTimes(text, PUBLISHED_AT));
  rates.push(totalWords / ((performance.now() - t0) / 1000));
}
const mean = rates.reduce((a, r) => a + r, 0) / rates.length;
const sd = Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / (rates.length - 1));
const ci = (1.96 * sd) / Math.sqrt(rates.length);
const expressions = findTimes(base, PUBLISHED_AT).length;
const rssMb = process.memoryUsage().rss / 1e6;

console.log(`node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} · one core (single thread)`);
console.log(`time stage: ${Math.round(mean).toLocaleString('en')} words/s ± ${Math.round(ci).toLocaleString('en')} (95 % CI, ${batches} batches of ${totalWords} words)`);
console.log(`${expressions} expressions in a ${wordsPerDoc}-word document; ms per 1k words ${(1000 / mean * 1000).toFixed(2)}; peak RSS ${rssMb.toFixed(0)} MB`);
console.log(JSON.stringify({ bench: 'time', wordsPerS: Math.round(mean), ci95: Math.round(ci), msPer1kWords: Number((1e6 / mean).toFixed(3)), expressionsPerDoc: expressions, rssMb: Math.round(rssMb), node: process.version }));
