/** A half-open character range [start, end) into a Doc's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** True when the span lies inside a text of the given length and is not inverted. */
export function isSpanWithin(span: Span, textLength: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end >= span.start && span.end <= textLength;
}

/** The text a span covers. */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
