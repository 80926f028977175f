/**
 * `npm run eval:ner`: entity-level P/R/F1 (exact span + type, CoNLL convention) per type and overall on
 * CoNLL-2003 dev and UNER EWT dev with the shipped model, with and without document-level consistency;
 * then the PER/ORG/LOC mentions the full tokenize → sentences → ner pipeline finds in each seed article.
 * Headline figures come last as JSON lines. Skips with a message when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadNerModel, loadNlpResources } from '../src/app/nlp-models.js';
import { readPath } from '../src/ingest/read-file.js';
import { createDoc, IngestError, type MentionType } from '../src/model/index.js';
import { parseCorpus, type CorpusFormat } from '../src/nlp/ner/corpus-format.js';
import { EntityScorer } from '../src/nlp/ner/score.js';
import { DEFAULT_CONSISTENCY, tagDocument } from '../src/nlp/ner/tag-document.js';
import { chunksFromIob } from '../src/nlp/ner/tags.js';
import { createResources, runStages } from '../src/pipeline/index.js';
import { cleanArticle } from '../src/stages/clean/index.js';
import { createNer } from '../src/stages/ner/index.js';
import { createSentences } from '../src/stages/sentences/index.js';
import { createTokenize } from '../src/stages/tokenize/index.js';

const SHARED = new URL('../../shared/', import.meta.url);
const DATA = new URL('data/ner/', SHARED);
const SEEDS = new URL('corpus/seeds/', SHARED);

if (!existsSync(DATA)) {
  console.log(`eval:ner: gold data not found at ${fileURLToPath(DATA)}; skipping.`);
  process.exit(0);
}

const model = loadNerModel();
console.log(`model: ${model.info.name} v${model.info.version}, trained on ${model.info.trainedOn.join('+')}, ${model.info.featureCount} feature rows`);

const devSets: { name: string; file: string; format: CorpusFormat; types: MentionType[] }[] = [
  { name: 'conll2003/dev', file: 'conll2003/dev.conllu', format: 'conll2003', types: ['PER', 'ORG', 'LOC', 'MISC'] },
  // UNER has no MISC: its OTH is mapped to O in gold, and predicted MISC is ignored.
  { name: 'uner-ewt/dev', file: 'uner-ewt/dev.iob2', format: 'uner', types: ['PER', 'ORG', 'LOC'] },
];

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
const headlines: object[] = [];
for (const dev of devSets) {
  const docs = parseCorpus(readFileSync(new URL(dev.file, DATA), 'utf8'), dev.format, { otherAs: 'O' });
  const withRules = new EntityScorer();
  const without = new EntityScorer();
  let tokens = 0;
  const began = performance.now();
  for (const doc of docs) {
    const words = doc.sentences.map((s) => s.words);
    const predicted = tagDocument(model, words);
    const plain = tagDocument(model, words, { majorityType: false, personParts: false, repeatNames: false });
    doc.sentences.forEach((s, i) => {
      tokens += s.words.length;
      const gold = chunksFromIob(s.tags);
      withRules.add(gold, predicted[i] ?? [], dev.types);
      without.add(gold, plain[i] ?? [], dev.types);
    });
  }
  const elapsedS = (performance.now() - began) / 1000;
  console.log(`\n${dev.name}: ${docs.length} documents, ${tokens} tokens (tagged twice in ${elapsedS.toFixed(1)} s)`);
  console.log('type       P      R     F1   gold  predicted');
  for (const type of dev.types) {
    const s = withRules.score(type);
    console.log(`${type.padEnd(5)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f1)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(6)}`);
  }
  const all = withRules.score();
  const plain = without.score();
  console.log(`ALL   ${pct(all.p)} ${pct(all.r)} ${pct(all.f1)} ${String(all.gold).padStart(6)} ${String(all.predicted).padStart(6)}`);
  console.log(`without document consistency: P ${pct(plain.p)} R ${pct(plain.r)} F1 ${pct(plain.f1)}`);
  headlines.push({ eval: 'ner', data: dev.name, p: round(all.p), r: round(all.r), f1: round(all.f1), f1NoDocRules: round(plain.f1) });
}
console.log(`consistency rules: ${JSON.stringify(DEFAULT_CONSISTENCY)}`);

if (existsSync(SEEDS)) {
  const resources = createResources(loadNlpResources());
  const stages = [createTokenize(), createSentences(), createNer()];
  for (const file of readdirSync(SEEDS).sort()) {
    for await (const raw of readPath(fileURLToPath(new URL(file, SEEDS)))) {
      if (raw instanceof IngestError) {
        console.log(`\n${file}: ${raw.reason}`);
        continue;
      }
      const doc = createDoc(cleanArticle(raw));
      const { doc: done } = runStages(doc, stages, { publishedAt: doc.meta.publishedAt, resources });
      const mentions = done.layers.mentions ?? [];
      console.log(`\n${file}: ${done.layers.tokens?.length ?? 0} tokens, ${done.layers.sentences?.length ?? 0} sentences, ${mentions.length} mentions`);
      for (const type of ['PER', 'ORG', 'LOC'] as const) {
        const counts = new Map<string, number>();
        for (const m of mentions) if (m.type === type) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
        console.log(`  ${type}: ${[...counts].map(([text, n]) => (n > 1 ? `${text} ×${n}` : text)).join(' · ') || '—'}`);
      }
    }
  }
} else {
  console.log(`\nseed articles not found at ${fileURLToPath(SEEDS)}; skipping them.`);
}

console.log('');
for (const line of headlines) console.log(JSON.stringify(line));

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
