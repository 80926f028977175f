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
import { decodePosModel, encodePosModel } from '../src/nlp/pos/model-file.js';
import { tagPosWords, type PosModel } from '../src/nlp/pos/model.js';
import { learnLemmaRules, lemmatise } from '../src/nlp/pos/lemma.js';
import { buildTagDictionary, trainPos } from '../src/nlp/pos/train.js';

const DATA = new URL('../../shared/data/pos/ud-ewt/', import.meta.url);

const program = new Command()
  .option('--epochs <n>', 'training epochs', '10')
  .option('--seed <n>', 'shuffle seed', '13')
  .option('--dict-min-count <n>', 'tag dictionary: words seen at least this often (0: no dictionary)', '50')
  .option('--dict-min-share <x>', 'tag dictionary: … whose commonest tag has at least this share', '0.995')
  .option('--out <path>', 'model file', fileURLToPath(new URL('../models/pos/pos-en.bin.gz', import.meta.url)))
  .parse();
const opts = program.opts<{ epochs: string; seed: string; dictMinCount: string; dictMinShare: string; out: string }>();

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

const epochs = Number(opts.epochs);
const seed = Number(opts.seed);
const trainSentences = train.map((s) => ({ words: s.words, tags: toTags(s) }));
const dictMinCount = Number(opts.dictMinCount);
const dictionary = dictMinCount > 0 ? buildTagDictionary(trainSentences, dictMinCount, Number(opts.dictMinShare)) : { map: new Map<number, number>(), pairs: [] };
console.log(`tag dictionary: ${dictionary.map.size} words`);
const trained = trainPos(
  trainSentences,
  { tagCount: UPOS_TAGS.length, epochs, seed, tagDictionary: dictionary.map, onEpoch: (epoch, accuracy) => console.log(`epoch ${epoch}: train accuracy ${(100 * accuracy).toFixed(2)} %`) },
);
const lemmaRules = learnLemmaRules(train);
console.log(`lemma rules: ${lemmaRules.suffixes.length / 2} endings, ${lemmaRules.exceptions.length / 2} exceptions, ${lemmaRules.scripts.length} scripts`);
const bytes = encodePosModel({
  info: { name: 'pos-en', version: 1, task: 'pos', tags: [...UPOS_TAGS], trainedOn: ['ud-ewt/train'], epochs, seed, featureCount: trained.hashes.length, tagDictionary: dictionary.pairs, lemmaRules },
  hashes: trained.hashes,
  weights: trained.weights,
});
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, bytes);

// Score the model as written (quantised), not the float weights.
const model: PosModel = decodePosModel(bytes, UPOS_TAGS);
let correct = 0;
let lemmaCorrect = 0;
let total = 0;
for (const s of dev) {
  const gold = toTags(s);
  const predicted = tagPosWords(model, s.words);
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] === gold[i]) correct++;
    // Lemmas from the predicted UPOS, compared case-insensitively.
    if (model.lemmaRules && lemmatise(model.lemmaRules, s.words[i]!, UPOS_TAGS[predicted[i]!]!) === (s.lemmas[i] ?? '').toLowerCase()) lemmaCorrect++;
  }
  total += gold.length;
}
const elapsedS = (performance.now() - began) / 1000;
console.log(`wrote ${opts.out}: ${(bytes.length / 1024).toFixed(0)} KiB, ${model.info.featureCount} feature rows`);
console.log(JSON.stringify({ model: 'pos-en', epochs, seed, tagDictionaryWords: dictionary.map.size, devUposAccuracy: +(100 * correct / total).toFixed(2), devLemmaAccuracy: +(100 * lemmaCorrect / total).toFixed(2), devTokens: total, fileKiB: Math.round(bytes.length / 1024), featureRows: model.info.featureCount, elapsedS: +elapsedS.toFixed(1) }));
