/**
 * `npm run eval:merge`: cross-article event merging against ECB+ (../shared/data/coref-events/ecbplus/), whose
 * topics each hold two different but similar real events (two earthquakes, two shootings): the hard negatives
 * for "is this the same event?".
 *
 * (a) The merge rules alone (src/corpus/cross-article over the in-memory port) on gold event mentions, each
 *     observation carrying the gold arguments co-located in its sentence: participants as their gold instance
 *     ids (persons, organisations and vehicles specific; groups, states, generic people and objects generic),
 *     locations as places (country or region when the gazetteer says so, else city-level), times as generic
 *     shared arguments; the trigger lemma from our POS tagger and its CAMEO code from our event lexicon (one-word
 *     verb forms and event nouns, as the coder files them); the ECB+ action class as the type. ECB+ gives no
 *     publication dates, so every document gets the same one: time never separates events here, it only adds
 *     evidence through shared time mentions. Documents are merged topic by topic (gold topics, as the baseline).
 *     Scored with MUC, B³, CEAF-e and CoNLL F1 over every mention in the sentences listed in
 *     ECBplus_coreference_sentences.csv (the standard scoring set), beside the same-lemma-within-topic baseline.
 *
 * (b) End to end: each document's text runs through the whole pipeline and the merge rules (every document published
 *     on the same day, as in (a); `--undated` gives none), our event mentions are aligned to gold event mentions by
 *     trigger span, and the cross-document pairs we merge among aligned mentions are scored against the gold
 *     instances (pair_precision, pair_recall). `--gold-only` skips it.
 *
 * Usage: npm run eval:merge [-- --split dev|train] (default dev; the rules were tuned on train) [--errors] (print the wrong
 * and missed links of (a) with their sentences).
 * Prints the headline figures last as one JSON line. Skips when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMemoryCorpus, linkArticle } from '../src/corpus/cross-article/index.js';
import type { ObservedEvent } from '../src/corpus/observe/index.js';
import { loadGazetteer } from '../src/app/load-gazetteer.js';
import { loadPosTagger } from '../src/app/nlp-models.js';
import { loadEventLexicon } from '../src/app/dictionaries.js';
import { placeKey } from '../src/geo/normalise.js';
import { b3, ceafE, muc, type Clusters, type Prf } from './lib/coref-metrics.js';
import { composePipeline } from '../src/app/compose-pipeline.js';
import { linkEntities } from '../src/corpus/link-entities/index.js';
import { observeEvents } from '../src/corpus/observe/index.js';
import { describeObservedEvents } from '../src/corpus/cross-article/index.js';
import { createDoc } from '../src/model/index.js';
import { runStages } from '../src/pipeline/index.js';
import { cleanArticle } from '../src/stages/clean/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const ROOT = fileURLToPath(new URL('../../shared/data/coref-events/ecbplus/', import.meta.url));
if (!existsSync(ROOT)) {
  console.log(`eval:merge skipped: ${ROOT} not found (the shared data is only on the team's machines)`);
  process.exit(0);
}
const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1]! : 'dev';
if (split !== 'dev' && split !== 'train') {
  console.error('eval:merge: --split is dev or train');
  process.exit(2);
}

// ---------------------------------------------------------------- reading ECB+
interface Token { readonly sentence: number; readonly text: string }
interface Mention { readonly mId: string; readonly tag: string; readonly tokens: readonly string[]; readonly sentence: number }
interface EcbDoc { readonly name: string; readonly topic: string; readonly tokens: Map<string, Token>; readonly mentions: Mention[]; readonly goldId: Map<string, string> }

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function readDoc(path: string, topic: string): EcbDoc {
  const xml = readFileSync(path, 'utf8');
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.xml$/, '');
  const tokens = new Map<string, Token>();
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) tokens.set(m[1]!, { sentence: Number(m[2]), text: decode(m[3]!) });
  const markables = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  const mentions: Mention[] = [];
  for (const m of markables.matchAll(/<([A-Z_]+) m_id="(\d+)"[^>]*?>([\s\S]*?)<\/\1>/g)) {
    const ids = [...m[3]!.matchAll(/t_id="(\d+)"/g)].map((t) => t[1]!);
    if (ids.length) mentions.push({ mId: m[2]!, tag: m[1]!, tokens: ids, sentence: tokens.get(ids[0]!)?.sentence ?? -1 });
  }
  // Gold identity: the cross-document instance, else the in-document chain, else the mention itself.
  const goldId = new Map<string, string>();
  const relations = xml.slice(xml.indexOf('<Relations>'));
  for (const r of relations.matchAll(/<(CROSS_DOC_COREF|INTRA_DOC_COREF)([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const target = /<target m_id="(\d+)"/.exec(r[3]!)?.[1];
    const id = r[1] === 'CROSS_DOC_COREF' ? attr(r[2]!, 'note') : `${name}#${target}`;
    if (!id) continue;
    for (const s of r[3]!.matchAll(/<source m_id="(\d+)"/g)) goldId.set(s[1]!, id);
  }
  return { name, topic, tokens, mentions, goldId };
}

function decode(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

const listed = new Set(readFileSync(`${ROOT}ECBplus_coreference_sentences.csv`, 'utf8').split('\n').slice(1).filter(Boolean)
  .map((line) => {
    const [topic, file, sentence] = line.trim().split(',');
    return `${topic}_${file}:${sentence}`;
  }));

const topics = readdirSync(`${ROOT}${split}`).sort((a, b) => Number(a) - Number(b));
const docsByTopic = new Map(topics.map((t) => [t, readdirSync(`${ROOT}${split}/${t}`).filter((f) => f.endsWith('.xml')).sort().map((f) => readDoc(`${ROOT}${split}/${t}/${f}`, t))]));

// ---------------------------------------------------------------- observations from gold mentions
const tagger = loadPosTagger();
const gazetteer = await loadGazetteer();
const lexicon = loadEventLexicon();

/** The CAMEO code our event lexicon files a one-word trigger under (verb forms, then event nouns), as the coder would. */
function cameoOf(word: string, lemma: string): string | undefined {
  for (const w of [word.toUpperCase(), lemma.toUpperCase()]) {
    const verb = (lexicon.verbForms.get(w) ?? []).find((ref) => ref.words.length === 1 && ref.verb.code !== '---');
    if (verb) return verb.verb.code;
  }
  return (lexicon.nouns.get(lemma) ?? lexicon.nouns.get(word.toLowerCase()) ?? []).find((n) => n.words.length === 1)?.code;
}

const isEvent = (tag: string) => tag.startsWith('ACTION_') || tag.startsWith('NEG_ACTION_');

/** Lemmas of a sentence's tokens, by token id (one tagger call per sentence). */
function sentenceLemmas(doc: EcbDoc, sentence: number): Map<string, string> {
  const ids = [...doc.tokens].filter(([, t]) => t.sentence === sentence).map(([id]) => id);
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  for (const id of ids) {
    if (text) text += ' ';
    start.push(text.length);
    text += doc.tokens.get(id)!.text;
    end.push(text.length);
  }
  const tags = tagger.tag(text, { length: ids.length, start: Uint32Array.from(start), end: Uint32Array.from(end) });
  return new Map(ids.map((id, i) => [id, (tags.lemmas[i] ?? doc.tokens.get(id)!.text).toLowerCase()]));
}

/** A location mention's place: coarse (country, region, admin1) when the gazetteer's best reading is. */
function placeOf(text: string, id: string): { name: string; gazetteerId: string; precision: string } {
  const [entry] = gazetteer.lookup(placeKey(text));
  const isCoarse = entry !== undefined && (entry.kind === 'country' || entry.kind === 'region' || entry.kind === 'admin1');
  return { name: text, gazetteerId: isCoarse ? `country:${id}` : id, precision: isCoarse ? 'country' : 'city' };
}

/** Canonical argument id of a gold participant: specific (per:, org:) or generic (kb:country:, misc:). */
function participantId(tag: string, gold: string): string | undefined {
  if (tag === 'HUMAN_PART_PER') return `per:${gold}`;
  if (tag === 'HUMAN_PART_ORG' || tag === 'HUMAN_PART_VEH') return `org:${gold}`;
  if (tag === 'HUMAN_PART_GPE') return `kb:country:${gold}`;
  if (tag.startsWith('HUMAN_PART') || tag.startsWith('NON_HUMAN_PART') || tag.startsWith('TIME_')) return `misc:${gold}`;
  return undefined;
}

interface GoldMention { readonly key: string; readonly topic: string; readonly gold: string; readonly lemma: string }

const PUBLISHED = '2000-01-01';
/** `--errors` prints, topic by topic, each wrong link (a mention joining an event none of whose mentions in other documents is its gold instance) and each missed link (a mention left out of the event that holds its gold instance from another document), with their sentences. */
const SHOW_ERRORS = process.argv.includes('--errors');
const sentenceText = new Map<string, string>();
const errorCounts = { wrong: 0, missed: 0 };

/** Wrong and missed links among a topic's observations, in merge order. */
function printErrors(rows: readonly { key: string; doc: string; event: string; reasons: readonly string[] }[]): void {
  const goldOf = new Map(goldMentions.map((m) => [m.key, m.gold]));
  const seen: typeof rows[number][] = [];
  for (const row of rows) {
    const gold = goldOf.get(row.key);
    const earlier = seen.filter((r) => r.doc !== row.doc);
    const members = earlier.filter((r) => r.event === row.event);
    const siblings = earlier.filter((r) => goldOf.get(r.key) === gold);
    if (members.length && !members.some((r) => goldOf.get(r.key) === gold)) {
      errorCounts.wrong++;
      console.log(`WRONG link (${row.reasons.join('; ')})\n  ${sentenceText.get(row.key)}\n  ${sentenceText.get(members[0]!.key)}`);
    } else if (siblings.length && !siblings.some((r) => r.event === row.event)) {
      errorCounts.missed++;
      console.log(`MISSED link\n  ${sentenceText.get(row.key)}\n  ${sentenceText.get(siblings[0]!.key)}`);
    }
    seen.push(row);
  }
}
const goldMentions: GoldMention[] = [];
const response: string[][] = [];
let observations = 0;
const started = performance.now();
for (const [topic, docs] of docsByTopic) {
  const { tx, state } = createMemoryCorpus();
  for (const doc of docs) {
    const scored = doc.mentions.filter((m) => isEvent(m.tag) && listed.has(`${doc.name}:${m.sentence}`));
    const lemmas = new Map<number, Map<string, string>>();
    const events: ObservedEvent[] = [];
    for (const m of scored) {
      if (!lemmas.has(m.sentence)) lemmas.set(m.sentence, sentenceLemmas(doc, m.sentence));
      const lemma = lemmas.get(m.sentence)!.get(m.tokens[0]!)!;
      const gold = doc.goldId.get(m.mId) ?? `${doc.name}#${m.mId}`;
      const cameo = cameoOf(doc.tokens.get(m.tokens[0]!)!.text, lemma);
      goldMentions.push({ key: `${doc.name}#${m.mId}`, topic, gold, lemma });
      if (SHOW_ERRORS) sentenceText.set(`${doc.name}#${m.mId}`, `[${m.tokens.map((t) => doc.tokens.get(t)!.text).join(' ')}] ${[...doc.tokens.values()].filter((t) => t.sentence === m.sentence).map((t) => t.text).join(' ')}`);
      const args = doc.mentions.filter((a) => a.sentence === m.sentence && !isEvent(a.tag));
      const argId = (a: Mention) => doc.goldId.get(a.mId) ?? `${doc.name}#${a.mId}`;
      const participants = args.map((a) => participantId(a.tag, argId(a))).filter((id): id is string => id !== undefined);
      // Every location of the sentence takes part as a place (the first one is also the event's place).
      for (const loc of args.filter((a) => a.tag.startsWith('LOC_'))) participants.push(`place:${placeOf(loc.tokens.map((t) => doc.tokens.get(t)!.text).join(' '), argId(loc)).gazetteerId}`);
      const location = args.find((a) => a.tag.startsWith('LOC_'));
      const place = location ? placeOf(location.tokens.map((t) => doc.tokens.get(t)!.text).join(' '), argId(location)) : undefined;
      events.push({
        observation: {
          articleId: doc.name, mentionId: m.mId, ploverType: m.tag.replace(/^NEG_/, ''), modality: m.tag.startsWith('NEG_') ? 'negated' : 'asserted',
          sourceIds: participants, targetIds: [], counts: {}, publishedAt: PUBLISHED, trigger: lemma, ...(place ? { place } : {}),
          ...(cameo ? { cameo } : {}),
        },
        reports: [{ articleId: doc.name, syndicationGroup: doc.name, chain: [], stance: 'asserted' }],
        evidence: { start: 0, end: 0 },
      });
    }
    observations += events.length;
    await linkArticle(tx, { articleId: doc.name, events });
  }
  if (SHOW_ERRORS) printErrors([...state.observations.values()].map((o) => ({ key: `${o.articleId}#${o.observation.mentionId}`, doc: o.articleId, event: o.eventId, reasons: o.reasons })));
  const byEvent = new Map<string, string[]>();
  for (const o of state.observations.values()) byEvent.set(o.eventId, [...(byEvent.get(o.eventId) ?? []), `${o.articleId}#${o.observation.mentionId}`]);
  response.push(...byEvent.values());
}
const elapsedMs = performance.now() - started;

// ---------------------------------------------------------------- scoring
const group = <T>(items: readonly T[], key: (t: T) => string): string[][] => {
  const map = new Map<string, string[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), (item as unknown as GoldMention).key]);
  return [...map.values()];
};
const keyClusters = group(goldMentions, (m) => m.gold);
const baseline = group(goldMentions, (m) => `${m.topic}\u0000${m.lemma}`);

/** CEAF-e over topics (no cluster crosses a topic on either side, so the optimal alignment splits by topic). */
function ceafByTopic(key: Clusters, resp: Clusters): Prf {
  const topicOf = (cluster: readonly string[]) => goldMentions.find((m) => m.key === cluster[0])?.topic ?? '';
  let total = 0;
  for (const topic of topics) {
    const k = key.filter((c) => topicOf(c) === topic);
    const r = resp.filter((c) => topicOf(c) === topic);
    if (k.length && r.length) total += ceafE(k, r).p * r.length;
  }
  const p = total / resp.length;
  const r = total / key.length;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function score(resp: Clusters): { muc: Prf; b3: Prf; ceafE: Prf; conllF1: number } {
  const m = muc(keyClusters, resp);
  const b = b3(keyClusters, resp);
  const c = ceafByTopic(keyClusters, resp);
  return { muc: m, b3: b, ceafE: c, conllF1: (m.f1 + b.f1 + c.f1) / 3 };
}

/** Precision and recall of the links between documents: pairs of mentions from two documents put together. */
function crossDocPairs(resp: Clusters): { precision: number; recall: number } {
  const goldOf = new Map(goldMentions.map((m) => [m.key, m.gold]));
  const docOf = (key: string) => key.slice(0, key.indexOf('#'));
  let predicted = 0;
  let correct = 0;
  for (const cluster of resp) {
    for (let i = 0; i < cluster.length; i++) {
      for (let j = i + 1; j < cluster.length; j++) {
        if (docOf(cluster[i]!) === docOf(cluster[j]!)) continue;
        predicted++;
        if (goldOf.get(cluster[i]!) === goldOf.get(cluster[j]!)) correct++;
      }
    }
  }
  let gold = 0;
  for (const cluster of keyClusters) {
    for (let i = 0; i < cluster.length; i++) for (let j = i + 1; j < cluster.length; j++) if (docOf(cluster[i]!) !== docOf(cluster[j]!)) gold++;
  }
  return { precision: predicted ? correct / predicted : 0, recall: gold ? correct / gold : 0 };
}

// ---------------------------------------------------------------- (b) end to end
/**
 * Each document's text (its sentences, tokens joined by spaces, the URL line left out) runs through the whole
 * pipeline (clean, annotate, link entities, observe events) and the merge rules, topic by topic with no date given.
 * Our event mentions are aligned to gold event mentions of the listed sentences by overlapping trigger spans; pairs of
 * aligned mentions from two documents that we put in one event are scored against the gold instances.
 */
async function endToEnd(): Promise<{ precision: number; recall: number; aligned: number; found: number; predictedPairs: number; skipped: number }> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const { stages, resources } = await composePipeline(store);
  await store.close();
  const goldByKey = new Map(goldMentions.map((m) => [m.key, m]));
  let predictedPairs = 0;
  let correctPairs = 0;
  let goldPairs = 0;
  let aligned = 0;
  let found = 0;
  let skipped = 0;
  const sentenceOf = new Map<string, string>();
  for (const [, docs] of docsByTopic) {
    const { tx, state } = createMemoryCorpus();
    const alignedKey = new Map<string, string>();
    const seen = new Set<string>();
    for (const ecb of docs) {
      const sentences = [...new Set([...ecb.tokens.values()].map((t) => t.sentence))].sort((a, b) => a - b);
      let text = '';
      const spans = new Map<string, { start: number; end: number }>();
      for (const sentence of sentences) {
        const ids = [...ecb.tokens].filter(([, t]) => t.sentence === sentence);
        if (/^https?$/i.test(ids[0]?.[1].text ?? '')) continue;
        if (text) text += '\n\n';
        ids.forEach(([id, t], i) => {
          if (i) text += ' ';
          spans.set(id, { start: text.length, end: text.length + t.text.length });
          text += t.text;
        });
      }
      let doc0;
      try {
        doc0 = createDoc(cleanArticle({ source: `${ecb.name}.txt`, format: 'text', contentType: 'text', content: text, hints: { title: ecb.name, ...(E2E_DATED ? { publishedAt: PUBLISHED } : {}) } }));
      } catch {
        // A document the clean step rejects (too short to be an article) is skipped, as ingest would.
        skipped++;
        continue;
      }
      // The same text twice is one article, stored once (as saveArticle does).
      if (seen.has(doc0.id)) {
        skipped++;
        continue;
      }
      seen.add(doc0.id);
      const doc = runStages(doc0, stages, { publishedAt: doc0.meta.publishedAt, resources }).doc;
      // The clean step may drop or reflow lines: find each gold token again in the cleaned text, in order.
      const shifted = new Map<string, { start: number; end: number }>();
      let cursor = 0;
      for (const [id, span] of [...spans].sort((a, b) => a[1].start - b[1].start)) {
        const at = doc.text.indexOf(text.slice(span.start, span.end), cursor);
        if (at < 0 || at - cursor > 200) continue;
        shifted.set(id, { start: at, end: at + span.end - span.start });
        cursor = at + span.end - span.start;
      }
      const links = linkEntities(doc.layers.entities ?? [], new Map(), doc.layers.places ?? []);
      const observed = describeObservedEvents(doc, observeEvents(doc, links, doc.id));
      found += observed.length;
      const golds = ecb.mentions.filter((m) => isEvent(m.tag) && listed.has(`${ecb.name}:${m.sentence}`));
      const taken = new Set<string>();
      for (const o of observed) {
        const trigger = (doc.layers.events ?? []).find((e) => e.id === o.observation.mentionId)?.trigger;
        if (!trigger) continue;
        const match = golds.find((g) => !taken.has(g.mId) && g.tokens.some((t) => {
          const span = shifted.get(t);
          return span !== undefined && span.start < trigger.end && span.end > trigger.start;
        }));
        if (!match) continue;
        taken.add(match.mId);
        const sentence = (doc.layers.sentences ?? []).find((x) => x.start <= trigger.start && trigger.start < x.end);
        if (sentence) sentenceOf.set(`${doc.id}\u0000${o.observation.mentionId}`, `[${doc.text.slice(trigger.start, trigger.end)}] ${doc.text.slice(sentence.start, sentence.end)}`);
        alignedKey.set(`${doc.id}\u0000${o.observation.mentionId}`, `${ecb.name}#${match.mId}`);
      }
      await linkArticle(tx, { articleId: doc.id, events: observed });
    }
    aligned += alignedKey.size;
    const rows = [...state.observations.values()].map((o) => ({ doc: o.articleId, event: o.eventId, gold: goldByKey.get(alignedKey.get(`${o.articleId}\u0000${o.observation.mentionId}`) ?? '')?.gold, key: `${o.articleId}\u0000${o.observation.mentionId}`, reasons: o.reasons }))
      .filter((r): r is { doc: string; event: string; gold: string; key: string; reasons: readonly string[] } => r.gold !== undefined);
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        if (rows[i]!.doc === rows[j]!.doc) continue;
        const isGold = rows[i]!.gold === rows[j]!.gold;
        const isPredicted = rows[i]!.event === rows[j]!.event;
        if (isGold) goldPairs++;
        if (isPredicted) predictedPairs++;
        if (isGold && isPredicted) correctPairs++;
        if (SHOW_PAIRS && isPredicted) {
          console.log(`${isGold ? 'RIGHT' : 'WRONG'} merge (${[...rows[i]!.reasons, ...rows[j]!.reasons].join('; ')})\n  ${sentenceOf.get(rows[i]!.key)}\n  ${sentenceOf.get(rows[j]!.key)}`);
        }
      }
    }
  }
  return { precision: predictedPairs ? correctPairs / predictedPairs : 0, recall: goldPairs ? correctPairs / goldPairs : 0, aligned, found, predictedPairs, skipped };
}
const E2E_DATED = !process.argv.includes('--undated');
/** `--show-pairs` prints each merged cross-document pair of aligned mentions, right or wrong, with the merge reasons. */
const SHOW_PAIRS = process.argv.includes('--show-pairs');
const e2e = process.argv.includes('--gold-only') ? undefined : await endToEnd();

const ours = score(response);
const lemma = score(baseline);
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const line = (name: string, s: ReturnType<typeof score>) =>
  `${name.padEnd(24)} MUC ${pct(s.muc.p)} ${pct(s.muc.r)} ${pct(s.muc.f1)} | B³ ${pct(s.b3.p)} ${pct(s.b3.r)} ${pct(s.b3.f1)} | CEAF-e ${pct(s.ceafE.p)} ${pct(s.ceafE.r)} ${pct(s.ceafE.f1)} | CoNLL ${pct(s.conllF1)}`;
const oursPairs = crossDocPairs(response);
const lemmaPairs = crossDocPairs(baseline);
console.log(`ECB+ ${split}: ${topics.length} topics, ${[...docsByTopic.values()].flat().length} documents, ${goldMentions.length} event mentions in listed sentences, ${keyClusters.length} gold clusters`);
console.log(`${''.padEnd(24)}       P     R    F1 |       P     R    F1 |           P     R    F1 |`);
console.log(line('merge rules', ours));
console.log(line('same lemma within topic', lemma));
console.log(`cross-document links: rules P ${pct(oursPairs.precision)} R ${pct(oursPairs.recall)}; lemma baseline P ${pct(lemmaPairs.precision)} R ${pct(lemmaPairs.recall)}`);
console.log(`${observations} observations merged in ${elapsedMs.toFixed(0)} ms`);
if (SHOW_ERRORS) console.log(`errors: ${errorCounts.wrong} wrong links, ${errorCounts.missed} missed links (mentions, against earlier mentions from other documents)`);
if (e2e) {
  console.log(`end to end: ${e2e.skipped} documents refused by the clean step or repeated; ${e2e.found} event mentions found by the coder, ${e2e.aligned} aligned to gold mentions; ${e2e.predictedPairs} cross-document pairs merged among them:` +
    ` precision ${pct(e2e.precision)}, recall ${pct(e2e.recall)} (of the gold pairs among aligned mentions)`);
}
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({
  eval: 'merge', data: `ecbplus/${split}`, mode: 'gold-mentions',
  conll_f1: round(ours.conllF1), lemma_baseline_conll_f1: round(lemma.conllF1),
  muc_f1: round(ours.muc.f1), b3_f1: round(ours.b3.f1), ceafe_f1: round(ours.ceafE.f1),
  crossdoc_link_precision: round(oursPairs.precision), crossdoc_link_recall: round(oursPairs.recall),
  ...(e2e ? { pair_precision: round(e2e.precision), pair_recall: round(e2e.recall), pairs_merged: e2e.predictedPairs, mentions_aligned: e2e.aligned } : {}),
}));
