/**
 * Averaged structured perceptron training (Collins 2002) for the BILOU tagger: Viterbi-decode each
 * sentence with the current weights, and on a mistake add the gold path's features and subtract the
 * predicted path's. Averaging uses the lazy trick (keep w and Σ c·Δ; average = w − Σ c·Δ / c).
 * Deterministic: sentence order is shuffled with a seeded generator.
 */
import { DROP_GAZETTEER, DROP_WORD, extractFeatures, type FeatureResources } from './features.js';
import { viterbi } from './model.js';
import { TAG_COUNT } from './tags.js';

/** One training sentence: token strings and gold BILOU tag indices. */
export interface TrainingSentence {
  readonly words: readonly string[];
  readonly tags: Uint8Array;
  /**
   * Partial labels: when set, token i may take any tag whose bit is set in allowedTags[i], and the gold
   * path is the best-scoring path among those (UNER's OTH spans may be MISC or nothing).
   */
  readonly allowedTags?: Uint32Array;
}

/** Training settings. */
export interface TrainOptions {
  readonly epochs: number;
  readonly seed: number;
  /** Features seen fewer times than this in the training data are not learned. */
  readonly minFeatureCount: number;
  /** Share of tokens whose gazetteer codes are left out (fixed per token for the run; seeded). Default 0. */
  readonly gazetteerDropout?: number;
  /** Share of tokens whose own word-identity features are left out, so shape, context and gazetteer carry weight. Default 0. */
  readonly wordDropout?: number;
  /** Called after each epoch with the share of tokens tagged correctly during that epoch. */
  readonly onEpoch?: (epoch: number, tokenAccuracy: number) => void;
}

/** Averaged weights: one row of TAG_COUNT weights per feature hash, plus transitions. */
export interface TrainedWeights {
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

/** A small seeded generator (mulberry32), so training order is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles in place with the given generator (Fisher–Yates), so an epoch's order depends on the seed only. */
export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}

/** Trains the tagger; returns averaged weights. */
export function trainNer(sentences: readonly TrainingSentence[], resources: FeatureResources, options: TrainOptions): TrainedWeights {
  const T = TAG_COUNT;
  const dropRandom = seededRandom(options.seed + 7);
  const gazRate = options.gazetteerDropout ?? 0;
  const wordRate = options.wordDropout ?? 0;
  const extracted = sentences.map((s) => {
    if (gazRate <= 0 && wordRate <= 0) return extractFeatures(s.words, resources);
    const dropout = new Uint8Array(s.words.length);
    for (let i = 0; i < dropout.length; i++) dropout[i] = (dropRandom() < gazRate ? DROP_GAZETTEER : 0) | (dropRandom() < wordRate ? DROP_WORD : 0);
    return extractFeatures(s.words, resources, undefined, dropout);
  });
  const counts = new Map<number, number>();
  for (const sentence of extracted) for (const f of sentence.feats) counts.set(f, (counts.get(f) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  const hashList: number[] = [];
  for (const [hash, count] of counts) {
    if (count < options.minFeatureCount) continue;
    rowOf.set(hash, hashList.length);
    hashList.push(hash);
  }
  counts.clear();
  const rowsBySentence = extracted.map((sentence) => Int32Array.from(sentence.feats, (f) => rowOf.get(f) ?? -1));
  rowOf.clear();

  const R = hashList.length;
  const w = new Float32Array(R * T);
  const u = new Float64Array(R * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let c = 1;
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let correct = 0;
    let total = 0;
    for (const s of order) {
      const sentence = sentences[s]!;
      let gold = sentence.tags;
      const n = gold.length;
      if (n === 0) continue;
      const offsets = extracted[s]!.offsets;
      const rows = rowsBySentence[s]!;
      const emissions = new Float32Array(n * T);
      for (let i = 0; i < n; i++) {
        for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
          const r = rows[f]!;
          if (r < 0) continue;
          const base = r * T;
          for (let y = 0; y < T; y++) emissions[i * T + y]! += w[base + y]!;
        }
      }
      const transitions = Float32Array.from(tw);
      const pred = viterbi(emissions, n, transitions, T);
      if (sentence.allowedTags) gold = viterbi(emissions, n, transitions, T, sentence.allowedTags);
      for (let i = 0; i < n; i++) {
        total++;
        const g = gold[i]!;
        const p = pred[i]!;
        if (g === p) correct++;
        else {
          for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
            const r = rows[f]!;
            if (r < 0) continue;
            w[r * T + g]! += 1;
            u[r * T + g]! += c;
            w[r * T + p]! -= 1;
            u[r * T + p]! -= c;
          }
        }
        const gPrev = i === 0 ? 0 : gold[i - 1]! + 1;
        const pPrev = i === 0 ? 0 : pred[i - 1]! + 1;
        if (gPrev !== pPrev || g !== p) {
          tw[gPrev * T + g]! += 1;
          tu[gPrev * T + g]! += c;
          tw[pPrev * T + p]! -= 1;
          tu[pPrev * T + p]! -= c;
        }
      }
      c++;
    }
    options.onEpoch?.(epoch, total > 0 ? correct / total : 0);
  }

  const averaged = new Float32Array(R * T);
  for (let k = 0; k < R * T; k++) averaged[k] = w[k]! - u[k]! / c;
  const transitions = new Float32Array((T + 1) * T);
  for (let k = 0; k < transitions.length; k++) transitions[k] = tw[k]! - tu[k]! / c;
  return { hashes: Uint32Array.from(hashList), weights: averaged, transitions };
}
