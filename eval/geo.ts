/**
 * `npm run eval:geo`: toponym resolution and recognition on LGL (588 local-news articles, toponyms
 * with GeoNames coordinates, country and admin1), read from ../shared/data/geo/lgl.xml.
 *
 * (a) Resolution given the gold toponym spans: every gold span becomes a LOC mention and the place
 *     stage resolves them all; scored on toponyms that have gold coordinates. An unresolved toponym
 *     counts as a miss in "accuracy" (share of all); "precision" is over the resolved ones.
 * (b) Recognition: toponym spans found by the gazetteer recogniser (src/geo/recognise.ts), scored
 *     against every gold toponym (exact span and overlap), then resolved end to end.
 * (c) When the project's NER model loads: recognition by NER LOC mentions (plus MISC demonyms), alone
 *     and united with the gazetteer recogniser, and the full pipeline (tokenize → … → place) end to end.
 * Published references (other test sets and papers, see ../shared/README.md) are printed beside ours.
 *
 * LGL is one set, so (a) is also reported on two fixed halves of its articles (by a hash of the article id):
 * rules are tuned on "tune" and the "held" half shows whether a change generalises. GEO_DEBUG=N prints the N
 * most frequent misses of the tune half only (GEO_DEBUG_HALF=held to read the other, once a change is done;
 * GEO_DEBUG_HOST=1 adds the outlet's host to each miss; GEO_OUTLET_REGION=1 reads the misses of (a');
 * GEO_DEBUG_COUNTRY=1 lists country errors, unresolved toponyms included, instead of misses beyond 161 km).
 * (a') The same spans, each article also given its outlet's region (the division its outlet's other articles put
 *      places in, learned by a first pass that reads no gold): what a store that knows the outlet would give.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { countriesByDemonym, countryByName } from '../src/data/countries.js';
import { distanceKm, outletRegion, recogniseToponyms, RESOLVE_SETTINGS, type Gazetteer, type GazetteerEntry } from '../src/geo/index.js';
import { loadGazetteer } from '../src/app/load-gazetteer.js';
import type { Mention, PlaceRef } from '../src/model/index.js';
import { createResources, runStages, type Stage } from '../src/pipeline/index.js';
import { createPlace, GAZETTEER_RESOURCE, outletHost, resolvePlaces } from '../src/stages/place/index.js';
import { makeDoc } from '../test/helpers/make-doc.js';

const FILE = fileURLToPath(new URL('../../shared/data/geo/lgl.xml', import.meta.url));
if (!existsSync(FILE)) {
  console.log(`eval:geo skipped: ${FILE} not found (LGL is only on the team's machines)`);
  process.exit(0);
}

interface GoldToponym {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  readonly lat?: number;
  readonly lon?: number;
  readonly country?: string;
  readonly fcode?: string;
}
interface Article {
  readonly id: string;
  readonly text: string;
  /** The article's address, as an ingested page carries it (the place stage reads the outlet's country from it). */
  readonly url?: string;
  readonly toponyms: readonly GoldToponym[];
}

function readLgl(): Article[] {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'article' || name === 'toponym', parseTagValue: false });
  const xml = parser.parse(readFileSync(FILE, 'utf8')) as { articles: { article: Record<string, unknown>[] } };
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in v ? String((v as { '#text': unknown })['#text']) : undefined);
  return xml.articles.article.map((a) => {
    const tops = ((a['toponyms'] as { toponym?: Record<string, unknown>[] } | undefined)?.toponym ?? []).map((t): GoldToponym => {
      const g = t['gaztag'] as Record<string, unknown> | undefined;
      const lat = g ? Number(text(g['lat'])) : NaN;
      const lon = g ? Number(text(g['lon'])) : NaN;
      return {
        start: Number(t['start']),
        end: Number(t['end']),
        phrase: String(t['phrase']),
        ...(Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : {}),
        ...(g && text(g['country']) ? { country: text(g['country']) } : {}),
        ...(g && text(g['fcode']) ? { fcode: text(g['fcode']) } : {}),
      };
    });
    const url = text(a['url']);
    return { id: String(a['@_docid']), text: String(a['text']), ...(url ? { url } : {}), toponyms: tops };
  });
}

/** Gold country names to alpha-2 ("Palestinian Territory" → PS). */
function goldCountry(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return countryByName(name)?.alpha2 ?? countryByName(name.replace(/,.*$/, ''))?.alpha2;
}

/** The half an article belongs to: FNV-1a of its id, even → tune, odd → held. Fixed, so a change cannot pick its split. */
function halfOf(id: string): 'tune' | 'held' {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2 === 0 ? 'tune' : 'held';
}

function asMentions(spans: readonly { start: number; end: number }[], text: string): Mention[] {
  return spans.map((s, i) => ({ id: `m${i + 1}`, text: text.slice(s.start, s.end), type: 'LOC', start: s.start, end: s.end, tokenStart: 0, tokenEnd: 0, origin: 'ner' }));
}

interface ResolutionScore {
  total: number;
  resolved: number;
  within161: number;
  countryKnown: number;
  countryRight: number;
  errorsKm: number[];
}

function scoreResolution(gold: readonly GoldToponym[], places: readonly (PlaceRef | undefined)[], s: ResolutionScore): void {
  gold.forEach((g, i) => {
    if (g.lat === undefined || g.lon === undefined) return;
    s.total++;
    const p = places[i];
    const cc = goldCountry(g.country);
    if (cc) s.countryKnown++;
    if (!p || !p.isResolved || p.lat === undefined || p.lon === undefined) return;
    s.resolved++;
    const d = distanceKm(g.lat, g.lon, p.lat, p.lon);
    s.errorsKm.push(d);
    if (d <= 161) s.within161++;
    if (cc && p.countryCode === cc) s.countryRight++;
  });
}

function summarise(s: ResolutionScore): Record<string, number> {
  const sorted = [...s.errorsKm].sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    toponyms: s.total,
    coverage: r(s.resolved / s.total),
    accuracy161: r(s.within161 / s.total),
    precision161: r(s.within161 / Math.max(1, s.resolved)),
    countryAccuracy: r(s.countryRight / Math.max(1, s.countryKnown)),
    meanErrorKm: Math.round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    medianErrorKm: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
  };
}

const began = performance.now();
let loadedFrom = '';
const gazetteer: Gazetteer = await loadGazetteer((info) => {
  loadedFrom = `${info.from} in ${Math.round(info.elapsedMs)} ms`;
});
const articles = readLgl();
console.log(`LGL: ${articles.length} articles, ${articles.reduce((n, a) => n + a.toponyms.length, 0)} gold toponyms; gazetteer ${gazetteer.size} names (${loadedFrom})`);

// (a) resolution on gold spans
const emptyScore = (): ResolutionScore => ({ total: 0, resolved: 0, within161: 0, countryKnown: 0, countryRight: 0, errorsKm: [] });
const goldScore = emptyScore();
const halfScores = { tune: emptyScore(), held: emptyScore() };
const debugHalf = process.env['GEO_DEBUG_HALF'] === 'held' ? 'held' : 'tune';
const misses = new Map<string, number>();
// (a') The outlet's region learned as the app learns it at the end of an ingest (src/app/outlet-regions.ts; no gold
// read): a first pass reads each article alone; the second gives each article the division its outlet's articles, itself
// included, put places in. GEO_REGION_LOO=1 leaves the article out of its outlet's count (the figure before place@5).
const firstPass = new Map<string, PlaceRef[]>();
for (const a of articles) {
  firstPass.set(a.id, resolvePlaces(makeDoc({ text: a.text, meta: { url: a.url }, layers: { mentions: asMentions(a.toponyms, a.text) } }), gazetteer));
}
const regionFor = (a: Article): Map<string, GazetteerEntry> => {
  const host = outletHost(a.url);
  const isLeaveOneOut = process.env['GEO_REGION_LOO'] === '1';
  const others = articles.filter((o) => (o !== a || !isLeaveOneOut) && host !== undefined && outletHost(o.url) === host).map((o) => firstPass.get(o.id) ?? []);
  const region = host ? outletRegion(gazetteer, others) : undefined;
  return host && region ? new Map([[host, region]]) : new Map();
};
// GEO_DEBUG reads the misses of the second pass with GEO_OUTLET_REGION=1.
const debugRegions = process.env['GEO_OUTLET_REGION'] === '1';
// GEO_DEBUG_COUNTRY=1 lists the toponyms whose country is wrong (or unresolved) instead of those beyond 161 km.
const isCountryDebug = process.env['GEO_DEBUG_COUNTRY'] === '1';
const regionScore = emptyScore();
const regionHalves = { tune: emptyScore(), held: emptyScore() };
let articlesWithRegion = 0;
for (const a of articles) {
  const doc = makeDoc({ text: a.text, meta: { url: a.url }, layers: { mentions: asMentions(a.toponyms, a.text) } });
  const regions = regionFor(a);
  if (regions.size > 0) articlesWithRegion++;
  const alignedOf = (places: readonly PlaceRef[]): (PlaceRef | undefined)[] => {
    const byMention = new Map(places.map((p) => [p.mentionId, p]));
    return a.toponyms.map((_, i) => byMention.get(`m${i + 1}`));
  };
  const alone = alignedOf(firstPass.get(a.id)!);
  const withRegion = regions.size > 0 ? alignedOf(resolvePlaces(doc, gazetteer, regions)) : alone;
  scoreResolution(a.toponyms, alone, goldScore);
  scoreResolution(a.toponyms, alone, halfScores[halfOf(a.id)]);
  scoreResolution(a.toponyms, withRegion, regionScore);
  scoreResolution(a.toponyms, withRegion, regionHalves[halfOf(a.id)]);
  const aligned = debugRegions ? withRegion : alone;
  if (process.env['GEO_DEBUG'] && halfOf(a.id) === debugHalf) {
    a.toponyms.forEach((g, i) => {
      const p = aligned[i];
      if (g.lat === undefined || g.lon === undefined) return;
      const d = p?.isResolved ? distanceKm(g.lat, g.lon, p.lat!, p.lon!) : -1;
      const cc = goldCountry(g.country);
      const isMiss = isCountryDebug ? cc !== undefined && p?.countryCode !== cc : d < 0 || d > 161;
      if (isMiss) {
        const host = process.env['GEO_DEBUG_HOST'] ? ` @${/\/\/([^/]+)/.exec(a.url ?? '')?.[1] ?? '?'}` : '';
        const key = `${g.phrase} [gold ${g.fcode} ${g.country}] → ${p?.isResolved ? `${p.name} ${p.countryCode} ${p.admin1 ?? ''} ${Math.round(d)}km` : 'unresolved'}${host}`;
        misses.set(key, (misses.get(key) ?? 0) + 1);
      }
    });
  }
}
if (process.env['GEO_DEBUG']) {
  for (const [k, n] of [...misses].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env['GEO_DEBUG']) || 60)) console.log(`  miss ×${n}: ${k}`);
}
const resolution = summarise(goldScore);
const resolutionTune = summarise(halfScores.tune);
const resolutionHeld = summarise(halfScores.held);
const withRegion = { all: summarise(regionScore), tune: summarise(regionHalves.tune), held: summarise(regionHalves.held) };

// (b) recognition with the gazetteer recogniser, then end-to-end resolution
let tp = 0;
let fp = 0;
let fn = 0;
let overlapTp = 0;
const e2e: ResolutionScore = { total: 0, resolved: 0, within161: 0, countryKnown: 0, countryRight: 0, errorsKm: [] };
const fpCounts = new Map<string, number>();
const fnCounts = new Map<string, number>();
for (const a of articles) {
  const found = recogniseToponyms(a.text, gazetteer, { includeDemonyms: true });
  const goldKeys = new Set(a.toponyms.map((t) => `${t.start}:${t.end}`));
  const foundKeys = new Set(found.map((t) => `${t.start}:${t.end}`));
  for (const f of found) {
    if (goldKeys.has(`${f.start}:${f.end}`)) tp++;
    else {
      fp++;
      fpCounts.set(f.text, (fpCounts.get(f.text) ?? 0) + 1);
    }
  }
  for (const g of a.toponyms) {
    if (!foundKeys.has(`${g.start}:${g.end}`)) {
      fn++;
      fnCounts.set(g.phrase, (fnCounts.get(g.phrase) ?? 0) + 1);
    }
    if (found.some((f) => f.start < g.end && g.start < f.end)) overlapTp++;
  }
  const doc = makeDoc({ text: a.text, meta: { url: a.url }, layers: { mentions: asMentions(found, a.text) } });
  const places = resolvePlaces(doc, gazetteer);
  const byMention = new Map(places.map((p) => [p.mentionId, p]));
  const aligned = a.toponyms.map((g) => {
    const i = found.findIndex((f) => f.start === g.start && f.end === g.end);
    return i < 0 ? undefined : byMention.get(`m${i + 1}`);
  });
  scoreResolution(a.toponyms, aligned, e2e);
}
if (process.env['GEO_DEBUG']) {
  console.log('  top false positives:', [...fpCounts].sort((x, y) => y[1] - x[1]).slice(0, 50).map(([k, n]) => `${k}×${n}`).join(', '));
  console.log('  top misses:', [...fnCounts].sort((x, y) => y[1] - x[1]).slice(0, 50).map(([k, n]) => `${k}×${n}`).join(', '));
}
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
const recognition = {
  precision: r3(precision),
  recall: r3(recall),
  f1: r3((2 * precision * recall) / Math.max(1e-9, precision + recall)),
  overlapRecall: r3(overlapTp / Math.max(1, tp + fn)),
};
const endToEnd = summarise(e2e);

// (c) recognition with the project's NER (LOC mentions, plus MISC demonyms as LGL counts them), when its model loads
interface NerRun {
  readonly recognition: { precision: number; recall: number; f1: number };
  readonly union: { precision: number; recall: number; f1: number };
  readonly endToEnd: Record<string, number>;
}
async function nerRecognition(): Promise<NerRun | string> {
  let nlp: Record<string, unknown>;
  let stages: readonly Stage[];
  try {
    const { loadNlpResources } = await import('../src/app/nlp-models.js');
    const { createTokenize } = await import('../src/stages/tokenize/index.js');
    const { createSentences } = await import('../src/stages/sentences/index.js');
    const { createNer } = await import('../src/stages/ner/index.js');
    nlp = loadNlpResources();
    stages = [createTokenize(), createSentences(), createNer()];
  } catch (cause) {
    return `NER not available (${cause instanceof Error ? cause.message : String(cause)})`;
  }
  const ctx = { publishedAt: undefined, resources: createResources({ ...nlp, [GAZETTEER_RESOURCE]: gazetteer }) };
  const counts = { tp: 0, fp: 0, fn: 0, utp: 0, ufp: 0, ufn: 0 };
  const score: ResolutionScore = { total: 0, resolved: 0, within161: 0, countryKnown: 0, countryRight: 0, errorsKm: [] };
  for (const a of articles) {
    const { doc } = runStages(makeDoc({ text: a.text, meta: { url: a.url } }), [...stages, createPlace()], ctx);
    const mentions = (doc.layers.mentions ?? []).filter((m) => m.type === 'LOC' || (m.type === 'MISC' && countriesByDemonym(m.text).length > 0));
    const goldKeys = new Set(a.toponyms.map((t) => `${t.start}:${t.end}`));
    const nerKeys = new Set(mentions.map((m) => `${m.start}:${m.end}`));
    for (const k of nerKeys) goldKeys.has(k) ? counts.tp++ : counts.fp++;
    for (const k of goldKeys) if (!nerKeys.has(k)) counts.fn++;
    const union = new Set(nerKeys);
    for (const t of recogniseToponyms(a.text, gazetteer, { includeDemonyms: true })) {
      if (!mentions.some((m) => m.start < t.end && t.start < m.end)) union.add(`${t.start}:${t.end}`);
    }
    for (const k of union) goldKeys.has(k) ? counts.utp++ : counts.ufp++;
    for (const k of goldKeys) if (!union.has(k)) counts.ufn++;
    const places = doc.layers.places ?? [];
    scoreResolution(a.toponyms, a.toponyms.map((g) => places.find((p) => p.start === g.start && p.end === g.end)), score);
  }
  const prf = (tp: number, fp: number, fn: number) => {
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    return { precision: r3(p), recall: r3(r), f1: r3((2 * p * r) / Math.max(1e-9, p + r)) };
  };
  return { recognition: prf(counts.tp, counts.fp, counts.fn), union: prf(counts.utp, counts.ufp, counts.ufn), endToEnd: summarise(score) };
}
const ner = process.env['GEO_SKIP_NER'] ? 'skipped (GEO_SKIP_NER)' : await nerRecognition();

console.log('\n(a) resolution, gold toponym spans (unresolved counts as a miss in accuracy161):');
console.log(`    ours: ${JSON.stringify(resolution)}`);
console.log(`    tune half (${articles.filter((a) => halfOf(a.id) === 'tune').length} articles): ${JSON.stringify(resolutionTune)}`);
console.log(`    held half (${articles.filter((a) => halfOf(a.id) === 'held').length} articles): ${JSON.stringify(resolutionHeld)}`);
console.log(`\n(a') the same, each article given its outlet's region learned from the outlet's articles as the app does (${process.env['GEO_REGION_LOO'] === '1' ? 'leave-one-out' : 'itself included'}; ${articlesWithRegion} articles get one):`);
console.log(`    all: ${JSON.stringify(withRegion.all)}`);
console.log(`    tune half: ${JSON.stringify(withRegion.tune)}`);
console.log(`    held half: ${JSON.stringify(withRegion.held)}`);
console.log('    published (other news sets): CLAVIN / Edinburgh / CamCoder 69–93 % within 161 km; Mordecai 3 ≈ 98 % country accuracy, 79–90 % exact place');
console.log('\n(b) recognition, gazetteer recogniser (exact span match; demonyms included as LGL annotates them):');
console.log(`    ours: ${JSON.stringify(recognition)}`);
console.log('    published: classical geoparsers recognise 39–65 % of toponyms');
console.log(`    end to end (recognised then resolved, share of all gold toponyms with coordinates): ${JSON.stringify(endToEnd)}`);
if (typeof ner === 'string') console.log(`\n(c) NER recognition: ${ner}`);
else {
  console.log('\n(c) recognition with the project NER (LOC + MISC demonyms), exact span:');
  console.log(`    NER alone: ${JSON.stringify(ner.recognition)}; NER ∪ gazetteer recogniser: ${JSON.stringify(ner.union)}`);
  console.log(`    full pipeline end to end (tokenize → sentences → ner → place): ${JSON.stringify(ner.endToEnd)}`);
}
console.log(`    settings: ${JSON.stringify(RESOLVE_SETTINGS)}; ${Math.round(performance.now() - began)} ms`);
// Seed corpus smoke run: every place the full pipeline finds in the real scraped articles, with its coordinates.
const SEEDS = fileURLToPath(new URL('../../shared/corpus/seeds/', import.meta.url));
if (existsSync(SEEDS) && typeof ner !== 'string' && !process.env['GEO_SKIP_SEEDS']) {
  const { cleanArticle } = await import('../src/stages/clean/index.js');
  const { createDoc } = await import('../src/model/index.js');
  const { loadNlpResources } = await import('../src/app/nlp-models.js');
  const { createTokenize } = await import('../src/stages/tokenize/index.js');
  const { createSentences } = await import('../src/stages/sentences/index.js');
  const { createNer } = await import('../src/stages/ner/index.js');
  const ctx = { publishedAt: undefined, resources: createResources({ ...loadNlpResources(), [GAZETTEER_RESOURCE]: gazetteer }) };
  console.log('\nseed corpus (../shared/corpus/seeds), places found by the full pipeline:');
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const init = cleanArticle({ source: file, format: 'text', contentType: 'text', content: readFileSync(new URL(file, `file://${SEEDS}`), 'utf8'), hints: {} });
    const { doc } = runStages(createDoc(init), [createTokenize(), createSentences(), createNer(), createPlace()], ctx);
    const places = (doc.layers.places ?? []).map((p) =>
      p.isResolved ? `${p.text} → ${p.name} (${p.countryCode ?? '-'}${p.admin1 ? `, ${p.admin1}` : ''}) ${p.lat?.toFixed(3)},${p.lon?.toFixed(3)} [${p.precision}]` : `${p.text} → unresolved`,
    );
    console.log(`  ${file}: ${places.length} places`);
    for (const line of places) console.log(`    ${line}`);
  }
}

console.log('\ntargets (held-out international news): recognition F1 ≥ 0.80, ≥ 85 % within 161 km, ≥ 95 % right country');
console.log(
  JSON.stringify({
    task: 'geo',
    data: 'LGL (588 articles)',
    resolutionAccuracy161: resolution.accuracy161,
    resolutionCoverage: resolution.coverage,
    resolutionPrecision161: resolution.precision161,
    countryAccuracy: resolution.countryAccuracy,
    tuneAccuracy161: resolutionTune.accuracy161,
    tuneCountryAccuracy: resolutionTune.countryAccuracy,
    heldAccuracy161: resolutionHeld.accuracy161,
    heldCountryAccuracy: resolutionHeld.countryAccuracy,
    outletRegionAccuracy161: withRegion.all.accuracy161,
    outletRegionCountryAccuracy: withRegion.all.countryAccuracy,
    outletRegionTuneAccuracy161: withRegion.tune.accuracy161,
    outletRegionHeldAccuracy161: withRegion.held.accuracy161,
    meanErrorKm: resolution.meanErrorKm,
    recognitionP: recognition.precision,
    recognitionR: recognition.recall,
    recognitionF1: recognition.f1,
    endToEndAccuracy161: endToEnd.accuracy161,
    ...(typeof ner === 'string' ? {} : { nerRecognitionF1: ner.recognition.f1, nerUnionRecognitionF1: ner.union.f1, pipelineAccuracy161: ner.endToEnd['accuracy161'] }),
  }),
);
