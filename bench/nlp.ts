/**
 * `npm run bench:nlp`: single-core throughput of tokenize (+ POS and lemmas), sentences and NER on a
 * committed corpus we wrote (bench/corpus/nlp-news.txt, repeated), plus the NER model's size and load time and
 * the POS model's load time; the tokenize stage is also timed with wink-nlp's POS, as before issue 4.
 * Warms up, then times batches; prints mean tokens/s with a 95 % CI, peak RSS, Node and CPU, and a final JSON line.
 */
import { readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadNerModel, loadPosModel, loadPosTagger, NER_MODEL_PATH } from '../src/app/nlp-models.js';
import { createWinkPosTagger } from '../src/nlp/pos-tagger.js';
import { tagDocument } from '../src/nlp/ner/tag-document.js';
import { tokenizeText } from '../src/nlp/tokenize-text.js';
import { sentencesFromTokens } from '../src/stages/sentences/index.js';
import { tokenizeDoc } from '../src/stages/tokenize/index.js';

const CORPUS = fileURLToPath(new URL('./corpus/nlp-news.txt', import.meta.url));
const base = readFileSync(CORPUS, 'utf8');
// One "document" per copy, as the pipeline sees articles one at a time.
const docs = Array.from({ length: 20 }, () => base);
const tokensPerDoc = tokenizeText(base).length;
const totalTokens = tokensPerDoc * docs.length;

const loadRuns: number[] = [];
let model = loadNerModel();
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  model = loadNerModel();
  loadRuns.push(performance.now() - t0);
}
const loadMs = Math.min(...loadRuns);
const modelBytes = statSync(NER_MODEL_PATH).size;
const tagger = loadPosTagger();
const winkTagger = createWinkPosTagger();
const posLoadRuns: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  loadPosModel();
  posLoadRuns.push(performance.now() - t0);
}
const posLoadMs = Math.min(...posLoadRuns);

/**
 * Times `run` over batches. Wall-clock tokens/s depends on what else the machine runs; tokens per CPU-second
 * (user + system time of this process) is the single-core figure that survives a shared machine.
 */
function time(label: string, run: () => void, batches = 12): { mean: number; ci: number; cpuRate: number } {
  for (let i = 0; i < 2; i++) run();
  const rates: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    run();
    rates.push(totalTokens / ((performance.now() - t0) / 1000));
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuRate = (batches * totalTokens) / ((cpu.user + cpu.system) / 1e6);
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  const sd = Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / (rates.length - 1));
  const ci = (1.96 * sd) / Math.sqrt(rates.length);
  console.log(
    `${label.padEnd(31)} wall ${Math.round(mean).toLocaleString('en')} tokens/s ± ${Math.round(ci).toLocaleString('en')} (95 % CI, ${batches} batches of ${totalTokens} tokens) · ${Math.round(cpuRate).toLocaleString('en')} tokens per CPU-second`,
  );
  return { mean, ci, cpuRate };
}

const wordsByDoc = docs.map((text) => {
  const tokens = tokenizeDoc(text, tagger);
  return sentencesFromTokens(tokens).map((s) => {
    const out: string[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) out.push(text.slice(tokens.start[i], tokens.end[i]));
    return out;
  });
});

console.log(`node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} · one thread · load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
const tokenizeOnly = time('tokenize (rules only)', () => docs.forEach((text) => splitOnly(text)));
const tokenizePos = time('tokenize + sentences + POS', () => docs.forEach((text) => sentencesFromTokens(tokenizeDoc(text, tagger))));
const tokenizeWink = time('  … with wink-nlp POS (before)', () => docs.forEach((text) => sentencesFromTokens(tokenizeDoc(text, winkTagger))));
const ner = time('ner (features + Viterbi + doc)', () => wordsByDoc.forEach((sentences) => tagDocument(model, sentences)));
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`NER model: ${(modelBytes / 1e6).toFixed(2)} MB on disk, ${model.info.featureCount} feature rows, load ${loadMs.toFixed(0)} ms (best of 5)`);
console.log(`POS model: load ${posLoadMs.toFixed(0)} ms (best of 5)`);
console.log(`peak RSS ${peakRssMb.toFixed(0)} MB`);
console.log(
  JSON.stringify({
    bench: 'nlp',
    tokenizeTokensPerS: Math.round(tokenizeOnly.mean),
    tokenizePosTokensPerS: Math.round(tokenizePos.mean),
    nerTokensPerS: Math.round(ner.mean),
    tokenizePosTokensPerCpuS: Math.round(tokenizePos.cpuRate),
    tokenizeWinkPosTokensPerCpuS: Math.round(tokenizeWink.cpuRate),
    posModelLoadMs: Math.round(posLoadMs),
    nerTokensPerCpuS: Math.round(ner.cpuRate),
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    modelMb: Math.round(modelBytes / 1e4) / 100,
    loadMs: Math.round(loadMs),
  }),
);

function splitOnly(text: string): void {
  tokenizeText(text);
}
