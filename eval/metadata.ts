/**
 * `npm run eval:metadata`: title, author, publication date and body on the WCXB dev pages in
 * ../shared/data/metadata (html/<id>.html.gz + ground-truth/<id>.json). Prints per-field figures and,
 * last, one JSON line. Pass --verbose to list the misses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { extractHtml } from '../src/stages/clean/html.js';
import { benchmarkTokens, prf, r3, tokenCounts, type PageCounts } from './extract-score.js';

const dataDir = fileURLToPath(new URL('../../shared/data/metadata/', import.meta.url));
if (!existsSync(`${dataDir}ground-truth`)) {
  console.log(`eval:metadata skipped: ${dataDir} not found (the benchmark data lives outside the repository)`);
  process.exit(0);
}

interface Gold {
  url: string;
  ground_truth: { title?: string | null; author?: string | null; publish_date?: string | null; main_content?: string | null };
}

const verbose = process.argv.includes('--verbose');
const ws = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string) => benchmarkTokens(s.toLowerCase());
/** Typographic quotes and dashes straightened, case folded: the gold titles were re-typed with straight quotes. */
const fold = (s: string) => ws(s).replace(/[‘’‛′]/g, "'").replace(/[“”‟″]/g, '"').replace(/[–—]/g, '-').toLowerCase();
const nameKey = (s: string) => words(s).join(' ');

function tokenF1(gold: string, pred: string): number {
  const g = words(gold);
  const p = words(pred);
  if (!g.length && !p.length) return 1;
  const bag = new Map<string, number>();
  for (const t of g) bag.set(t, (bag.get(t) ?? 0) + 1);
  let tp = 0;
  for (const t of p) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      tp++;
      bag.set(t, n - 1);
    }
  }
  return tp ? (2 * tp) / (g.length + p.length) : 0;
}

const files = readdirSync(`${dataDir}ground-truth`).filter((f) => f.endsWith('.json')).sort();
let pages = 0;
let titleExact = 0;
let titleFolded = 0;
let titleF1Sum = 0;
let authorGold = 0;
let authorExact = 0;
let authorLoose = 0;
let authorFound = 0;
let authorSpurious = 0;
let dateGold = 0;
let dateFound = 0;
let dateRight = 0;
let dateSpurious = 0;
let noDateGold = 0;
const bySource = new Map<string, { found: number; right: number }>();
const body: PageCounts[] = [];
const misses: string[] = [];
const began = performance.now();
for (const file of files) {
  const id = file.replace(/\.json$/, '');
  const htmlPath = `${dataDir}html/${id}.html.gz`;
  if (!existsSync(htmlPath)) continue;
  const gold = JSON.parse(readFileSync(`${dataDir}ground-truth/${file}`, 'utf8')) as Gold;
  const g = gold.ground_truth;
  const html = gunzipSync(readFileSync(htmlPath)).toString('utf8');
  const page = extractHtml(html, gold.url);
  pages++;
  // Title
  const title = page.title ?? '';
  if (g.title) {
    if (ws(title) === ws(g.title)) titleExact++;
    if (fold(title) === fold(g.title)) titleFolded++;
    else if (verbose) misses.push(`title  ${id}: got "${title}" want "${g.title}"`);
    titleF1Sum += tokenF1(g.title, title);
  }
  // Author
  if (g.author) {
    authorGold++;
    if (page.byline) authorFound++;
    const got = page.byline ? nameKey(page.byline) : '';
    const want = nameKey(g.author);
    if (got === want) authorExact++;
    if (got && (got === want || got.includes(want) || want.includes(got))) authorLoose++;
    else if (verbose) misses.push(`author ${id}: got "${page.byline ?? ''}" want "${g.author}"`);
  } else if (page.byline) authorSpurious++;
  // Date
  if (g.publish_date) {
    dateGold++;
    const from = page.publishedAtFrom ?? 'none';
    const stats = bySource.get(from) ?? { found: 0, right: 0 };
    if (page.publishedAt) {
      dateFound++;
      stats.found++;
      if (page.publishedAt.slice(0, 10) === g.publish_date.slice(0, 10)) {
        dateRight++;
        stats.right++;
      } else if (verbose) misses.push(`date   ${id}: got ${page.publishedAt} (${from}) want ${g.publish_date} ${gold.url}`);
    } else if (verbose) misses.push(`date   ${id}: none, want ${g.publish_date} ${gold.url}`);
    bySource.set(from, stats);
  } else {
    noDateGold++;
    if (page.publishedAt) dateSpurious++;
  }
  if (g.main_content) body.push(tokenCounts(g.main_content, page.body));
}
const elapsedS = (performance.now() - began) / 1000;
const b = prf(body);
const pct = (n: number, d: number) => (d ? (100 * n) / d : 0);
if (verbose) for (const m of misses) console.log(m);
console.log(`pages: ${pages} (${(pages / elapsedS).toFixed(1)} pages/s)`);
console.log(`title:  exact ${pct(titleExact, pages).toFixed(1)} % (quotes, dashes, case folded: ${pct(titleFolded, pages).toFixed(1)} %)  token F1 ${(titleF1Sum / pages).toFixed(3)}`);
console.log(`author: ${authorGold} pages with a gold author: exact ${pct(authorExact, authorGold).toFixed(1)} %, loose (one contains the other) ${pct(authorLoose, authorGold).toFixed(1)} %, found ${pct(authorFound, authorGold).toFixed(1)} %; an author given where gold has none: ${authorSpurious}/${pages - authorGold}`);
console.log(`date:   ${dateGold} pages with a gold date: right to the day ${pct(dateRight, dateGold).toFixed(1)} %, found ${pct(dateFound, dateGold).toFixed(1)} %, precision ${pct(dateRight, dateFound).toFixed(1)} %; a date given where gold has none: ${dateSpurious}/${noDateGold}`);
console.log('        by clue: ' + [...bySource.entries()].map(([k, v]) => `${k} ${v.right}/${v.found}`).join(', '));
console.log(`        reference: Readability alone finds a date for 56 %, a simple cascade 77 % (measured here, ../shared/README.md)`);
console.log(`body:   token-bag P ${b.p.toFixed(3)} R ${b.r.toFixed(3)} F1 ${b.f1.toFixed(3)} against main_content`);
console.log(
  JSON.stringify({
    eval: 'metadata',
    data: 'metadata',
    pages,
    titleExact: r3(titleExact / pages),
    titleFolded: r3(titleFolded / pages),
    titleF1: r3(titleF1Sum / pages),
    authorExact: r3(authorExact / Math.max(authorGold, 1)),
    authorLoose: r3(authorLoose / Math.max(authorGold, 1)),
    dateRight: r3(dateRight / Math.max(dateGold, 1)),
    dateCoverage: r3(dateFound / Math.max(dateGold, 1)),
    datePrecision: r3(dateRight / Math.max(dateFound, 1)),
    bodyF1: r3(b.f1),
  }),
);
