/**
 * Trains the shipped POS model: `npm run train:pos [-- --epochs 10 --seed 13 --out models/pos/pos-en.bin.gz]`.
 * Reads UD English-EWT train from ../shared/data/pos/ud-ewt/, trains the greedy averaged perceptron with a
 * fixed seed (same data + seed → same file), learns the lemma rules, prints UPOS and lemma accuracy on EWT dev,
 * writes the model.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { UPOS_TAGS } from '../src/model/index.js';
import { parseConllu, type ConlluSentence } from '../src/nlp/pos/conllu.js';
import { decodePosModel, encodePosModel, posLexicon } from '../src/nlp/pos/model-file.js';
import { decodeClusterFile } from '../src/nlp/pos/clusters.js';
import { tagPosColumns, tagPosWords, type PosModel } from '../src/nlp/pos/model.js';
import { learnLemmaRules, lemmatise } from '../src/nlp/pos/lemma.js';
import { buildAmbiguityClasses, buildFineTagSet, buildTagDictionary, trainPos, trainStackedPos } from '../src/nlp/pos/train.js';

const DATA = new URL('../../shared/data/pos/ud-ewt/', import.meta.url);

const program = new Command()
  .option('--epochs <n>', 'training epochs', '10')
  .option('--seed <n>', 'shuffle seed', '13')
  .option('--dict-min-count <n>', 'tag dictionary: words seen at least this often (0: no dictionary)', '50')
  .option('--dict-min-share <x>', 'tag dictionary: … whose commonest tag has at least this share', '0.995')
  .option('--features <groups>', 'optional feature groups, comma-separated: rich, ambiguity, clusters, stacked ("" for none)', 'rich,clusters')
  .option('--stack-folds <n>', 'stacked: first-pass taggers of the jackknife that tags the second pass\'s training text', '3')
  .option('--ambiguity-min-count <n>', 'ambiguity classes: words seen at least this often', '3')
  .option('--ambiguity-min-share <x>', 'ambiguity classes: tags with at least this share of the word', '0.05')
  .option('--clusters <path>', 'word cluster file (npm run train:clusters)', fileURLToPath(new URL('../models/clusters/clusters-en.json.gz', import.meta.url)))
  .option('--ambiguity-folds <n>', 'ambiguity classes of training sentences counted without their own fold (0: from all of train)', '5')
  .option('--tagset <name>', 'tags the perceptron predicts: upos, or fine ("UPOS/XPOS" pairs; UPOS is read off the pair)', 'upos')
  .option('--fine-min-count <n>', 'fine tags: pairs seen fewer times in train become their UPOS\'s commonest pair', '20')
  .option('--out <path>', 'model file', fileURLToPath(new URL('../models/pos/pos-en.bin.gz', import.meta.url)))
  .parse();
const opts = program.opts<{ epochs: string; seed: string; dictMinCount: string; dictMinShare: string; features: string; clusters: string; ambiguityMinCount: string; ambiguityMinShare: string; ambiguityFolds: string; stackFolds: string; tagset: string; fineMinCount: string; out: string }>();

if (!existsSync(DATA)) {
  console.log(`train:pos: no training data at ${fileURLToPath(DATA)}; nothing to do.`);
  process.exit(0);
}

const tagIndex = new Map<string, number>(UPOS_TAGS.map((tag, i) => [tag, i]));
const toTags = (s: ConlluSentence): Uint8Array => Uint8Array.from(s.upos, (tag) => tagIndex.get(tag) ?? 0);

const began = performance.now();
const train = parseConllu(readFileSync(new URL('train.conllu', DATA), 'utf8'));
const dev = parseConllu(readFileSync(new URL('dev.conllu', DATA), 'utf8'));
console.log(`ud-ewt train: ${train.length} sentences, ${train.reduce((n, s) => n + s.words.length, 0)} words`);
if (opts.tagset !== 'upos' && opts.tagset !== 'fine') throw new Error(`unknown tag set "${opts.tagset}"`);
const fine = opts.tagset === 'fine' ? buildFineTagSet(train, UPOS_TAGS, Number(opts.fineMinCount)) : undefined;
const modelTags: readonly string[] = fine ? fine.tags : UPOS_TAGS;
const toModelTags = fine ? (s: ConlluSentence): Uint8Array => fine.columns(s) : toTags;
if (fine) console.log(`fine tag set: ${fine.tags.length} tags`);

const epochs = Number(opts.epochs);
const seed = Number(opts.seed);
const trainSentences = train.map((s) => ({ words: s.words, tags: toModelTags(s) }));
const dictMinCount = Number(opts.dictMinCount);
const dictionary = dictMinCount > 0 ? buildTagDictionary(trainSentences, dictMinCount, Number(opts.dictMinShare)) : { map: new Map<number, number>(), pairs: [] };
console.log(`tag dictionary: ${dictionary.map.size} words`);
const featureGroups = opts.features.split(',').map((g) => g.trim()).filter((g) => g !== '');
for (const group of featureGroups) if (!['rich', 'ambiguity', 'clusters', 'stacked'].includes(group)) throw new Error(`unknown feature group "${group}"`);
const ambiguity = featureGroups.includes('ambiguity') ? buildAmbiguityClasses(trainSentences, Number(opts.ambiguityMinCount), Number(opts.ambiguityMinShare)) : undefined;
const clusterPairs = featureGroups.includes('clusters') ? decodeClusterFile(readFileSync(opts.clusters)).pairs : undefined;
const lexiconInfo = { featureGroups, ...(ambiguity ? { ambiguityClasses: ambiguity.pairs } : {}), ...(clusterPairs ? { wordClusters: clusterPairs } : {}) };
console.log(`feature groups: ${featureGroups.join(', ') || 'none'}${ambiguity ? `; ambiguity classes for ${ambiguity.map.size} words` : ''}${clusterPairs ? `; clusters for ${clusterPairs.length / 2} words` : ''}`);
const lexicon = posLexicon(lexiconInfo);
const ambiguityFolds = ambiguity ? Number(opts.ambiguityFolds) : 0;
// Fold f's sentences see the classes counted on the other folds (as unseen text sees those of all of train).
const foldLexicons = Array.from({ length: ambiguityFolds }, (_, f) => ({
  ...lexicon,
  ambiguity: buildAmbiguityClasses(trainSentences.filter((_, i) => i % ambiguityFolds !== f), Number(opts.ambiguityMinCount), Number(opts.ambiguityMinShare)).map,
}));
const trainOptions = { tagCount: modelTags.length, epochs, seed, tagDictionary: dictionary.map, lexicon, ...(ambiguityFolds > 0 ? { lexiconOf: (i: number) => foldLexicons[i % ambiguityFolds]! } : {}), onEpoch: (epoch: number, accuracy: number) => console.log(`epoch ${epoch}: train accuracy ${(100 * accuracy).toFixed(2)} %`) };
// A stacked tagger's first-pass taggers of the jackknife are encoded and decoded as shipped (quantised), without the group.
const firstPassInfo = { name: 'pos-first-pass', version: 2, task: 'pos' as const, tags: [...modelTags], trainedOn: [], epochs, seed, featureCount: 0, tagDictionary: dictionary.pairs, ...lexiconInfo, featureGroups: featureGroups.filter((g) => g !== 'stacked') };
const trained = featureGroups.includes('stacked')
  ? trainStackedPos(trainSentences, trainOptions, Number(opts.stackFolds), (weights) => decodePosModel(encodePosModel({ info: firstPassInfo, ...weights }), UPOS_TAGS))
  : trainPos(trainSentences, trainOptions);
const lemmaRules = learnLemmaRules(train);
console.log(`lemma rules: ${lemmaRules.suffixes.length / 2} endings, ${lemmaRules.exceptions.length / 2} exceptions, ${lemmaRules.scripts.length} scripts`);
const bytes = encodePosModel({
  info: { name: 'pos-en', version: fine ? 3 : 2, task: 'pos', ...(featureGroups.includes('stacked') ? { stackFolds: Number(opts.stackFolds) } : {}), tags: [...modelTags], ...(fine ? { fineMinCount: Number(opts.fineMinCount) } : {}), trainedOn: ['ud-ewt/train'], epochs, seed, featureCount: trained.hashes.length, tagDictionary: dictionary.pairs, lemmaRules, ...lexiconInfo },
  hashes: trained.hashes,
  weights: trained.weights,
});
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, bytes);

// Score the model as written (quantised), not the float weights.
const model: PosModel = decodePosModel(bytes, UPOS_TAGS);
let correct = 0;
let xposCorrect = 0;
let lemmaCorrect = 0;
let total = 0;
for (const s of dev) {
  const gold = toTags(s);
  const columns = tagPosColumns(model, s.words);
  const predicted = tagPosWords(model, s.words);
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] === gold[i]) correct++;
    if (fine && model.info.tags[columns[i]!]!.split('/')[1] === s.xpos[i]) xposCorrect++;
    // Lemmas from the predicted UPOS, compared case-insensitively.
    if (model.lemmaRules && lemmatise(model.lemmaRules, s.words[i]!, UPOS_TAGS[predicted[i]!]!) === (s.lemmas[i] ?? '').toLowerCase()) lemmaCorrect++;
  }
  total += gold.length;
}
const elapsedS = (performance.now() - began) / 1000;
if (fine) console.log(`dev XPOS accuracy (the fine tag's second part): ${(100 * xposCorrect / total).toFixed(2)} %`);
console.log(`wrote ${opts.out}: ${(bytes.length / 1024).toFixed(0)} KiB, ${model.info.featureCount} feature rows`);
console.log(JSON.stringify({ model: 'pos-en', epochs, seed, tagset: opts.tagset, tagCount: modelTags.length, featureGroups, tagDictionaryWords: dictionary.map.size, devUposAccuracy: +(100 * correct / total).toFixed(2), devLemmaAccuracy: +(100 * lemmaCorrect / total).toFixed(2), devTokens: total, fileKiB: Math.round(bytes.length / 1024), featureRows: model.info.featureCount, elapsedS: +elapsedS.toFixed(1) }));
