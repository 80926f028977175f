/**
 * A CoNLL-U reader for dependency trees: syntactic words with UPOS, head and relation. Multiword-token
 * lines ("3-4 don't") are skipped because their words carry the tree; empty nodes ("8.1") are skipped because
 * they belong to the enhanced graph only. Heads are 1-based with 0 for the root, as in the file.
 */

/** One sentence of a treebank. */
export interface TreebankSentence {
  readonly words: readonly string[];
  readonly upos: readonly string[];
  /** heads[i] is the 1-based head of word i + 1, 0 for the root. */
  readonly heads: Int32Array;
  readonly relations: readonly string[];
}

/** Parses CoNLL-U text into sentences with their basic trees. */
export function parseTreebank(text: string): TreebankSentence[] {
  const sentences: TreebankSentence[] = [];
  let words: string[] = [];
  let upos: string[] = [];
  let heads: number[] = [];
  let relations: string[] = [];
  const flush = (): void => {
    if (words.length > 0) sentences.push({ words, upos, heads: Int32Array.from(heads), relations });
    words = [];
    upos = [];
    heads = [];
    relations = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.includes('-') || id.includes('.')) continue;
    words.push(cols[1] ?? '');
    upos.push(cols[3] ?? 'X');
    heads.push(Number(cols[6] ?? '0') || 0);
    relations.push(cols[7] ?? 'dep');
  }
  flush();
  return sentences;
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
