/**
 * `npm run eval:pos`: UPOS accuracy on UD English-EWT dev, token level with gold tokenisation and gold
 * sentences, for the shipped perceptron model and for wink-nlp as the pipeline used it (wink tags the
 * sentence text and its tags are aligned to the gold tokens by character offset); lemma accuracy (case-
 * insensitive) of the pipeline's lemmas (the model's rules) and of wink as before; tagging speed, load time, size and
 * the tokenize stage's throughput with each tagger. Headline figures come last as one JSON line.
 * Skips with a message when ../shared is absent. `--model <file>`: score another model file (experiments).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPosModel, loadPosTagger, POS_MODEL_PATH } from '../src/app/nlp-models.js';
import { UPOS_TAGS } from '../src/model/index.js';
import type { PosTagger } from '../src/nlp/pos.js';
import { createWinkPosTagger } from '../src/nlp/pos-tagger.js';
import { parseConllu, type ConlluSentence } from '../src/nlp/pos/conllu.js';
import { tagPosWords } from '../src/nlp/pos/model.js';
import type { TokenSpans } from '../src/nlp/tokenize-text.js';
import { tokenizeDoc } from '../src/stages/tokenize/index.js';

const DEV = new URL('../../shared/data/pos/ud-ewt/dev.conllu', import.meta.url);
if (!existsSync(DEV)) {
  console.log(`eval:pos: gold data not found at ${fileURLToPath(DEV)}; skipping.`);
  process.exit(0);
}

const dev = parseConllu(readFileSync(DEV, 'utf8'));
const tagIndex = new Map<string, number>(UPOS_TAGS.map((tag, i) => [tag, i]));
const goldTags = dev.map((s) => Uint8Array.from(s.upos, (tag) => tagIndex.get(tag) ?? 0));
const tokenCount = dev.reduce((n, s) => n + s.words.length, 0);

/** The sentence as text (spaces where the treebank has them) with the gold words' character spans. */
function sentenceText(s: ConlluSentence): { text: string; spans: TokenSpans } {
  const start = new Uint32Array(s.words.length);
  const end = new Uint32Array(s.words.length);
  let text = '';
  s.words.forEach((word, i) => {
    start[i] = text.length;
    text += word;
    end[i] = text.length;
    if (s.spaceAfter[i] && i + 1 < s.words.length) text += ' ';
  });
  return { text, spans: { length: s.words.length, start, end } };
}
const texts = dev.map(sentenceText);

const argv = process.argv.slice(2);
const modelPath = argv.includes('--model') ? argv[argv.indexOf('--model') + 1]! : POS_MODEL_PATH;
const loadBegan = performance.now();
const model = loadPosModel(modelPath);
const loadMs = performance.now() - loadBegan;
const fileBytes = statSync(modelPath).size;
console.log(`model: ${model.info.name} v${model.info.version}, ${model.info.epochs} epochs, seed ${model.info.seed}, ${model.info.featureCount} feature rows, ${(fileBytes / 1024).toFixed(0)} KiB, loaded in ${loadMs.toFixed(0)} ms`);

const pct = (x: number): number => +(100 * x).toFixed(2);

/** Rates of `count` tokens per second by wall clock and by this process's CPU time (the machine is shared). */
interface Rate {
  readonly wall: number;
  readonly cpu: number;
}

/** Times `pass` (over `count` tokens) after a warm-up; returns the median rates of `runs` runs. */
function tokensPerSecond(pass: () => void, runs = 5, count = tokenCount): Rate {
  pass();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpuBefore = process.cpuUsage();
    const began = performance.now();
    pass();
    wall.push(count / ((performance.now() - began) / 1000));
    const used = process.cpuUsage(cpuBefore);
    cpu.push(count / ((used.user + used.system) / 1e6));
  }
  const median = (xs: number[]): number => Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  return { wall: median(wall), cpu: median(cpu) };
}

// Ours: gold words, sentence by sentence.
const confusion = new Map<string, number>();
const perTag = UPOS_TAGS.map(() => ({ correct: 0, total: 0 }));
let oursCorrect = 0;
dev.forEach((s, k) => {
  const predicted = tagPosWords(model, s.words);
  const gold = goldTags[k]!;
  for (let i = 0; i < gold.length; i++) {
    perTag[gold[i]!]!.total++;
    if (predicted[i] === gold[i]) {
      oursCorrect++;
      perTag[gold[i]!]!.correct++;
    } else {
      const key = `${UPOS_TAGS[gold[i]!]}→${UPOS_TAGS[predicted[i]!]}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
  }
});
const oursSpeed = tokensPerSecond(() => {
  for (const s of dev) tagPosWords(model, s.words);
});

// wink-nlp as the pipeline used it; lemmas of the old (wink) and of the new pipeline tagger (the model's rules).
const wink = createWinkPosTagger();
const pipelineTagger = loadPosTagger(modelPath);
let winkCorrect = 0;
let pipelineCorrect = 0;
let winkLemmaCorrect = 0;
let lemmaCorrect = 0;
let lowerLemmaCorrect = 0;
dev.forEach((s, k) => {
  const { text, spans } = texts[k]!;
  const tagged = wink.tag(text, spans);
  const oneSentence = new Uint8Array(spans.length);
  oneSentence[0] = 1;
  const ours = pipelineTagger.tag(text, spans, oneSentence);
  const gold = goldTags[k]!;
  for (let i = 0; i < gold.length; i++) {
    if (tagged.pos[i] === gold[i]) winkCorrect++;
    if (ours.pos[i] === gold[i]) pipelineCorrect++;
    const goldLemma = (s.lemmas[i] ?? '').toLowerCase();
    if ((tagged.lemmas[i] ?? '').toLowerCase() === goldLemma) winkLemmaCorrect++;
    if ((ours.lemmas[i] ?? '').toLowerCase() === goldLemma) lemmaCorrect++;
    if ((s.words[i] ?? '').toLowerCase() === goldLemma) lowerLemmaCorrect++;
  }
});
if (pipelineCorrect !== oursCorrect) throw new Error(`the pipeline tagger scored ${pipelineCorrect}, the model ${oursCorrect}: they should agree`);
const winkSpeed = tokensPerSecond(() => {
  dev.forEach((_, k) => wink.tag(texts[k]!.text, texts[k]!.spans));
}, 3);

// The tokenize stage (our tokenizer, sentence splitter and tagger) on the dev text in chunks of 20 sentences.
const chunks: string[] = [];
for (let k = 0; k < texts.length; k += 20) chunks.push(texts.slice(k, k + 20).map((t) => t.text).join(' '));
const stageTokens = chunks.reduce((n, text) => n + tokenizeDoc(text, wink).length, 0);
function stageSpeed(tagger: PosTagger): Rate {
  return tokensPerSecond(() => {
    for (const text of chunks) tokenizeDoc(text, tagger);
  }, 3, stageTokens);
}
const stageOurs = stageSpeed(pipelineTagger);
const stageWink = stageSpeed(wink);

console.log(`\nud-ewt/dev: ${dev.length} sentences, ${tokenCount} tokens (gold tokenisation)`);
console.log(`  UPOS accuracy   ours ${pct(oursCorrect / tokenCount).toFixed(2)} %   wink-nlp ${pct(winkCorrect / tokenCount).toFixed(2)} %`);
console.log(`  lemma accuracy  ours (lemma rules on our UPOS) ${pct(lemmaCorrect / tokenCount).toFixed(2)} %   wink-nlp as before ${pct(winkLemmaCorrect / tokenCount).toFixed(2)} %   lower-cased form ${pct(lowerLemmaCorrect / tokenCount).toFixed(2)} %`);
const rate = (r: Rate): string => `${r.wall} tokens/s (${r.cpu} per CPU second)`;
console.log(`  tagging speed   ours ${rate(oursSpeed)}   wink-nlp with alignment ${rate(winkSpeed)}`);
console.log(`  tokenize stage  ours ${rate(stageOurs)}   with wink-nlp ${rate(stageWink)}`);
console.log('\nper tag (ours): tag accuracy (count)');
UPOS_TAGS.forEach((tag, y) => {
  const { correct, total } = perTag[y]!;
  if (total > 0) console.log(`  ${tag.padEnd(6)} ${pct(correct / total).toFixed(2).padStart(6)} % (${total})`);
});
console.log('\nmost frequent errors (ours, gold→predicted):');
for (const [key, count] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${key.padEnd(14)} ${count}`);

console.log(
  JSON.stringify({
    task: 'pos',
    data: 'ud-ewt/dev',
    tokens: tokenCount,
    uposAccuracy: { ours: pct(oursCorrect / tokenCount), winkNlp: pct(winkCorrect / tokenCount) },
    lemmaAccuracy: { pipeline: pct(lemmaCorrect / tokenCount), winkNlpBefore: pct(winkLemmaCorrect / tokenCount), lowerCasedForm: pct(lowerLemmaCorrect / tokenCount) },
    tokensPerSecond: { ours: oursSpeed, winkNlp: winkSpeed },
    tokenizeStageTokensPerSecond: { ours: stageOurs, winkNlp: stageWink },
    modelKiB: Math.round(fileBytes / 1024),
    loadMs: Math.round(loadMs),
    node: process.version,
  }),
);
