/**
 * Extraction throughput: HTML pages (Readability + our block filter + metadata cascade) and scraped-text
 * cleaning, in articles/s and MB/s, with peak RSS. Runs on the article-extraction-benchmark pages in
 * ../shared/data/extraction when present, else on our own fixtures (test/fixtures/clean). Warm-up first, then
 * timed rounds; prints the mean and a 95 % interval over rounds, and a final JSON line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/stages/clean/html.js';
import { cleanText } from '../src/stages/clean/text.js';

const sharedHtml = fileURLToPath(new URL('../../shared/data/extraction/html/', import.meta.url));
const sharedSeeds = fileURLToPath(new URL('../../shared/corpus/seeds/', import.meta.url));
const fixtures = fileURLToPath(new URL('../test/fixtures/clean/', import.meta.url));
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);

const htmlPages: string[] = existsSync(sharedHtml)
  ? readdirSync(sharedHtml).filter((f) => f.endsWith('.html.gz')).sort().map((f) => gunzipSync(readFileSync(`${sharedHtml}${f}`)).toString('utf8'))
  : readdirSync(fixtures).filter((f) => f.endsWith('.html')).map((f) => readFileSync(`${fixtures}${f}`, 'utf8'));
const textDocs: string[] = [
  ...(existsSync(sharedSeeds) ? readdirSync(sharedSeeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${sharedSeeds}${f}`, 'utf8')) : []),
  ...readdirSync(fixtures).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${fixtures}${f}`, 'utf8')),
];
const htmlSource = existsSync(sharedHtml) ? 'extraction benchmark' : 'fixtures';

function time(docs: readonly string[], run: (s: string) => unknown, minMs: number): { perS: number[]; mbPerS: number[] } {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  for (const d of docs.slice(0, 5)) run(d); // warm-up
  const perS: number[] = [];
  const mbPerS: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    let b = 0;
    const start = performance.now();
    do {
      for (const d of docs) run(d);
      n += docs.length;
      b += bytes;
    } while (performance.now() - start < minMs);
    const s = (performance.now() - start) / 1000;
    perS.push(n / s);
    mbPerS.push(b / 1e6 / s);
  }
  return { perS, mbPerS };
}

function summary(xs: readonly number[]): { mean: number; ci95: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, ci95: (1.96 * sd) / Math.sqrt(xs.length) };
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`);
// Baseline on the same pages and machine: bare Readability over linkedom (what we build on).
const bare = time(htmlPages, (page) => new Readability(parseHTML(page).document as unknown as Document).parse(), 1);
const html = time(htmlPages, (h) => extractHtml(h), 1);
const text = time(textDocs, (t) => cleanText(t), 1000);
const h = summary(html.perS);
const hm = summary(html.mbPerS);
const t = summary(text.perS);
const tm = summary(text.mbPerS);
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`HTML extraction (${htmlPages.length} pages, ${htmlSource}): ${h.mean.toFixed(1)} ± ${h.ci95.toFixed(1)} articles/s, ${hm.mean.toFixed(2)} ± ${hm.ci95.toFixed(2)} MB/s`);
const b = summary(bare.perS);
console.log(`bare Readability on linkedom, same pages: ${b.mean.toFixed(1)} ± ${b.ci95.toFixed(1)} articles/s`);
console.log(`text cleaning (${textDocs.length} articles): ${t.mean.toFixed(0)} ± ${t.ci95.toFixed(0)} articles/s, ${tm.mean.toFixed(2)} ± ${tm.ci95.toFixed(2)} MB/s`);
console.log(`peak RSS ${rssMb.toFixed(0)} MB (reference: Readability on linkedom ≈ 24 pages/s and 341 MB here, ../shared/README.md)`);
console.log(
  JSON.stringify({
    bench: 'extract',
    htmlPages: htmlPages.length,
    htmlArticlesPerS: Math.round(h.mean * 10) / 10,
    htmlMBPerS: Math.round(hm.mean * 100) / 100,
    bareReadabilityPerS: Math.round(b.mean * 10) / 10,
    textArticlesPerS: Math.round(t.mean),
    textMBPerS: Math.round(tm.mean * 100) / 100,
    peakRssMB: Math.round(rssMb),
  }),
);
