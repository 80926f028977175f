/**
 * `npm run eval:events`: event coding against two peer references in ../shared/data/events/.
 *
 * 1. PETRARCH unit-test records (fictional countries; the PETR.Validate.* dictionaries, imported with
 *    our parsers, are the only actor source): exact agreement on (source, target, CAMEO) triples and on
 *    CAMEO roots, per record category. Tokens and POS come from each record's constituency parse.
 * 2. PLOVER gold-standard records (CAMEO manual sentences): our shipped lexicon, tokens/POS/lemmas from
 *    wink-nlp, no NER. PLOVER 0.5 names are mapped to 2.0 (DEMAND→REQUEST, DISAPPROVE→ACCUSE,
 *    FIGHT→ASSAULT, INVESTIGATE→ACCUSE). Scores event type, actor country/sector, mode, location, counts.
 *
 * 3. RAMS dev (real 2016 news): given the gold trigger, actor/target/place P/R/F1 against mapped AIDA roles,
 *    with the parse (roles from arcs) and without it (`*_baseline`: word order, today's coder). The role map is
 *    documented in eval/events-rams.ts. `--rams` runs only this part.
 *
 * Skips with a message when ../shared is absent. Headline figures are printed last as JSON lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { DEP_LABELS, makeTokenTable, createDoc, tokenPos, type Doc, type Sentence, type TokenTable, type Upos } from '../src/model/index.js';
import type { SentenceDeps } from '../src/events/coder.js';
import { loadDefaultResources } from '../src/app/resources.js';
import { defaultStages, runStages, type Resources, type Stage } from '../src/pipeline/index.js';
import { createEventCoder } from '../src/events/coder.js';
import { importDictionary, loadEventLexicon } from '../src/app/dictionaries.js';
import type { EventLexicon } from '../src/events/lexicon.js';
import { toEventMention } from '../src/stages/events/index.js';
import { scorePetrarch } from './events-petrarch.js';
import { scoreRams } from './events-rams.js';

const DATA = fileURLToPath(new URL('../../shared/data/events/', import.meta.url));
if (!existsSync(DATA)) {
  console.log(`eval:events skipped: ${DATA} not found (the shared data is only on the team's machines)`);
  process.exit(0);
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : Math.round(((2 * p * r) / (p + r)) * 1000) / 1000);

const ramsOnly = process.argv.includes('--rams');

// ---------------------------------------------------------------- PETRARCH
const petrDir = `${DATA}petrarch2`;
let petrLine: Record<string, unknown> = { eval: 'events-petrarch', skipped: true };
if (!ramsOnly && existsSync(`${petrDir}/text/PETR.UnitTest.records.xml`)) {
  const s = scorePetrarch(petrDir);
  console.log('\n== PETRARCH unit-test records: records not coded exactly');
  for (const f of s.failures) console.log(`  ${f.id.padEnd(20)} ${f.category.padEnd(9)} expected [${f.expected.join(' ')}]  got [${f.got.join(' ')}]`);
  const p = ratio(s.tp, s.tp + s.fp);
  const r = ratio(s.tp, s.tp + s.fn);
  const rp = ratio(s.rootTp, s.rootTp + s.rootFp);
  const rr = ratio(s.rootTp, s.rootTp + s.rootFn);
  console.log('\n  category    records  exact  exact-root');
  for (const [cat, c] of Object.entries(s.byCategory)) console.log(`  ${cat.padEnd(11)} ${String(c.records).padStart(7)}  ${ratio(c.exact, c.records).toFixed(3)}  ${ratio(c.exactRoot, c.records).toFixed(3)}`);
  petrLine = {
    eval: 'events-petrarch', records: s.records, exact: ratio(s.exact, s.records), validRecords: s.validRecords, validExact: ratio(s.validExact, s.validRecords), exactRoot: ratio(s.exactRoot, s.records),
    tripleP: p, tripleR: r, tripleF1: f1(p, r), rootF1: f1(rp, rr), reference: { petrarch2Exact: 0.32, petrarch2TripleF1: 0.41 },
    byCategory: Object.fromEntries(Object.entries(s.byCategory).map(([k, v]) => [k, { n: v.records, exact: ratio(v.exact, v.records) }])),
  };
}

// ---------------------------------------------------------------- PLOVER
interface GoldActor {
  actorText?: string;
  code?: string;
  sector?: string;
}
interface GoldRecord {
  id: string;
  event: string;
  mode?: string;
  text?: string;
  source?: GoldActor[] | string;
  target?: GoldActor[] | string;
  eventLoc?: { name?: string };
  size?: string | number;
  dead?: string | number;
  textInfo?: { markup?: string };
}

const TYPE_05_TO_20: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', FIGHT: 'ASSAULT', INVESTIGATE: 'ACCUSE' };
/** PLOVER 0.5 modes of the gold records, in 2.0 terms where one exists. */
const MODE_05_TO_20: Record<string, string> = { 'strike-hun': 'hunger', 'strike-gen': 'strike', 'demo-org': 'demo', 'demo-spon': 'demo', 'riot-spon': 'riot', censor: 'restrict' };

const nlp = winkNLP(model);
const its = nlp.its;
const goldFile = `${DATA}plover/PLOVER_GSR_CAMEO.json`;

/** Scores one lexicon on the PLOVER gold records; prints details, returns the headline figures. */
/** Parses one sentence's tokens with the pipeline's parser, when it has one: sentence-relative heads. */
type SentenceParser = (doc: Doc, table: TokenTable, sentence: Sentence) => SentenceDeps | undefined;

function scorePlover(label: string, lexicon: EventLexicon, parse?: SentenceParser, front?: { stages: readonly Stage[]; resources: Resources }): Record<string, unknown> {
  const coder = createEventCoder(lexicon);
  const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as GoldRecord[]).filter((g) => g.event !== 'DOCUMENT' && g.text);
  const perType: Record<string, { n: number; correct: number; anyCorrect: number; predicted: number }> = {};
  const actorScore = { source: { country: [0, 0, 0], sector: [0, 0, 0] }, target: { country: [0, 0, 0], sector: [0, 0, 0] } }; // [tp, predicted, gold]
  let typeCorrect = 0;
  let anyCorrect = 0;
  let withEvent = 0;
  let modeN = 0;
  let modeCorrect = 0;
  const loc = [0, 0, 0];
  const dead = [0, 0, 0];
  const size = [0, 0, 0];
  const modality: Record<string, number> = {};
  const confusion: Record<string, number> = {};
  const mismatches: string[] = [];
  for (const g of gold) {
    const goldType = TYPE_05_TO_20[g.event] ?? g.event;
    const text = g.text!;
    const wd = nlp.readDoc(text);
    const words = wd.tokens().out() as string[];
    const pos = wd.tokens().out(its.pos) as string[];
    const lemmas = wd.tokens().out(its.lemma as Parameters<ReturnType<typeof wd.tokens>["out"]>[0]) as string[];
    let at = 0;
    let rows = words.map((w, i) => {
      const start = text.indexOf(w, at) >= 0 ? text.indexOf(w, at) : at;
      at = start + w.length;
      return { start, end: start + w.length, pos: pos[i] as Upos, lemma: lemmas[i] ?? w.toLowerCase() };
    });
    let doc: Doc = { ...createDoc({ text, meta: { source: g.id, format: 'text', language: 'en' } }) };
    let deps: SentenceDeps | undefined;
    if (front) {
      // Our own tokenizer, tagger and parser, as the pipeline runs them; the record's sentences are coded as one.
      doc = runStages(doc, front.stages, { publishedAt: undefined, resources: front.resources }).doc;
      const t = doc.layers.tokens!;
      rows = Array.from({ length: t.length }, (_, i) => ({ start: t.start[i]!, end: t.end[i]!, pos: tokenPos(t, i), lemma: t.lemmas[t.lemma[i]!] || text.slice(t.start[i]!, t.end[i]!).toLowerCase() }));
      const d = doc.layers.deps;
      if (d) deps = { head: Array.from(d.head), label: Array.from(d.label, (l) => DEP_LABELS[l] ?? 'dep') };
    }
    const table = makeTokenTable(rows);
    const sentence: Sentence = { start: 0, end: text.length, tokenStart: 0, tokenEnd: rows.length };
    const tokens = rows.map((r, i) => ({ text: text.slice(r.start, r.end), lemma: r.lemma, pos: r.pos, start: r.start, end: r.end, i }));
    deps ??= parse?.(doc, table, sentence);
    const coded = coder.codeSentence(tokens, deps ? { deps } : {}).events;
    const mentions = coded
      .map((e, k) => ({ e, m: toEventMention(doc, sentence, tokens, e, lexicon, `ev${k}`, [], [], deps) }))
      .filter((x): x is { e: (typeof coded)[number]; m: NonNullable<ReturnType<typeof toEventMention>> } => x.m !== undefined);
    // The event the gold marks: the one whose trigger lies inside an (EVT: ...) span, else the first.
    const markup = g.textInfo?.markup ?? '';
    const evtWords = new Set([...markup.matchAll(/\(EVT:([^)]*)\)/g)].flatMap((m) => m[1]!.toLowerCase().split(/\W+/).filter(Boolean)));
    const chosen = mentions.find((x) => evtWords.has(text.slice(x.m.trigger.start, x.m.trigger.end).toLowerCase().split(/\s+/)[0]!)) ?? mentions[0];
    const t = (perType[goldType] ??= { n: 0, correct: 0, anyCorrect: 0, predicted: 0 });
    t.n++;
    if (chosen) withEvent++;
    const predictedType = chosen?.m.ploverType ?? 'NONE';
    if (predictedType === goldType) {
      typeCorrect++;
      t.correct++;
    } else {
      confusion[`${goldType}→${predictedType}`] = (confusion[`${goldType}→${predictedType}`] ?? 0) + 1;
      mismatches.push(`  ${g.id.padEnd(28)} gold ${goldType.padEnd(9)} got ${predictedType.padEnd(9)} ${chosen ? `[${text.slice(chosen.m.trigger.start, chosen.m.trigger.end)} ${chosen.m.cameo}]` : ''} ${text.slice(0, 90)}`);
    }
    if (mentions.some((x) => x.m.ploverType === goldType)) {
      anyCorrect++;
      t.anyCorrect++;
    }
    for (const x of mentions) (perType[x.m.ploverType] ??= { n: 0, correct: 0, anyCorrect: 0, predicted: 0 }).predicted++;
    if (chosen) modality[chosen.m.modality] = (modality[chosen.m.modality] ?? 0) + 1;
    // Actors: country (first three letters) and sector (next three) as sets.
    const split = (code: string | undefined): { country?: string; sector?: string } => {
      if (!code) return {};
      const country = /^[A-Z]{3}/.test(code) && !code.startsWith('---') ? code.slice(0, 3) : undefined;
      const sector = code.slice(3, 6).toUpperCase();
      return { ...(country ? { country } : {}), ...(/^[A-Z]{3}$/.test(sector) ? { sector } : {}) };
    };
    for (const role of ['source', 'target'] as const) {
      const goldActors = Array.isArray(g[role]) ? (g[role] as GoldActor[]) : [];
      const goldCountries = new Set(goldActors.map((a) => a.code).filter((c): c is string => !!c && /^[A-Z]{3}$/.test(c)));
      const goldSectors = new Set(goldActors.map((a) => a.sector?.slice(0, 3).toUpperCase()).filter((c): c is string => !!c && /^[A-Z]{3}$/.test(c)));
      const ours = (role === 'source' ? chosen?.m.sources : chosen?.m.targets) ?? [];
      const ourCountries = new Set(ours.map((a) => split(a.code).country).filter((c): c is string => !!c));
      const ourSectors = new Set(ours.map((a) => split(a.code).sector).filter((c): c is string => !!c));
      const sc = actorScore[role];
      sc.country[0]! += [...ourCountries].filter((c) => goldCountries.has(c)).length;
      sc.country[1]! += ourCountries.size;
      sc.country[2]! += goldCountries.size;
      sc.sector[0]! += [...ourSectors].filter((c) => goldSectors.has(c)).length;
      sc.sector[1]! += ourSectors.size;
      sc.sector[2]! += goldSectors.size;
    }
    if (g.mode) {
      modeN++;
      const goldMode = MODE_05_TO_20[g.mode] ?? g.mode;
      if (chosen?.m.ploverMode === goldMode) modeCorrect++;
    }
    const ourPlace = chosen?.e.place ? text.slice(tokens[chosen.e.place.start]!.start, tokens[chosen.e.place.end - 1]!.end) : undefined;
    const goldPlace = g.eventLoc?.name;
    if (ourPlace) loc[1]!++;
    if (goldPlace) loc[2]!++;
    if (ourPlace && goldPlace && (goldPlace.toLowerCase().includes(ourPlace.toLowerCase()) || ourPlace.toLowerCase().includes(goldPlace.toLowerCase()))) loc[0]!++;
    const goldDead = typeof g.dead === 'number' || /^\d+$/.test(String(g.dead ?? '')) ? Number(g.dead) : undefined;
    const goldSize = typeof g.size === 'number' || /^\d+$/.test(String(g.size ?? '')) ? Number(g.size) : undefined;
    const ourDead = chosen?.m.counts.fatalities;
    const ourSize = chosen?.m.counts.size;
    if (ourDead !== undefined) dead[1]!++;
    if (goldDead !== undefined) dead[2]!++;
    if (ourDead !== undefined && ourDead === goldDead) dead[0]!++;
    if (ourSize !== undefined) size[1]!++;
    if (goldSize !== undefined) size[2]!++;
    if (ourSize !== undefined && ourSize === goldSize) size[0]!++;
  }
  console.log(`\n== PLOVER gold records (${label}): records whose event type we missed`);
  for (const m of mismatches) console.log(m);
  console.log(`\n== PLOVER gold records (${label}): event type per gold type (chosen event / any event) and events predicted`);
  for (const [type, v] of Object.entries(perType).sort()) console.log(`  ${type.padEnd(10)} n=${String(v.n).padStart(3)}  acc ${ratio(v.correct, v.n).toFixed(3)}  any ${ratio(v.anyCorrect, v.n).toFixed(3)}  predicted ${v.predicted}`);
  console.log('  most frequent confusions:', Object.entries(confusion).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v}`).join(', '));
  const prf = ([tp, pred, goldN]: number[]): { p: number; r: number; f1: number } => {
    const p = ratio(tp!, pred!);
    const r = ratio(tp!, goldN!);
    return { p, r, f1: f1(p, r) };
  };
  return {
    eval: 'events-plover', lexicon: label, records: gold.length, withEvent: ratio(withEvent, gold.length), typeAccuracy: ratio(typeCorrect, gold.length), typeAnyEvent: ratio(anyCorrect, gold.length),
    sourceCountry: prf(actorScore.source.country), sourceSector: prf(actorScore.source.sector),
    targetCountry: prf(actorScore.target.country), targetSector: prf(actorScore.target.sector),
    modeAccuracy: { n: modeN, acc: ratio(modeCorrect, modeN) }, location: prf(loc), fatalities: prf(dead), size: prf(size), modality,
    perType: Object.fromEntries(Object.entries(perType).filter(([, v]) => v.n > 0).map(([k, v]) => [k, { n: v.n, acc: ratio(v.correct, v.n) }])),
  };
}

let ploverLine: Record<string, unknown> = { eval: 'events-plover', skipped: true };
let ploverPipelineWordsLine: Record<string, unknown> = { eval: 'events-plover', lexicon: 'dossier+pipeline', skipped: 'the pipeline has no parse stage' };
let ploverPipelineLine: Record<string, unknown> = { eval: 'events-plover', lexicon: 'dossier+pipeline+parse', skipped: 'the pipeline has no parse stage' };
let ploverParseLine: Record<string, unknown> = { eval: 'events-plover', lexicon: 'dossier+parse', skipped: 'the pipeline has no parse stage' };
let ploverPhoenixLine: Record<string, unknown> = { eval: 'events-plover', lexicon: 'dossier+phoenix', skipped: true };
if (!ramsOnly && existsSync(goldFile)) {
  ploverLine = scorePlover('dossier', loadEventLexicon());
  // The same records with roles read from the pipeline's dependency parse (when the pipeline has a parser).
  const parseStage = defaultStages().find((st) => st.assigns === 'deps');
  if (parseStage) {
    const resources = await loadDefaultResources();
    const parse: SentenceParser = (doc, table, sentence) => {
      const deps = parseStage.run({ ...doc, layers: { tokens: table, sentences: [sentence] } }, { publishedAt: undefined, resources }) as { head: Int32Array; label: Uint8Array };
      return { head: Array.from(deps.head), label: Array.from(deps.label, (l) => DEP_LABELS[l] ?? 'dep') };
    };
    ploverParseLine = scorePlover('dossier+parse', loadEventLexicon(), parse);
    // And with the pipeline's own front end (tokenizer, tagger, parser), as an article would be read.
    const front = defaultStages().filter((st) => ['tokenize', 'sentences', 'parse'].includes(st.name));
    ploverPipelineWordsLine = scorePlover('dossier+pipeline', loadEventLexicon(), undefined, { stages: front.filter((st) => st.name !== 'parse'), resources });
    ploverPipelineLine = scorePlover('dossier+pipeline+parse', loadEventLexicon(), undefined, { stages: front, resources });
  }
  // The same records with the field's dictionaries imported on top of ours (they take priority).
  const dicts = `${DATA}petrarch2/dictionaries/`;
  const phoenix = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt', 'Phoenix.agents.txt', 'CAMEO.2.0.txt'];
  if (phoenix.every((f) => existsSync(dicts + f))) ploverPhoenixLine = scorePlover('dossier+phoenix', loadEventLexicon({ extra: phoenix.map((f) => importDictionary(dicts + f)) }));
}

// ---------------------------------------------------------------- RAMS
const ramsFile = `${DATA}rams/dev.jsonlines`;
let ramsLine: Record<string, unknown> = { eval: 'events-rams', skipped: true };
if (existsSync(ramsFile)) {
  const began = performance.now();
  const examplesAt = process.argv.indexOf('--rams-examples');
  const r = await scoreRams(ramsFile, loadEventLexicon(), examplesAt > 0 ? Number(process.argv[examplesAt + 1]) : 0);
  console.log(`\n== RAMS dev (${r.arcs.windows} windows, gold trigger given; parse ${r.hasParse ? 'present' : 'ABSENT: arcs fall back to word order'})`);
  console.log('  role     method      P      R      F1    R(in-sentence) F1(in-sentence)  gold');
  for (const role of ['actor', 'target', 'place'] as const) {
    for (const [name, sc] of [['arcs', r.arcs], ['word order', r.wordOrder]] as const) {
      const x = sc.scored[role];
      console.log(`  ${role.padEnd(8)} ${name.padEnd(10)} ${x.p.toFixed(3)}  ${x.r.toFixed(3)}  ${x.f1.toFixed(3)}  ${x.rInSentence.toFixed(3).padStart(13)}  ${x.f1InSentence.toFixed(3).padStart(14)}  ${x.gold}`);
    }
  }
  ramsLine = {
    eval: 'events-rams', data: 'rams/dev', windows: r.arcs.windows, parse: r.hasParse,
    rams_actor_f1: r.arcs.scored.actor.f1, rams_target_f1: r.arcs.scored.target.f1, rams_place_f1: r.arcs.scored.place.f1,
    rams_actor_f1_baseline: r.wordOrder.scored.actor.f1, rams_target_f1_baseline: r.wordOrder.scored.target.f1, rams_place_f1_baseline: r.wordOrder.scored.place.f1,
    inSentence: { actor: r.arcs.scored.actor.f1InSentence, target: r.arcs.scored.target.f1InSentence, place: r.arcs.scored.place.f1InSentence },
    inSentenceBaseline: { actor: r.wordOrder.scored.actor.f1InSentence, target: r.wordOrder.scored.target.f1InSentence, place: r.wordOrder.scored.place.f1InSentence },
    seconds: Math.round((performance.now() - began) / 100) / 10,
  };
}

console.log(JSON.stringify(petrLine));
console.log(JSON.stringify(ploverLine));
console.log(JSON.stringify(ploverPhoenixLine));
console.log(JSON.stringify(ploverParseLine));
console.log(JSON.stringify(ploverPipelineWordsLine));
console.log(JSON.stringify(ploverPipelineLine));
console.log(JSON.stringify(ramsLine));
