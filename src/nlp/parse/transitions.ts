/**
 * The arc-eager transition system (Nivre 2003) over a sentence of n words numbered 1..n, with an artificial
 * ROOT (0) at the bottom of the stack, and its dynamic oracle (Goldberg & Nivre 2012): the cost of a transition
 * is the number of gold arcs it makes unreachable, so training can follow the parser's own (wrong) choices.
 * The buffer is always the suffix b..n of the sentence (arc-eager never puts a word back), so it is one index.
 * One root per sentence: ROOT takes a single right dependent; words left without a head at the end are
 * attached to that word by the caller (finishTree).
 */
import { DEP_LABELS } from '../../model/deps.js';

/** Transition id: push b onto the stack. */
export const SHIFT = 0;
/** Transition id: pop s0, which has its head. */
export const REDUCE = 1;
/** Transition id: arc b → s0, pop s0. */
export const LEFT = 2;
/** Transition id: arc s0 → b, push b. */
export const RIGHT = 3;
/** How many transitions the system has (the action classifier's column count). */
export const ACTION_COUNT = 4;

/** A parser configuration; arrays are indexed by word number 0..n (0 = ROOT), none = -1. */
export interface ParserState {
  /** Words in the sentence (mutable only so resetState can reuse a configuration's arrays). */
  n: number;
  readonly stack: Int32Array;
  depth: number;
  /** First word of the buffer; the buffer is empty when b > n. */
  b: number;
  readonly head: Int32Array;
  readonly label: Int32Array;
  /** Leftmost and second-leftmost dependents, rightmost and second-rightmost dependents. */
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;
  /** Bit sets of the relations of left and right dependents (relation index mod 32, or labelBits: a cheap signature). */
  readonly leftLabels: Int32Array;
  readonly rightLabels: Int32Array;
  /**
   * The bit of each relation in leftLabels/rightLabels (LABEL_CLASS_BITS, feature group "label-classes"), or
   * undefined for index mod 32, where "ccomp" shares the bit of "nsubj" and "appos" that of "obj".
   */
  labelBits: Int32Array | undefined;
}

/**
 * One bit per relation class for the label sets, 32 classes: the common relations keep a bit of their own; rare
 * subtypes share their base relation's bit ("nmod:desc" → nmod, "obl:tmod" → obl, "csubj:pass" → csubj); the
 * rarest relations ("reparandum", "goeswith", "fixed", "dep") share one.
 */
export const LABEL_CLASS_BITS: Int32Array = (() => {
  const own = ['punct', 'case', 'nsubj', 'nsubj:pass', 'det', 'advmod', 'obj', 'iobj', 'amod', 'obl', 'conj', 'compound', 'compound:prt', 'mark', 'nmod', 'nmod:poss', 'cc', 'aux', 'aux:pass', 'cop', 'advcl', 'xcomp', 'ccomp', 'acl', 'acl:relcl', 'flat', 'parataxis', 'nummod', 'appos', 'expl', 'csubj'];
  const bits = new Int32Array(DEP_LABELS.length).fill(1 << own.length);
  DEP_LABELS.forEach((label, i) => {
    const at = own.indexOf(label) >= 0 ? own.indexOf(label) : own.indexOf(label.split(':')[0]!);
    if (at >= 0) bits[i] = 1 << at;
  });
  return bits;
})();

/** A fresh configuration for n words: ROOT on the stack, every word in the buffer. */
export function initialState(n: number): ParserState {
  const size = n + 1;
  const state: ParserState = {
    n,
    stack: new Int32Array(size + 1),
    depth: 1,
    b: 1,
    head: new Int32Array(size).fill(-1),
    label: new Int32Array(size).fill(-1),
    left1: new Int32Array(size).fill(-1),
    left2: new Int32Array(size).fill(-1),
    right1: new Int32Array(size).fill(-1),
    right2: new Int32Array(size).fill(-1),
    leftCount: new Int32Array(size),
    rightCount: new Int32Array(size),
    leftLabels: new Int32Array(size),
    rightLabels: new Int32Array(size),
    labelBits: undefined,
  };
  state.stack[0] = 0;
  return state;
}

/** True when parsing is over: the buffer is empty. */
export function isTerminal(state: ParserState): boolean {
  return state.b > state.n;
}

/** Whether transition `action` may be taken in `state`. */
export function isLegal(state: ParserState, action: number): boolean {
  if (state.b > state.n) return false;
  const s0 = state.depth > 0 ? state.stack[state.depth - 1]! : -1;
  switch (action) {
    case SHIFT:
      return true;
    case REDUCE:
      return s0 > 0 && state.head[s0]! >= 0;
    case LEFT:
      return s0 > 0 && state.head[s0]! < 0;
    case RIGHT:
      // ROOT takes one dependent only: one root per sentence.
      return s0 > 0 || (s0 === 0 && state.rightCount[0] === 0);
    default:
      return false;
  }
}

/** Applies a legal transition; `relation` is the label index of the arc LEFT and RIGHT build. */
export function applyTransition(state: ParserState, action: number, relation: number): void {
  const s0 = state.stack[state.depth - 1]!;
  const b = state.b;
  switch (action) {
    case SHIFT:
      state.stack[state.depth++] = b;
      state.b = b + 1;
      return;
    case REDUCE:
      state.depth--;
      return;
    case LEFT:
      addArc(state, b, s0, relation);
      state.depth--;
      return;
    case RIGHT:
      addArc(state, s0, b, relation);
      state.stack[state.depth++] = b;
      state.b = b + 1;
      return;
  }
}

/** The arc LEFT (b → s0) or RIGHT (s0 → b) would build in `state`: its head and dependent word numbers. */
export function arcEnds(state: ParserState, action: typeof LEFT | typeof RIGHT): { readonly h: number; readonly d: number } {
  const s0 = state.stack[state.depth - 1]!;
  return action === LEFT ? { h: state.b, d: s0 } : { h: s0, d: state.b };
}

/**
 * A configuration for n words that reuses `scratch` when it is large enough (run-time parsing allocates no arrays
 * per sentence); the result equals initialState(n) in every index 0..n.
 */
export function resetState(scratch: ParserState | undefined, n: number): ParserState {
  if (!scratch || scratch.head.length < n + 1) {
    // Room for sentences up to twice as long, so the arrays are rarely reallocated.
    const grown = initialState(Math.max(n, 2 * (scratch?.head.length ?? 0)));
    grown.n = n;
    return grown;
  }
  const size = n + 1;
  scratch.head.fill(-1, 0, size);
  scratch.label.fill(-1, 0, size);
  scratch.left1.fill(-1, 0, size);
  scratch.left2.fill(-1, 0, size);
  scratch.right1.fill(-1, 0, size);
  scratch.right2.fill(-1, 0, size);
  scratch.leftCount.fill(0, 0, size);
  scratch.rightCount.fill(0, 0, size);
  scratch.leftLabels.fill(0, 0, size);
  scratch.rightLabels.fill(0, 0, size);
  scratch.stack[0] = 0;
  scratch.n = n;
  scratch.depth = 1;
  scratch.b = 1;
  return scratch;
}

function addArc(state: ParserState, h: number, d: number, relation: number): void {
  state.head[d] = h;
  state.label[d] = relation;
  const bit = state.labelBits ? state.labelBits[relation]! : 1 << (relation & 31);
  if (d < h) {
    // Left dependents arrive right to left in arc-eager (each new one is further left).
    if (state.left1[h]! < 0 || d < state.left1[h]!) {
      state.left2[h] = state.left1[h]!;
      state.left1[h] = d;
    } else if (state.left2[h]! < 0 || d < state.left2[h]!) state.left2[h] = d;
    state.leftCount[h]!++;
    state.leftLabels[h]! |= bit;
  } else {
    if (d > state.right1[h]!) {
      state.right2[h] = state.right1[h]!;
      state.right1[h] = d;
    } else if (d > state.right2[h]!) state.right2[h] = d;
    state.rightCount[h]!++;
    state.rightLabels[h]! |= bit;
  }
}

/**
 * Costs of the four transitions against a gold tree (goldHead[i] for word i = 1..n, 0 = ROOT; index 0 unused):
 * the number of gold arcs each makes unreachable (Goldberg & Nivre 2012, arc-eager). Illegal ones get Infinity.
 * Exact for projective gold trees.
 */
export function transitionCosts(state: ParserState, goldHead: Int32Array, into: Float64Array): Float64Array {
  const { stack, depth, b, n, head } = state;
  const s0 = depth > 0 ? stack[depth - 1]! : -1;
  for (let a = 0; a < ACTION_COUNT; a++) into[a] = isLegal(state, a) ? 0 : Infinity;
  if (b > n) return into;
  const gb = goldHead[b]!;
  // Stack words (other than ROOT) still without a head whose gold head is b; and whether b's gold head is on the stack.
  let stackDepsOfB = 0;
  let bHeadOnStack = false;
  for (let k = 0; k < depth; k++) {
    const w = stack[k]!;
    // ROOT that already has its one dependent can take no other.
    if (w === gb && (w > 0 || state.rightCount[0] === 0)) bHeadOnStack = true;
    if (w > 0 && head[w]! < 0 && goldHead[w] === b) stackDepsOfB++;
  }
  // Buffer words whose gold head is s0 (b included), and whether s0's gold head lies in the buffer after b.
  let bufferDepsOfS0 = 0;
  if (s0 >= 0) for (let k = b; k <= n; k++) if (goldHead[k] === s0) bufferDepsOfS0++;
  if (into[SHIFT] === 0) into[SHIFT] = (bHeadOnStack ? 1 : 0) + stackDepsOfB;
  if (into[REDUCE] === 0) into[REDUCE] = bufferDepsOfS0;
  if (into[LEFT] === 0) into[LEFT] = bufferDepsOfS0 + (goldHead[s0]! > b ? 1 : 0);
  if (into[RIGHT] === 0) {
    // stackDepsOfB also counts s0 itself when s0 still waits for b as its head.
    const headElsewhere = gb !== s0 && (bHeadOnStack || gb > b);
    // ROOT takes one dependent: giving it b when the gold root word is still ahead in the buffer loses that arc too.
    const rootLost = s0 === 0 && gb !== 0 && goldRoot(goldHead, n) > b ? 1 : 0;
    into[RIGHT] = (headElsewhere ? 1 : 0) + stackDepsOfB + rootLost;
  }
  return into;
}

/** The word whose gold head is ROOT (0 when there is none). */
function goldRoot(goldHead: Int32Array, n: number): number {
  for (let k = 1; k <= n; k++) if (goldHead[k] === 0) return k;
  return 0;
}

/**
 * Turns a final configuration into a tree: 0-based heads (-1 for the sentence root) and labels. Words left
 * without a head go under the root word with the relation `fallbackRelation(word)` gives; if ROOT took no
 * dependent, the unattached word with the most dependents becomes the root.
 */
export function finishTree(state: ParserState, rootRelation: number, fallbackRelation: (word: number) => number): { head: Int32Array; label: Uint8Array } {
  const n = state.n;
  const head = new Int32Array(n);
  const label = new Uint8Array(n);
  let root = state.right1[0]!;
  if (root < 0) {
    // ROOT took no dependent (the parser never reached the main word with ROOT on top): the unattached word with the
    // most dependents heads the largest fragment, which is most often the real root (74 of 108 such EWT dev sentences).
    let most = -1;
    for (let w = 1; w <= n; w++) {
      if (state.head[w]! >= 0) continue;
      const count = state.leftCount[w]! + state.rightCount[w]!;
      if (count > most) [root, most] = [w, count];
    }
    state.head[root] = 0;
    state.label[root] = rootRelation;
  }
  for (let w = 1; w <= n; w++) {
    let h = state.head[w]!;
    let relation = state.label[w]!;
    if (h < 0) {
      h = root;
      relation = fallbackRelation(w);
    }
    if (h === 0) relation = rootRelation;
    head[w - 1] = h === 0 ? -1 : h - 1;
    label[w - 1] = relation;
  }
  return { head, label };
}

/**
 * Copies configuration `from` into `into` (words 0..n; `into` must have room for them): a beam keeps a pool of
 * configurations and overwrites them instead of allocating one per hypothesis and step.
 */
export function copyState(from: ParserState, into: ParserState): void {
  const size = from.n + 1;
  into.n = from.n;
  into.depth = from.depth;
  into.b = from.b;
  into.labelBits = from.labelBits;
  into.stack.set(from.stack.subarray(0, from.depth));
  into.head.set(from.head.subarray(0, size));
  into.label.set(from.label.subarray(0, size));
  into.left1.set(from.left1.subarray(0, size));
  into.left2.set(from.left2.subarray(0, size));
  into.right1.set(from.right1.subarray(0, size));
  into.right2.set(from.right2.subarray(0, size));
  into.leftCount.set(from.leftCount.subarray(0, size));
  into.rightCount.set(from.rightCount.subarray(0, size));
  into.leftLabels.set(from.leftLabels.subarray(0, size));
  into.rightLabels.set(from.rightLabels.subarray(0, size));
}
