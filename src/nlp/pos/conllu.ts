/**
 * A minimal CoNLL-U reader for POS and parser training and evaluation: syntactic words (multiword-token ranges and
 * empty nodes skipped, since the words carry the tree and empty nodes belong to the enhanced graph only) with their
 * UPOS, lemma, basic-tree head and relation, and whether a space follows (SpaceAfter=No on the word or on the
 * multiword token that contains it).
 */

/** One sentence of a CoNLL-U file. */
export interface ConlluSentence {
  readonly words: readonly string[];
  readonly upos: readonly string[];
  /** Language-specific tags (column 5; PTB tags in EWT), "_" where the file has none. */
  readonly xpos: readonly string[];
  readonly lemmas: readonly string[];
  readonly spaceAfter: readonly boolean[];
  /** heads[i] is the 1-based head of word i + 1, 0 for the root, as in the file. */
  readonly heads: Int32Array;
  readonly relations: readonly string[];
}

/** Parses CoNLL-U text into sentences. */
export function parseConllu(text: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let words: string[] = [];
  let upos: string[] = [];
  let xpos: string[] = [];
  let lemmas: string[] = [];
  let spaceAfter: boolean[] = [];
  let heads: number[] = [];
  let relations: string[] = [];
  let rangeEnd = 0;
  let rangeSpaceAfter = true;
  const flush = (): void => {
    if (words.length > 0) sentences.push({ words, upos, xpos, lemmas, spaceAfter, heads: Int32Array.from(heads), relations });
    words = [];
    upos = [];
    xpos = [];
    lemmas = [];
    spaceAfter = [];
    heads = [];
    relations = [];
    rangeEnd = 0;
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    const misc = cols[9] ?? '_';
    const isNoSpace = misc.split('|').includes('SpaceAfter=No');
    const dash = id.indexOf('-');
    if (dash > 0) {
      // A multiword token ("don't" = do + n't): the space after it belongs to its last word.
      rangeEnd = Number(id.slice(dash + 1));
      rangeSpaceAfter = !isNoSpace;
      continue;
    }
    if (id.includes('.')) continue;
    const index = Number(id);
    words.push(cols[1] ?? '');
    lemmas.push(cols[2] ?? '');
    upos.push(cols[3] ?? 'X');
    xpos.push(cols[4] ?? '_');
    spaceAfter.push(index < rangeEnd ? false : index === rangeEnd ? rangeSpaceAfter : !isNoSpace);
    heads.push(Number(cols[6] ?? '0') || 0);
    relations.push(cols[7] ?? 'dep');
  }
  flush();
  return sentences;
}
