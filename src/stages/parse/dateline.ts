/**
 * News datelines ("KYIV, Ukraine (AP) — Russian forces …", "BERLIN -- The agency says …"): the place and agency
 * that open a wire story's first sentence are no part of its clause. The parser was trained on web text without
 * them and reads the capitalised place as the clause's subject or root ("ALEPPO" as the subject of "were
 * killed"), so the parse stage parses the dateline and the clause after it as two fragments.
 */

/** Dashes that close a dateline. */
const DASHES = new Set(['—', '–', '-', '--', '―']);
/** The most words a dateline may have before its dash ("SANTA FE, N.M. (AP) —" has 7). */
const MAX_DATELINE_WORDS = 10;
/** The clause after the dash must be at least this long to be worth parsing on its own. */
const MIN_CLAUSE_WORDS = 3;

/** A word of capitals only (two letters or more: "KYIV", "N.M.", "AL-SAFIRA"). */
function isCapitalsWord(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A word that may stand in a dateline: capitalised, or the punctuation of "PLACE, Region (Agency)". */
function isDatelineWord(word: string): boolean {
  return /^[\p{Lu}]/u.test(word) || word === ',' || word === '(' || word === ')' || word === '.';
}

/**
 * How many words at the start of a sentence are a dateline, its closing dash included; 0 when there is none.
 * A dateline opens with a word in capitals, holds only capitalised words and the commas and brackets of
 * "PLACE, Region (Agency)", and ends with a dash that a clause of a few words follows.
 * @example datelineLength(['KYIV', ',', 'Ukraine', '(', 'AP', ')', '—', 'Troops', 'shelled', 'Kharkiv']) // 7
 */
export function datelineLength(words: readonly string[]): number {
  if (words.length === 0 || !isCapitalsWord(words[0]!)) return 0;
  const limit = Math.min(words.length - MIN_CLAUSE_WORDS - 1, MAX_DATELINE_WORDS);
  for (let i = 1; i <= limit; i++) {
    const word = words[i]!;
    if (DASHES.has(word)) return i + 1;
    if (!isDatelineWord(word)) return 0;
  }
  return 0;
}
