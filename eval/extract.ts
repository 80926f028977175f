/**
 * `npm run eval:extract`: HTML body extraction on the article-extraction-benchmark pages in
 * ../shared/data/extraction (gzip HTML + ground-truth.json). Prints the benchmark's shingle P/R/F1
 * and a token-bag F1 beside the published figures; the last line is one JSON object.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { extractHtml } from '../src/stages/clean/html.js';
import { pageF1, prf, r3, shingleCounts, tokenCounts, type PageCounts } from './extract-score.js';

const dataDir = fileURLToPath(new URL('../../shared/data/extraction/', import.meta.url));
const truthPath = `${dataDir}ground-truth.json`;

if (!existsSync(truthPath)) {
  console.log(`eval:extract skipped: ${truthPath} not found (the benchmark data lives outside the repository)`);
  process.exit(0);
}

const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody: string; url: string }>;
const verbose = process.argv.includes('--verbose');
const shingle: PageCounts[] = [];
const token: PageCounts[] = [];
const worst: { id: string; f1: number; url: string; p: number; r: number }[] = [];
let pages = 0;
let bytes = 0;
const began = performance.now();
for (const [id, gold] of Object.entries(truth)) {
  const file = `${dataDir}html/${id}.html.gz`;
  if (!existsSync(file)) continue;
  const html = gunzipSync(readFileSync(file)).toString('utf8');
  bytes += html.length;
  pages++;
  const body = extractHtml(html, gold.url).body;
  const c = shingleCounts(gold.articleBody, body);
  shingle.push(c);
  token.push(tokenCounts(gold.articleBody, body));
  worst.push({ id, f1: pageF1(c), url: gold.url, p: c.tp / (c.tp + c.fp || 1), r: c.tp / (c.tp + c.fn || 1) });
}
const elapsedS = (performance.now() - began) / 1000;
const s = prf(shingle);
const t = prf(token);
worst.sort((a, b) => a.f1 - b.f1);
console.log(`pages: ${pages}, ${(bytes / 1e6).toFixed(1)} MB of HTML, ${(pages / elapsedS).toFixed(1)} pages/s`);
console.log('worst pages (shingle F1, P, R):');
for (const w of worst.slice(0, verbose ? 30 : 8)) console.log(`  ${w.f1.toFixed(3)} P=${w.p.toFixed(2)} R=${w.r.toFixed(2)} ${w.id.slice(0, 12)} ${w.url}`);
console.log('');
console.log('system                         P      R      F1   (4-token shingles, benchmark method)');
console.log(`dossier (this run)          ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}`);
console.log('trafilatura 2.0 (published)                 0.958');
console.log('Readability.js (published)                  0.947');
console.log('rs_trafilatura (published)                  0.970');
console.log(`token-bag F1 (lower-cased words): P=${t.p.toFixed(3)} R=${t.r.toFixed(3)} F1=${t.f1.toFixed(3)}`);
console.log(JSON.stringify({ eval: 'extract', data: 'extraction', pages, p: r3(s.p), r: r3(s.r), f1: r3(s.f1), tokenF1: r3(t.f1), pagesPerS: r3(pages / elapsedS) }));
