/**
 * NER features as 32-bit hashes, computed without building strings per feature: each token's
 * attributes (lower-cased word, shape, affixes) are hashed once, then templates mix those hashes
 * with a template id. Templates: word and neighbours ±2, word bigrams, shapes and shape bigrams,
 * prefixes/suffixes 1–4, capitalisation in sentence position, all-caps headline flag, gazetteer
 * membership with position for the token and its neighbours, and word-cluster ids when the model has them.
 * Models trained with `lineFeatures` also see the shape of the line: a title-case line flag ("Join Google",
 * "Rafael Nadal Wins French Open": capitalisation there is weak evidence), the position in the line, and the
 * line's length and end punctuation (buttons and headings are short and end without a full stop).
 */
import { matchGazetteer, type Gazetteer } from './gazetteer.js';

/** Per-sentence features: token i owns feats[offsets[i] .. offsets[i+1]). */
export interface SentenceFeatures {
  readonly offsets: Uint32Array;
  readonly feats: Uint32Array;
}

/** What feature extraction needs from the model. */
export interface FeatureResources {
  readonly gazetteer: Gazetteer;
  /**
   * Hash of the normalised word (hashString(normaliseWord(w)), the POS lexicon key) → cluster path code
   * (src/nlp/pos/clusters.ts: a leading 1 bit, then the path). Case-blind by construction, so "google" in a
   * tweet gets the cluster of "Google". Empty: no cluster features.
   */
  readonly clusters: ReadonlyMap<number, number>;
  /** Line-shape templates on (title-case line, position, length); a model's info says whether it was trained with them. */
  readonly lineFeatures?: boolean;
  /** The case-less-sentence class (models trained with lower-cased copies); a model's info says so. */
  readonly caseLessClass?: boolean;
  /** Word-class context templates: the classes of the words at ±2 and class bigrams with each neighbour; a model's info says whether it was trained with them. */
  readonly classContext?: boolean;
  /** The word's 10-bit class × its capitalisation in sentence position; a model's info says whether it was trained with it. */
  readonly classCap?: boolean;
}

/**
 * Per-token feature dropout for training (bit masks): the token's gazetteer codes are left out, for itself
 * and as a neighbour, so the gazetteer weights do not lean on words the training data already knows.
 */
export const DROP_GAZETTEER = 1;
/** Dropout bit: the token's own word-identity features (word, cased word, word bigrams) are left out. */
export const DROP_WORD = 2;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a string's UTF-16 code units. */
export function hashString(value: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Mixes a template id and up to two attribute hashes into one feature hash (murmur3 finaliser); shared with the POS tagger. */
export function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ Math.imul(b, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Word shape with runs collapsed: "Soleimani" → "Xx", "U.S." → "X.X.", "1996-08-30" → "d-d-d". */
export function wordShape(word: string): string {
  let out = '';
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const c = shapeCode(word, i);
    if (c !== last) out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

/** FNV hash of wordShape(word), computed without building the string. */
export function wordShapeHash(word: string): number {
  let h = FNV_OFFSET;
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const c = shapeCode(word, i);
    if (c !== last) h = Math.imul(h ^ c, FNV_PRIME);
    last = c;
  }
  return h >>> 0;
}

/** The shape class of code unit i: 'X', 'x', 'd' or the character itself. */
function shapeCode(word: string, i: number): number {
  const code = word.charCodeAt(i);
  if (code >= 65 && code <= 90) return 88; // X
  if (code >= 97 && code <= 122) return 120; // x
  if (code >= 48 && code <= 57) return 100; // d
  if (code < 128) return code;
  const ch = word.charAt(i);
  if (ch !== ch.toLowerCase()) return 88;
  if (ch !== ch.toUpperCase()) return 120;
  return code;
}

/** Lower case with every digit mapped to 0, so numbers share features. */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  return DIGIT_OR_QUOTE_RE.test(lower) ? lower.replace(/[0-9]/g, '0').replace(/[’‘]/g, "'") : lower;
}

const DIGIT_OR_QUOTE_RE = /[0-9’‘]/;

const PAD_BEFORE = hashString('<s>');
const PAD_AFTER = hashString('</s>');
/** Template ids; changing them changes every feature hash, so bump the model version. */
const T = {
  Bias: 1,
  Word: 2,
  Cased: 3,
  Prev1: 4,
  Next1: 5,
  Prev2: 6,
  Next2: 7,
  PrevBigram: 8,
  NextBigram: 9,
  Shape: 10,
  PrevShape: 11,
  NextShape: 12,
  ShapePrevBigram: 13,
  ShapeNextBigram: 14,
  Prefix: 15,
  Suffix: 16,
  FirstCap: 17,
  Headline: 18,
  GazHere: 19,
  GazPrev: 20,
  GazNext: 21,
  Cluster: 22,
  ClusterPrev: 23,
  ClusterNext: 24,
  Length: 25,
  WordShapeNext: 26,
  PrevWordShape: 27,
  CapRun: 28,
  TitleLine: 29,
  TitleLineWord: 30,
  LinePosition: 31,
  LineLength: 32,
  ClusterShape: 33,
  ClusterPrev2: 34,
  ClusterNext2: 35,
  ClusterPrevBigram: 36,
  ClusterNextBigram: 37,
  ClusterCap: 38,
} as const;

/** Words a title-case line leaves in lower case ("Lord of the Rings", "Man Bites Dog in Paris"). */
const TITLE_LOWER = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'vs.', 'via', 'per', 'into']);

/** Punctuation that ends a sentence, as opposed to a heading or a button label. */
const END_PUNCTUATION = new Set(['.', '!', '?', '"', '”', '’', "'", ':', ';', ')']);

/**
 * True when every word of the line that has letters is capitalised, bar short function words, and at least
 * two are: "Join Google", "Obama Wins in Ohio" (a heading, a button), not "Obama met Merkel".
 */
export function isTitleCaseLine(words: readonly string[]): boolean {
  let capitalised = 0;
  for (const w of words) {
    const first = w.charAt(0);
    if (first.toUpperCase() === first.toLowerCase()) continue;
    if (first !== first.toLowerCase()) capitalised++;
    else if (!TITLE_LOWER.has(w)) return false;
  }
  return capitalised >= 2;
}

/** The line written as a title ("Obama wins in Ohio" → "Obama Wins in Ohio"); for training-data augmentation. */
export function titleCaseWords(words: readonly string[]): string[] {
  return words.map((w, i) => (i > 0 && TITLE_LOWER.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)));
}

/**
 * Buffers extractFeatures may reuse from one sentence to the next: allocating a dozen typed arrays per
 * sentence cost more than filling them. Whoever passes one must be done with the previous result.
 */
export interface FeatureScratch {
  feats: Uint32Array;
  offsets: Uint32Array;
  wordHash: Uint32Array;
  shapeHash: Uint32Array;
  isCap: Uint8Array;
  runStart: Int32Array;
  runEnd: Int32Array;
  cluster: Uint32Array;
}

/** Empty scratch buffers; they grow to the longest sentence seen. */
export function createFeatureScratch(): FeatureScratch {
  return { feats: new Uint32Array(0), offsets: new Uint32Array(0), wordHash: new Uint32Array(0), shapeHash: new Uint32Array(0), isCap: new Uint8Array(0), runStart: new Int32Array(0), runEnd: new Int32Array(0), cluster: new Uint32Array(0) };
}

function fitScratch(scratch: FeatureScratch, n: number): void {
  if (scratch.wordHash.length < n) {
    const size = Math.max(n, 2 * scratch.wordHash.length, 64);
    scratch.wordHash = new Uint32Array(size);
    scratch.shapeHash = new Uint32Array(size);
    scratch.isCap = new Uint8Array(size);
    scratch.runStart = new Int32Array(size);
    scratch.runEnd = new Int32Array(size);
    scratch.cluster = new Uint32Array(size);
    scratch.offsets = new Uint32Array(size + 1);
  }
  if (scratch.feats.length < n * 40 + 8) scratch.feats = new Uint32Array(Math.max(n * 40 + 8, 2 * scratch.feats.length));
}

/**
 * Features of one sentence. `words` are the raw token strings.
 * The returned arrays are fresh unless `scratch` is given: then they are views of its buffers, valid until
 * the next call with the same scratch. Extraction keeps no state between calls. `dropout` (training only) holds
 * DROP_GAZETTEER / DROP_WORD bits per token.
 */
export function extractFeatures(words: readonly string[], res: FeatureResources, scratch?: FeatureScratch, dropout?: Uint8Array): SentenceFeatures {
  const n = words.length;
  if (scratch) fitScratch(scratch, n);
  const lower: string[] = new Array<string>(n);
  const wordHash = scratch ? scratch.wordHash : new Uint32Array(n);
  const shapeHash = scratch ? scratch.shapeHash : new Uint32Array(n);
  const isCap = scratch ? scratch.isCap.fill(0, 0, n) : new Uint8Array(n);
  const cluster = scratch ? scratch.cluster.fill(0, 0, n) : new Uint32Array(n);
  const hasClusters = res.clusters.size > 0;
  let letters = 0;
  let upperOnly = 0;
  let capitalised = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i] ?? '';
    const lw = normaliseWord(w);
    lower[i] = lw;
    wordHash[i] = hashString(lw);
    shapeHash[i] = wordShapeHash(w);
    if (hasClusters) cluster[i] = res.clusters.get(wordHash[i]!) ?? 0;
    const upper = w.toUpperCase();
    if (upper !== w.toLowerCase()) {
      // The word has letters (its upper and lower forms differ).
      letters++;
      if (w === upper) upperOnly++;
      const first = w.charAt(0);
      if (first !== first.toLowerCase()) {
        isCap[i] = 1;
        capitalised++;
      }
    }
  }
  // CoNLL headlines and datelines are in capitals: "LEICESTERSHIRE TAKE OVER AT TOP".
  const isHeadline = letters >= 2 && upperOnly === letters ? 1 : 0;
  // The sentence's case: 1 all capitals (above), 2 no capital at all ("just saw obama in chicago": a tweet,
  // a lower-cased line), 0 otherwise. Read with the shape, so a lower-case word in a case-less line is not
  // evidence against a name the way it is in edited text.
  const caseClass = isHeadline === 1 ? 1 : res.caseLessClass === true && letters >= 2 && capitalised === 0 ? 2 : 0;
  const gazetteer = matchGazetteer(res.gazetteer, lower, wordHash);
  const hasLineFeatures = res.lineFeatures === true;
  const isTitleLine = hasLineFeatures && !isHeadline && isTitleCaseLine(words) ? 1 : 0;
  const lineLength = Math.min(n, 8) * 2 + (END_PUNCTUATION.has(words[n - 1] ?? '') ? 1 : 0);

  // Run of capitalised words each token sits in ("Vladimir Putin" → 2), computed in one pass.
  const runStart = scratch ? scratch.runStart : new Int32Array(n);
  const runEnd = scratch ? scratch.runEnd : new Int32Array(n);
  for (let i = 0; i < n; i++) runStart[i] = isCap[i] && i > 0 && isCap[i - 1] ? runStart[i - 1]! : i;
  for (let i = n - 1; i >= 0; i--) runEnd[i] = isCap[i] && i + 1 < n && isCap[i + 1] ? runEnd[i + 1]! : i + 1;

  let feats = scratch ? scratch.feats : new Uint32Array(n * 40 + 8);
  let k = 0;
  const push = (f: number): void => {
    if (k === feats.length) {
      const grown = new Uint32Array(feats.length * 2);
      grown.set(feats);
      feats = grown;
    }
    feats[k++] = f;
  };
  const offsets = scratch ? scratch.offsets : new Uint32Array(n + 1);
  const isGazDropped = (j: number): boolean => dropout !== undefined && ((dropout[j] ?? 0) & DROP_GAZETTEER) !== 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const w = words[i] ?? '';
    const lw = lower[i] ?? '';
    const wh = wordHash[i] ?? 0;
    const sh = shapeHash[i] ?? 0;
    const p1 = i > 0 ? (wordHash[i - 1] ?? 0) : PAD_BEFORE;
    const p2 = i > 1 ? (wordHash[i - 2] ?? 0) : PAD_BEFORE;
    const n1 = i + 1 < n ? (wordHash[i + 1] ?? 0) : PAD_AFTER;
    const n2 = i + 2 < n ? (wordHash[i + 2] ?? 0) : PAD_AFTER;
    const ps = i > 0 ? (shapeHash[i - 1] ?? 0) : PAD_BEFORE;
    const ns = i + 1 < n ? (shapeHash[i + 1] ?? 0) : PAD_AFTER;
    const drop = dropout ? (dropout[i] ?? 0) : 0;
    const hasWord = (drop & DROP_WORD) === 0;
    push(mix(T.Bias, 0));
    if (hasWord) {
      push(mix(T.Word, wh));
      push(mix(T.Cased, w === lw ? wh : hashString(w)));
    }
    push(mix(T.Prev1, p1));
    push(mix(T.Next1, n1));
    push(mix(T.Prev2, p2));
    push(mix(T.Next2, n2));
    if (hasWord) {
      push(mix(T.PrevBigram, p1, wh));
      push(mix(T.NextBigram, wh, n1));
    }
    push(mix(T.Shape, sh));
    push(mix(T.PrevShape, ps));
    push(mix(T.NextShape, ns));
    push(mix(T.ShapePrevBigram, ps, sh));
    push(mix(T.ShapeNextBigram, sh, ns));
    if (hasWord) push(mix(T.WordShapeNext, wh, ns));
    push(mix(T.PrevWordShape, p1, sh));
    push(mix(T.Length, Math.min(lw.length, 12)));
    push(mix(T.FirstCap, i === 0 ? 1 : 2, sh));
    push(mix(T.Headline, caseClass, sh));
    // Affix hashes grow one character at a time (FNV is incremental); suffixes are hashed from the end.
    const maxAffix = Math.min(4, lw.length);
    let prefix = FNV_OFFSET;
    let suffix = FNV_OFFSET;
    for (let a = 1; a <= maxAffix; a++) {
      prefix = Math.imul(prefix ^ lw.charCodeAt(a - 1), FNV_PRIME) >>> 0;
      suffix = Math.imul(suffix ^ lw.charCodeAt(lw.length - a), FNV_PRIME) >>> 0;
      push(mix(T.Prefix, prefix, a));
      push(mix(T.Suffix, suffix, a));
    }
    if (isCap[i]) push(mix(T.CapRun, Math.min(runEnd[i]! - runStart[i]!, 5), Math.min(i - runStart[i]!, 3)));
    if (hasLineFeatures) {
      push(mix(T.TitleLine, isTitleLine, sh));
      if (isTitleLine) push(mix(T.TitleLineWord, wh));
      push(mix(T.LinePosition, i === 0 ? 0 : i === n - 1 ? 1 : i < 3 ? 2 : 3, isTitleLine * 2 + (isCap[i] ?? 0)));
      push(mix(T.LineLength, lineLength, sh));
    }
    if (!isGazDropped(i)) for (const code of gazetteer[i] ?? []) push(mix(T.GazHere, code));
    if (i > 0 && !isGazDropped(i - 1)) for (const code of gazetteer[i - 1] ?? []) push(mix(T.GazPrev, code));
    if (i + 1 < n && !isGazDropped(i + 1)) for (const code of gazetteer[i + 1] ?? []) push(mix(T.GazNext, code));
    if (hasClusters) {
      // Coarse-to-fine paths of the word (Ratinov & Roth 2009 use 4, 6, 10, 20 bits), its neighbours' 6-bit
      // classes, and the word's 6-bit class × its own shape: a capitalised member of a name cluster.
      const c0 = cluster[i]!;
      if (c0 !== 0) {
        for (const bits of CLUSTER_PREFIXES) push(mix(T.Cluster, clusterPrefix(c0, bits), bits));
        push(mix(T.ClusterShape, clusterPrefix(c0, 6), sh));
      }
      const prev = i > 0 ? clusterPrefix(cluster[i - 1]!, 6) : PAD_BEFORE;
      const next = i + 1 < n ? clusterPrefix(cluster[i + 1]!, 6) : PAD_AFTER;
      push(mix(T.ClusterPrev, prev));
      push(mix(T.ClusterNext, next));
      if (res.classContext === true) {
        // A name's context in classes, not words ("joined <company-class> as").
        const here = clusterPrefix(c0, 6);
        push(mix(T.ClusterPrev2, i > 1 ? clusterPrefix(cluster[i - 2]!, 6) : PAD_BEFORE));
        push(mix(T.ClusterNext2, i + 2 < n ? clusterPrefix(cluster[i + 2]!, 6) : PAD_AFTER));
        push(mix(T.ClusterPrevBigram, prev, here));
        push(mix(T.ClusterNextBigram, here, next));
      }
      // The class read with the word's capitals in its place: a capitalised word of a common-noun class
      // mid-sentence is weaker evidence than one of a name class.
      if (res.classCap === true) push(mix(T.ClusterCap, clusterPrefix(c0, 10), isCap[i] ? (i === 0 ? 1 : 2) : caseClass + 3));
    }
  }
  offsets[n] = k;
  if (scratch) {
    // Kept whole (no subarray view): readers stop at offsets[n].
    scratch.feats = feats;
    return { offsets, feats };
  }
  return { offsets, feats: feats.subarray(0, k) };
}

/** The first `bits` bits of a cluster path code (the whole path when shorter), still with its leading 1. */
export function clusterPrefix(code: number, bits: number): number {
  const depth = 31 - Math.clz32(code);
  return depth <= bits ? code : code >>> (depth - bits);
}

/** Bit-string prefix lengths of a word's cluster path used as features (Ratinov & Roth 2009; our paths have ≤ 14 bits). */
const CLUSTER_PREFIXES = [4, 6, 10, 20] as const;
