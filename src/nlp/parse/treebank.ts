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
