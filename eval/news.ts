/**
 * `npm run eval:news`: events and claims on hand-labelled hard-news pages (eval/news/pages.json): 40 tuning pages
 * and 16 held-out pages (`split: "heldout"`, events only) that are scored apart and never printed in detail, so
 * rules are tuned on the first set and checked on the second. `--verbose` lists misses and extra events of the
 * tuning pages (`--times` adds their time errors); `--tuning` skips the held-out pages (faster while tuning).
 *
 * Each page goes through ingest's path: the clean step (HTML → body and metadata), the genre rules (a page read
 * as non-news runs no events or claims, as ingest does by default), then the default pipeline.
 * Events (eval/news/events/<id>.json: {anchor, type, actor, target, time, place}): a predicted event matches a
 * label when its evidence sentence contains the label's anchor (whitespace and quote marks folded); one-to-one,
 * preferring the same PLOVER type, then the trigger nearest the anchor. Precision = matched predictions / all
 * predictions, recall = matched labels / labels. Role accuracy on matched pairs: type; actor and target by head
 * word (the last word of the label's name found among the predicted actors' words or their entity's name; a
 * null target is right when none is predicted); time (the predicted value agrees with the label down to the
 * label's precision; a null time is right when none is predicted); place (the label's head word in the predicted
 * place's text or name; null likewise).
 * Claims (eval/news/claims/<id>.json, when present: {anchor, source, chain, stance}): matched by anchor the same
 * way against each claim's evidence; source accuracy = the label's immediate source (head word) is the speaker
 * our chain ends with; chain accuracy = same number of links, each matching by head word; stance accuracy.
 * Skips with a message when ../shared/data is absent. Headline figures last, as one JSON line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadDefaultResources } from '../src/app/resources.js';
import { claimKindOf, createDoc, type Claim, type Doc, type EventMention } from '../src/model/index.js';
import { defaultStages, runStages } from '../src/pipeline/index.js';
import { cleanArticle } from '../src/stages/clean/index.js';
import { DEFAULT_EVENT_GENRES, classifyGenre } from '../src/nlp/genre.js';
import { GENRE_MODEL_RESOURCE, type GenreModel } from '../src/nlp/genre-model.js';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
if (!existsSync(DATA)) {
  console.log(`eval:news skipped: ${DATA} not found (the shared data is only on the team's machines)`);
  process.exit(0);
}
const HERE = fileURLToPath(new URL('./news/', import.meta.url));
const verbose = process.argv.includes('--verbose');

interface EventLabel {
  anchor: string;
  type: string;
  actor: string;
  target: string | null;
  time: string | null;
  place: string | null;
}
interface ClaimLabel {
  anchor: string;
  source: string;
  chain: string[];
  stance: string;
}

/** `split: "heldout"` pages are scored apart and never printed in detail: they are not looked at while tuning. */
const pages = (JSON.parse(readFileSync(`${HERE}pages.json`, 'utf8')) as { pages: { id: string; set: string; split?: 'heldout' }[] }).pages;
const extraction = JSON.parse(readFileSync(`${DATA}extraction/ground-truth.json`, 'utf8')) as Record<string, { url?: string }>;

/** Lower case, straight quotes, single spaces: anchors are compared on this form. */
const fold = (s: string): string => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
/** The head word of a short name: its last word, folded ("U.S. Capitol Police" → "police"). */
const headWord = (s: string): string => fold(s).replace(/[^\p{L}\p{N}\s-]/gu, ' ').trim().split(/\s+/).pop() ?? '';
const wordsOf = (s: string): Set<string> => new Set(fold(s).replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/\s+/).filter(Boolean));

const newTally = () => ({ pages: 0, nonNews: 0, anchorsMissing: 0, gold: 0, predicted: 0, matchedGold: 0, matchedPredicted: 0, type: 0, actor: 0, target: 0, time: 0, timeN: 0, place: 0, placeN: 0 });
const tuningTally = newTally();
const heldoutTally = newTally();
const claimTally = { gold: 0, predicted: 0, matchedGold: 0, matchedPredicted: 0, source: 0, chain: 0, stance: 0, multiGold: 0, multiFound: 0, otherKinds: 0, allKindsMatched: 0 };
let claimPages = 0;
const notes: string[] = [];
const resources = await loadDefaultResources();
const genreModel = resources.get<GenreModel>(GENRE_MODEL_RESOURCE);
const stages = defaultStages();
const began = performance.now();
let words = 0;

/** Greedy one-to-one matching of labels to predictions whose evidence contains the anchor. */
function match<L extends { anchor: string }, P>(labels: readonly L[], predicted: readonly P[], evidenceOf: (p: P) => string, score: (l: L, p: P) => number): Map<L, P> {
  const out = new Map<L, P>();
  const used = new Set<P>();
  for (const l of labels) {
    const anchor = fold(l.anchor);
    let best: P | undefined;
    let bestScore = -Infinity;
    for (const p of predicted) {
      if (used.has(p) || !fold(evidenceOf(p)).includes(anchor)) continue;
      const s = score(l, p);
      if (s > bestScore) {
        best = p;
        bestScore = s;
      }
    }
    if (best !== undefined) {
      out.set(l, best);
      used.add(best);
    }
  }
  return out;
}

function actorWords(doc: Doc, actors: EventMention['sources']): Set<string> {
  const out = new Set<string>();
  const entities = new Map((doc.layers.entities ?? []).map((e) => [e.id, e]));
  for (const a of actors) {
    for (const w of wordsOf(a.text)) out.add(w);
    const e = a.entityId ? entities.get(a.entityId) : undefined;
    if (e?.name) for (const w of wordsOf(e.name)) out.add(w);
  }
  return out;
}

const tuningOnly = process.argv.includes('--tuning');
/** `--all-genres`: run events on every page, whatever its genre reads as (the coder alone, without the genre gate). */
const allGenres = process.argv.includes('--all-genres');
for (const page of pages) {
  if (tuningOnly && page.split === 'heldout') continue;
  const htmlPath = `${DATA}${page.set}/html/${page.id}.html.gz`;
  if (!existsSync(htmlPath)) continue;
  const url = page.set === 'extraction' ? extraction[page.id]?.url : (JSON.parse(readFileSync(`${DATA}${page.set}/ground-truth/${page.id}.json`, 'utf8')) as { url?: string }).url;
  const init = cleanArticle({ source: page.id, format: 'html', contentType: 'html', content: gunzipSync(readFileSync(htmlPath)).toString('utf8'), hints: url ? { url } : {} });
  const genre = classifyGenre({ title: init.meta.title, url: init.meta.url ?? url, outlet: init.meta.outlet, text: init.text }, genreModel).genre;
  const isNews = DEFAULT_EVENT_GENRES.includes(genre);
  if (!isNews) (page.split === 'heldout' ? heldoutTally : tuningTally).nonNews++;
  const run = allGenres || isNews ? stages : stages.filter((s) => s.name !== 'events' && s.name !== 'claims');
  if (run !== stages && page.split !== 'heldout') notes.push(`  ${page.id.slice(0, 12)} read as ${genre}: no events or claims`);
  const { doc } = runStages(createDoc(init), run, { publishedAt: init.meta.publishedAt, resources });
  words += doc.layers.tokens?.length ?? 0;
  const text = doc.text;
  const evidence = (x: { evidence: { start: number; end: number } }): string => text.slice(x.evidence.start, x.evidence.end);

  const eventFile = `${HERE}events/${page.id}.json`;
  const isHeldout = page.split === 'heldout';
  const tally = isHeldout ? heldoutTally : tuningTally;
  const detail = verbose && !isHeldout;
  if (existsSync(eventFile)) {
    tally.pages++;
    const labels = JSON.parse(readFileSync(eventFile, 'utf8')) as EventLabel[];
    const events = doc.layers.events ?? [];
    tally.gold += labels.length;
    tally.predicted += events.length;
    // A label whose anchor the cleaned text lacks can never match: count it (a label or clean-step problem).
    const folded = fold(text);
    tally.anchorsMissing += labels.filter((l) => !folded.includes(fold(l.anchor))).length;
    const pairs = match(labels, events, evidence, (l, e) => (e.ploverType === l.type ? 1000 : 0) - Math.abs(text.indexOf(l.anchor) - e.trigger.start) / 1000);
    tally.matchedGold += pairs.size;
    tally.matchedPredicted += pairs.size;
    const times = new Map((doc.layers.times ?? []).map((t) => [t.id, t]));
    const places = new Map((doc.layers.places ?? []).map((p) => [p.id, p]));
    for (const [l, e] of pairs) {
      if (e.ploverType === l.type) tally.type++;
      const actorOk = actorWords(doc, e.sources).has(headWord(l.actor));
      if (actorOk) tally.actor++;
      const targetOk = l.target === null ? e.targets.length === 0 : actorWords(doc, e.targets).has(headWord(l.target));
      if (targetOk) tally.target++;
      const t = e.timeId ? times.get(e.timeId) : undefined;
      tally.timeN++;
      if (l.time === null ? !t : !!t && t.value.slice(0, l.time.length) === l.time) tally.time++;
      const p = e.placeId ? places.get(e.placeId) : undefined;
      tally.placeN++;
      if (l.place === null ? !p : !!p && (wordsOf(p.text).has(headWord(l.place)) || (p.name !== undefined && wordsOf(p.name).has(headWord(l.place))))) tally.place++;
      const timeOk = l.time === null ? !t : !!t && t.value.slice(0, l.time.length) === l.time;
      if (detail && process.argv.includes('--times') && !timeOk) notes.push(`  ${page.id.slice(0, 8)} time "${l.anchor}" gold ${l.time ?? '-'}; got ${t ? `${t.value} "${t.text}"` : '-'}`);
      if (detail && (!actorOk || !targetOk || e.ploverType !== l.type)) {
        notes.push(`  ${page.id.slice(0, 8)} "${l.anchor}" gold ${l.type} ${l.actor} → ${l.target ?? '-'}; got ${e.ploverType} ${e.sources.map((a) => a.text).join('+') || '-'} → ${e.targets.map((a) => a.text).join('+') || '-'}`);
      }
    }
    if (detail) {
      for (const l of labels) if (!pairs.has(l)) notes.push(`  ${page.id.slice(0, 8)} missed ${l.type} "${l.anchor}"`);
      const hit = new Set(pairs.values());
      for (const e of events) if (!hit.has(e)) notes.push(`  ${page.id.slice(0, 8)} extra ${e.ploverType} [${text.slice(e.trigger.start, e.trigger.end)}] ${e.sources.map((a) => a.text).join('+') || '-'} → ${e.targets.map((a) => a.text).join('+') || '-'} (${e.modality}) | ${evidence(e).replace(/\s+/g, ' ').slice(0, 240)}`);
    }
  }

  const claimFile = `${HERE}claims/${page.id}.json`;
  if (existsSync(claimFile)) {
    claimPages++;
    const labels = JSON.parse(readFileSync(claimFile, 'utf8')) as ClaimLabel[];
    // The labels are statements of fact attributed to a source: scored against assertions, what the news views
    // show by default; wishes and judgements (other kinds) are counted apart.
    const claims = (doc.layers.claims ?? []).filter((c) => claimKindOf(c) === 'assertion');
    claimTally.otherKinds += (doc.layers.claims ?? []).length - claims.length;
    claimTally.gold += labels.length;
    claimTally.predicted += claims.length;
    const pairs = match(labels, claims, evidence, (l, c) => -Math.abs(text.indexOf(l.anchor) - c.evidence.start) / 1000);
    // The same labels against every kind, to show what reading wishes and judgements as claims would give.
    const everyKind = doc.layers.claims ?? [];
    claimTally.allKindsMatched += match(labels, everyKind, evidence, (l, c) => -Math.abs(text.indexOf(l.anchor) - c.evidence.start) / 1000).size;
    claimTally.matchedGold += pairs.size;
    claimTally.matchedPredicted += pairs.size;
    const linkOk = (gold: string, ours: Claim['chain'][number] | undefined): boolean => !!ours && wordsOf(ours.name).has(headWord(gold));
    for (const [l, c] of pairs) {
      if (linkOk(l.source, c.chain[c.chain.length - 1])) claimTally.source++;
      const chainOk = l.chain.length === c.chain.length && l.chain.every((g, i) => linkOk(g, c.chain[i]));
      if (chainOk) claimTally.chain++;
      if (l.stance === c.stance) claimTally.stance++;
      if (detail && !chainOk) notes.push(`  ${page.id.slice(0, 8)} claim "${l.anchor}" gold [${l.chain.join(' ← ')}]; got [${c.chain.map((x) => x.name).join(' ← ')}]`);
      if (l.chain.length > 1) {
        claimTally.multiGold++;
        if (c.chain.length > 1) claimTally.multiFound++;
      }
    }
    // Claims no label matches: what costs precision ("extra claim", with its cue and evidence).
    const matched = new Set(pairs.values());
    for (const c of detail ? claims.filter((x) => !matched.has(x)) : []) {
      const cue = c.cue ? text.slice(c.cue.start, c.cue.end) : '-';
      notes.push(`  ${page.id.slice(0, 8)} extra claim [${c.chain.map((x) => x.name).join(' ← ')}] [${cue}] «${evidence(c).slice(0, 120)}»`);
    }
    for (const c of detail ? (doc.layers.claims ?? []).filter((x) => claimKindOf(x) !== 'assertion') : []) {
      notes.push(`  ${page.id.slice(0, 8)} ${claimKindOf(c)} [${c.chain.map((x) => x.name).join(' ← ')}] [${c.cue ? text.slice(c.cue.start, c.cue.end) : '-'}] «${text.slice(c.content.start, c.content.end).slice(0, 100)}»`);
    }
  }
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const div = (a: number, b: number): number => (b === 0 ? 0 : r3(a / b));
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : r3((2 * p * r) / (p + r)));
if (notes.length) console.log(notes.join('\n'));
/** Precision, recall and role accuracy of one split. */
function eventFigures(tally: ReturnType<typeof newTally>) {
  const precision = div(tally.matchedPredicted, tally.predicted);
  const recall = div(tally.matchedGold, tally.gold);
  return {
    pages: tally.pages, pagesReadAsNonNews: tally.nonNews, anchorsMissing: tally.anchorsMissing, labels: tally.gold, predicted: tally.predicted, matched: tally.matchedGold, precision, recall, f1: f1(precision, recall),
    typeAccuracy: div(tally.type, tally.matchedGold), actorAccuracy: div(tally.actor, tally.matchedGold), targetAccuracy: div(tally.target, tally.matchedGold),
    timeAccuracy: div(tally.time, tally.timeN), placeAccuracy: div(tally.place, tally.placeN),
  };
}
const events = eventFigures(tuningTally);
const heldout = eventFigures(heldoutTally);
for (const [name, e] of [['tuning', events], ['held-out', heldout]] as const) {
  console.log(`\n== events, ${name} split: ${e.pages} hand-labelled news pages (${e.pagesReadAsNonNews} read as non-news${allGenres ? ', coded anyway (--all-genres)' : ': no events'}), ${e.labels} labels (${e.anchorsMissing} anchors not in the cleaned text), ${e.predicted} predicted, ${e.matched} matched`);
  console.log(`  precision ${e.precision}  recall ${e.recall}  F1 ${e.f1}; on matched pairs: type ${e.typeAccuracy}, actor ${e.actorAccuracy}, target ${e.targetAccuracy}, time ${e.timeAccuracy}, place ${e.placeAccuracy}`);
}
let claims: Record<string, unknown> = { skipped: 'no eval/news/claims/<id>.json files' };
if (claimPages > 0) {
  const cp = div(claimTally.matchedPredicted, claimTally.predicted);
  const cr = div(claimTally.matchedGold, claimTally.gold);
  claims = {
    pages: claimPages, labels: claimTally.gold, predicted: claimTally.predicted, matched: claimTally.matchedGold, precision: cp, recall: cr, f1: f1(cp, cr),
    sourceAccuracy: div(claimTally.source, claimTally.matchedGold), chainAccuracy: div(claimTally.chain, claimTally.matchedGold), stanceAccuracy: div(claimTally.stance, claimTally.matchedGold),
    multiLinkFound: div(claimTally.multiFound, claimTally.multiGold), otherKinds: claimTally.otherKinds,
    allKinds: { predicted: claimTally.predicted + claimTally.otherKinds, matched: claimTally.allKindsMatched, precision: div(claimTally.allKindsMatched, claimTally.predicted + claimTally.otherKinds), recall: div(claimTally.allKindsMatched, claimTally.gold) },
  };
  console.log(`== claims on ${claimPages} pages: precision ${cp}  recall ${cr}; source ${claims['sourceAccuracy']}, chain ${claims['chainAccuracy']}, stance ${claims['stanceAccuracy']} (assertions; ${claimTally.otherKinds} wishes and judgements not scored)`);
}
const seconds = (performance.now() - began) / 1000;
console.log(
  JSON.stringify({
    eval: 'news', data: `eval/news (${events.pages} tuning + ${heldout.pages} held-out hand-labelled pages)`,
    events_p: events.precision, events_r: events.recall, events_p_heldout: heldout.precision, events_r_heldout: heldout.recall,
    events, events_heldout: heldout, claims, tokens_per_s: Math.round(words / seconds),
  }),
);
