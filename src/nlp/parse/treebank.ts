/**
 * Treebank sentences for the parser: the CoNLL-U reader of the POS tagger (src/nlp/pos/conllu.ts) reads the basic
 * tree too (heads 1-based, 0 for the root, as in the file), so there is one reader for both models.
 */
import { parseConllu, type ConlluSentence } from '../pos/conllu.js';

/** One sentence of a treebank: words, UPOS, heads and relations (lemmas and spacing too, unused by the parser). */
export type TreebankSentence = ConlluSentence;

/** Parses CoNLL-U text into sentences with their basic trees. */
export function parseTreebank(text: string): TreebankSentence[] {
  return parseConllu(text);
}

/** True when no two arcs of the tree cross (heads 1-based, 0 = root, which sits left of every word). */
export function isProjective(heads: ArrayLike<number>): boolean {
  const n = heads.length;
  for (let d = 1; d <= n; d++) {
    const h = heads[d - 1]!;
    const lo = Math.min(h, d);
    const hi = Math.max(h, d);
    for (let k = lo + 1; k < hi; k++) {
      // Every word strictly inside an arc must have its head inside the arc's span (or be dominated by it).
      const hk = heads[k - 1]!;
      if (hk < lo || hk > hi) return false;
    }
  }
  return true;
}

/**
 * A projective tree made from any tree by lifting (Nivre & Nilsson 2005, without encoding the lift in the label):
 * while some arc h → d spans a word h does not dominate, the shortest such arc moves up one level (d takes h's
 * head). Relations stay as they were; heads are 1-based, 0 = root. A projective tree comes back unchanged.
 * @example liftToProjective([3, 4, 0, 3]) // word 2's arc (4 → 2) spans word 3, the root: 2 is lifted to 3's head 0… until projective
 */
export function liftToProjective(heads: ArrayLike<number>): Int32Array {
  const lifted = Int32Array.from(heads as ArrayLike<number>);
  const n = lifted.length;
  const dominates = (h: number, k: number): boolean => {
    // Ancestors of k (1-based) up to the root; a cycle cannot occur in a tree, the bound guards bad input.
    for (let x = k, steps = 0; x !== 0 && steps <= n; steps++) {
      x = lifted[x - 1]!;
      if (x === h) return true;
    }
    return h === 0;
  };
  for (let round = 0; round < n * n; round++) {
    let shortest = -1;
    let shortestLength = Infinity;
    for (let d = 1; d <= n; d++) {
      const h = lifted[d - 1]!;
      const lo = Math.min(h, d);
      const hi = Math.max(h, d);
      if (hi - lo >= shortestLength) continue;
      for (let k = lo + 1; k < hi; k++) {
        if (!dominates(h, k)) {
          shortest = d;
          shortestLength = hi - lo;
          break;
        }
      }
    }
    if (shortest < 0) break;
    lifted[shortest - 1] = lifted[lifted[shortest - 1]! - 1]!;
  }
  return lifted;
}
