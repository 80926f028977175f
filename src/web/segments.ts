/**
 * Splits a stretch of article text into segments at every annotation boundary, so overlapping layers (a
 * mention inside a claim inside a sentence) can be shown with plain, non-nested elements.
 */

/** A span of the body with what it stands for. */
export interface Annotation {
  readonly start: number;
  readonly end: number;
  /** mention, reference, time, place, claim, event, focus … (becomes a CSS class). */
  readonly kind: string;
  /** Extra class, e.g. the NER type ('PER'). */
  readonly variant?: string;
  /** Shown as a tooltip. */
  readonly label?: string;
  /** In-app link, e.g. to the entity page. */
  readonly href?: string;
}

/** A run of text and the annotations that cover all of it. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly annotations: readonly Annotation[];
}

/**
 * Segments of text[from, to) cut at every annotation start and end inside it; empty and inverted spans are ignored.
 * @example segment('Rockets hit Baghdad', 0, 19, [{ start: 12, end: 19, kind: 'place' }]) // ['Rockets hit ', 'Baghdad'(place)]
 */
export function segment(text: string, from: number, to: number, annotations: readonly Annotation[]): Segment[] {
  const inside = annotations.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.end > a.start && a.start < to && a.end > from);
  const cuts = new Set<number>([from, to]);
  for (const a of inside) {
    cuts.add(Math.max(from, a.start));
    cuts.add(Math.min(to, a.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    // Longest first, so the outer annotation's class comes first and the innermost link wins.
    const covering = inside.filter((a) => a.start <= start && a.end >= end).sort((a, b) => (b.end - b.start) - (a.end - a.start));
    out.push({ start, end, text: text.slice(start, end), annotations: covering });
  }
  return out;
}
