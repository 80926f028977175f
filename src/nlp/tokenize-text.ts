/**
 * A rule tokenizer for English news, with character offsets into the text. It follows the CoNLL/PTB
 * conventions the NER model was trained on: clitics split ("Iran" + "'s", "ca" + "n't"), hyphenated
 * words kept ("al-Quds"), abbreviations and initials keep their stop ("Maj.", "U.S.", "J."), URLs and
 * e-mail addresses are one token.
 */
import { isAbbreviation } from './abbreviations.js';

/** Token boundaries as parallel arrays of half-open character offsets. */
export interface TokenSpans {
  readonly length: number;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
}

const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"“”]+/uy;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
const HANDLE_RE = /[@#][\p{L}\p{N}_]+/uy;
// Letters and digits joined by hyphens, dots, apostrophes, ampersands, digit slashes and digit-group commas:
// "al-Quds", "4.2", "O'Brien", "AT&T", "24/7", "3,000"; but "Nikolsky/SPUTNIK" is three tokens.
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:(?:[-.'’&]|(?<=\d)\/(?=\d)|(?<=\d),(?=\d{3}(?!\d)))[\p{L}\p{M}\p{N}]+)*/uy;
const PUNCT_RUN_RE = /\.{2,}|-{2,}|[!?]{2,}|``|''/y;
const CHAR_RE = /./suy;
const SPACE_RE = /\s/u;
const CLITIC_RE = /^(.*\p{L})(['’](?:s|re|ll|ve|d|m))$/iu;
const NEGATION_RE = /^(.*\p{L})(n['’]t)$/iu;
// "U.S", "a.m", "Ph.D": short letter groups joined by stops.
const ACRONYM_RE = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const INITIAL_RE = /^\p{Lu}$/u;
const TRAILING_URL_PUNCT_RE = /[.,;:!?)\]'"’”]+$/u;

/** Splits `text` into tokens; offsets index `text` (UTF-16 code units, like String.slice). */
export function tokenizeText(text: string): TokenSpans {
  let capacity = Math.max(16, Math.ceil(text.length / 4));
  let start = new Uint32Array(capacity);
  let end = new Uint32Array(capacity);
  let n = 0;
  const push = (s: number, e: number): void => {
    if (n === capacity) {
      capacity *= 2;
      const ns = new Uint32Array(capacity);
      const ne = new Uint32Array(capacity);
      ns.set(start);
      ne.set(end);
      start = ns;
      end = ne;
    }
    start[n] = s;
    end[n] = e;
    n++;
  };

  let i = 0;
  const len = text.length;
  while (i < len) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || ch === 10 || ch === 9 || ch === 13 || SPACE_RE.test(text.charAt(i))) {
      i++;
      continue;
    }
    const special = matchSpecial(text, i);
    if (special > i) {
      push(i, special);
      i = special;
      continue;
    }
    WORD_RE.lastIndex = i;
    const word = WORD_RE.exec(text);
    if (word) {
      const value = unjoinedSentence(word[0]);
      let wordEnd = i + value.length;
      if (text.charCodeAt(wordEnd) === 46 /* . */ && keepsStop(value, text, wordEnd + 1)) {
        push(i, wordEnd + 1);
        i = wordEnd + 1;
        continue;
      }
      const negation = NEGATION_RE.exec(value);
      const clitic = negation ? null : CLITIC_RE.exec(value);
      const split = negation ?? clitic;
      if (split && split[1]) {
        const headEnd = i + split[1].length;
        push(i, headEnd);
        push(headEnd, wordEnd);
      } else {
        push(i, wordEnd);
      }
      i = wordEnd;
      continue;
    }
    PUNCT_RUN_RE.lastIndex = i;
    const run = PUNCT_RUN_RE.exec(text);
    if (run) {
      push(i, i + run[0].length);
      i += run[0].length;
      continue;
    }
    CHAR_RE.lastIndex = i;
    const one = CHAR_RE.exec(text);
    const width = one ? one[0].length : 1;
    push(i, i + width);
    i += width;
  }
  return { length: n, start: start.slice(0, n), end: end.slice(0, n) };
}

// A lower-case word, a stop and a capitalised word with no space between: two sentences run together by a page's
// markup ("a physician.Police said"), not one word like "U.S", "4.2" or "example.com".
const JOINED_SENTENCE_RE = /^(.*?\p{Ll}{2})\.(?=\p{Lu}\p{Ll})/u;

/** The part of a matched word before a stop that joins two sentences ("physician.Police" → "physician"), else the word. */
function unjoinedSentence(word: string): string {
  const m = JOINED_SENTENCE_RE.exec(word);
  return m ? m[1]! : word;
}

/** End offset of a URL, e-mail address or @handle starting at i, or i when none starts there. */
function matchSpecial(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 104 /* h */ || c === 119 /* w */) {
    URL_RE.lastIndex = i;
    const url = URL_RE.exec(text);
    if (url) return i + url[0].replace(TRAILING_URL_PUNCT_RE, '').length;
  }
  if (c === 64 /* @ */ || c === 35 /* # */) {
    HANDLE_RE.lastIndex = i;
    const handle = HANDLE_RE.exec(text);
    return handle ? i + handle[0].length : i;
  }
  // Only try e-mail when an @ is near, so ordinary words stay on the fast path.
  const at = text.indexOf('@', i);
  if (at > i && at - i < 64 && !/\s/u.test(text.slice(i, at))) {
    EMAIL_RE.lastIndex = i;
    const email = EMAIL_RE.exec(text);
    if (email) return i + email[0].replace(/\.+$/u, '').length;
  }
  return i;
}

/** True when the full stop after `word` belongs to it: acronyms ("U.S."), initials ("J."), abbreviations ("Gen."). */
function keepsStop(word: string, text: string, afterStop: number): boolean {
  if (ACRONYM_RE.test(word) || INITIAL_RE.test(word)) return true;
  const isBeforeNumber = /^\s*\d/u.test(text.slice(afterStop, afterStop + 3));
  return isAbbreviation(word, isBeforeNumber);
}
