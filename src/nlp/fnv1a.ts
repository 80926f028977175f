/** 32-bit FNV-1a over UTF-16 code units: the cheap, stable string hash of shingles, passage keys and gazetteer names. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * fnv1a of `words[from .. from + size)` joined by single spaces, without building that string: a text's every
 * word n-gram as a string was most of the cost of hashing its shingles.
 * @example fnv1aOfWords(['a', 'b', 'c'], 1, 2) === fnv1a('b c') // true
 */
export function fnv1aOfWords(words: readonly string[], from: number, size: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < from + size; w++) {
    if (w > from) h = Math.imul(h ^ 32, 0x01000193);
    const word = words[w]!;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}
