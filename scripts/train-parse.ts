/**
 * Trains the shipped dependency parser: `npm run train:parse [-- --epochs 10 --seed 13 --pos jackknife]`.
 * Reads UD English-EWT train from ../shared/data/pos/ud-ewt/, tags it with our own POS tagger so the parser
 * learns from tags as noisy as at run time (`--pos jackknife`: k taggers, each trained on the other folds, tag
 * one fold; `--pos model`: the shipped tagger, which saw this text; `--pos gold`), trains the arc-eager parser
 * with the dynamic oracle (fixed seed: same data + options → same file), prints UAS/LAS of the written
 * (quantised) model on EWT dev, and writes models/parse/parse-en.bin.gz. `--average a,b,c` trains nothing: it
 * writes (and scores) the mean of models trained alike with other seeds (the shipped model: see models/README.md).
 * `--beam k` (k > 1) trains the transitions globally for beam decoding (src/nlp/parse/train-beam.ts; the file's
 * info.beam tells the stage to decode with the same width); `--init file` starts from another model's weights.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { DEP_LABELS, depLabelIndex } from '../src/model/deps.js';
import { UPOS_TAGS } from '../src/model/index.js';
import { decodeClusterFile } from '../src/nlp/pos/clusters.js';
import { decodePosModel, encodePosModel, posLexicon } from '../src/nlp/pos/model-file.js';
import { tagPosColumns, type PosModel } from '../src/nlp/pos/model.js';
import { buildTagDictionary, fineTagSet, trainPos, trainStackedPos } from '../src/nlp/pos/train.js';
import { averageParseModels, decodeParseModel, encodeParseModel, parseClusters, readParseModelParts } from '../src/nlp/parse/model-file.js';
import { xposHash } from '../src/nlp/parse/features.js';
import { addSentence, createParseScore } from '../src/nlp/parse/score.js';
import { isProjective, liftToProjective, parseTreebank, type TreebankSentence } from '../src/nlp/parse/treebank.js';
import { trainParser, type ParseTrainingSentence, type TrainedParser } from '../src/nlp/parse/train.js';
import { trainBeamParser } from '../src/nlp/parse/train-beam.js';
import { parseSentenceBeam } from '../src/nlp/parse/beam.js';

const DATA = new URL('../../shared/data/pos/ud-ewt/', import.meta.url);

const program = new Command()
  .option('--epochs <n>', 'training epochs', '10')
  .option('--seed <n>', 'shuffle and exploration seed', '13')
  .option('--pos <source>', 'training POS tags: jackknife | model | gold', 'jackknife')
  .option('--folds <n>', 'jackknife folds', '3')
  .option('--pos-epochs <n>', 'epochs of each jackknife tagger', '4')
  .option('--pos-seed <n>', 'seed of the jackknife taggers (default: --seed), so parsers of several seeds can share one jackknife', '')
  .option('--explore-from <n>', 'first epoch that follows the parser\'s own errors (0: never)', '2')
  .option('--explore-p <x>', 'probability of following a wrong prediction', '0.9')
  .option('--min-weight <x>', 'drop feature rows whose weights are all smaller than this', '0')
  .option('--min-updates <n>', 'drop feature rows fewer training updates touched', '2')
  .option('--tags-cache <path>', 'jackknife only: read the training tags from this file if it exists, else write them there', '')
  .option('--prune-grid <list>', 'also score these --min-updates values on dev (comma-separated), for choosing one', '')
  .option('--limit <n>', 'train on the first n sentences only (quick runs)', '0')
  .option('--features <groups>', 'optional feature groups: clusters, xpos, between, label-classes ("" for none)', 'clusters')
  .option('--non-projective <how>', 'non-projective training trees: drop, or lift (made projective by lifting arcs)', 'drop')
  .option('--tagger <path>', 'POS model that tags dev (and whose tag set the jackknife taggers use)', fileURLToPath(new URL('../models/pos/pos-en.bin.gz', import.meta.url)))
  .option('--clusters <path>', 'word cluster file of the parser\'s features (npm run train:clusters, build:word-classes); the jackknife taggers use the --tagger\'s own classes', fileURLToPath(new URL('../models/clusters/clusters-en.json.gz', import.meta.url)))
  .option('--average <files>', 'no training: write the average of these model files (comma-separated; trained alike, other seeds)', '')
  .option('--beam <k>', 'beam width: above 1, global training for beam decoding (max-violation updates)', '1')
  .option('--init <file>', 'beam training: start from this model file\'s weights (same feature groups)', '')
  .option('--snapshots', 'beam training: also write <out>.epoch<k> after every epoch and score it on dev', false)
  .option('--out <path>', 'model file', fileURLToPath(new URL('../models/parse/parse-en.bin.gz', import.meta.url)))
  .parse();
const opts = program.opts<{ epochs: string; seed: string; pos: string; folds: string; posEpochs: string; posSeed: string; tagsCache: string; exploreFrom: string; exploreP: string; minWeight: string; minUpdates: string; pruneGrid: string; limit: string; features: string; nonProjective: string; average: string; tagger: string; clusters: string; out: string; beam: string; init: string; snapshots: boolean }>();

if (!existsSync(DATA)) {
  console.log(`train:parse: no training data at ${fileURLToPath(DATA)}; nothing to do.`);
  process.exit(0);
}

const began = performance.now();
const cpu = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const elapsed = (): string => `${((performance.now() - began) / 1000).toFixed(0)} s wall, ${cpu().toFixed(0)} s CPU`;
const tagIndex = new Map<string, number>(UPOS_TAGS.map((tag, i) => [tag, i]));
const goldTags = (s: TreebankSentence): Uint8Array => Uint8Array.from(s.upos, (tag) => tagIndex.get(tag) ?? 0);

let train = parseTreebank(readFileSync(new URL('train.conllu', DATA), 'utf8'));
if (Number(opts.limit) > 0) train = train.slice(0, Number(opts.limit));
const dev = parseTreebank(readFileSync(new URL('dev.conllu', DATA), 'utf8'));
const shippedTagger = decodePosModel(readFileSync(opts.tagger), UPOS_TAGS);
// A fine-tag tagger ("VERB/VBD") gives the parser PTB tags too; its jackknife twins predict the same tag set.
const fineTags = shippedTagger.info.tags.some((tag) => tag.includes('/')) ? fineTagSet(shippedTagger.info.tags) : undefined;
// The jackknife taggers use the shipped tagger's feature groups ("ambiguity" is not supported here).
const shippedTaggerGroups = (shippedTagger.info.featureGroups ?? []).filter((g) => g !== 'ambiguity');
console.log(`ud-ewt train: ${train.length} sentences, ${train.reduce((n, s) => n + s.words.length, 0)} words`);

const clusterPairs = decodeClusterFile(readFileSync(opts.clusters)).pairs;
const parserGroups = opts.features.split(',').map((g) => g.trim()).filter((g) => g !== '');
for (const group of parserGroups) if (!['clusters', 'xpos', 'between', 'label-classes'].includes(group)) throw new Error(`unknown feature group "${group}"`);
if (parserGroups.includes('xpos') && !fineTags) throw new Error('feature group "xpos" needs a fine-tag tagger (--tagger)');
/** The PTB tag hash of each tagger column (0 for a UPOS-only tagger). */
const xposOfColumn = Uint32Array.from(shippedTagger.info.tags, (tag) => (tag.includes('/') ? xposHash(tag.split('/')[1]!) : 0));
const parserClusters = parserGroups.includes('clusters') ? parseClusters({ featureGroups: parserGroups, wordClusters: clusterPairs }) : undefined;

// Score a model as written (quantised) on dev, with tags from the shipped POS tagger, as eval:parse does.
const devColumns = dev.map((s) => tagPosColumns(shippedTagger, s.words));
const devTags = devColumns.map((columns) => Uint8Array.from(columns, (c) => shippedTagger.upos[c]!));
const devXpos = parserGroups.includes('xpos') ? devColumns.map((columns) => Uint32Array.from(columns, (c) => xposOfColumn[c]!)) : undefined;
function scoreDev(bytes: Uint8Array): { uas: number; las: number; actionRows: number; relationRows: number } {
  const model = decodeParseModel(bytes);
  const score = createParseScore();
  const width = Number(model.info.beam ?? 1);
  dev.forEach((s, i) => addSentence(score, s, parseSentenceBeam(model, s.words, devTags[i]!, devXpos?.[i], width)));
  return { uas: +(100 * score.headRight / score.words).toFixed(2), las: +(100 * score.labelledRight / score.words).toFixed(2), actionRows: model.actionRows, relationRows: model.relations.weights.length / DEP_LABELS.length };
}

// --average: no training; the mean of models trained alike with other seeds, written and scored as one model.
if (opts.average !== '') {
  const files = opts.average.split(',').map((f) => f.trim()).filter(Boolean);
  const members = files.map((file) => readParseModelParts(readFileSync(file)));
  const seeds = members.map((m) => m.info.seed);
  const { featureGroups, actions, relations } = averageParseModels(members);
  if (featureGroups.join(',') !== [...parserGroups].sort().join(',')) throw new Error(`--average: the members' feature groups are "${featureGroups.join(',')}": pass them as --features`);
  const averageInfo = { ...members[0]!.info, featureGroups, averageOf: members.map((m) => ({ seed: m.info.seed, featureGroups: m.info.featureGroups ?? [], nonProjective: m.info.nonProjective ?? 'drop' })), trainedActionRows: actions.hashes.length, trainedRelationRows: relations.hashes.length };
  const bytes = encodeParseModel({ info: averageInfo, actions, relations }, { minWeight: Number(opts.minWeight) });
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, bytes);
  const devScore = scoreDev(bytes);
  console.log(`wrote ${opts.out}: the average of ${files.length} models (seeds ${seeds.join(', ')}), ${(bytes.length / 1024).toFixed(0)} KiB; action rows ${devScore.actionRows}, relation rows ${devScore.relationRows}`);
  console.log(JSON.stringify({ model: 'parse-en', averageOfSeeds: seeds, featureGroups, minWeight: Number(opts.minWeight), devUas: devScore.uas, devLas: devScore.las, fileKiB: Math.round(bytes.length / 1024), cpuS: Math.round(cpu()) }));
  process.exit(0);
}

/**
 * Trains a POS tagger on `sentences` the way train:pos trained the --tagger (its feature groups and its own word
 * classes, whatever classes the parser uses), and returns it decoded (quantised, as shipped).
 */
function trainTagger(sentences: readonly TreebankSentence[], epochs: number, seed: number): PosModel {
  const data = sentences.map((s) => ({ words: s.words, tags: fineTags ? fineTags.columns(s) : goldTags(s) }));
  const tags = fineTags ? fineTags.tags : UPOS_TAGS;
  const dictionary = buildTagDictionary(data, 50, 0.995);
  const lexiconInfo = { featureGroups: shippedTaggerGroups, ...(shippedTaggerGroups.includes('clusters') ? { wordClusters: shippedTagger.info.wordClusters ?? clusterPairs } : {}) };
  const options = { tagCount: tags.length, epochs, seed, tagDictionary: dictionary.map, lexicon: posLexicon(lexiconInfo) };
  // A stacked tagger is trained as train:pos trains it (its own inner jackknife for the second pass).
  const firstPassInfo = { name: 'pos-first-pass', version: 1, task: 'pos' as const, tags: [...tags], trainedOn: [], epochs, seed, featureCount: 0, tagDictionary: dictionary.pairs, ...lexiconInfo, featureGroups: shippedTaggerGroups.filter((g) => g !== 'stacked') };
  const stackFolds = Number(shippedTagger.info.stackFolds ?? 3);
  const trained = shippedTaggerGroups.includes('stacked')
    ? trainStackedPos(data, options, stackFolds, (weights) => decodePosModel(encodePosModel({ info: firstPassInfo, ...weights }), UPOS_TAGS))
    : trainPos(data, options);
  const bytes = encodePosModel({
    info: { name: 'pos-fold', version: 1, task: 'pos', tags: [...tags], trainedOn: [], epochs, seed, featureCount: trained.hashes.length, tagDictionary: dictionary.pairs, ...lexiconInfo },
    hashes: trained.hashes,
    weights: trained.weights,
  });
  return decodePosModel(bytes, UPOS_TAGS);
}

// Training POS tags.
// Training tags as columns of the tagger's tag set (UPOS indices for a UPOS tagger).
let trainTags: Uint8Array[];
if (opts.pos === 'gold') trainTags = train.map((s) => (fineTags ? fineTags.columns(s) : goldTags(s)));
else if (opts.pos === 'model') {
  trainTags = train.map((s) => tagPosColumns(shippedTagger, s.words));
} else if (opts.tagsCache && existsSync(opts.tagsCache)) {
  // Tags of an earlier jackknife run with the same folds, epochs and seed (one line of tag indices per sentence).
  const lines = readFileSync(opts.tagsCache, 'utf8').split('\n');
  trainTags = train.map((s, i) => Uint8Array.from((lines[i] ?? '').split(' ').slice(0, s.words.length), Number));
  console.log(`jackknifed tags read from ${opts.tagsCache}`);
} else {
  const folds = Number(opts.folds);
  trainTags = new Array<Uint8Array>(train.length);
  for (let f = 0; f < folds; f++) {
    const tagger = trainTagger(train.filter((_, i) => i % folds !== f), Number(opts.posEpochs), (opts.posSeed === '' ? Number(opts.seed) : Number(opts.posSeed)) + f);
    train.forEach((s, i) => {
      if (i % folds === f) trainTags[i] = tagPosColumns(tagger, s.words);
    });
    console.log(`jackknife fold ${f + 1}/${folds} tagged (${elapsed()})`);
  }
  if (opts.tagsCache) writeFileSync(opts.tagsCache, trainTags.map((tags) => tags.join(' ')).join('\n'));
}
let posRight = 0;
let posTotal = 0;
const uposOfColumn = shippedTagger.upos;
train.forEach((s, i) => {
  const gold = goldTags(s);
  for (let k = 0; k < gold.length; k++) if (gold[k] === uposOfColumn[trainTags[i]![k]!]) posRight++;
  posTotal += gold.length;
});
console.log(`training POS (${opts.pos}): UPOS accuracy on train ${(100 * posRight / posTotal).toFixed(2)} %`);

// Arc-eager builds projective trees only: non-projective training trees are left out (their oracle costs are not
// exact), or made projective by lifting their crossing arcs (--non-projective lift).
if (opts.nonProjective !== 'drop' && opts.nonProjective !== 'lift') throw new Error(`unknown --non-projective "${opts.nonProjective}"`);
const sentences: ParseTrainingSentence[] = [];
let nonProjective = 0;
train.forEach((s, i) => {
  let heads = s.heads;
  if (!isProjective(heads)) {
    nonProjective++;
    if (opts.nonProjective === 'drop') return;
    heads = liftToProjective(heads);
  }
  const columns = trainTags[i]!;
  sentences.push({
    words: s.words,
    upos: Uint8Array.from(columns, (c) => uposOfColumn[c]!),
    ...(parserGroups.includes('xpos') ? { xpos: Uint32Array.from(columns, (c) => xposOfColumn[c]!) } : {}),
    heads,
    relations: Uint8Array.from(s.relations, depLabelIndex),
  });
});
console.log(`parser training: ${sentences.length} sentences (${nonProjective} non-projective ${opts.nonProjective === 'drop' ? 'left out' : 'lifted'})`);

const epochs = Number(opts.epochs);
const seed = Number(opts.seed);
const exploreFrom = Number(opts.exploreFrom) > 0 ? Number(opts.exploreFrom) : Infinity;
const exploreProbability = Number(opts.exploreP);
const beamWidth = Number(opts.beam);
const initParts = opts.init ? readParseModelParts(readFileSync(opts.init)) : undefined;
const info = {
  name: 'parse-en',
  version: 1,
  task: 'parse' as const,
  labels: [...DEP_LABELS],
  trainedOn: ['ud-ewt/train'],
  epochs,
  seed,
  trainingPos: opts.pos,
  folds: opts.pos === 'jackknife' ? Number(opts.folds) : undefined,
  nonProjective: opts.nonProjective,
  exploreFrom: Number.isFinite(exploreFrom) ? exploreFrom : null,
  exploreProbability,
  minUpdates: Number(opts.minUpdates),
  featureGroups: parserGroups,
  ...(beamWidth > 1 ? { beam: beamWidth, training: 'global, max-violation', ...(initParts ? { initFrom: { name: initParts.info.name, epochs: initParts.info.epochs, seed: initParts.info.seed, featureGroups: initParts.info.featureGroups ?? [] } } : {}) } : {}),
  ...(parserClusters ? { wordClusters: clusterPairs } : {}),
};
const writeModel = (trainedParser: TrainedParser, out: string): Uint8Array => {
  const bytes = encodeParseModel({ info: { ...info, trainedActionRows: trainedParser.actions.hashes.length, trainedRelationRows: trainedParser.relations.hashes.length }, actions: trainedParser.actions, relations: trainedParser.relations }, { minWeight: Number(opts.minWeight), minUpdates: Number(opts.minUpdates) });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  return bytes;
};
const trained = beamWidth > 1
  ? trainBeamParser(sentences, {
    epochs,
    seed,
    beamWidth,
    exploreFrom: Number.isFinite(exploreFrom) ? exploreFrom : Infinity,
    ...(parserClusters ? { clusters: parserClusters } : {}),
    hasBetween: parserGroups.includes('between'),
    hasLabelClasses: parserGroups.includes('label-classes'),
    // Rows of the init file already passed its pruning: they count as seen often enough.
    ...(initParts ? { init: initParts, initUpdates: Number(opts.minUpdates) } : {}),
    onEpoch: (epoch, exactShare, relationAccuracy, averaged) => {
      console.log(`epoch ${epoch}: sentences whose best beam path lost no gold arc ${(100 * exactShare).toFixed(2)} %, relations ${(100 * relationAccuracy).toFixed(2)} % (${elapsed()})`);
      if (opts.snapshots) {
        const out = `${opts.out}.epoch${epoch}`;
        const score = scoreDev(writeModel(averaged(), out));
        console.log(`  ${out}: dev UAS ${score.uas} LAS ${score.las} (beam ${beamWidth}; ${elapsed()})`);
      }
    },
  })
  : trainParser(sentences, {
  epochs,
  seed,
  exploreFrom,
  exploreProbability,
  ...(parserClusters ? { clusters: parserClusters } : {}),
  hasBetween: parserGroups.includes('between'),
  hasLabelClasses: parserGroups.includes('label-classes'),
  onEpoch: (epoch, actionAccuracy, relationAccuracy) =>
    console.log(`epoch ${epoch}: transitions ${(100 * actionAccuracy).toFixed(2)} %, relations ${(100 * relationAccuracy).toFixed(2)} % (${elapsed()})`),
});


for (const value of opts.pruneGrid.split(',').filter(Boolean).map(Number)) {
  const bytes = encodeParseModel({ info: { ...info, minUpdates: value }, actions: trained.actions, relations: trained.relations }, { minWeight: Number(opts.minWeight), minUpdates: value });
  console.log(`--min-updates ${value}: ${JSON.stringify({ ...scoreDev(bytes), fileKiB: Math.round(bytes.length / 1024) })}`);
}

const bytes = writeModel(trained, opts.out);
const dev0 = scoreDev(bytes);
console.log(`wrote ${opts.out}: ${(bytes.length / 1024).toFixed(0)} KiB; action rows ${dev0.actionRows}, relation rows ${dev0.relationRows}`);
console.log(JSON.stringify({ model: 'parse-en', epochs, seed, beam: beamWidth, init: opts.init || undefined, pos: opts.pos, featureGroups: parserGroups, nonProjective: opts.nonProjective, exploreFrom: opts.exploreFrom, exploreP: exploreProbability, minUpdates: Number(opts.minUpdates), devUas: dev0.uas, devLas: dev0.las, fileKiB: Math.round(bytes.length / 1024), elapsedS: Math.round((performance.now() - began) / 1000), cpuS: Math.round(cpu()) }));
