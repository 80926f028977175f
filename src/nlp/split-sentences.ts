/**
 * Sentence boundaries over a token stream. A sentence ends at ".", "!", "?" or "…" (closing quotes and
 * brackets stay with it), at a line break that is not a soft wrap, and never after a title ("Maj. Gen.
 * Qassem") or a month before a number ("Nov. 17"). After an acronym or company abbreviation ("U.S.",
 * "Inc.") it ends only when a typical sentence opener follows ("… in the U.S. The talks …").
 */
import { MONTH_ABBREVIATIONS, TITLE_ABBREVIATIONS } from './abbreviations.js';
import type { TokenSpans } from './tokenize-text.js';

/** Marks that always close: they stay with the sentence before them unless a line break comes first. */
const CLOSERS = new Set(['”', '’', ')', ']', '»', "''"]);
/** Straight quotes close only when they touch the stop (`win."`); after a space they open the next sentence. */
const STRAIGHT_QUOTES = new Set(['"', '\'']);

function isCloser(value: string, gapBefore: string): boolean {
  if (gapBefore.includes('\n')) return false;
  if (CLOSERS.has(value)) return true;
  return STRAIGHT_QUOTES.has(value) && gapBefore === '';
}
const TERMINALS = new Set(['.', '!', '?', '…', '...', '!!', '?!', '!?', '??']);

/** Capitalised words that usually open a sentence, so a break after "U.S." or "Inc." is likely. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'there', 'but', 'and',
  'in', 'on', 'at', 'for', 'from', 'by', 'with', 'after', 'before', 'when', 'while', 'if', 'as', 'according', 'however', 'meanwhile', 'earlier', 'later', 'also',
  'some', 'many', 'most', 'both', 'no', 'not', 'one', 'two', 'officials', 'since', 'last', 'on', 'during', 'asked', 'what', 'why', 'how', 'who', 'where',
]);

/**
 * Returns, for each token, whether it starts a sentence (token 0 always does when there are tokens).
 * `text` is the text the spans index.
 */
export function splitSentences(text: string, tokens: TokenSpans): Uint8Array {
  const n = tokens.length;
  const isStart = new Uint8Array(n);
  if (n === 0) return isStart;
  isStart[0] = 1;
  let i = 0;
  while (i < n) {
    const next = i + 1;
    if (next >= n) break;
    const gap = text.slice(tokens.end[i], tokens.start[next]);
    if (gap.includes('\n') && isLineBreakBoundary(text, tokens, i)) {
      isStart[next] = 1;
      i = next;
      continue;
    }
    const value = text.slice(tokens.start[i], tokens.end[i]);
    if (TERMINALS.has(value) || (value.endsWith('.') && value.length > 1)) {
      // Closing quotes and brackets right after the stop belong to this sentence: `… win."`
      let j = next;
      while (j < n && isCloser(text.slice(tokens.start[j], tokens.end[j]), text.slice(tokens.end[j - 1], tokens.start[j]))) j++;
      if (j < n && endsSentence(text, tokens, i, j, value)) isStart[j] = 1;
      i = j;
      continue;
    }
    i = next;
  }
  return isStart;
}

/** True when a sentence ends after token i (text `value`) and the next one opens at token j. */
function endsSentence(text: string, tokens: TokenSpans, i: number, j: number, value: string): boolean {
  const following = text.slice(tokens.start[j], tokens.end[j]);
  const first = following.charAt(0);
  // `"Stop!" he shouted.`: a lower-case word after the stop continues the sentence.
  if (first !== first.toUpperCase() || following === ',' || following === ';' || following === ':') return false;
  if (value.length > 1 && value.endsWith('.') && !TERMINALS.has(value)) {
    const word = value.slice(0, -1);
    const lower = word.toLowerCase();
    if (TITLE_ABBREVIATIONS.has(lower)) return false;
    if (MONTH_ABBREVIATIONS.has(lower) && /^\d/u.test(following)) return false;
    // Initials before a name: "J. R. Smith".
    if (/^\p{Lu}$/u.test(word)) return false;
    const gap = text.slice(tokens.end[i], tokens.start[j]);
    if (gap.includes('\n')) return true;
    return SENTENCE_OPENERS.has(following.toLowerCase()) || following === '"' || following === '“';
  }
  return true;
}

/** A line break ends a sentence unless it is a soft wrap: a word or comma before it and a lower-case word after it. */
function isLineBreakBoundary(text: string, tokens: TokenSpans, i: number): boolean {
  const next = text.slice(tokens.start[i + 1], tokens.end[i + 1]);
  const first = next.charAt(0);
  const isLowerNext = first !== first.toUpperCase();
  if (!isLowerNext) return true;
  const gap = text.slice(tokens.end[i], tokens.start[i + 1]);
  // A blank line always ends the sentence.
  return /\n\s*\n/u.test(gap);
}
