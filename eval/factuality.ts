/**
 * `npm run eval:factuality`: event modality against MEANTIME's factuality attributes (certainty, polarity, time)
 * on the events both Dossier and the annotators found.
 *
 * Setting (stated so the figures are read right): the full default pipeline runs on each MEANTIME English
 * article (intra-doc annotation, the corpora present under ../shared/data/meantime/), rebuilt as prose from its
 * tokens, with the creation-time TIMEX3 as publication date. Our event mentions (distinct trigger spans; the
 * paired reverse events of [032:033] codes share one) are matched one to one to gold EVENT_MENTIONs by character
 * overlap of trigger and gold token span; MEANTIME annotates only the title, dateline and first four body
 * sentences, so our triggers after those are left out of trigger precision. Our modality is mapped to MEANTIME's attributes by
 * MODALITY_TO_FACTUALITY (eval/lib/factuality.ts) and scored on the matched events, each attribute where the gold
 * value is not empty; beside it, the majority class (CERTAIN / POS / NON_FUTURE) on the same events.
 * A second table scores the same modality rules (modalityOfToken, src/stages/events) on EVERY gold verb event
 * with the three attributes, coded by us or not: the rules read each verb's sentence from our tokens, with no
 * subject known (the coder also stops the backward walk at the subject it found).
 * Flags: --examples N error excerpts per kind (default 3; 0 for none), --limit N first N articles, --list every
 * matched event with both labels, --list-verbs every gold verb with both labels, --cue-examples N excerpts per
 * cell of the gold cue profile.
 * The last line is one JSON object.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefaultResources } from '../src/app/resources.js';
import { createDoc, type Doc, type EventMention, type Modality, type TimeExpr } from '../src/model/index.js';
import { defaultStages, runStages } from '../src/pipeline/index.js';
import { modalityOfToken } from '../src/stages/events/index.js';
import { Confusion, MAJORITY, MODALITY_TO_FACTUALITY, cueBefore, matchByOverlap, modalityOfFactuality, type Cue, type Factuality } from './lib/factuality.js';
import { readMeantime } from './lib/meantime.js';
import { annotatedEnd, goldEventMentions, proseOf, type GoldEventMention } from './lib/meantime-events.js';

const ROOT = fileURLToPath(new URL('../../shared/data/meantime/intra-doc_annotation/', import.meta.url));
if (!existsSync(ROOT)) {
  console.log(`eval:factuality skipped: ${ROOT} not found (MEANTIME is only on the team's machines)`);
  process.exit(0);
}

const numberArg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
};
const examplesPerKind = numberArg('--examples', 3);
const limit = numberArg('--limit', Infinity);
const isListing = process.argv.includes('--list');
const isListingVerbs = process.argv.includes('--list-verbs');

type Attribute = keyof Factuality;
const ATTRIBUTES: readonly Attribute[] = ['certainty', 'polarity', 'time'];
const ORDER: Record<Attribute, string[]> = {
  certainty: ['CERTAIN', 'PROBABLE', 'POSSIBLE', 'UNDERSPECIFIED'],
  polarity: ['POS', 'NEG', 'UNDERSPECIFIED'],
  time: ['NON_FUTURE', 'FUTURE', 'UNDERSPECIFIED'],
};
/** The classes a modality reader exists to find: everything but the default value. */
const MARKED: Record<Attribute, { name: string; members: string[] }> = {
  certainty: { name: 'non-CERTAIN', members: ['PROBABLE', 'POSSIBLE', 'UNDERSPECIFIED'] },
  polarity: { name: 'NEG', members: ['NEG'] },
  time: { name: 'FUTURE', members: ['FUTURE'] },
};
const MODALITY_ORDER = ['asserted', 'negated', 'hypothetical', 'planned'];

const files: { corpus: string; path: string }[] = [];
for (const corpus of readdirSync(ROOT).sort()) {
  for (const f of readdirSync(join(ROOT, corpus)).filter((x) => x.endsWith('.xml')).sort()) files.push({ corpus, path: join(ROOT, corpus, f) });
}

const began = performance.now();
const resources = await loadDefaultResources();
const stages = defaultStages();

const ours = Object.fromEntries(ATTRIBUTES.map((a) => [a, new Confusion()])) as Record<Attribute, Confusion>;
const baseline = Object.fromEntries(ATTRIBUTES.map((a) => [a, new Confusion()])) as Record<Attribute, Confusion>;
const modality = new Confusion();
const modalityBaseline = new Confusion();
/** Gold attribute distribution over all gold events, to compare with the matched ones. */
const goldAll = Object.fromEntries(ATTRIBUTES.map((a) => [a, new Map<string, number>()])) as Record<Attribute, Map<string, number>>;
const ourModalities = new Map<string, number>();
const matchedByPos = new Map<string, { gold: number; matched: number }>();
const examples = new Map<string, string[]>();
const unmatchedOurs = new Map<string, string[]>();
/** Every gold verb event with all three attributes, by its read-back label: the cue before it, and whether our time layer finds a date after publication in its sentence. */
const cueTable = new Confusion();
const cueExamples = new Map<string, string[]>();
const cueExamplesPerCell = numberArg('--cue-examples', 0);
const laterDate = new Map<string, { n: number; later: number; laterNoCue: number; noCue: number }>();
/** The rules on every gold verb event with the three attributes: per attribute, and read back as one label. */
const allVerbs = Object.fromEntries(ATTRIBUTES.map((a) => [a, new Confusion()])) as Record<Attribute, Confusion>;
const allVerbsBaseline = Object.fromEntries(ATTRIBUTES.map((a) => [a, new Confusion()])) as Record<Attribute, Confusion>;
const allVerbsModality = new Confusion();
const allVerbsModalityBaseline = new Confusion();
const allVerbsExamples = new Map<string, string[]>();
let allVerbsUnaligned = 0;
let scoredEvents = 0;
let goldEvents = 0;
let goldWithFactuality = 0;
let goldWithFactualityMatched = 0;
let goldMatched = 0;
let ourTriggers = 0;
let ourMatched = 0;
let sameTriggerDisagree = 0;
let docsWithEvents = 0;
let outsideTriggers = 0;
let failures = 0;

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** ≤ 80 characters of context around a span on its line, the span in [brackets]. */
function excerpt(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  const room = Math.max(0, 80 - (end - start) - 2);
  const from = Math.max(lineStart, start - Math.ceil(room / 2));
  const to = Math.min(lineEnd, end + (room - (start - from)));
  return `${from > lineStart ? '…' : ''}${text.slice(from, start)}[${text.slice(start, end)}]${text.slice(end, to)}${to < lineEnd ? '…' : ''}`;
}

/** Distinct trigger spans; events sharing one (paired reverse codings) count once, with the first modality. */
function distinctTriggers(events: readonly EventMention[]): { start: number; end: number; modality: Modality }[] {
  const byKey = new Map<string, { start: number; end: number; modality: Modality }>();
  for (const e of events) {
    const key = `${e.trigger.start}:${e.trigger.end}`;
    const seen = byKey.get(key);
    if (seen && seen.modality !== e.modality) sameTriggerDisagree++;
    if (!seen) byKey.set(key, { start: e.trigger.start, end: e.trigger.end, modality: e.modality });
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start);
}

function score(gold: GoldEventMention, ourModality: Modality, text: string, where: string): void {
  const predicted = MODALITY_TO_FACTUALITY[ourModality];
  if (gold.certainty || gold.polarity || gold.time) scoredEvents++;
  if (isListing) console.log(`  ${ourModality.padEnd(12)} gold ${gold.certainty ?? '-'}/${gold.polarity ?? '-'}/${gold.time ?? '-'}  ${where}@${gold.start}  ${excerpt(text, gold.start, gold.end)}`);
  for (const a of ATTRIBUTES) {
    const g = gold[a];
    if (!g) continue;
    ours[a].add(g, predicted[a]);
    baseline[a].add(g, MAJORITY[a]);
    if (g !== predicted[a]) {
      const kind = `${a}: gold ${g}, ours ${predicted[a]} (${ourModality})`;
      const list = examples.get(kind) ?? [];
      list.push(`${where}@${gold.start}  ${excerpt(text, gold.start, gold.end)}`);
      examples.set(kind, list);
    }
  }
  if (gold.certainty && gold.polarity && gold.time) {
    const g = modalityOfFactuality(gold as Factuality);
    modality.add(g, ourModality === 'ongoing' ? 'asserted' : ourModality);
    modalityBaseline.add(g, 'asserted');
  }
}

/** True when a date value ('2008-11', '2008-11-11') lies after the publication date at the value's own granularity. */
function isAfter(value: string, publishedAt: string): boolean {
  const m = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(value);
  return m !== null && m[0] > publishedAt.slice(0, m[0].length);
}

function profileCues(mt: ReturnType<typeof readMeantime>, prose: ReturnType<typeof proseOf>, gold: readonly GoldEventMention[], times: readonly TimeExpr[], publishedAt: string | undefined): void {
  const bySentence = new Map<number, { id: string; word: string; start: number; end: number }[]>();
  for (const t of mt.tokens) {
    const span = prose.tokenSpans.get(t.id)!;
    const list = bySentence.get(t.sentence) ?? [];
    list.push({ id: t.id, word: prose.text.slice(span.start, span.end), ...span });
    bySentence.set(t.sentence, list);
  }
  const sentenceOfStart = new Map(mt.tokens.map((t) => [prose.tokenSpans.get(t.id)!.start, t.sentence]));
  for (const g of gold) {
    // Verbs only: before a noun the window runs into its own phrase ("to protect the Air Force's [interests]").
    if (!g.certainty || !g.polarity || !g.time || g.pos !== 'VERB') continue;
    const sentence = bySentence.get(sentenceOfStart.get(g.parts[0]!.start) ?? -1);
    if (!sentence) continue;
    const at = sentence.findIndex((t) => t.start === g.parts[0]!.start);
    const cue: Cue = cueBefore(sentence.map((t) => t.word), at);
    const label = modalityOfFactuality(g as Factuality);
    cueTable.add(label, cue);
    if (label !== 'asserted' || cue !== 'none') {
      const cell = `gold ${label}, cue ${cue}`;
      cueExamples.set(cell, [...(cueExamples.get(cell) ?? []), `${mt.id}@${g.start}  ${excerpt(prose.text, g.start, g.end)}`]);
    }
    const from = sentence[0]!.start;
    const to = sentence[sentence.length - 1]!.end;
    const isLater = publishedAt !== undefined && times.some((t) => t.start >= from && t.end <= to && (t.type === 'DATE' || t.type === 'TIME') && isAfter(t.value, publishedAt));
    const row = laterDate.get(label) ?? { n: 0, later: 0, laterNoCue: 0, noCue: 0 };
    row.n++;
    if (isLater) row.later++;
    if (cue === 'none') row.noCue++;
    if (cue === 'none' && isLater) row.laterNoCue++;
    laterDate.set(label, row);
  }
}

/** The doc token holding character `at`, by binary search over token starts; -1 when `at` falls between tokens. */
function tokenAt(doc: Doc, at: number): number {
  const t = doc.layers.tokens!;
  let lo = 0;
  let hi = t.start.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid]! > at) hi = mid - 1;
    else if (t.end[mid]! <= at) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Scores the modality rules on every gold verb event with the three attributes, at the token of its first part. */
function scoreAllVerbs(doc: Doc, gold: readonly GoldEventMention[], where: string): void {
  for (const g of gold) {
    if (!g.certainty || !g.polarity || !g.time || g.pos !== 'VERB') continue;
    const token = tokenAt(doc, g.parts[0]!.start);
    const ourModality = token >= 0 ? modalityOfToken(doc, token) : undefined;
    if (!ourModality) {
      allVerbsUnaligned++;
      continue;
    }
    const predicted = MODALITY_TO_FACTUALITY[ourModality];
    for (const a of ATTRIBUTES) {
      allVerbs[a].add(g[a]!, predicted[a]);
      allVerbsBaseline[a].add(g[a]!, MAJORITY[a]);
    }
    const label = modalityOfFactuality(g as Factuality);
    const ours = ourModality === 'ongoing' ? 'asserted' : ourModality;
    allVerbsModality.add(label, ours);
    allVerbsModalityBaseline.add(label, 'asserted');
    const line = `${where}@${g.start}  ${excerpt(doc.text, g.start, g.end)}`;
    if (isListingVerbs) console.log(`  ${(label === ours ? '' : '✗ ').padStart(2)}${ourModality.padEnd(12)} gold ${g.certainty}/${g.polarity}/${g.time}  ${line}`);
    if (label !== ours) {
      const kind = `gold ${label}, ours ${ours}`;
      allVerbsExamples.set(kind, [...(allVerbsExamples.get(kind) ?? []), line]);
    }
  }
}

for (const file of files.slice(0, limit)) {
  const mt = readMeantime(file.path);
  const prose = proseOf(mt);
  const gold = goldEventMentions(mt, prose);
  const publishedAt = mt.dct && /^\d{4}-\d{2}-\d{2}/.test(mt.dct) ? mt.dct : undefined;
  const doc = createDoc({ text: prose.text, meta: { source: file.path, format: 'text', language: 'en', ...(publishedAt ? { publishedAt } : {}) } });
  let events: readonly EventMention[];
  let times: readonly TimeExpr[];
  let annotated: Doc;
  try {
    annotated = runStages(doc, stages, { publishedAt, resources }).doc;
    events = annotated.layers.events ?? [];
    times = annotated.layers.times ?? [];
  } catch (cause) {
    failures++;
    console.log(`  ${file.corpus}/${mt.id}: pipeline failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    continue;
  }
  // MEANTIME annotates only the first sentences: our triggers after them are neither right nor wrong.
  const scoredEnd = annotatedEnd(mt, prose);
  const allTriggers = distinctTriggers(events);
  const triggers = allTriggers.filter((t) => t.end <= scoredEnd);
  outsideTriggers += allTriggers.length - triggers.length;
  if (triggers.length) docsWithEvents++;
  for (const t of triggers) bump(ourModalities, t.modality);
  for (const g of gold) {
    for (const a of ATTRIBUTES) {
      const v = g[a];
      if (v) bump(goldAll[a], v);
    }
  }
  const pairs = matchByOverlap(triggers, gold);
  goldEvents += gold.length;
  ourTriggers += triggers.length;
  goldMatched += pairs.length;
  ourMatched += pairs.length;
  const matchedGold = new Set(pairs.map(([, g]) => g));
  gold.forEach((g, i) => {
    const k = g.pos ?? '(none)';
    const row = matchedByPos.get(k) ?? { gold: 0, matched: 0 };
    row.gold++;
    if (matchedGold.has(i)) row.matched++;
    matchedByPos.set(k, row);
  });
  gold.forEach((g, i) => {
    if (!g.certainty && !g.polarity && !g.time) return;
    goldWithFactuality++;
    if (matchedGold.has(i)) goldWithFactualityMatched++;
  });
  const matchedOurs = new Set(pairs.map(([s]) => s));
  triggers.forEach((t, i) => {
    if (matchedOurs.has(i)) return;
    const list = unmatchedOurs.get(t.modality) ?? [];
    list.push(`${file.corpus}/${mt.id}@${t.start}  ${excerpt(prose.text, t.start, t.end)}`);
    unmatchedOurs.set(t.modality, list);
  });
  profileCues(mt, prose, gold, times, publishedAt);
  scoreAllVerbs(annotated, gold, `${file.corpus}/${mt.id}`);
  for (const [s, g] of pairs) score(gold[g]!, triggers[s]!.modality, prose.text, `${file.corpus}/${mt.id}`);
}

const elapsedS = (performance.now() - began) / 1000;
const articles = Math.min(files.length, limit);
const pct = (x: number) => (100 * x).toFixed(1);
const ratio = (n: number, d: number) => `${n}/${d} = ${d ? pct(n / d) : '–'} %`;
const dist = (m: Map<string, number>, order: string[]) => {
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  return [...order.filter((k) => m.has(k)), ...[...m.keys()].filter((k) => !order.includes(k))].map((k) => `${k} ${m.get(k)} (${pct(m.get(k)! / total)} %)`).join(', ');
};

console.log(`MEANTIME English, intra-doc annotation: ${articles} articles (${files.map((f) => f.corpus).filter((c, i, all) => all.indexOf(c) === i).join(', ')}), ${failures} failed, ${elapsedS.toFixed(1)} s`);
console.log('Mapping (ours → certainty / polarity / time):');
for (const [m, f] of Object.entries(MODALITY_TO_FACTUALITY)) console.log(`  ${m.padEnd(13)} → ${f.certainty} / ${f.polarity} / ${f.time}`);
console.log('Gold attributes over all gold event mentions (empty values left out):');
for (const a of ATTRIBUTES) console.log(`  ${a.padEnd(10)} ${dist(goldAll[a], ORDER[a])}`);
console.log(`Our event mentions in the annotated part (title, dateline, first sentences): ${ourTriggers} distinct triggers in ${docsWithEvents} articles (${outsideTriggers} more after it, not scored); modality ${dist(ourModalities, ['asserted', 'ongoing', 'negated', 'hypothetical', 'planned'])}${sameTriggerDisagree ? `; ${sameTriggerDisagree} shared triggers with differing modality` : ''}`);
console.log('Triggers (one-to-one, any character overlap):');
console.log(`  trigger recall    (gold events we found)        ${ratio(goldMatched, goldEvents)}`);
console.log(`    of gold events with factuality attributes        ${ratio(goldWithFactualityMatched, goldWithFactuality)}`);
console.log(`  trigger precision (our triggers on a gold event) ${ratio(ourMatched, ourTriggers)}`);
console.log(`  recall by gold pos: ${[...matchedByPos].sort((a, b) => b[1].gold - a[1].gold).map(([k, v]) => `${k} ${ratio(v.matched, v.gold)}`).join(' · ')}`);

console.log(`\nFactuality on the ${goldMatched} matched events, ${scoredEvents} with factuality attributes (each attribute where gold is not empty):`);
for (const a of ATTRIBUTES) {
  const c = ours[a];
  const marked = c.prf(MARKED[a].members);
  const base = baseline[a].prf(MARKED[a].members);
  console.log(`\n${a}: accuracy ours ${pct(c.accuracy())} % · majority baseline ${pct(baseline[a].accuracy())} %  (n = ${c.total})`);
  console.log(`  ${MARKED[a].name}: ours P ${pct(marked.p)} R ${pct(marked.r)} F1 ${pct(marked.f1)} (tp ${marked.tp}, predicted ${marked.predicted}, gold ${marked.gold}) · baseline F1 ${pct(base.f1)}`);
  for (const line of c.format(ORDER[a])) console.log(`  ${line}`);
}
console.log(`\nmodality (gold attributes read back as one label: NEG → negated, PROBABLE/POSSIBLE → hypothetical, FUTURE → planned; ours ongoing → asserted):`);
console.log(`  accuracy ours ${pct(modality.accuracy())} % · baseline ${pct(modalityBaseline.accuracy())} %; macro F1 over gold labels ours ${pct(modality.macroF1())} · baseline ${pct(modalityBaseline.macroF1())}  (n = ${modality.total})`);
for (const l of modality.labels(MODALITY_ORDER)) {
  if (!modality.counts.has(l)) continue;
  const r = modality.prf([l]);
  console.log(`  ${l.padEnd(13)} P ${pct(r.p)} R ${pct(r.r)} F1 ${pct(r.f1)} (tp ${r.tp}, predicted ${r.predicted}, gold ${r.gold})`);
}
for (const line of modality.format(MODALITY_ORDER)) console.log(`  ${line}`);

if (examplesPerKind > 0 && examples.size) {
  console.log(`\nErrors by kind (count; up to ${examplesPerKind} excerpts, gold span in [brackets]):`);
  for (const [kind, list] of [...examples].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${kind}: ${list.length}`);
    for (const e of list.slice(0, examplesPerKind)) console.log(`    ${e}`);
  }
}

console.log(`\nThe same rules on ALL gold verb events (pos VERB) with the three attributes, coded by us or not (n = ${allVerbsModality.total}${allVerbsUnaligned ? `; ${allVerbsUnaligned} not on one of our tokens, left out` : ''}; no subject known):`);
for (const a of ATTRIBUTES) {
  const c = allVerbs[a];
  const marked = c.prf(MARKED[a].members);
  const base = allVerbsBaseline[a].prf(MARKED[a].members);
  console.log(`  ${a.padEnd(10)} accuracy ours ${pct(c.accuracy())} % · majority baseline ${pct(allVerbsBaseline[a].accuracy())} % · ${MARKED[a].name} P ${pct(marked.p)} R ${pct(marked.r)} F1 ${pct(marked.f1)} (tp ${marked.tp}, predicted ${marked.predicted}, gold ${marked.gold}) · baseline F1 ${pct(base.f1)}`);
  for (const l of ORDER[a]) {
    const r = c.prf([l]);
    if (r.gold || r.predicted) console.log(`    ${l.padEnd(15)} P ${pct(r.p)} R ${pct(r.r)} F1 ${pct(r.f1)} (tp ${r.tp}, predicted ${r.predicted}, gold ${r.gold})`);
  }
}
console.log(`  modality read back: accuracy ours ${pct(allVerbsModality.accuracy())} % · baseline ${pct(allVerbsModalityBaseline.accuracy())} %; macro F1 over gold labels ours ${pct(allVerbsModality.macroF1())} · baseline ${pct(allVerbsModalityBaseline.macroF1())}`);
for (const l of allVerbsModality.labels(MODALITY_ORDER)) {
  const r = allVerbsModality.prf([l]);
  console.log(`    ${l.padEnd(13)} P ${pct(r.p)} R ${pct(r.r)} F1 ${pct(r.f1)} (tp ${r.tp}, predicted ${r.predicted}, gold ${r.gold})`);
}
for (const line of allVerbsModality.format(MODALITY_ORDER)) console.log(`    ${line}`);
if (examplesPerKind > 0 && allVerbsExamples.size) {
  console.log(`  errors by kind (count; up to ${examplesPerKind} excerpts, gold span in [brackets]; --list-verbs for all):`);
  for (const [kind, list] of [...allVerbsExamples].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`    ${kind}: ${list.length}`);
    for (const e of list.slice(0, examplesPerKind)) console.log(`      ${e}`);
  }
}

console.log('\nHow the gold classes are expressed, over ALL gold verb events (pos VERB) with the three attributes, matched or not:');
console.log('  rows: gold read back as one label; columns: strongest cue among the ≤ 6 words before the event in its clause (eval/lib/factuality.ts cueBefore)');
const CUE_ORDER: Cue[] = ['negation', 'if/whether', 'will', 'would', 'may/might', 'can/could', 'should/must', 'be/going to', 'plan-verb to', 'bare to', 'future modifier', 'none'];
for (const line of cueTable.format(MODALITY_ORDER, CUE_ORDER.filter((c) => cueTable.labels().includes(c)))) console.log(`  ${line}`);
console.log('  a date after publication (our time layer) in the same sentence:');
for (const l of MODALITY_ORDER) {
  const r = laterDate.get(l);
  if (r) console.log(`    ${l.padEnd(13)} ${ratio(r.later, r.n)}; among those with no cue ${ratio(r.laterNoCue, r.noCue)}`);
}

if (cueExamplesPerCell > 0) {
  for (const [cell, list] of [...cueExamples].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`  ${cell}: ${list.length}`);
    for (const e of list.slice(0, cueExamplesPerCell)) console.log(`    ${e}`);
  }
}

if (examplesPerKind > 0 && unmatchedOurs.size) {
  console.log(`\nOur triggers on no gold event, by modality (count; up to ${examplesPerKind} excerpts, our trigger in [brackets]):`);
  for (const [m, list] of [...unmatchedOurs].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${m}: ${list.length}`);
    for (const e of list.slice(0, examplesPerKind)) console.log(`    ${e}`);
  }
}

const round = (x: number) => +x.toFixed(4);
console.log(JSON.stringify({
  eval: 'factuality',
  data: 'meantime/en',
  articles,
  gold_events: goldEvents,
  our_triggers: ourTriggers,
  events_matched: goldMatched,
  events_scored: scoredEvents,
  trigger_recall: round(goldEvents ? goldMatched / goldEvents : 0),
  trigger_precision: round(ourTriggers ? ourMatched / ourTriggers : 0),
  polarity_acc: round(ours.polarity.accuracy()),
  certainty_acc: round(ours.certainty.accuracy()),
  time_acc: round(ours.time.accuracy()),
  baseline_polarity_acc: round(baseline.polarity.accuracy()),
  baseline_certainty_acc: round(baseline.certainty.accuracy()),
  baseline_time_acc: round(baseline.time.accuracy()),
  modality_macro_f1: round(modality.macroF1()),
  baseline_modality_macro_f1: round(modalityBaseline.macroF1()),
  neg_f1: round(ours.polarity.prf(MARKED.polarity.members).f1),
  non_certain_f1: round(ours.certainty.prf(MARKED.certainty.members).f1),
  future_f1: round(ours.time.prf(MARKED.time.members).f1),
  all_verbs: allVerbsModality.total,
  all_verbs_polarity_acc: round(allVerbs.polarity.accuracy()),
  all_verbs_certainty_acc: round(allVerbs.certainty.accuracy()),
  all_verbs_time_acc: round(allVerbs.time.accuracy()),
  all_verbs_modality_acc: round(allVerbsModality.accuracy()),
  all_verbs_modality_macro_f1: round(allVerbsModality.macroF1()),
  all_verbs_baseline_modality_macro_f1: round(allVerbsModalityBaseline.macroF1()),
  all_verbs_neg_f1: round(allVerbs.polarity.prf(MARKED.polarity.members).f1),
  all_verbs_non_certain_f1: round(allVerbs.certainty.prf(MARKED.certainty.members).f1),
  all_verbs_future_f1: round(allVerbs.time.prf(MARKED.time.members).f1),
}));
