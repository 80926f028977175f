/**
 * The news gate's trained half: a small logistic regression that scores how likely a page is hard news (reporting
 * of specific events) rather than a feature, explainer, company blog post or product page. Features are cues a
 * reader can check — rates of reporting words, "you" and "I", a dateline, weekday names, quotations, news-like
 * addresses — plus presence of words in the title, the address and the body. Every score comes with the features
 * that moved it most, so a page held back names why. Weights are trained by `npm run train:genre` on the tuning
 * labels of eval/genre/labels.json (model card: models/README.md) and shipped as JSON (models/genre/).
 */

import { count, DATED_PATH, DATELINE, FIRST_PERSON, NEWS_PATH, REPORTING, SECOND_PERSON } from './genre-cues.js';

/** The resources key of the shipped news model (loaded by app/, read-only). */
export const GENRE_MODEL_RESOURCE = 'genre-model';

/** The page as the model sees it (the same fields as the rule classifier's input). */
export interface GenreModelInput {
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  readonly text: string;
}

/** A trained news-vs-not-news model: named feature weights, a bias and the decision threshold. */
export interface GenreModel {
  readonly version: number;
  readonly bias: number;
  readonly threshold: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** The probability that the page is news and the features that moved it most, strongest first. */
export interface NewsScore {
  readonly probability: number;
  readonly cues: readonly string[];
}

const SAID = /\b(said|told)\b/gi;
const WE = /\b(we|our|we're|we've|us)\b/gi;
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const QUOTE_OPEN = /[“"]\s?[A-Z]/g;
const BLOG_PATH = /\/(blog|blogs|resources|learn|insights|academy|knowledge|guides?)\b/i;
const TITLE_NUMBER = /^(the |top )?\d+\b/i;
/** Words too common to say anything about a page's genre; kept out of the word features. */
const STOP = new Set('the and for that with this from are was were have has had not but you your our their they them its his her him she who what when where which will would can could should been being into than then there these those also just more most some such only other about over after before while through'.split(' '));


/** Lower-case words of three or more letters, each once, in first-seen order. */
function wordSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[a-z][a-z'-]{2,}/g)) {
    const w = m[0].replace(/['-]+$/, '');
    if (w.length >= 3 && !STOP.has(w)) out.add(w);
  }
  return out;
}

/**
 * The page's features by name: `rate:` cues are per-1000-word rates scaled to about 0–1 and capped, `has:` cues
 * are 0/1, `title:`, `path:` and `body:` are word presence. Training and scoring share this one function.
 * @example newsFeatures({ title: 'Army retakes bridge', text: 'KHARTOUM (Reuters) — The army said on Tuesday…' }).get('has:dateline') // 1
 */
export function newsFeatures(input: GenreModelInput): Map<string, number> {
  const text = input.text.slice(0, 20000);
  const words = Math.max(1, text.split(/\s+/).length);
  const rate = (n: number, scale: number): number => Math.min(2, (n * 1000) / words / scale);
  const f = new Map<string, number>();
  f.set('rate:reporting words', rate(count(REPORTING, text), 10));
  f.set('rate:said/told', rate(count(SAID, text), 10));
  f.set('rate:"you"', rate(count(SECOND_PERSON, text), 20));
  f.set('rate:"I/my"', rate(count(FIRST_PERSON, text), 20));
  f.set('rate:"we/our"', rate(count(WE, text), 20));
  f.set('rate:weekday names', rate(count(WEEKDAY, text), 3));
  f.set('rate:quotations', rate(count(QUOTE_OPEN, text), 5));
  f.set('rate:length', Math.min(2, Math.log10(words) / 4));
  if (DATELINE.test(text.slice(0, 300))) f.set('has:dateline', 1);
  const path = input.url ? input.url.replace(/^https?:\/\/[^/]+/i, '') : '';
  if (NEWS_PATH.test(path)) f.set('has:news section address', 1);
  if (DATED_PATH.test(path)) f.set('has:dated address', 1);
  if (BLOG_PATH.test(path)) f.set('has:blog/resources address', 1);
  const title = input.title ?? '';
  if (TITLE_NUMBER.test(title)) f.set('has:title starts with a number', 1);
  if (title.includes('?')) f.set('has:title asks a question', 1);
  for (const w of wordSet(title)) f.set(`title:${w}`, 1);
  for (const w of wordSet(path.replace(/[-_/.]+/g, ' '))) f.set(`path:${w}`, 1);
  for (const w of wordSet(text.slice(0, 6000))) f.set(`body:${w}`, 1);
  return f;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Scores a page: the probability that it is news, with the three features that pushed hardest either way
 * (`"rate:\"you\"" −1.2`), so the decision can be shown.
 */
export function scoreNews(model: GenreModel, input: GenreModelInput): NewsScore {
  let z = model.bias;
  const parts: [string, number][] = [];
  for (const [name, value] of newsFeatures(input)) {
    const w = model.weights[name];
    if (w === undefined || value === 0) continue;
    z += w * value;
    parts.push([name, w * value]);
  }
  parts.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
  const probability = sigmoid(z);
  return { probability, cues: parts.slice(0, 3).map(([name, v]) => `${name} ${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`) };
}

/**
 * Trains the model by full-batch gradient descent on L2-regularised log loss (deterministic: same pages, same
 * weights). Features seen on fewer than `minPages` training pages are dropped, so one page cannot carry a word.
 */
export function trainNewsModel(pages: readonly { readonly input: GenreModelInput; readonly isNews: boolean }[], options: { l2?: number; epochs?: number; rate?: number; minPages?: number; threshold?: number } = {}): GenreModel {
  const { l2 = 0.01, epochs = 400, rate = 0.5, minPages = 3, threshold = 0.5 } = options;
  const rows = pages.map((p) => ({ f: newsFeatures(p.input), y: p.isNews ? 1 : 0 }));
  const df = new Map<string, number>();
  for (const r of rows) for (const k of r.f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const names = [...df.keys()].filter((k) => !/^(title|path|body):/.test(k) || (df.get(k) ?? 0) >= minPages).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const xs = rows.map((r) => [...r.f].filter(([k]) => index.has(k)).map(([k, v]) => [index.get(k) as number, v] as const));
  // Classes are weighted to equal total mass: news is a small share of real pages.
  const positives = rows.filter((r) => r.y === 1).length;
  const classWeight = (y: number): number => (y === 1 ? rows.length / (2 * Math.max(1, positives)) : rows.length / (2 * Math.max(1, rows.length - positives)));
  const w = new Float64Array(names.length);
  let b = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(names.length);
    let gb = 0;
    rows.forEach((r, i) => {
      let z = b;
      for (const [j, v] of xs[i] ?? []) z += (w[j] ?? 0) * v;
      const g = (sigmoid(z) - r.y) * classWeight(r.y);
      gb += g;
      for (const [j, v] of xs[i] ?? []) grad[j] = (grad[j] ?? 0) + g * v;
    });
    for (let j = 0; j < names.length; j++) w[j] = (w[j] ?? 0) - rate * ((grad[j] ?? 0) / rows.length + l2 * (w[j] ?? 0));
    b -= (rate * gb) / rows.length;
  }
  const weights: Record<string, number> = {};
  names.forEach((n, j) => {
    const v = Math.round((w[j] ?? 0) * 1000) / 1000;
    if (v !== 0) weights[n] = v;
  });
  return { version: 1, bias: Math.round(b * 1000) / 1000, threshold, weights };
}
