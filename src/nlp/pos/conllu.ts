/**
 * A minimal CoNLL-U reader for POS training and evaluation: syntactic words (multiword-token ranges and
 * empty nodes skipped) with their UPOS, lemma and whether a space follows (SpaceAfter=No on the word or on
 * the multiword token that contains it).
 */

/** One sentence of a CoNLL-U file. */
export interface ConlluSentence {
  readonly words: readonly string[];
  readonly upos: readonly string[];
  readonly lemmas: readonly string[];
  readonly spaceAfter: readonly boolean[];
}

/** Parses CoNLL-U text into sentences. */
export function parseConllu(text: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let words: string[] = [];
  let upos: string[] = [];
  let lemmas: string[] = [];
  let spaceAfter: boolean[] = [];
  let rangeEnd = 0;
  let rangeSpaceAfter = true;
  const flush = (): void => {
    if (words.length > 0) sentences.push({ words, upos, lemmas, spaceAfter });
    words = [];
    upos = [];
    lemmas = [];
    spaceAfter = [];
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
    spaceAfter.push(index < rangeEnd ? false : index === rangeEnd ? rangeSpaceAfter : !isNoSpace);
  }
  flush();
  return sentences;
}
