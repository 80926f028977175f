/**
 * The NER model at run time: a linear scorer over hashed features (an averaged structured perceptron's
 * weights), first-order tag transitions, and Viterbi decoding restricted to valid BILOU sequences.
 */
import { createFeatureScratch, extractFeatures, type FeatureResources, type SentenceFeatures } from './features.js';
import { isAllowedEnd, isAllowedTransition, TAG_COUNT } from './tags.js';

/** Facts about how a model was trained, stored in the model file and shown by the model card. */
export interface NerModelInfo {
  readonly name: string;
  readonly version: number;
  readonly trainedOn: readonly string[];
  readonly epochs: number;
  readonly seed: number;
  readonly featureCount: number;
  readonly [key: string]: unknown;
}

/** A loaded NER model. Read-only; one instance serves every document. */
export interface NerModel {
  readonly info: NerModelInfo;
  readonly tagCount: number;
  /** Open-addressing table of feature hashes (0 = empty slot); mask = keys.length - 1. */
  readonly keys: Uint32Array;
  /** Row of the weight matrix for each slot of `keys`. */
  readonly rows: Int32Array;
  /** rowCount × tagCount weights. */
  readonly weights: Float32Array;
  /** (tagCount + 1) × tagCount; row 0 scores the first tag of a sentence. */
  readonly transitions: Float32Array;
  readonly features: FeatureResources;
}

/** A feature hash as stored in a table: never 0, which marks an empty slot. */
export function tableKey(hash: number): number {
  return hash === 0 ? 1 : hash;
}

/** Builds an open-addressing table over distinct feature hashes; returns keys and the row of each slot. */
export function buildFeatureTable(hashes: ArrayLike<number>): { keys: Uint32Array; rows: Int32Array } {
  let size = 1;
  while (size < hashes.length * 2) size <<= 1;
  const keys = new Uint32Array(size);
  const rows = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let r = 0; r < hashes.length; r++) {
    const key = tableKey(hashes[r] ?? 0);
    let slot = key & mask;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    keys[slot] = key;
    rows[slot] = r;
  }
  return { keys, rows };
}

/** The weight row of a feature hash, or -1 when the model does not know it. */
export function lookupRow(keys: Uint32Array, rows: Int32Array, hash: number): number {
  const key = tableKey(hash);
  const mask = keys.length - 1;
  let slot = key & mask;
  for (;;) {
    const k = keys[slot] ?? 0;
    if (k === key) return rows[slot] ?? -1;
    if (k === 0) return -1;
    slot = (slot + 1) & mask;
  }
}

/** Emission scores n × tagCount for a sentence's features. */
export function emissionScores(model: NerModel, sentence: SentenceFeatures, n: number, into?: Float32Array): Float32Array {
  const t = model.tagCount;
  // `into` (tagWords' scratch) is zeroed over the part used: the sums below start from 0 as in a fresh array.
  const scores = into ? into.fill(0, 0, n * t) : new Float32Array(n * t);
  const { weights } = model;
  const table = interleavedTable(model.keys, model.rows);
  const mask = model.keys.length - 1;
  const feats = sentence.feats;
  const total = sentence.offsets[n] ?? 0;
  // Two passes: all table probes first (independent loads the CPU can overlap), then the weight sums in the
  // same feature order as before, so every float sum is unchanged.
  if (ROWS.length < total) ROWS = new Int32Array(Math.max(total, 2 * ROWS.length));
  const rowOf = ROWS;
  for (let f = 0; f < total; f++) {
    // lookupRow inlined over the interleaved table: one cache line per probe instead of two arrays.
    const hash = feats[f] ?? 0;
    const key = hash === 0 ? 1 : hash | 0;
    let slot = key & mask;
    let row = -1;
    for (;;) {
      const k = table[2 * slot]!;
      if (k === key) {
        row = table[2 * slot + 1]!;
        break;
      }
      if (k === 0) break;
      slot = (slot + 1) & mask;
    }
    rowOf[f] = row;
  }
  for (let i = 0; i < n; i++) {
    const from = sentence.offsets[i] ?? 0;
    const to = sentence.offsets[i + 1] ?? 0;
    const base = i * t;
    for (let f = from; f < to; f++) {
      const row = rowOf[f]!;
      if (row < 0) continue;
      const w = row * t;
      for (let y = 0; y < t; y++) scores[base + y]! += weights[w + y]!;
    }
  }
  return scores;
}

/** Row of each feature of the sentence being scored (scratch; grows to the longest sentence). */
let ROWS = new Int32Array(0);

const INTERLEAVED = new WeakMap<Uint32Array, Int32Array>();

/** keys and rows side by side (slot s at [2s], [2s + 1]), built once per loaded model. */
function interleavedTable(keys: Uint32Array, rows: Int32Array): Int32Array {
  let table = INTERLEAVED.get(keys);
  if (!table) {
    table = new Int32Array(2 * keys.length);
    for (let s = 0; s < keys.length; s++) {
      table[2 * s] = keys[s]! | 0;
      table[2 * s + 1] = rows[s]!;
    }
    INTERLEAVED.set(keys, table);
  }
  return table;
}

/**
 * Viterbi over emissions and transitions, allowing only valid BILOU sequences. `allowedTags`, when given,
 * restricts token i to the tags whose bits are set in allowedTags[i] (training with partial labels).
 */
export function viterbi(emissions: Float32Array, n: number, transitions: Float32Array, t: number = TAG_COUNT, allowedTags?: Uint32Array): Uint8Array {
  return viterbiWith(emissions, n, transitions, t, allowedTags, new Float64Array(n * t), new Uint8Array(n * t));
}

/** viterbi over caller-provided `best` and `back` buffers (at least n × t; `back` zeroed over that part). */
function viterbiWith(emissions: Float32Array, n: number, transitions: Float32Array, t: number, allowedTags: Uint32Array | undefined, best: Float64Array, back: Uint8Array): Uint8Array {
  const path = new Uint8Array(n);
  if (n === 0) return path;
  const allowed = ALLOWED;
  for (let y = 0; y < t; y++) {
    best[y] = allowed[y]! && isPermitted(allowedTags, 0, y) ? (emissions[y] ?? 0) + (transitions[y] ?? 0) : -Infinity;
  }
  if (allowedTags === undefined && t === TAG_COUNT) {
    // The run-time case (no partial labels): only the valid BILOU predecessors of each tag, in ascending order,
    // which makes the same comparisons as scanning all t and skipping the invalid ones.
    for (let i = 1; i < n; i++) {
      const row = i * t;
      const prevRow = row - t;
      for (let y = 0; y < t; y++) {
        const froms = ALLOWED_FROM[y]!;
        let bestScore = -Infinity;
        let bestPrev = 0;
        for (let j = 0; j < froms.length; j++) {
          const p = froms[j]!;
          const s = best[prevRow + p]! + transitions[(p + 1) * t + y]!;
          if (s > bestScore) {
            bestScore = s;
            bestPrev = p;
          }
        }
        best[row + y] = bestScore + emissions[row + y]!;
        back[row + y] = bestPrev;
      }
    }
  } else {
    for (let i = 1; i < n; i++) {
      const row = i * t;
      const prevRow = row - t;
      for (let y = 0; y < t; y++) {
        if (!isPermitted(allowedTags, i, y)) {
          best[row + y] = -Infinity;
          continue;
        }
        let bestScore = -Infinity;
        let bestPrev = 0;
        for (let p = 0; p < t; p++) {
          if (!allowed[(p + 1) * t + y]) continue;
          const s = best[prevRow + p]! + transitions[(p + 1) * t + y]!;
          if (s > bestScore) {
            bestScore = s;
            bestPrev = p;
          }
        }
        best[row + y] = bestScore + emissions[row + y]!;
        back[row + y] = bestPrev;
      }
    }
  }
  let last = 0;
  let lastScore = -Infinity;
  const lastRow = (n - 1) * t;
  for (let y = 0; y < t; y++) {
    if (!isAllowedEnd(y)) continue;
    if (best[lastRow + y]! > lastScore) {
      lastScore = best[lastRow + y]!;
      last = y;
    }
  }
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * t + path[i]!]!;
  return path;
}

function isPermitted(allowedTags: Uint32Array | undefined, i: number, y: number): boolean {
  return allowedTags === undefined || ((allowedTags[i] ?? 0) & (1 << y)) !== 0;
}

/** ALLOWED[(from + 1) * T + to]: 1 when the transition is valid BILOU (from = -1 at sentence start). */
const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
  for (let from = -1; from < TAG_COUNT; from++) {
    for (let to = 0; to < TAG_COUNT; to++) table[(from + 1) * TAG_COUNT + to] = isAllowedTransition(from, to) ? 1 : 0;
  }
  return table;
})();

/** ALLOWED_FROM[to]: the tags `from` (ascending) that may precede `to` inside a sentence. */
const ALLOWED_FROM: readonly Uint8Array[] = Array.from({ length: TAG_COUNT }, (_, to) => {
  const froms: number[] = [];
  for (let from = 0; from < TAG_COUNT; from++) if (ALLOWED[(from + 1) * TAG_COUNT + to]) froms.push(from);
  return Uint8Array.from(froms);
});

/** BILOU tag indices for one sentence of token strings. */
export function tagWords(model: NerModel, words: readonly string[]): Uint8Array {
  const n = words.length;
  const t = model.tagCount;
  // Scratch buffers shared across calls (JS runs one call at a time; none of them escapes this function).
  const sentence = extractFeatures(words, model.features, SCRATCH.features);
  if (SCRATCH.scores.length < n * t) {
    const size = Math.max(n * t, 2 * SCRATCH.scores.length);
    SCRATCH.scores = new Float32Array(size);
    SCRATCH.best = new Float64Array(size);
    SCRATCH.back = new Uint8Array(size);
  }
  const emissions = emissionScores(model, sentence, n, SCRATCH.scores);
  return viterbiWith(emissions, n, model.transitions, t, undefined, SCRATCH.best, SCRATCH.back.fill(0, 0, n * t));
}

const SCRATCH = { features: createFeatureScratch(), scores: new Float32Array(0), best: new Float64Array(0), back: new Uint8Array(0) };
