/**
 * Averaged perceptron training for the greedy POS tagger: tag each sentence left to right with the current
 * weights (the dynamic features see the tags predicted so far, as at run time); on a wrong token add its
 * features to the gold tag and subtract them from the predicted one. A feature gets a weight row only when
 * it takes part in an update, which keeps the model small. Averaging uses the lazy trick of the NER trainer
 * (keep w and Σ c·Δ; average = w − Σ c·Δ / c). Deterministic: the order is shuffled with a seeded generator.
 */
import { seededRandom } from '../ner/train.js';
import { DYNAMIC_FEATURE_COUNT, dynamicFeatures, extractPosFeatures } from './features.js';

/** One training sentence: token strings and gold tag indices (columns of the model). */
export interface PosTrainingSentence {
  readonly words: readonly string[];
  readonly tags: Uint8Array;
}

/** Training settings. */
export interface PosTrainOptions {
  readonly tagCount: number;
  readonly epochs: number;
  readonly seed: number;
  /** Called after each epoch with the share of tokens tagged correctly during that epoch. */
  readonly onEpoch?: (epoch: number, tokenAccuracy: number) => void;
}

/** Averaged weights: one row of tagCount weights per feature hash. */
export interface PosTrainedWeights {
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
}

/** Trains the tagger; returns averaged weights. */
export function trainPos(sentences: readonly PosTrainingSentence[], options: PosTrainOptions): PosTrainedWeights {
  const t = options.tagCount;
  const extracted = sentences.map((s) => extractPosFeatures(s.words));
  const rowOf = new Map<number, number>();
  const hashList: number[] = [];
  let w = new Float32Array(1 << 16);
  let u = new Float64Array(1 << 16);
  const rowFor = (hash: number): number => {
    let r = rowOf.get(hash);
    if (r === undefined) {
      r = hashList.length;
      rowOf.set(hash, r);
      hashList.push(hash);
      if ((r + 1) * t > w.length) {
        const grownW = new Float32Array(w.length * 2);
        grownW.set(w);
        w = grownW;
        const grownU = new Float64Array(u.length * 2);
        grownU.set(u);
        u = grownU;
      }
    }
    return r;
  };
  let c = 1;
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  const dynamic = new Uint32Array(DYNAMIC_FEATURE_COUNT);
  const scores = new Float64Array(t);
  const addRow = (hash: number): void => {
    const r = rowOf.get(hash);
    if (r === undefined) return;
    const base = r * t;
    for (let y = 0; y < t; y++) scores[y]! += w[base + y]!;
  };
  const update = (hash: number, gold: number, guess: number): void => {
    const base = rowFor(hash) * t;
    w[base + gold]! += 1;
    u[base + gold]! += c;
    w[base + guess]! -= 1;
    u[base + guess]! -= c;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    let correct = 0;
    let total = 0;
    for (const s of order) {
      const gold = sentences[s]!.tags;
      const sentence = extracted[s]!;
      let prev1 = t;
      let prev2 = t;
      for (let i = 0; i < gold.length; i++) {
        scores.fill(0);
        const from = sentence.offsets[i]!;
        const to = sentence.offsets[i + 1]!;
        for (let f = from; f < to; f++) addRow(sentence.feats[f]!);
        dynamicFeatures(sentence, i, prev1, prev2, dynamic);
        for (let f = 0; f < DYNAMIC_FEATURE_COUNT; f++) addRow(dynamic[f]!);
        let guess = 0;
        for (let y = 1; y < t; y++) if (scores[y]! > scores[guess]!) guess = y;
        const g = gold[i]!;
        total++;
        if (guess === g) correct++;
        else {
          for (let f = from; f < to; f++) update(sentence.feats[f]!, g, guess);
          for (let f = 0; f < DYNAMIC_FEATURE_COUNT; f++) update(dynamic[f]!, g, guess);
        }
        c++;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    options.onEpoch?.(epoch, total > 0 ? correct / total : 0);
  }

  const rowCount = hashList.length;
  const averaged = new Float32Array(rowCount * t);
  for (let k = 0; k < rowCount * t; k++) averaged[k] = w[k]! - u[k]! / c;
  return { hashes: Uint32Array.from(hashList), weights: averaged };
}
