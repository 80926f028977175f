/**
 * POS tagger features as 32-bit hashes, built with the NER feature hashing (`mix`, FNV word and shape
 * hashes) so no string is made per feature. Static templates (computed once per sentence): word, cased
 * word, prefixes 1–3 and suffixes 1–4, shape, words at ±1 and ±2, suffixes and shapes of the neighbours,
 * word bigrams, capitalisation at sentence start; all on the word with its quotes straightened. Dynamic templates (from the tags already chosen, left
 * to right): previous tag, previous two tags, previous tag × word, previous tag × next word.
 */
import * as ner from '../ner/features.js';

// Bound once: calls through a module namespace (or a transpiler's live-binding getter) cost in the hot loop.
const { hashString, mix, normaliseWord, wordShapeHash } = ner;

/** Per-sentence static features: token i owns feats[offsets[i] .. offsets[i+1]); wordHash feeds the dynamic ones. */
export interface PosSentenceFeatures {
  readonly offsets: Uint32Array;
  readonly feats: Uint32Array;
  readonly wordHash: Uint32Array;
  /** Ambiguity class + 1 of each word (0: unseen), when the lexicon has classes. */
  readonly ambiguity?: Uint32Array;
  /** Set for the second pass of a stacked tagger: every feature, static and dynamic, is salted into its own space. */
  readonly isSecondPass?: boolean;
}

/** The most dynamic features dynamicFeatures writes per token. */
export const DYNAMIC_FEATURE_COUNT = 6;

/** Template ids; changing them changes every feature hash, so retrain and bump the model version. */
const T = {
  Bias: 101,
  Word: 102,
  Cased: 103,
  Prefix: 104,
  Suffix: 105,
  Shape: 106,
  Prev1: 107,
  Next1: 108,
  Prev2: 109,
  Next2: 110,
  PrevSuffix3: 111,
  NextSuffix3: 112,
  PrevShape: 113,
  NextShape: 114,
  PrevBigram: 115,
  NextBigram: 116,
  FirstCap: 117,
  PrevTag: 118,
  PrevTags: 119,
  PrevTagWord: 120,
  PrevTagNext: 121,
  // Feature group "rich" (models whose info lists it).
  Suffix5: 122,
  Prefix4: 123,
  Around: 124,
  Next2Suffix3: 125,
  PrevSuffix2: 126,
  NextSuffix2: 127,
  WordNextShape: 128,
  // Feature group "ambiguity": the set of tags a word took in training (words seen often enough).
  Ambiguity: 130,
  NextAmbiguity: 131,
  Next2Ambiguity: 132,
  AmbiguityPair: 133,
  PrevAmbiguity: 134,
  // Feature group "clusters": bit-string prefixes of the word's distributional cluster and its neighbours'.
  Cluster: 140,
  PrevCluster: 141,
  NextCluster: 142,
  Prev2Cluster: 143,
  Next2Cluster: 144,
  ClusterNextCluster: 145,
  PrevTagAmbiguity: 150,
  PrevTagNextAmbiguity: 151,
  // Feature group "stacked": the second pass reads the first pass's tags on both sides (Brill-like stacking).
  StackSelf: 160,
  StackNext: 161,
  StackNext2: 162,
  StackPrev: 163,
  StackAround: 164,
  StackNextPair: 165,
  StackSelfWord: 166,
  StackNextWord: 167,
  StackTriple: 168,
  SecondPass: 169,
} as const;

/**
 * Word-level knowledge a model carries besides its weights, all keyed by the hash of the normalised word
 * (lower case, digits → 0, quotes straightened): which optional feature groups it was trained with, the
 * ambiguity class (bit y set when the word took tag y in training) and the cluster path (bit string with a
 * leading 1: 0b1 then the path's bits, root first).
 */
export interface PosLexicon {
  readonly rich: boolean;
  readonly ambiguity?: ReadonlyMap<number, number>;
  readonly clusters?: ReadonlyMap<number, number>;
  /** Group "stacked": the model has a second pass that sees the first pass's tags (model.ts tagPosColumns). */
  readonly stacked?: boolean;
}

/** The features of the first models: no optional group. */
export const PLAIN_LEXICON: PosLexicon = { rich: false };

/** The first `bits` bits of a cluster path code; defined beside the NER features, which read clusters too. */
export const clusterPrefix = ner.clusterPrefix;

const PAD_BEFORE = hashString('<s>');
const PAD_AFTER = hashString('</s>');
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Curly quotes and apostrophes made straight, as UD EWT mostly writes them: “Stop,” → "Stop,". */
export function straightenQuotes(word: string): string {
  return CURLY_RE.test(word) ? word.replace(CURLY_DOUBLE_RE_G, '"').replace(CURLY_SINGLE_RE_G, "'") : word;
}

const CURLY_RE = /[“”„‘’]/;
const CURLY_DOUBLE_RE_G = /[“”„]/g;
const CURLY_SINGLE_RE_G = /[‘’]/g;

/** The key of a word in a PosLexicon: the hash of its normalised form (as wordHash in the features). */
export function lexiconKey(word: string): number {
  return hashString(normaliseWord(straightenQuotes(word)));
}

/** FNV hash of the last `length` code units of a word (the whole word when shorter). */
function suffixHash(word: string, length: number): number {
  let h = FNV_OFFSET;
  for (let i = Math.max(0, word.length - length); i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * Static features of one sentence of raw token strings. Pure; the returned arrays are fresh (or views of `scratch`).
 * With `firstPass` (the first pass's tag columns) they are the second pass's: the same templates plus the stacked
 * ones, every hash salted so the two passes keep separate weight rows in one table.
 */
export function extractPosFeatures(words: readonly string[], scratch?: PosFeatureScratch, lexicon: PosLexicon = PLAIN_LEXICON, firstPass?: ArrayLike<number>): PosSentenceFeatures {
  const n = words.length;
  if (scratch) fitPosScratch(scratch, n);
  const straight: string[] = new Array<string>(n);
  const lower: string[] = new Array<string>(n);
  // wordHash is returned, and dynamicFeatures reads its length as the sentence length: a view of exactly n.
  const wordHash = scratch ? scratch.wordHash.subarray(0, n) : new Uint32Array(n);
  const shapeHash = scratch ? scratch.shapeHash : new Uint32Array(n);
  const suffix3 = scratch ? scratch.suffix3 : new Uint32Array(n);
  const suffix2 = scratch ? scratch.suffix2 : new Uint32Array(n);
  // 0: no ambiguity class / no cluster (unseen word); classes are tag bitmasks + 1, cluster codes start with a 1 bit.
  const ambiguity = scratch ? scratch.ambiguity.subarray(0, n) : new Uint32Array(n);
  const cluster = scratch ? scratch.cluster.subarray(0, n) : new Uint32Array(n);
  const { rich, ambiguity: ambiguityOf, clusters: clusterOf } = lexicon;
  for (let i = 0; i < n; i++) {
    const w = straightenQuotes(words[i] ?? '');
    const lw = normaliseWord(w);
    straight[i] = w;
    lower[i] = lw;
    wordHash[i] = hashString(lw);
    shapeHash[i] = wordShapeHash(w);
    suffix3[i] = suffixHash(lw, 3);
    if (rich) suffix2[i] = suffixHash(lw, 2);
    ambiguity[i] = ambiguityOf ? (ambiguityOf.get(wordHash[i]!) ?? -1) + 1 : 0;
    cluster[i] = clusterOf ? (clusterOf.get(wordHash[i]!) ?? 0) : 0;
  }
  const feats = scratch ? scratch.feats : new Uint32Array(n * MAX_FEATURES_PER_TOKEN);
  const offsets = scratch ? scratch.offsets : new Uint32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const w = straight[i] ?? '';
    const lw = lower[i] ?? '';
    const wh = wordHash[i] ?? 0;
    const sh = shapeHash[i] ?? 0;
    const p1 = i > 0 ? wordHash[i - 1]! : PAD_BEFORE;
    const p2 = i > 1 ? wordHash[i - 2]! : PAD_BEFORE;
    const n1 = i + 1 < n ? wordHash[i + 1]! : PAD_AFTER;
    const n2 = i + 2 < n ? wordHash[i + 2]! : PAD_AFTER;
    feats[k++] = mix(T.Bias, 0);
    feats[k++] = mix(T.Word, wh);
    // The cased form separates "US" (PROPN) from "us" (PRON) and "May" from "may".
    feats[k++] = mix(T.Cased, w === lw ? wh : hashString(w));
    feats[k++] = mix(T.Shape, sh);
    feats[k++] = mix(T.Prev1, p1);
    feats[k++] = mix(T.Next1, n1);
    feats[k++] = mix(T.Prev2, p2);
    feats[k++] = mix(T.Next2, n2);
    feats[k++] = mix(T.PrevSuffix3, i > 0 ? suffix3[i - 1]! : PAD_BEFORE);
    feats[k++] = mix(T.NextSuffix3, i + 1 < n ? suffix3[i + 1]! : PAD_AFTER);
    feats[k++] = mix(T.PrevShape, i > 0 ? shapeHash[i - 1]! : PAD_BEFORE);
    feats[k++] = mix(T.NextShape, i + 1 < n ? shapeHash[i + 1]! : PAD_AFTER);
    feats[k++] = mix(T.PrevBigram, p1, wh);
    feats[k++] = mix(T.NextBigram, wh, n1);
    feats[k++] = mix(T.FirstCap, i === 0 ? 1 : 2, sh);
    // Affix hashes grow one character at a time (FNV is incremental).
    if (rich) {
      feats[k++] = mix(T.Around, p1, n1);
      feats[k++] = mix(T.Next2Suffix3, i + 2 < n ? suffix3[i + 2]! : PAD_AFTER);
      feats[k++] = mix(T.PrevSuffix2, i > 0 ? suffix2[i - 1]! : PAD_BEFORE);
      feats[k++] = mix(T.NextSuffix2, i + 1 < n ? suffix2[i + 1]! : PAD_AFTER);
      feats[k++] = mix(T.WordNextShape, wh, i + 1 < n ? shapeHash[i + 1]! : PAD_AFTER);
    }
    if (ambiguityOf) {
      const a0 = ambiguity[i]!;
      const a1 = i + 1 < n ? ambiguity[i + 1]! : PAD_AFTER;
      feats[k++] = mix(T.Ambiguity, a0);
      feats[k++] = mix(T.NextAmbiguity, a1);
      feats[k++] = mix(T.Next2Ambiguity, i + 2 < n ? ambiguity[i + 2]! : PAD_AFTER);
      feats[k++] = mix(T.PrevAmbiguity, i > 0 ? ambiguity[i - 1]! : PAD_BEFORE);
      feats[k++] = mix(T.AmbiguityPair, a0, a1);
    }
    if (clusterOf) {
      const c0 = cluster[i]!;
      const c1 = i + 1 < n ? cluster[i + 1]! : PAD_AFTER;
      feats[k++] = mix(T.Cluster, clusterPrefix(c0, 4), 4);
      feats[k++] = mix(T.Cluster, clusterPrefix(c0, 6), 6);
      feats[k++] = mix(T.Cluster, clusterPrefix(c0, 10), 10);
      feats[k++] = mix(T.Cluster, c0, 99);
      feats[k++] = mix(T.PrevCluster, i > 0 ? cluster[i - 1]! : PAD_BEFORE);
      feats[k++] = mix(T.NextCluster, c1);
      feats[k++] = mix(T.Prev2Cluster, i > 1 ? clusterPrefix(cluster[i - 2]!, 6) : PAD_BEFORE);
      feats[k++] = mix(T.Next2Cluster, i + 2 < n ? clusterPrefix(cluster[i + 2]!, 6) : PAD_AFTER);
      feats[k++] = mix(T.ClusterNextCluster, clusterPrefix(c0, 6), i + 1 < n ? clusterPrefix(c1, 6) : PAD_AFTER);
    }
    const maxPrefix = Math.min(rich ? 4 : 3, lw.length);
    let prefix = FNV_OFFSET;
    for (let a = 1; a <= maxPrefix; a++) {
      prefix = Math.imul(prefix ^ lw.charCodeAt(a - 1), FNV_PRIME) >>> 0;
      feats[k++] = mix(T.Prefix, prefix, a);
    }
    const maxSuffix = Math.min(rich ? 5 : 4, lw.length);
    let suffix = FNV_OFFSET;
    for (let a = 1; a <= maxSuffix; a++) {
      suffix = Math.imul(suffix ^ lw.charCodeAt(lw.length - a), FNV_PRIME) >>> 0;
      feats[k++] = mix(T.Suffix, suffix, a);
    }
    if (firstPass) {
      // Tag codes: column + 1, 0 beyond the sentence.
      const t0 = firstPass[i]! + 1;
      const tp = i > 0 ? firstPass[i - 1]! + 1 : 0;
      const tn = i + 1 < n ? firstPass[i + 1]! + 1 : 0;
      const tn2 = i + 2 < n ? firstPass[i + 2]! + 1 : 0;
      feats[k++] = mix(T.StackSelf, t0);
      feats[k++] = mix(T.StackNext, tn);
      feats[k++] = mix(T.StackNext2, tn2);
      feats[k++] = mix(T.StackPrev, tp);
      feats[k++] = mix(T.StackAround, tp, tn);
      feats[k++] = mix(T.StackNextPair, tn, tn2);
      feats[k++] = mix(T.StackSelfWord, t0, wh);
      feats[k++] = mix(T.StackNextWord, tn, wh);
      feats[k++] = mix(T.StackTriple, (tp << 8) | t0, tn);
      for (let f = offsets[i]!; f < k; f++) feats[f] = mix(T.SecondPass, feats[f]!);
    }
  }
  offsets[n] = k;
  // With scratch, feats stays whole (readers stop at offsets[n]).
  return { offsets, feats: scratch ? feats : feats.subarray(0, k), wordHash, ...(ambiguityOf ? { ambiguity } : {}), ...(firstPass ? { isSecondPass: true } : {}) };
}

/**
 * Buffers extractPosFeatures may reuse from one sentence to the next (allocating them per sentence cost more
 * than filling them). Whoever passes one must be done with the previous result.
 */
export interface PosFeatureScratch {
  feats: Uint32Array;
  offsets: Uint32Array;
  wordHash: Uint32Array;
  shapeHash: Uint32Array;
  suffix3: Uint32Array;
  suffix2: Uint32Array;
  ambiguity: Uint32Array;
  cluster: Uint32Array;
}

/** The most static features one token gets (all groups on). */
const MAX_FEATURES_PER_TOKEN = 64;

/** Empty scratch buffers; they grow to the longest sentence seen. */
export function createPosFeatureScratch(): PosFeatureScratch {
  return { feats: new Uint32Array(0), offsets: new Uint32Array(0), wordHash: new Uint32Array(0), shapeHash: new Uint32Array(0), suffix3: new Uint32Array(0), suffix2: new Uint32Array(0), ambiguity: new Uint32Array(0), cluster: new Uint32Array(0) };
}

function fitPosScratch(scratch: PosFeatureScratch, n: number): void {
  if (scratch.wordHash.length >= n) return;
  const size = Math.max(n, 2 * scratch.wordHash.length, 64);
  scratch.wordHash = new Uint32Array(size);
  scratch.shapeHash = new Uint32Array(size);
  scratch.suffix3 = new Uint32Array(size);
  scratch.suffix2 = new Uint32Array(size);
  scratch.ambiguity = new Uint32Array(size);
  scratch.cluster = new Uint32Array(size);
  scratch.offsets = new Uint32Array(size + 1);
  scratch.feats = new Uint32Array(size * MAX_FEATURES_PER_TOKEN);
}

/**
 * Writes token i's dynamic features into out and returns how many (at most DYNAMIC_FEATURE_COUNT): prev1/prev2 are the tags chosen
 * for tokens i-1 and i-2, or `start` (= tag count) before the sentence.
 */
export function dynamicFeatures(sentence: PosSentenceFeatures, i: number, prev1: number, prev2: number, out: Uint32Array): number {
  const n = sentence.wordHash.length;
  out[0] = mix(T.PrevTag, prev1 + 1);
  out[1] = mix(T.PrevTags, prev1 + 1, prev2 + 1);
  out[2] = mix(T.PrevTagWord, prev1 + 1, sentence.wordHash[i]!);
  out[3] = mix(T.PrevTagNext, prev1 + 1, i + 1 < n ? sentence.wordHash[i + 1]! : PAD_AFTER);
  let count = 4;
  const ambiguity = sentence.ambiguity;
  if (ambiguity) {
    out[4] = mix(T.PrevTagAmbiguity, prev1 + 1, ambiguity[i]!);
    out[5] = mix(T.PrevTagNextAmbiguity, prev1 + 1, i + 1 < n ? ambiguity[i + 1]! : PAD_AFTER);
    count = 6;
  }
  if (sentence.isSecondPass) for (let f = 0; f < count; f++) out[f] = mix(T.SecondPass, out[f]!);
  return count;
}
