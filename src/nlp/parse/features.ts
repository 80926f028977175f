/**
 * Parser features as 32-bit hashes (the NER/POS hashing: `mix` of a template id with attribute hashes), so no
 * string is built per feature. Two sets:
 * - action features of a configuration (Zhang & Nivre 2011 templates for arc-eager): words and POS of s0, s1,
 *   b0, b1, b2, their pairs and triples, the head of s0 and its head, the two leftmost/rightmost dependents of
 *   s0 and the two leftmost of b0 with their relations, distance s0–b0, valencies and relation sets;
 * - relation features of one arc (head, dependent, direction): their words and POS and pairs of them, distance,
 *   the dependent's own dependents (the "in" of an obl, the "to" of an xcomp), the relations the head already
 *   has (one nsubj per verb), the words around the dependent.
 */
import * as ner from '../ner/features.js';
import { clusterPrefix } from '../pos/features.js';
import type { ParserState } from './transitions.js';

// Bound once: calls through a module namespace cost in the hot loop.
const { hashString, mix, normaliseWord } = ner;

/** Per-sentence word attributes, indexed by word number 0..n (0 = ROOT). */
export interface SentenceAttributes {
  /** Hash of the lower-cased word (digits → 0). */
  readonly word: Uint32Array;
  /** UPOS index + 1 (0: no word, ROOT_POS for ROOT). */
  readonly pos: Int32Array;
  /** Hash of the word's last three letters. */
  readonly suffix: Uint32Array;
  /** Letter case class: 0 lower or none, 1 capitalised, 2 all capitals, 3 has a digit. */
  readonly shape: Int32Array;
  /** Cluster path code of each word (src/nlp/pos/clusters.ts; 0: none), when the model has clusters. */
  readonly cluster?: Uint32Array;
  /** Hash of each word's PTB tag (xposHash; 0 for ROOT), when the model has the "xpos" group. */
  readonly xpos?: Uint32Array;
  /**
   * Group "between": running counts over words 1..i of verbs (UPOS VERB) and of punctuation, so the words
   * strictly between two words i < j are counted as upTo[j - 1] − upTo[i] in constant time.
   */
  readonly verbsUpTo?: Int32Array;
  readonly punctUpTo?: Int32Array;
}

/** The attribute of a PTB tag ("VBD") in SentenceAttributes.xpos. */
export function xposHash(tag: string): number {
  let hash = XPOS_HASHES.get(tag);
  if (hash === undefined) XPOS_HASHES.set(tag, (hash = hashString(`x:${tag}`)));
  return hash;
}
/** The tag set is small (≈ 50 PTB tags): each is hashed once. */
const XPOS_HASHES = new Map<string, number>();

/** POS code of ROOT in SentenceAttributes.pos. */
export const ROOT_POS = 31;
const ROOT_WORD = hashString('<ROOT>');

/** Reusable arrays for sentenceAttributes (one per thread: run-time parsing allocates none per sentence). */
export interface AttributeScratch {
  word: Uint32Array;
  pos: Int32Array;
  suffix: Uint32Array;
  shape: Int32Array;
  cluster: Uint32Array;
  xpos: Uint32Array;
  verbsUpTo: Int32Array;
  punctUpTo: Int32Array;
}

/** Scratch arrays for sentences of up to `capacity` words. */
export function attributeScratch(capacity: number): AttributeScratch {
  const size = capacity + 1;
  return { word: new Uint32Array(size), pos: new Int32Array(size), suffix: new Uint32Array(size), shape: new Int32Array(size), cluster: new Uint32Array(size), xpos: new Uint32Array(size), verbsUpTo: new Int32Array(size), punctUpTo: new Int32Array(size) };
}

/**
 * Attributes of a sentence given its words and UPOS indices (0-based arrays of length n). With `scratch` (large
 * enough) the arrays are views of it, valid until its next use; each view is exactly n + 1 long, as the feature
 * accessors read past-the-end words as none.
 */
export function sentenceAttributes(words: readonly string[], upos: ArrayLike<number>, clusters?: ReadonlyMap<number, number>, scratch?: AttributeScratch, xposHashes?: ArrayLike<number>, hasBetween = false): SentenceAttributes {
  let attr = uposAttributes(words, upos, clusters, scratch);
  const size = words.length + 1;
  const fits = scratch !== undefined && scratch.word.length >= size;
  if (xposHashes) {
    const xpos = fits ? scratch.xpos.subarray(0, size) : new Uint32Array(size);
    xpos[0] = 0;
    for (let i = 0; i < words.length; i++) xpos[i + 1] = xposHashes[i] ?? 0;
    attr = { ...attr, xpos };
  }
  if (hasBetween) {
    const verbsUpTo = fits ? scratch.verbsUpTo.subarray(0, size) : new Int32Array(size);
    const punctUpTo = fits ? scratch.punctUpTo.subarray(0, size) : new Int32Array(size);
    verbsUpTo[0] = 0;
    punctUpTo[0] = 0;
    for (let i = 1; i < size; i++) {
      const p = attr.pos[i]!;
      verbsUpTo[i] = verbsUpTo[i - 1]! + (p === VERB_POS ? 1 : 0);
      punctUpTo[i] = punctUpTo[i - 1]! + (p === PUNCT_CODE ? 1 : 0);
    }
    attr = { ...attr, verbsUpTo, punctUpTo };
  }
  return attr;
}

/** POS codes (UPOS index + 1) the "between" counts look for: VERB and PUNCT in UPOS_TAGS. */
const VERB_POS = 16 + 1;
const PUNCT_CODE = 13 + 1;

/**
 * Verbs and punctuation strictly between words i < j, as one small code: min(verbs, 3) · 4 + min(punct, 3).
 * A verb between a noun and a later word says the word belongs to another clause; a comma, a list or an apposition.
 */
function betweenCode(verbsUpTo: Int32Array, punctUpTo: Int32Array, i: number, j: number): number {
  if (i < 0 || j < 0 || j - i < 2) return 0;
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  return 4 * Math.min(verbsUpTo[hi - 1]! - verbsUpTo[lo]!, 3) + Math.min(punctUpTo[hi - 1]! - punctUpTo[lo]!, 3) + 1;
}

function uposAttributes(words: readonly string[], upos: ArrayLike<number>, clusters?: ReadonlyMap<number, number>, scratch?: AttributeScratch): SentenceAttributes {
  const n = words.length;
  const size = n + 1;
  const fits = scratch !== undefined && scratch.word.length >= size;
  const word = fits ? scratch.word.subarray(0, size) : new Uint32Array(size);
  const pos = fits ? scratch.pos.subarray(0, size) : new Int32Array(size);
  const suffix = fits ? scratch.suffix.subarray(0, size) : new Uint32Array(size);
  const shape = fits ? scratch.shape.subarray(0, size) : new Int32Array(size);
  word[0] = ROOT_WORD;
  pos[0] = ROOT_POS;
  suffix[0] = ROOT_WORD;
  shape[0] = 0;
  for (let i = 0; i < n; i++) {
    const w = normaliseWord(straighten(words[i]!));
    word[i + 1] = hashString(w);
    pos[i + 1] = (upos[i] ?? 0) + 1;
    suffix[i + 1] = hashString(w.length > 3 ? w.slice(-3) : w);
    shape[i + 1] = caseClass(words[i]!);
  }
  if (!clusters) return { word, pos, suffix, shape };
  // The word hash is the POS lexicon's key (lower case, digits → 0, quotes straightened).
  const cluster = fits ? scratch.cluster.subarray(0, size) : new Uint32Array(size);
  cluster[0] = 1;
  for (let i = 1; i <= n; i++) cluster[i] = clusters.get(word[i]!) ?? 0;
  return { word, pos, suffix, shape, cluster };
}

/** 0 lower case or no letters, 1 capitalised ("Hebron"), 2 all capitals ("UN"), 3 has a digit. */
function caseClass(word: string): number {
  if (DIGIT_RE.test(word)) return 3;
  if (word.toLowerCase() === word) return 0;
  return word.length > 1 && word.toUpperCase() === word ? 2 : 1;
}

/** Curly quotes made straight, as UD EWT mostly writes them. */
function straighten(word: string): string {
  return CURLY_RE.test(word) ? word.replace(CURLY_DOUBLE_RE_G, '"').replace(CURLY_SINGLE_RE_G, "'") : word;
}
const DIGIT_RE = /[0-9]/;
const CURLY_RE = /[“”„‘’]/;
const CURLY_DOUBLE_RE_G = /[“”„]/g;
const CURLY_SINGLE_RE_G = /[‘’]/g;

/** The most action features actionFeatures writes. */
export const MAX_ACTION_FEATURES = 150;
/** The most relation features relationFeatures writes. */
export const MAX_RELATION_FEATURES = 52;

const NONE_WORD = 0x5bd1e995;

// Module-level accessors rather than closures: the bundler wraps every closure made per call.
/** Word hash of word i, or the no-word hash for -1. */
function wAt(W: Uint32Array, i: number): number {
  return i >= 0 && i < W.length ? W[i]! : NONE_WORD;
}

/** POS code of word i, or 0 for none. */
function pAt(P: Int32Array, i: number): number {
  return i >= 0 && i < P.length ? P[i]! : 0;
}

/** Cluster code of word i, or 0 for none. */
function cAt(C: Uint32Array, i: number): number {
  return i >= 0 && i < C.length ? C[i]! : 0;
}

/** Relation code (index + 1) of word i's arc, or 0 for none. */
function lAt(label: Int32Array, i: number): number {
  return i >= 0 ? label[i]! + 1 : 0;
}

/** Distance class: 1, 2, 3, 4, 5–6, 7–10, 11+. */
function distanceClass(d: number): number {
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

/** Packs small codes into one attribute: a·64 + b (POS and relation codes are below 64). */
function pair(a: number, b: number): number {
  return (a << 6) | b;
}

/** Three attribute hashes into one (b and c combined first). */
function mix3(template: number, a: number, b: number, c: number): number {
  return mix(template, a, Math.imul(b, 0x01000193) ^ c);
}

/**
 * Writes the action features of `state` into `out` and returns how many were written.
 * @example const count = actionFeatures(state, attributes, scratch) // scratch.subarray(0, count) are the hashes
 */
export function actionFeatures(state: ParserState, attr: SentenceAttributes, out: Uint32Array): number {
  const { word: W, pos: P } = attr;
  const { stack, depth, b, n, head, label, left1, left2, right1, right2 } = state;
  const s0 = depth > 0 ? stack[depth - 1]! : -1;
  const s1 = depth > 1 ? stack[depth - 2]! : -1;
  const b0 = b <= n ? b : -1;
  const b1 = b + 1 <= n ? b + 1 : -1;
  const b2 = b + 2 <= n ? b + 2 : -1;
  const s0w = wAt(W, s0), s0p = pAt(P, s0), s1w = wAt(W, s1), s1p = pAt(P, s1);
  const b0w = wAt(W, b0), b0p = pAt(P, b0), b1w = wAt(W, b1), b1p = pAt(P, b1), b2w = wAt(W, b2), b2p = pAt(P, b2);
  const s0h = s0 >= 0 ? head[s0]! : -1;
  const s0h2 = s0h >= 0 ? head[s0h]! : -1;
  const s0l1 = s0 >= 0 ? left1[s0]! : -1, s0l2 = s0 >= 0 ? left2[s0]! : -1;
  const s0r1 = s0 >= 0 ? right1[s0]! : -1, s0r2 = s0 >= 0 ? right2[s0]! : -1;
  const b0l1 = b0 >= 0 ? left1[b0]! : -1, b0l2 = b0 >= 0 ? left2[b0]! : -1;
  const dist = s0 >= 0 && b0 >= 0 ? (s0 === 0 ? 0 : distanceClass(b0 - s0)) : 8;
  const s0vl = s0 >= 0 ? Math.min(state.leftCount[s0]!, 4) : 5;
  const s0vr = s0 >= 0 ? Math.min(state.rightCount[s0]!, 4) : 5;
  const b0vl = b0 >= 0 ? Math.min(state.leftCount[b0]!, 4) : 5;
  const s0ls = s0 >= 0 ? state.leftLabels[s0]! : -1;
  const s0rs = s0 >= 0 ? state.rightLabels[s0]! : -1;
  const b0ls = b0 >= 0 ? state.leftLabels[b0]! : -1;
  const s0hasHead = s0 > 0 && s0h >= 0 ? 1 : 0;
  const s0wp = mix(1, s0w, s0p), s1wp = mix(1, s1w, s1p), b0wp = mix(1, b0w, b0p), b1wp = mix(1, b1w, b1p), b2wp = mix(1, b2w, b2p);
  let k = 0;
  // Single words.
  out[k++] = mix(10, s0w);
  out[k++] = mix(11, s0p);
  out[k++] = mix(12, s0wp);
  out[k++] = mix(13, s1w);
  out[k++] = mix(14, s1p);
  out[k++] = mix(15, s1wp);
  out[k++] = mix(16, b0w);
  out[k++] = mix(17, b0p);
  out[k++] = mix(18, b0wp);
  out[k++] = mix(19, b1w);
  out[k++] = mix(20, b1p);
  out[k++] = mix(21, b1wp);
  out[k++] = mix(22, b2w);
  out[k++] = mix(23, b2p);
  out[k++] = mix(24, b2wp);
  out[k++] = mix(25, attr.suffix[b0 >= 0 ? b0 : 0]!, b0 >= 0 ? 1 : 0);
  out[k++] = mix(26, attr.suffix[s0 >= 0 ? s0 : 0]!, s0 >= 0 ? 1 : 0);
  // Pairs of s0 and b0.
  out[k++] = mix(30, s0wp, b0wp);
  out[k++] = mix(31, s0wp, b0w);
  out[k++] = mix(32, s0w, b0wp);
  out[k++] = mix(33, s0wp, b0p);
  out[k++] = mix(34, s0p, b0wp);
  out[k++] = mix(35, s0w, b0w);
  out[k++] = mix(36, pair(s0p, b0p));
  out[k++] = mix(37, pair(b0p, b1p));
  out[k++] = mix(38, s0p, pair(s1p, b0p));
  out[k++] = mix(39, s1w, s0w);
  // Triples of POS.
  out[k++] = mix(40, pair(b0p, b1p), b2p);
  out[k++] = mix(41, pair(s0p, b0p), b1p);
  out[k++] = mix(42, pair(pAt(P, s0h), s0p), b0p);
  out[k++] = mix(43, pair(s0p, pAt(P, s0l1)), b0p);
  out[k++] = mix(44, pair(s0p, pAt(P, s0r1)), b0p);
  out[k++] = mix(45, pair(s0p, b0p), pAt(P, b0l1));
  out[k++] = mix(46, pair(s0p, s0hasHead), b0p);
  out[k++] = mix(47, s0w, pair(s0hasHead, b0p));
  // Distance.
  out[k++] = mix(50, s0w, dist);
  out[k++] = mix(51, s0p, dist);
  out[k++] = mix(52, b0w, dist);
  out[k++] = mix(53, b0p, dist);
  out[k++] = mix3(54, s0w, b0w, dist);
  out[k++] = mix(55, pair(s0p, b0p), dist);
  // Valency.
  out[k++] = mix(60, s0w, s0vr);
  out[k++] = mix(61, s0p, s0vr);
  out[k++] = mix(62, s0w, s0vl);
  out[k++] = mix(63, s0p, s0vl);
  out[k++] = mix(64, b0w, b0vl);
  out[k++] = mix(65, b0p, b0vl);
  // Heads and dependents (second order).
  out[k++] = mix(70, wAt(W, s0h));
  out[k++] = mix(71, pAt(P, s0h));
  out[k++] = mix(72, lAt(label, s0));
  out[k++] = mix(73, wAt(W, s0l1));
  out[k++] = mix(74, pAt(P, s0l1));
  out[k++] = mix(75, lAt(label, s0l1));
  out[k++] = mix(76, wAt(W, s0r1));
  out[k++] = mix(77, pAt(P, s0r1));
  out[k++] = mix(78, lAt(label, s0r1));
  out[k++] = mix(79, wAt(W, b0l1));
  out[k++] = mix(80, pAt(P, b0l1));
  out[k++] = mix(81, lAt(label, b0l1));
  // Third order.
  out[k++] = mix(90, wAt(W, s0h2));
  out[k++] = mix(91, pAt(P, s0h2));
  out[k++] = mix(92, lAt(label, s0h));
  out[k++] = mix(93, wAt(W, s0l2));
  out[k++] = mix(94, pAt(P, s0l2));
  out[k++] = mix(95, lAt(label, s0l2));
  out[k++] = mix(96, wAt(W, s0r2));
  out[k++] = mix(97, pAt(P, s0r2));
  out[k++] = mix(98, lAt(label, s0r2));
  out[k++] = mix(99, wAt(W, b0l2));
  out[k++] = mix(100, pAt(P, b0l2));
  out[k++] = mix(101, lAt(label, b0l2));
  out[k++] = mix(102, pair(s0p, pAt(P, s0l1)), pAt(P, s0l2));
  out[k++] = mix(103, pair(s0p, pAt(P, s0r1)), pAt(P, s0r2));
  out[k++] = mix(104, pair(s0p, pAt(P, s0h)), pAt(P, s0h2));
  out[k++] = mix(105, pair(b0p, pAt(P, b0l1)), pAt(P, b0l2));
  // Relation sets.
  out[k++] = mix(110, s0w, s0rs);
  out[k++] = mix(111, s0p, s0rs);
  out[k++] = mix(112, s0w, s0ls);
  out[k++] = mix(113, s0p, s0ls);
  out[k++] = mix(114, b0w, b0ls);
  out[k++] = mix(115, b0p, b0ls);
  // Label-aware pairs: s0's relation with b0 (an obj does not take a following obl, a root verb does).
  out[k++] = mix(120, pair(lAt(label, s0), s0p), b0p);
  out[k++] = mix(121, pair(lAt(label, s0), s0p), b0w);
  out[k++] = mix(122, pair(s0p, b0p), depth > 2 ? 1 : 0);
  out[k++] = mix(123, 1);
  // Suffix and letter case with POS: a finer tag than UPOS ("-ed" VERB vs "-ing" VERB, capitalised NOUN).
  const S = attr.shape;
  out[k++] = mix(124, attr.suffix[b0 >= 0 ? b0 : 0]!, pair(b0p, b0 >= 0 ? 1 : 0));
  out[k++] = mix(125, attr.suffix[s0 >= 0 ? s0 : 0]!, pair(s0p, s0 >= 0 ? 1 : 0));
  out[k++] = mix(126, pair(b0 >= 0 ? S[b0]! : 4, b0p), pair(s0 >= 0 ? S[s0]! : 4, s0p));
  out[k++] = mix(127, attr.suffix[b1 >= 0 ? b1 : 0]!, pair(b1p, b1 >= 0 ? 1 : 0));
  out[k++] = mix3(128, s0w, b0p, b1p);
  out[k++] = mix3(129, b0w, b1p, b2p);
  out[k++] = mix3(130, s0p, b0w, b1w);
  // More of Zhang & Nivre's word pairs, and s2.
  const s2 = depth > 2 ? stack[depth - 3]! : -1;
  out[k++] = mix(131, b0wp, b1wp);
  out[k++] = mix(132, b0w, b1w);
  out[k++] = mix(133, b0wp, b1p);
  out[k++] = mix(134, b0p, b1wp);
  out[k++] = mix(137, pair(s0p, s1p), pAt(P, s2));
  out[k++] = mix(138, pair(s0p, pAt(P, s0h)), pair(b0p, 2));
  // Prepositional-phrase attachment (noun or verb on the stack, "in"/"on" heading the phrase at b0).
  const b0case = wAt(W, b0l1);
  out[k++] = mix3(139, s0p, b0case, b0p);
  out[k++] = mix3(140, s0w, b0case, b0w);
  out[k++] = mix3(141, pAt(P, s0h), b0case, pair(s0p, b0p));
  out[k++] = mix3(142, wAt(W, s0h), b0case, b0w);
  // Word clusters (coarser than words, finer than UPOS): singles, and pairs with POS and with each other.
  const C = attr.cluster;
  if (C) {
    const s0c = cAt(C, s0), b0c = cAt(C, b0), b1c = cAt(C, b1), s1c = cAt(C, s1);
    const s0c6 = clusterPrefix(s0c, 6), b0c6 = clusterPrefix(b0c, 6);
    out[k++] = mix(150, s0c);
    out[k++] = mix(151, b0c);
    out[k++] = mix(152, b1c);
    out[k++] = mix(153, clusterPrefix(s1c, 6));
    out[k++] = mix(154, s0c6, b0c6);
    out[k++] = mix(155, s0c, b0p);
    out[k++] = mix(156, s0p, b0c);
    out[k++] = mix3(157, s0c6, b0c6, clusterPrefix(b1c, 6));
    out[k++] = mix3(158, clusterPrefix(cAt(C, s0h), 6), b0case, b0c6);
    out[k++] = mix3(159, s0c6, b0case, b0c6);
    out[k++] = mix(160, clusterPrefix(b0c, 4), pair(b0p, S[b0 >= 0 ? b0 : 0]!));
  }
  // PTB tags (group "xpos"): what UPOS merges, a past tense from a participle (VBD/VBN), a gerund (VBG), a
  // possessive (POS, PRP$), a comparative, "to" (TO).
  const X = attr.xpos;
  if (X) {
    const s0x = cAt(X, s0), b0x = cAt(X, b0), b1x = cAt(X, b1), s1x = cAt(X, s1);
    out[k++] = mix(170, s0x);
    out[k++] = mix(171, b0x);
    out[k++] = mix(172, b1x);
    out[k++] = mix(173, s1x);
    out[k++] = mix(174, s0x, b0x);
    out[k++] = mix3(175, b0x, b1x, cAt(X, b2));
    out[k++] = mix3(176, s0x, b0x, b1x);
    out[k++] = mix(177, s0w, b0x);
    out[k++] = mix(178, s0x, b0w);
    out[k++] = mix3(179, cAt(X, s0h), s0x, b0x);
    out[k++] = mix(180, b0x, dist);
    out[k++] = mix3(181, s0x, b0x, dist);
    out[k++] = mix3(182, s1x, s0x, b0x);
    out[k++] = mix3(183, s0x, cAt(X, s0l1), b0x);
  }
  // Group "between": what lies between s0 and b0, and the cues of coordination (a cc or comma on b0's left, s0 or
  // s1 of the same kind as b0: "X, Y and Z", "buy and sell").
  const V = attr.verbsUpTo;
  if (V) {
    const code = betweenCode(V, attr.punctUpTo!, s0, b0);
    const b0l1Label = lAt(label, b0l1);
    const sameKind = (s0p === b0p ? 2 : 0) | (s0 >= 0 && b0 >= 0 && attr.suffix[s0] === attr.suffix[b0] ? 1 : 0);
    out[k++] = mix(185, pair(s0p, b0p), code);
    out[k++] = mix3(186, s0w, b0p, code);
    out[k++] = mix3(187, pair(s0p, b0p), b0l1Label, sameKind);
    out[k++] = mix3(188, pair(s1p, b0p), b0l1Label, s1p === b0p ? 1 : 0);
    out[k++] = mix3(189, lAt(label, s0r1), b0l1Label, pair(s0p, b0p));
    out[k++] = mix3(190, wAt(W, b0 > 0 ? b0 - 1 : -1), pair(s0p, b0p), b0 - 1 === s0 ? 1 : 0);
  }
  return k;
}

/**
 * Writes the features of an arc h → d (word numbers, 0 = ROOT) for choosing its relation; returns the count.
 * Every template is conjoined with the arc direction.
 */
export function relationFeatures(state: ParserState, attr: SentenceAttributes, h: number, d: number, out: Uint32Array): number {
  const { word: W, pos: P } = attr;
  const { label, left1, left2, right1 } = state;
  const dir = d < h ? 1 : 2;
  const hw = wAt(W, h), hp = pAt(P, h), dw = wAt(W, d), dp = pAt(P, d);
  const dist = h === 0 ? 0 : distanceClass(Math.abs(h - d));
  const dl1 = left1[d]!, dl2 = left2[d]!, dr1 = right1[d]!;
  const hl1 = left1[h]!, hr1 = right1[h]!;
  const hp2 = pair(hp, dir);
  let k = 0;
  out[k++] = mix(200, hw, dir);
  out[k++] = mix(201, hp2);
  out[k++] = mix(202, dw, dir);
  out[k++] = mix(203, dp, dir);
  out[k++] = mix3(204, hw, dw, dir);
  out[k++] = mix(205, pair(hp2, dp));
  out[k++] = mix3(206, hw, dp, dir);
  out[k++] = mix3(207, dw, hp, dir);
  out[k++] = mix(208, pair(hp2, dp), dist);
  out[k++] = mix3(209, dw, dir, dist);
  out[k++] = mix3(210, attr.suffix[d]!, dp, dir);
  // The dependent's own dependents: the case marker of an obl/nmod, the mark of an advcl, the det of a noun.
  out[k++] = mix3(211, wAt(W, dl1), dp, dir);
  out[k++] = mix3(212, pair(pAt(P, dl1), lAt(label, dl1)), dp, dir);
  out[k++] = mix3(213, wAt(W, dl2), dp, dir);
  out[k++] = mix3(214, pair(pAt(P, dr1), lAt(label, dr1)), dp, dir);
  out[k++] = mix3(215, hw, wAt(W, dl1), dir);
  out[k++] = mix3(216, dp, state.leftLabels[d]!, dir);
  out[k++] = mix3(217, dp, state.rightLabels[d]!, dir);
  // What the head already has (its subject, object, earlier relations) and how it is attached itself.
  out[k++] = mix3(218, hp, d < h ? state.leftLabels[h]! : state.rightLabels[h]!, pair(dir, dp));
  out[k++] = mix3(219, pair(hp, lAt(label, h)), dp, dir);
  out[k++] = mix3(220, pair(pAt(P, hl1), lAt(label, hl1)), pair(hp, dp), dir);
  out[k++] = mix3(221, pair(pAt(P, hr1), lAt(label, hr1)), pair(hp, dp), dir);
  // Words around the dependent and the head.
  out[k++] = mix3(222, pair(pAt(P, d - 1), dp), pAt(P, d + 1), dir);
  out[k++] = mix3(223, wAt(W, d - 1), dp, dir);
  out[k++] = mix3(224, wAt(W, d + 1), dp, dir);
  out[k++] = mix3(225, pair(hp, pAt(P, h + 1)), dp, dir);
  out[k++] = mix3(226, hw, wAt(W, dl1), dp);
  out[k++] = mix3(227, dw, state.leftCount[d]!, dir);
  out[k++] = mix(228, dir);
  out[k++] = mix3(229, pair(attr.shape[d]!, dp), pair(attr.shape[h]!, hp), dir);
  out[k++] = mix3(230, attr.suffix[h]!, pair(hp, dp), dir);
  const C = attr.cluster;
  if (C) {
    const hc = C[h]!, dc = C[d]!;
    out[k++] = mix3(240, dc, dp, dir);
    out[k++] = mix3(241, hc, dp, dir);
    out[k++] = mix3(242, clusterPrefix(hc, 6), clusterPrefix(dc, 6), dir);
    out[k++] = mix3(243, clusterPrefix(cAt(C, dl1), 6), dp, pair(hp, dir));
  }
  const X = attr.xpos;
  if (X) {
    const hx = X[h]!, dx = X[d]!;
    out[k++] = mix(250, dx, dir);
    out[k++] = mix3(251, hx, dx, dir);
    out[k++] = mix3(252, hx, dp, dir);
    out[k++] = mix3(253, dx, hp, dir);
    out[k++] = mix3(254, wAt(W, dl1), dx, dir);
  }
  const V = attr.verbsUpTo;
  if (V) {
    out[k++] = mix3(260, pair(hp, dp), betweenCode(V, attr.punctUpTo!, h, d), dir);
    out[k++] = mix3(261, wAt(W, dr1), dp, dir);
    out[k++] = mix3(262, pair(pAt(P, state.head[h]!), hp), dp, dir);
    out[k++] = mix3(263, pair(hp, dp), (hp === dp ? 2 : 0) | (attr.suffix[h] === attr.suffix[d] ? 1 : 0), pair(dir, lAt(label, dl1)));
  }
  return k;
}
