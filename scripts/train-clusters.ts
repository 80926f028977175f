/**
 * Induces the word clusters the POS tagger and the parser use: `npm run train:clusters [-- --out …]`.
 * Unlabelled text: the words of UD English-EWT train (CC BY-SA 4.0) and the `main_content` of the WCXB pages in
 * ../shared/data/metadata/ground-truth/ (CC BY 4.0), tokenised by our tokenizer and sentence splitter. Writes
 * hashes of normalised words and their cluster codes only (src/nlp/pos/clusters.ts), never text.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { parseConllu } from '../src/nlp/pos/conllu.js';
import { DEFAULT_CLUSTER_OPTIONS, encodeClusterFile, induceWordClusters, type ClusterOptions } from '../src/nlp/pos/clusters.js';
import { splitSentences } from '../src/nlp/split-sentences.js';
import { tokenizeText } from '../src/nlp/tokenize-text.js';

const EWT = new URL('../../shared/data/pos/ud-ewt/train.conllu', import.meta.url);
const WCXB = new URL('../../shared/data/metadata/ground-truth/', import.meta.url);

const program = new Command()
  .option('--min-count <n>', 'words seen fewer times get no cluster', String(DEFAULT_CLUSTER_OPTIONS.minCount))
  .option('--context-words <n>', 'commonest words used as context slots', String(DEFAULT_CLUSTER_OPTIONS.contextWords))
  .option('--max-depth <n>', 'deepest split', String(DEFAULT_CLUSTER_OPTIONS.maxDepth))
  .option('--seed <n>', 'seed', String(DEFAULT_CLUSTER_OPTIONS.seed))
  .option('--out <path>', 'cluster file', fileURLToPath(new URL('../models/clusters/clusters-en.json.gz', import.meta.url)))
  .parse();
const opts = program.opts<{ minCount: string; contextWords: string; maxDepth: string; seed: string; out: string }>();

if (!existsSync(EWT) || !existsSync(WCXB)) {
  console.log('train:clusters: ../shared/data (UD EWT train, WCXB ground truth) not found; nothing to do.');
  process.exit(0);
}

const began = performance.now();
const sentences: (readonly string[])[] = parseConllu(readFileSync(EWT, 'utf8')).map((s) => s.words);
const ewtSentences = sentences.length;
for (const file of readdirSync(WCXB).filter((f) => f.endsWith('.json')).sort()) {
  const page = JSON.parse(readFileSync(new URL(file, WCXB), 'utf8')) as { ground_truth?: { main_content?: unknown } };
  const text = page.ground_truth?.main_content;
  if (typeof text !== 'string' || text === '') continue;
  const tokens = tokenizeText(text);
  const starts = splitSentences(text, tokens);
  let words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (starts[i] && words.length > 0) {
      sentences.push(words);
      words = [];
    }
    words.push(text.slice(tokens.start[i], tokens.end[i]));
  }
  if (words.length > 0) sentences.push(words);
}
const options: ClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS, minCount: Number(opts.minCount), contextWords: Number(opts.contextWords), maxDepth: Number(opts.maxDepth), seed: Number(opts.seed) };
const clusters = induceWordClusters(sentences, options);
const bytes = encodeClusterFile(
  { name: 'clusters-en', sources: ['ud-ewt/train (CC BY-SA 4.0)', 'wcxb dev ground-truth main_content (CC BY 4.0)'], licence: 'CC BY-SA 4.0', words: clusters.words, leaves: clusters.leaves, tokens: clusters.tokens, options },
  clusters.pairs,
);
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, bytes);
const elapsedS = (performance.now() - began) / 1000;
console.log(`${ewtSentences} EWT + ${sentences.length - ewtSentences} WCXB sentences, ${clusters.tokens} tokens; wrote ${opts.out}`);
console.log(JSON.stringify({ model: 'clusters-en', tokens: clusters.tokens, words: clusters.words, leaves: clusters.leaves, fileKiB: Math.round(bytes.length / 1024), elapsedS: +elapsedS.toFixed(1) }));
