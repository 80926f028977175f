/**
 * `npm run eval:ner`: entity-level P/R/F1 (exact span + type, CoNLL convention) per type and overall on five
 * dev sets with the shipped model, with and without document-level consistency, and tagging speed in tokens
 * per CPU-second; then the PER/ORG/LOC mentions the full tokenize → sentences → ner pipeline finds in each
 * seed article. One JSON line per set (`data` names it), then a summary JSON line, come last.
 *
 * Type maps (src/nlp/ner/corpus-format.ts TYPE_MAPS), and the types each set is scored on:
 *  - CoNLL-2003 dev: PER/ORG/LOC/MISC as annotated.
 *  - UNER EWT dev: PER/ORG/LOC; OTH → O (it is not CoNLL's MISC), predicted MISC ignored.
 *  - BTC dev: PER/ORG/LOC as annotated; predicted MISC ignored.
 *  - CrossNER politics dev: politician/person → PER, politicalparty/organisation → ORG, country/location → LOC,
 *    election/event/misc → MISC; scored on all four.
 *  - WNUT-17 dev: person → PER, corporation/group → ORG, location → LOC, creative-work/product → O;
 *    predicted MISC ignored.
 * `--model <file>` scores another model file (a candidate from `train:ner --out`) instead of the shipped one.
 * Skips with a message when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadNerModel, loadNlpResources } from '../src/app/nlp-models.js';
import { readPath } from '../src/ingest/read-file.js';
import { createDoc, IngestError } from '../src/model/index.js';
import { NER_CORPORA } from '../src/nlp/ner/corpora.js';
import { parseCorpus } from '../src/nlp/ner/corpus-format.js';
import { scoreNerSet } from '../src/nlp/ner/evaluate.js';
import { DEFAULT_CONSISTENCY, NO_CONSISTENCY } from '../src/nlp/ner/tag-document.js';
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

const modelArg = process.argv.indexOf('--model');
const model = modelArg >= 0 && process.argv[modelArg + 1] ? loadNerModel(process.argv[modelArg + 1]) : loadNerModel();
console.log(`model: ${model.info.name} v${model.info.version}, trained on ${model.info.trainedOn.join('+')}, ${model.info.featureCount} feature rows`);

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
/** The JSON line of one set. */
interface SetHeadline {
  readonly eval: 'ner';
  readonly data: string;
  readonly p: number;
  readonly r: number;
  readonly f1: number;
  readonly f1NoDocRules: number;
  readonly tokensPerCpuSecond: number;
}
const headlines: SetHeadline[] = [];
let allTokens = 0;
let allCpuS = 0;
for (const corpus of NER_CORPORA) {
  const file = new URL(corpus.devFile, DATA);
  if (!existsSync(file)) {
    console.log(`\n${corpus.devName}: not found at ${fileURLToPath(file)}; skipped.`);
    continue;
  }
  const docs = parseCorpus(readFileSync(file, 'utf8'), corpus.format, { otherAs: 'O' });
  const cpuBefore = process.cpuUsage();
  const { scorer, tokens } = scoreNerSet(model, docs, corpus.types);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  allTokens += tokens;
  allCpuS += cpuS;
  const plain = scoreNerSet(model, docs, corpus.types, NO_CONSISTENCY).scorer.score();
  console.log(`\n${corpus.devName}: ${docs.length} documents, ${tokens} tokens, ${Math.round(tokens / cpuS)} tokens per CPU-second (scored on ${corpus.types.join('/')})`);
  console.log('type       P      R     F1   gold  predicted');
  for (const type of corpus.types) {
    const s = scorer.score(type);
    console.log(`${type.padEnd(5)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f1)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(6)}`);
  }
  const all = scorer.score();
  console.log(`ALL   ${pct(all.p)} ${pct(all.r)} ${pct(all.f1)} ${String(all.gold).padStart(6)} ${String(all.predicted).padStart(6)}`);
  console.log(`without document consistency: P ${pct(plain.p)} R ${pct(plain.r)} F1 ${pct(plain.f1)}`);
  headlines.push({ eval: 'ner', data: corpus.devName, p: round(all.p), r: round(all.r), f1: round(all.f1), f1NoDocRules: round(plain.f1), tokensPerCpuSecond: Math.round(tokens / cpuS) });
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
const macroF1 = headlines.length > 0 ? headlines.reduce((sum, h) => sum + h.f1, 0) / headlines.length : 0;
console.log(JSON.stringify({ eval: 'ner', data: 'summary', f1: Object.fromEntries(headlines.map((h) => [h.data, h.f1])), macroF1: round(macroF1), tokensPerCpuSecond: Math.round(allTokens / allCpuS) }));

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
