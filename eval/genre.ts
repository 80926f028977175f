/**
 * `npm run eval:genre`: the genre rules (src/nlp/genre.ts) on hand-labelled pages (eval/genre/labels.json:
 * WCXB dev pages from ../shared/data/metadata/ and the 30 hard-news pages of eval/news/pages.json).
 * Each page goes through the clean step as ingest does (HTML → body, title, address, outlet), then the rules.
 * Reports accuracy over all genres, precision/recall of "news", and of "produces events" (news or opinion,
 * the default `--genres`), and a confusion table, for the tuning keys and the held-out keys (`heldout` in the
 * labels file) apart; only tuning pages' errors are printed, so held-out figures stay held out. `--rules` scores
 * the hand rules without the trained news model (models/genre/genre-en.json). The model was trained on the tuning
 * keys, so its tuning figures are fitted ones; `npm run train:genre` prints cross-validated tuning figures.
 * Skips with a message when ../shared/data is absent. Headline figures last, as one JSON line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { cleanArticle } from '../src/stages/clean/index.js';
import { DEFAULT_EVENT_GENRES, GENRES, classifyGenre, type Genre } from '../src/nlp/genre.js';
import { loadGenreModel } from '../src/app/nlp-models.js';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
if (!existsSync(DATA)) {
  console.log(`eval:genre skipped: ${DATA} not found (the shared data is only on the team's machines)`);
  process.exit(0);
}
const labelFile = JSON.parse(readFileSync(new URL('./genre/labels.json', import.meta.url), 'utf8')) as { labels: Record<string, Genre>; heldout: string[] };
const labels = labelFile.labels;
/** Held-out keys: scored apart, their errors never printed (the rules and the model are fitted on the rest). */
const heldout = new Set(labelFile.heldout);
const verbose = process.argv.includes('--verbose');
/** `--rules` scores the hand rules alone (the classifier before the trained news model). */
const genreModel = process.argv.includes('--rules') ? undefined : loadGenreModel();
const extractionUrls = JSON.parse(readFileSync(`${DATA}extraction/ground-truth.json`, 'utf8')) as Record<string, { url?: string }>;

/** The page's address as its benchmark states it. */
function urlOf(set: string, id: string): string | undefined {
  if (set === 'extraction') return extractionUrls[id]?.url;
  const gt = `${DATA}${set}/ground-truth/${id}.json`;
  return existsSync(gt) ? (JSON.parse(readFileSync(gt, 'utf8')) as { url?: string }).url : undefined;
}

/** Counts for one split: accuracy, "news" precision/recall, "produces events" (news or opinion), confusion. */
interface SplitTally {
  n: number;
  correct: number;
  news: { tp: number; fp: number; fn: number };
  allowed: { tp: number; fp: number; fn: number; tn: number };
  confusion: Map<string, number>;
}
const newTally = (): SplitTally => ({ n: 0, correct: 0, news: { tp: 0, fp: 0, fn: 0 }, allowed: { tp: 0, fp: 0, fn: 0, tn: 0 }, confusion: new Map() });
const tallies = { tuning: newTally(), heldout: newTally() };
const errors: string[] = [];
const began = performance.now();
for (const [key, gold] of Object.entries(labels)) {
  const [set, id] = key.split('/') as [string, string];
  const path = `${DATA}${set}/html/${id}.html.gz`;
  if (!existsSync(path)) continue;
  const isHeldout = heldout.has(key);
  const t = isHeldout ? tallies.heldout : tallies.tuning;
  const html = gunzipSync(readFileSync(path)).toString('utf8');
  const url = urlOf(set, id);
  let init;
  try {
    init = cleanArticle({ source: key, format: 'html', contentType: 'html', content: html, hints: url ? { url } : {} });
  } catch {
    if (!isHeldout) errors.push(`  ${key} gold ${gold}: the clean step found no body`);
    continue;
  }
  const d = classifyGenre({ title: init.meta.title, url: init.meta.url ?? url, outlet: init.meta.outlet, text: init.text }, genreModel);
  t.n++;
  if (verbose && !isHeldout) console.log(`${gold.padEnd(8)} ${d.genre.padEnd(8)} ${d.cues.join('; ')}`);
  if (d.genre === gold) t.correct++;
  else if (!isHeldout) errors.push(`  ${key.slice(0, 24).padEnd(24)} gold ${gold.padEnd(8)} got ${d.genre.padEnd(8)} ${(init.meta.title ?? '').slice(0, 60)}  [${d.cues.join('; ')}]`);
  t.confusion.set(`${gold}→${d.genre}`, (t.confusion.get(`${gold}→${d.genre}`) ?? 0) + 1);
  if (d.genre === 'news' && gold === 'news') t.news.tp++;
  else if (d.genre === 'news') t.news.fp++;
  else if (gold === 'news') t.news.fn++;
  const goldAllowed = DEFAULT_EVENT_GENRES.includes(gold);
  const ourAllowed = DEFAULT_EVENT_GENRES.includes(d.genre);
  if (goldAllowed && ourAllowed) t.allowed.tp++;
  else if (ourAllowed) t.allowed.fp++;
  else if (goldAllowed) t.allowed.fn++;
  else t.allowed.tn++;
}
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
/** Headline figures of one split. */
function figures(t: SplitTally): Record<string, unknown> {
  const p = t.news.tp / Math.max(1, t.news.tp + t.news.fp);
  const r = t.news.tp / Math.max(1, t.news.tp + t.news.fn);
  const ap = t.allowed.tp / Math.max(1, t.allowed.tp + t.allowed.fp);
  const ar = t.allowed.tp / Math.max(1, t.allowed.tp + t.allowed.fn);
  return {
    pages: t.n, accuracy: r3(t.correct / Math.max(1, t.n)),
    newsPrecision: r3(p), newsRecall: r3(r), newsF1: r3((2 * p * r) / Math.max(1e-9, p + r)), news: t.news,
    eventsAllowed: { precision: r3(ap), recall: r3(ar), accuracy: r3((t.allowed.tp + t.allowed.tn) / Math.max(1, t.n)) },
  };
}
console.log('== tuning pages the classifier got wrong');
for (const e of errors) console.log(e);
for (const [name, t] of Object.entries(tallies)) {
  console.log(`\n== ${name}: confusion (gold → predicted), per gold genre`);
  for (const g of GENRES) {
    const row = GENRES.map((x) => t.confusion.get(`${g}→${x}`) ?? 0);
    if (row.some((v) => v > 0)) console.log(`  ${g.padEnd(8)} ${GENRES.map((x, i) => `${x} ${row[i]}`).join('  ')}`);
  }
}
console.log(JSON.stringify({
  eval: 'genre', classifier: genreModel ? 'rules + news model' : 'rules', data: 'eval/genre/labels.json (WCXB dev + news pages; tuning / held-out split)',
  tuning: figures(tallies.tuning), heldout: figures(tallies.heldout),
  seconds: r3((performance.now() - began) / 1000),
}));
