/**
 * Quotation spans in a text: curly “…” pairs and straight "…" pairs (and mixed ones, one mark curled and the other
 * not), within a paragraph. A quote left
 * open at the end of a paragraph runs to the paragraph's end, the newspaper convention for a quote
 * that continues into the next paragraph (which opens with a fresh quotation mark).
 */
import type { Span } from '../../model/index.js';

/** One quotation, marks included (PolNeAR and most guides count the marks as part of the content). */
export interface QuoteSpan extends Span {
  /** The text between the marks. */
  readonly inner: Span;
  /** True when no closing mark was found before the paragraph ended. */
  readonly isOpenEnded: boolean;
}

const OPEN_CURLY = '\u201C';
const CLOSE_CURLY = '\u201D';

/** Every quotation span, in text order. */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const paragraph = /[^\n]+/g;
  for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
    const base = p.index;
    const line = p[0];
    let curlyOpen = -1;
    let straightOpen = -1;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === OPEN_CURLY) {
        // A second opener before a closer: the first quote was never closed (a typo); drop it.
        curlyOpen = i;
      } else if (ch === CLOSE_CURLY && curlyOpen >= 0) {
        out.push(quote(base, curlyOpen, i + 1, false));
        curlyOpen = -1;
      } else if (ch === CLOSE_CURLY && straightOpen >= 0) {
        // Mixed marks from an editor that curled only one of them: `"A great day,” he wrote`.
        out.push(quote(base, straightOpen, i + 1, false));
        straightOpen = -1;
      } else if (ch === '"') {
        if (curlyOpen >= 0 && straightOpen < 0 && /[\s,.;:!?)\]\u2014\u2013-]/.test(line[i + 1] ?? ' ')) {
          // `“We are ready," she said`: a straight mark closing a curly opener.
          out.push(quote(base, curlyOpen, i + 1, false));
          curlyOpen = -1;
        } else if (straightOpen < 0) {
          // An opener starts a word: `said "We` — not `5" gun` or `word"`.
          const before = line[i - 1] ?? ' ';
          if (/[\s([{\u2014\u2013:-]/.test(before) || i === 0) straightOpen = i;
        } else {
          out.push(quote(base, straightOpen, i + 1, false));
          straightOpen = -1;
        }
      }
    }
    const open = Math.max(curlyOpen, straightOpen);
    if (open >= 0 && line.length - open > 2) out.push(quote(base, open, line.trimEnd().length, true));
  }
  return out.sort((a, b) => a.start - b.start);
}

function quote(base: number, start: number, end: number, isOpenEnded: boolean): QuoteSpan {
  return {
    start: base + start,
    end: base + end,
    inner: { start: base + start + 1, end: isOpenEnded ? base + end : base + end - 1 },
    isOpenEnded,
  };
}
