/**
 * The POS model at run time: a greedy left-to-right averaged perceptron (Collins 2002; Honnibal's
 * "good POS tagger in about 200 lines") over hashed features. Each token's tag is the argmax of its
 * static feature weights plus the weights of features of the tags already chosen to its left.
 * The weight table is the NER one (open addressing over feature hashes, src/nlp/ner/model.ts).
 */
import { lookupRow } from '../ner/model.js';
import { DYNAMIC_FEATURE_COUNT, dynamicFeatures, extractPosFeatures } from './features.js';

/** Facts about how a model was trained, stored in the model file and shown by the model card. */
export interface PosModelInfo {
  readonly name: string;
  readonly version: number;
  readonly task: 'pos';
  /** Tag names in weight-column order (the UPOS_TAGS order of src/model/tokens.ts). */
  readonly tags: readonly string[];
  readonly trainedOn: readonly string[];
  readonly epochs: number;
  readonly seed: number;
  readonly featureCount: number;
  readonly [key: string]: unknown;
}

/** A loaded POS model. Read-only; one instance serves every document. */
export interface PosModel {
  readonly info: PosModelInfo;
  readonly tagCount: number;
  /** Open-addressing table of feature hashes (0 = empty slot); mask = keys.length - 1. */
  readonly keys: Uint32Array;
  /** Row of the weight matrix for each slot of `keys`. */
  readonly rows: Int32Array;
  /** rowCount × tagCount weights. */
  readonly weights: Float32Array;
}

/**
 * Tag indices (columns of the model, i.e. UPOS_TAGS indices) for one sentence of token strings.
 * @example tagPosWords(model, ['They', 'met', '.']) // → [PRON, VERB, PUNCT] as indices
 */
export function tagPosWords(model: PosModel, words: readonly string[]): Uint8Array {
  const n = words.length;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const t = model.tagCount;
  const { keys, rows, weights } = model;
  const sentence = extractPosFeatures(words);
  const dynamic = new Uint32Array(DYNAMIC_FEATURE_COUNT);
  const scores = new Float32Array(t);
  let prev1 = t;
  let prev2 = t;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    const to = sentence.offsets[i + 1]!;
    for (let f = sentence.offsets[i]!; f < to; f++) {
      const row = lookupRow(keys, rows, sentence.feats[f]!);
      if (row < 0) continue;
      const w = row * t;
      for (let y = 0; y < t; y++) scores[y]! += weights[w + y]!;
    }
    dynamicFeatures(sentence, i, prev1, prev2, dynamic);
    for (let f = 0; f < DYNAMIC_FEATURE_COUNT; f++) {
      const row = lookupRow(keys, rows, dynamic[f]!);
      if (row < 0) continue;
      const w = row * t;
      for (let y = 0; y < t; y++) scores[y]! += weights[w + y]!;
    }
    let best = 0;
    for (let y = 1; y < t; y++) if (scores[y]! > scores[best]!) best = y;
    tags[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
  return tags;
}
