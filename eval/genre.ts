/**
 * `npm run eval:genre`: the genre rules (src/nlp/genre.ts) on hand-labelled pages (eval/genre/labels.json:
 * WCXB dev pages from ../shared/data/metadata/ and the 30 hard-news pages of eval/news/pages.json).
 * Each page goes through the clean step as ingest does (HTML → body, title, address, outlet), then the rules.
 * Reports accuracy over all genres, precision/recall of "news", and of "produces events" (news or opinion,
 * the default `--genres`), a confusion table and the misclassified pages. The rules were written and then
 * adjusted while reading these same pages' errors: development figures, not held-out ones.
 * Skips with a message when ../shared/data is absent. Headline figures last, as one JSON line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { cleanArticle } from '../src/stages/clean/index.js';
import { DEFAULT_EVENT_GENRES, GENRES, classifyGenre, type Genre } from '../src/nlp/genre.js';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
if (!existsSync(DATA)) {
  console.log(`eval:genre skipped: ${DATA} not found (the shared data is only on the team's machines)`);
  process.exit(0);
}
const labels = (JSON.parse(readFileSync(new URL('./genre/labels.json', import.meta.url), 'utf8')) as { labels: Record<string, Genre> }).labels;
const extractionUrls = JSON.parse(readFileSync(`${DATA}extraction/ground-truth.json`, 'utf8')) as Record<string, { url?: string }>;

/** The page's address as its benchmark states it. */
function urlOf(set: string, id: string): string | undefined {
  if (set === 'extraction') return extractionUrls[id]?.url;
  const gt = `${DATA}${set}/ground-truth/${id}.json`;
  return existsSync(gt) ? (JSON.parse(readFileSync(gt, 'utf8')) as { url?: string }).url : undefined;
}

const confusion = new Map<string, number>();
const errors: string[] = [];
let n = 0;
let correct = 0;
const news = { tp: 0, fp: 0, fn: 0 };
const allowed = { tp: 0, fp: 0, fn: 0, tn: 0 };
const began = performance.now();
for (const [key, gold] of Object.entries(labels)) {
  const [set, id] = key.split('/') as [string, string];
  const path = `${DATA}${set}/html/${id}.html.gz`;
  if (!existsSync(path)) continue;
  const html = gunzipSync(readFileSync(path)).toString('utf8');
  const url = urlOf(set, id);
  let init;
  try {
    init = cleanArticle({ source: key, format: 'html', contentType: 'html', content: html, hints: url ? { url } : {} });
  } catch {
    errors.push(`  ${key} gold ${gold}: the clean step found no body`);
    continue;
  }
  const d = classifyGenre({ title: init.meta.title, url: init.meta.url ?? url, outlet: init.meta.outlet, text: init.text });
  n++;
  if (process.argv.includes("--verbose")) console.log(`${gold.padEnd(8)} ${d.genre.padEnd(8)} ${d.cues.join("; ")}`);
  if (d.genre === gold) correct++;
  else errors.push(`  ${key.slice(0, 24).padEnd(24)} gold ${gold.padEnd(8)} got ${d.genre.padEnd(8)} ${(init.meta.title ?? '').slice(0, 60)}  [${d.cues.join('; ')}]`);
  confusion.set(`${gold}→${d.genre}`, (confusion.get(`${gold}→${d.genre}`) ?? 0) + 1);
  if (d.genre === 'news' && gold === 'news') news.tp++;
  else if (d.genre === 'news') news.fp++;
  else if (gold === 'news') news.fn++;
  const goldAllowed = DEFAULT_EVENT_GENRES.includes(gold);
  const ourAllowed = DEFAULT_EVENT_GENRES.includes(d.genre);
  if (goldAllowed && ourAllowed) allowed.tp++;
  else if (ourAllowed) allowed.fp++;
  else if (goldAllowed) allowed.fn++;
  else allowed.tn++;
}
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const p = news.tp / Math.max(1, news.tp + news.fp);
const r = news.tp / Math.max(1, news.tp + news.fn);
const ap = allowed.tp / Math.max(1, allowed.tp + allowed.fp);
const ar = allowed.tp / Math.max(1, allowed.tp + allowed.fn);
console.log('== pages the rules got wrong');
for (const e of errors) console.log(e);
console.log('\n== confusion (gold → predicted), per gold genre');
for (const g of GENRES) {
  const row = GENRES.map((x) => confusion.get(`${g}→${x}`) ?? 0);
  if (row.some((v) => v > 0)) console.log(`  ${g.padEnd(8)} ${GENRES.map((x, i) => `${x} ${row[i]}`).join('  ')}`);
}
console.log(JSON.stringify({
  eval: 'genre', data: 'eval/genre/labels.json (WCXB dev + news pages)', pages: n, accuracy: r3(correct / Math.max(1, n)),
  newsPrecision: r3(p), newsRecall: r3(r), newsF1: r3((2 * p * r) / Math.max(1e-9, p + r)),
  eventsAllowed: { precision: r3(ap), recall: r3(ar), accuracy: r3((allowed.tp + allowed.tn) / Math.max(1, n)) },
  seconds: r3((performance.now() - began) / 1000),
}));
