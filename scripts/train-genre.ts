/**
 * `npm run train:genre`: trains the news gate's logistic regression (src/nlp/genre-model.ts) on the tuning keys of
 * eval/genre/labels.json (held-out keys are never read) and writes models/genre/genre-en.json. Each page goes
 * through the clean step as ingest does (HTML → body, title, address). Deterministic: same labels → same file.
 * Prints 5-fold cross-validated news precision/recall of the rules alone, the model alone and the classifier
 * (src/nlp/genre.ts with the model) on the tuning keys.
 * Needs ../shared/data (the team's machines); exits with a message when it is absent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { cleanArticle } from '../src/stages/clean/index.js';
import { classifyGenre } from '../src/nlp/genre.js';
import { scoreNews, trainNewsModel, type GenreModelInput } from '../src/nlp/genre-model.js';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const OUT = fileURLToPath(new URL('../models/genre/genre-en.json', import.meta.url));
if (!existsSync(DATA)) {
  console.log(`train:genre skipped: ${DATA} not found (the shared data is only on the team's machines)`);
  process.exit(0);
}
/** Training settings, recorded in the model card: L2 strength, minimum pages per word feature, threshold. */
const SETTINGS = { l2: 0.03, minPages: 3, threshold: 0.5, epochs: 1500, rate: 1 };

const labelFile = JSON.parse(readFileSync(new URL('../eval/genre/labels.json', import.meta.url), 'utf8')) as { labels: Record<string, string>; heldout: string[] };
const heldout = new Set(labelFile.heldout);
const extractionUrls = JSON.parse(readFileSync(`${DATA}extraction/ground-truth.json`, 'utf8')) as Record<string, { url?: string }>;

/** The page's address as its benchmark states it. */
function urlOf(set: string, id: string): string | undefined {
  if (set === 'extraction') return extractionUrls[id]?.url;
  const gt = `${DATA}${set}/ground-truth/${id}.json`;
  return existsSync(gt) ? (JSON.parse(readFileSync(gt, 'utf8')) as { url?: string }).url : undefined;
}

const pages: { input: GenreModelInput; isNews: boolean; key: string }[] = [];
for (const [key, gold] of Object.entries(labelFile.labels).sort(([a], [b]) => (a < b ? -1 : 1))) {
  if (heldout.has(key)) continue;
  const [set, id] = key.split('/') as [string, string];
  const path = `${DATA}${set}/html/${id}.html.gz`;
  if (!existsSync(path)) continue;
  const url = urlOf(set, id);
  try {
    const init = cleanArticle({ source: key, format: 'html', contentType: 'html', content: gunzipSync(readFileSync(path)).toString('utf8'), hints: url ? { url } : {} });
    pages.push({ key, isNews: gold === 'news', input: { title: init.meta.title, url: init.meta.url ?? url, text: init.text } });
  } catch (error) {
    console.log(`  ${key}: skipped, the clean step found no body (${String(error)})`);
  }
}

const tally = { rules: { tp: 0, fp: 0, fn: 0 }, model: { tp: 0, fp: 0, fn: 0 }, gate: { tp: 0, fp: 0, fn: 0 } };
const add = (t: { tp: number; fp: number; fn: number }, gold: boolean, predicted: boolean): void => {
  if (gold && predicted) t.tp++;
  else if (predicted) t.fp++;
  else if (gold) t.fn++;
};
/** Thresholds the cross-validation also scores the classifier at, to choose SETTINGS.threshold on tuning pages only. */
const SWEEP = [0.2, 0.3, 0.4, 0.5, 0.6];
const sweep = SWEEP.map(() => ({ tp: 0, fp: 0, fn: 0 }));
for (let fold = 0; fold < 5; fold++) {
  const model = trainNewsModel(pages.filter((_, i) => i % 5 !== fold), SETTINGS);
  for (const p of pages.filter((_, i) => i % 5 === fold)) {
    const isModelNews = scoreNews(model, p.input).probability >= model.threshold;
    add(tally.model, p.isNews, isModelNews);
    add(tally.gate, p.isNews, classifyGenre(p.input, model).genre === 'news');
    add(tally.rules, p.isNews, classifyGenre(p.input).genre === 'news');
    SWEEP.forEach((threshold, k) => add(sweep[k]!, p.isNews, classifyGenre(p.input, { ...model, threshold }).genre === 'news'));
  }
}
const pr = (t: { tp: number; fp: number; fn: number }): string => `precision ${(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3)} recall ${(t.tp / Math.max(1, t.tp + t.fn)).toFixed(3)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
console.log(`5-fold CV on ${pages.length} tuning pages (${pages.filter((p) => p.isNews).length} news): rules alone ${pr(tally.rules)}; model alone ${pr(tally.model)}; classifier (rules + model) ${pr(tally.gate)}`);
console.log(`classifier at other thresholds: ${SWEEP.map((t, k) => `${t}: ${pr(sweep[k]!)}`).join('; ')}`);

const model = trainNewsModel(pages, SETTINGS);
mkdirSync(fileURLToPath(new URL('../models/genre/', import.meta.url)), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(model, null, 1)}\n`);
console.log(`wrote ${OUT}: ${Object.keys(model.weights).length} weights`);
