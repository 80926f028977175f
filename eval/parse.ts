/**
 * `npm run eval:parse`: attachment scores of the shipped dependency parser on UD English-EWT dev, with gold
 * tokens and sentences and UPOS from our own tagger (models/pos), and, for reference, with gold UPOS.
 * Scored words: gold UPOS is not PUNCT. UAS = right head; LAS = right head and right full relation (subtypes
 * included: "obl:tmod" ≠ "obl"), the headline; LAS on the universal part (before ":") is printed too; per-relation
 * figures are recall-style LAS on the universal part for the gold relation (src/nlp/parse/score.ts).
 * Speed: parsing alone (tags precomputed), tokens per CPU-second of this process (process.cpuUsage, user + system),
 * median of 3 runs. Headline figures come last as one JSON line. Skips with a message when ../shared is absent.
 * `--beam <k>`: decode with a beam of k (default: the width the model was trained with, info.beam, else greedy);
 * `--model <file>`: score another model file; `--tagger <file>`: tag with another POS model (experiments).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadParseModel, loadPosModel, PARSE_MODEL_PATH } from '../src/app/nlp-models.js';
import { parseSentenceBeam } from '../src/nlp/parse/beam.js';
import { UPOS_TAGS } from '../src/model/index.js';
import { xposHash } from '../src/nlp/parse/features.js';
import type { ParsedSentence } from '../src/nlp/parse/model.js';
import { addSentence, createParseScore, type ParseScore } from '../src/nlp/parse/score.js';
import { parseTreebank } from '../src/nlp/parse/treebank.js';
import { tagPosColumns } from '../src/nlp/pos/model.js';

const DEV = new URL('../../shared/data/pos/ud-ewt/dev.conllu', import.meta.url);
if (!existsSync(DEV)) {
  console.log(`eval:parse: gold data not found at ${fileURLToPath(DEV)}; skipping.`);
  process.exit(0);
}

const RELATIONS = ['nsubj', 'obj', 'iobj', 'obl', 'nmod', 'ccomp', 'xcomp', 'advcl', 'conj', 'appos'];
const dev = parseTreebank(readFileSync(DEV, 'utf8'));
const tagIndex = new Map<string, number>(UPOS_TAGS.map((tag, i) => [tag, i]));
const loadBegan = performance.now();
const argv = process.argv.slice(2);
const modelPath = argv.includes('--model') ? argv[argv.indexOf('--model') + 1]! : PARSE_MODEL_PATH;
const model = loadParseModel(modelPath);
const beam = argv.includes('--beam') ? Number(argv[argv.indexOf('--beam') + 1]) : Number(model.info.beam ?? 1);
const loadMs = performance.now() - loadBegan;
const tagger = loadPosModel(argv.includes('--tagger') ? argv[argv.indexOf('--tagger') + 1]! : undefined);
const predictedColumns = dev.map((s) => tagPosColumns(tagger, s.words));
const predictedTags = predictedColumns.map((columns) => Uint8Array.from(columns, (c) => tagger.upos[c]!));
// PTB tags for a parser trained with them: the fine-tag tagger's, and gold ones beside gold UPOS.
const usesXpos = model.info.featureGroups?.includes('xpos') ?? false;
const predictedXpos = usesXpos ? predictedColumns.map((columns) => Uint32Array.from(columns, (c) => xposHash(tagger.info.tags[c]!.split('/')[1] ?? '_'))) : undefined;
const goldXpos = usesXpos ? dev.map((s) => Uint32Array.from(s.xpos, xposHash)) : undefined;
const goldTags = dev.map((s) => Uint8Array.from(s.upos, (tag) => tagIndex.get(tag) ?? 0));
const tokenCount = dev.reduce((n, s) => n + s.words.length, 0);
let posRight = 0;
dev.forEach((_, i) => goldTags[i]!.forEach((tag, k) => (posRight += tag === predictedTags[i]![k] ? 1 : 0)));
console.log(`model: ${model.info.name} v${model.info.version}, trained on ${model.info.trainedOn.join(', ')}, ${model.info.epochs} epochs, seed ${model.info.seed}; ${(statSync(modelPath).size / 1024).toFixed(0)} KiB, loaded in ${loadMs.toFixed(0)} ms; decoding with a beam of ${beam}`);
console.log(`ud-ewt dev: ${dev.length} sentences, ${tokenCount} words; our UPOS accuracy ${(100 * posRight / tokenCount).toFixed(2)} %`);

const pct = (x: number): number => +(100 * x).toFixed(2);

function scoreWith(tags: readonly Uint8Array[], xpos: readonly Uint32Array[] | undefined): { score: ParseScore; trees: ParsedSentence[] } {
  const score = createParseScore();
  const trees = dev.map((s, i) => parseSentenceBeam(model, s.words, tags[i]!, xpos?.[i], beam));
  dev.forEach((s, i) => addSentence(score, s, trees[i]!));
  return { score, trees };
}

function report(name: string, score: ParseScore): void {
  console.log(
    `${name}: UAS ${pct(score.headRight / score.words)}  LAS ${pct(score.labelledRight / score.words)}  LAS(universal) ${pct(score.universalRight / score.words)}  ` +
      `(${score.words} non-punctuation words; LAS with punctuation ${pct(score.allLabelledRight / score.allWords)})`,
  );
}

const predicted = scoreWith(predictedTags, predictedXpos).score;
const gold = scoreWith(goldTags, goldXpos).score;
report('predicted UPOS', predicted);
report(usesXpos ? 'gold UPOS+XPOS' : 'gold UPOS     ', gold);
console.log('per relation (predicted UPOS; gold relation universal part; LAS on the universal part):');
for (const relation of RELATIONS) {
  const entry = predicted.byRelation.get(relation) ?? { gold: 0, right: 0 };
  console.log(`  ${relation.padEnd(6)} ${String(entry.gold).padStart(5)} words  LAS ${entry.gold > 0 ? pct(entry.right / entry.gold).toFixed(2) : '—'}`);
}

// Speed of parsing alone: CPU time of this process, median of 3 runs after a warm-up.
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
const rates: number[] = [];
for (let run = 0; run < 4; run++) {
  const began = cpuSeconds();
  for (let i = 0; i < dev.length; i++) parseSentenceBeam(model, dev[i]!.words, predictedTags[i]!, predictedXpos?.[i], beam);
  if (run > 0) rates.push(tokenCount / (cpuSeconds() - began));
}
rates.sort((a, b) => a - b);
const tokensPerS = Math.round(rates[1]!);
console.log(`speed: ${tokensPerS} tokens per CPU-second (parsing alone, median of 3)`);

const ratio = (x: number): number => +x.toFixed(4);
const perRelation = Object.fromEntries(RELATIONS.map((r) => {
  const entry = predicted.byRelation.get(r) ?? { gold: 0, right: 0 };
  return [r, entry.gold > 0 ? ratio(entry.right / entry.gold) : null];
}));
console.log(JSON.stringify({
  eval: 'parse',
  data: 'ud-ewt/dev',
  pos: 'predicted',
  beam,
  uas: ratio(predicted.headRight / predicted.words),
  las: ratio(predicted.labelledRight / predicted.words),
  las_universal: ratio(predicted.universalRight / predicted.words),
  uas_gold_pos: ratio(gold.headRight / gold.words),
  las_gold_pos: ratio(gold.labelledRight / gold.words),
  per_relation_las: perRelation,
  tokens_per_s: tokensPerS,
}));
