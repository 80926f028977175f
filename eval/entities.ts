/**
 * `npm run eval:entities`: within-document entity clustering and cross-document linking on MEANTIME
 * (Wikinews, 120 English articles in four corpora), scored with MUC, B³, CEAF-e and the CoNLL average.
 *
 * Setting (stated so the figures are read right): gold mention boundaries. The stage receives the gold
 * named mentions (syntactic type NAM) with their gold class as Mentions, finds pronouns itself, and is scored
 * on the gold NAM + PRO mentions that refer to an entity. Gold pronouns it does not resolve count as singletons.
 * Beside it, a baseline that clusters names by exact lower-cased string and leaves pronouns alone.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/app/knowledge-base.js';
import { linkEntities, type KnownEntity } from '../src/corpus/link-entities/index.js';
import { translitKey } from '../src/kb/names.js';
import type { DocEntity, Mention, MentionType } from '../src/model/index.js';
import { resolveEntities } from '../src/stages/entities/index.js';
import { conll, type Clusters } from './lib/coref-metrics.js';
import { readMeantime, type MeantimeDoc } from './lib/meantime.js';

const ROOT = fileURLToPath(new URL('../../shared/data/meantime/intra_cross-doc_annotation/', import.meta.url));
if (!existsSync(ROOT)) {
  console.log(`eval:entities skipped: ${ROOT} not found (MEANTIME is only on the team's machines)`);
  process.exit(0);
}

const TYPE: Record<string, MentionType> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC' };
const kb = loadKnowledgeBase();
const scored = (m: MeantimeDoc['mentions'][number]) => m.entity !== undefined && (m.syntacticType === 'NAM' || m.syntacticType === 'PRO');

function clustersBy<T>(items: readonly T[], key: (t: T) => string | undefined, id: (t: T) => string): string[][] {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item) ?? `singleton:${id(item)}`;
    groups.set(k, [...(groups.get(k) ?? []), id(item)]);
  }
  return [...groups.values()];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

interface DocResult {
  readonly key: Clusters;
  readonly system: Clusters;
  readonly baseline: Clusters;
  readonly entities: readonly DocEntity[];
  readonly mentionIdMap: ReadonlyMap<string, string>;
}

function runDoc(doc: MeantimeDoc): DocResult {
  const gold = doc.mentions.filter(scored);
  const names = gold.filter((m) => m.syntacticType === 'NAM');
  const input: Mention[] = names.map((m) => ({ id: m.id, start: m.start, end: m.end, text: m.text, type: TYPE[m.entityType ?? ''] ?? 'MISC', tokenStart: 0, tokenEnd: 0, origin: 'ner' }));
  const sentences = doc.sentences.filter(Boolean).map((s) => ({ ...s, tokenStart: 0, tokenEnd: 0 }));
  const entities = resolveEntities(doc.text, sentences, input, kb);
  const assigned = new Map<string, string>();
  for (const e of entities) {
    for (const id of e.mentionIds) assigned.set(id, e.id);
    for (const ref of e.references) {
      const pronoun = gold.find((m) => m.syntacticType === 'PRO' && overlaps(m, ref));
      if (pronoun) assigned.set(pronoun.id, e.id);
    }
  }
  return {
    key: clustersBy(gold, (m) => m.entity, (m) => m.id),
    system: clustersBy(gold, (m) => assigned.get(m.id), (m) => m.id),
    baseline: clustersBy(gold, (m) => (m.syntacticType === 'NAM' ? m.text.toLowerCase() : undefined), (m) => m.id),
    entities,
    mentionIdMap: assigned,
  };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
}

const within = { system: [] as number[], baseline: [] as number[], muc: [] as number[], b3: [] as number[], ceaf: [] as number[] };
const cross: { corpus: string; system: number; baseline: number; mentions: number }[] = [];

for (const corpus of readdirSync(ROOT).sort()) {
  const files = readdirSync(join(ROOT, corpus)).filter((f) => f.endsWith('.xml')).sort();
  const docs = files.map((f) => readMeantime(join(ROOT, corpus, f)));
  const crossKey: { id: string; instance?: string; text: string }[] = [];
  const crossSystem = new Map<string, string>();
  const known = new Map<string, KnownEntity[]>();
  for (const doc of docs) {
    const result = runDoc(doc);
    const scores = conll(result.key, result.system);
    within.system.push(scores.conllF1);
    within.muc.push(scores.muc.f1);
    within.b3.push(scores.b3.f1);
    within.ceaf.push(scores.ceafE.f1);
    within.baseline.push(conll(result.key, result.baseline).conllF1);
    // Cross-document: link this article's entities against what earlier articles stored.
    const links = linkEntities(result.entities, known);
    for (const link of links) {
      if (link.type === 'PER' && !link.isSurnameOnly && link.surnameKey) {
        const list = known.get(link.surnameKey) ?? [];
        if (!list.some((k) => k.id === link.entityId)) list.push({ id: link.entityId, name: link.name, type: 'PER', country: link.country ?? null, isSurnameOnly: false });
        known.set(link.surnameKey, list);
      }
    }
    const canonicalOf = new Map(links.map((l) => [l.docEntityId, l.entityId]));
    for (const m of doc.mentions) {
      if (m.syntacticType !== 'NAM' || !m.instance) continue;
      crossKey.push({ id: m.id, instance: m.instance, text: m.text });
      const docEntity = result.mentionIdMap.get(m.id);
      const canonical = docEntity ? canonicalOf.get(docEntity) : undefined;
      if (canonical) crossSystem.set(m.id, canonical);
    }
  }
  const key = clustersBy(crossKey, (m) => m.instance, (m) => m.id);
  const system = clustersBy(crossKey, (m) => crossSystem.get(m.id), (m) => m.id);
  const baseline = clustersBy(crossKey, (m) => translitKey(m.text.toLowerCase()), (m) => m.id);
  cross.push({ corpus, system: conll(key, system).conllF1, baseline: conll(key, baseline).conllF1, mentions: crossKey.length });
}

const pct = (x: number) => (100 * x).toFixed(1);
console.log('MEANTIME English, gold mention boundaries (NAM + PRO mentions that refer to an entity)');
console.log(`within-document (macro over ${within.system.length} articles): MUC F1 ${pct(mean(within.muc))}  B3 F1 ${pct(mean(within.b3))}  CEAF-e F1 ${pct(mean(within.ceaf))}  CoNLL ${pct(mean(within.system))}`);
console.log(`  baseline (exact name string, pronouns unresolved): CoNLL ${pct(mean(within.baseline))}`);
console.log('cross-document, named mentions with a gold instance, per corpus (CoNLL F1):');
for (const c of cross) console.log(`  ${c.corpus.padEnd(16)} ${String(c.mentions).padStart(5)} mentions  dossier ${pct(c.system)}  baseline (same normalised string) ${pct(c.baseline)}`);
console.log('No published figure on this exact setting was found; the baseline is printed instead.');
console.log(JSON.stringify({
  eval: 'entities', data: 'meantime/en', within_conll_f1: +mean(within.system).toFixed(4), within_baseline_f1: +mean(within.baseline).toFixed(4),
  cross_conll_f1: +mean(cross.map((c) => c.system)).toFixed(4), cross_baseline_f1: +mean(cross.map((c) => c.baseline)).toFixed(4),
}));
