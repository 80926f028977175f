/**
 * Scoring helpers for `npm run eval:factuality`: the mapping from Dossier's event modality to MEANTIME's three
 * factuality attributes, trigger matching by span overlap, confusion matrices and per-class precision/recall.
 */
import type { Modality } from '../../src/model/index.js';
import type { Certainty, EventTime, Polarity } from './meantime-events.js';

/** MEANTIME's three factuality attributes for one event. */
export interface Factuality {
  readonly certainty: Certainty;
  readonly polarity: Polarity;
  readonly time: EventTime;
}

/**
 * Our modality read as MEANTIME factuality. MEANTIME marks a "will"-future as CERTAIN + FUTURE (certainty is the
 * source's commitment, time is whether the event lies after the speech time), so `planned` keeps CERTAIN; only
 * `hypothetical` (could/might/may, if-clauses) lowers certainty. `negated` keeps time NON_FUTURE because the
 * modality is one value and negation outranks planning ("will not" is negated, not planned).
 */
export const MODALITY_TO_FACTUALITY: Readonly<Record<Modality, Factuality>> = {
  asserted: { certainty: 'CERTAIN', polarity: 'POS', time: 'NON_FUTURE' },
  ongoing: { certainty: 'CERTAIN', polarity: 'POS', time: 'NON_FUTURE' },
  negated: { certainty: 'CERTAIN', polarity: 'NEG', time: 'NON_FUTURE' },
  planned: { certainty: 'CERTAIN', polarity: 'POS', time: 'FUTURE' },
  hypothetical: { certainty: 'POSSIBLE', polarity: 'POS', time: 'NON_FUTURE' },
};

/**
 * MEANTIME's attributes read back as one modality label, with the stage's precedence (negated > hypothetical >
 * planned > asserted; `ongoing` has no MEANTIME counterpart and counts as asserted): NEG → negated, PROBABLE or
 * POSSIBLE → hypothetical, FUTURE → planned. UNDERSPECIFIED values decide nothing.
 */
export function modalityOfFactuality(f: Partial<Factuality>): Modality {
  if (f.polarity === 'NEG') return 'negated';
  if (f.certainty === 'PROBABLE' || f.certainty === 'POSSIBLE') return 'hypothetical';
  if (f.time === 'FUTURE') return 'planned';
  return 'asserted';
}

/** The majority class of every attribute: what a system that never reads modality would say. */
export const MAJORITY: Factuality = { certainty: 'CERTAIN', polarity: 'POS', time: 'NON_FUTURE' };

interface Span {
  readonly start: number;
  readonly end: number;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * One-to-one matching of system triggers to gold spans by character overlap, largest overlap first (ties:
 * earlier gold, then earlier system). Returns [systemIndex, goldIndex] pairs.
 * @example matchByOverlap([{ start: 0, end: 5 }], [{ start: 3, end: 9 }, { start: 0, end: 4 }]) // [[0, 1]]: overlap 4 beats 2
 */
export function matchByOverlap(system: readonly Span[], gold: readonly Span[]): [number, number][] {
  const candidates: { s: number; g: number; o: number }[] = [];
  for (let s = 0; s < system.length; s++) {
    for (let g = 0; g < gold.length; g++) {
      const o = overlap(system[s]!, gold[g]!);
      if (o > 0) candidates.push({ s, g, o });
    }
  }
  candidates.sort((a, b) => b.o - a.o || a.g - b.g || a.s - b.s);
  const usedS = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedS.has(c.s) || usedG.has(c.g)) continue;
    usedS.add(c.s);
    usedG.add(c.g);
    pairs.push([c.s, c.g]);
  }
  return pairs.sort((a, b) => a[1] - b[1]);
}

/** A confusion matrix over string labels: counts[gold][predicted]. */
export class Confusion {
  readonly counts = new Map<string, Map<string, number>>();

  add(gold: string, predicted: string): void {
    const row = this.counts.get(gold) ?? new Map<string, number>();
    row.set(predicted, (row.get(predicted) ?? 0) + 1);
    this.counts.set(gold, row);
  }

  get(gold: string, predicted: string): number {
    return this.counts.get(gold)?.get(predicted) ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const row of this.counts.values()) for (const c of row.values()) n += c;
    return n;
  }

  /** Share of items whose prediction equals the gold label (0 when empty). */
  accuracy(): number {
    let right = 0;
    for (const [g, row] of this.counts) right += row.get(g) ?? 0;
    return this.total ? right / this.total : 0;
  }

  /** Labels seen as gold or predicted, in the given order first, then the rest sorted. */
  labels(order: readonly string[] = []): string[] {
    const seen = new Set<string>();
    for (const [g, row] of this.counts) {
      seen.add(g);
      for (const p of row.keys()) seen.add(p);
    }
    return [...order.filter((l) => seen.has(l)), ...[...seen].filter((l) => !order.includes(l)).sort()];
  }

  /**
   * Precision, recall and F1 of a class made of one or more labels ("non-CERTAIN" = PROBABLE + POSSIBLE +
   * UNDERSPECIFIED): a prediction counts as right when gold and prediction both fall in the class.
   */
  prf(members: readonly string[]): { p: number; r: number; f1: number; tp: number; predicted: number; gold: number } {
    const inClass = (l: string) => members.includes(l);
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    for (const [g, row] of this.counts) {
      for (const [p, c] of row) {
        if (inClass(p)) predicted += c;
        if (inClass(g)) gold += c;
        if (inClass(p) && inClass(g)) tp += c;
      }
    }
    const p = predicted ? tp / predicted : 0;
    const r = gold ? tp / gold : 0;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, predicted, gold };
  }

  /** Macro-averaged F1 over the gold labels (each label its own class). */
  macroF1(): number {
    const gold = [...this.counts.keys()];
    if (!gold.length) return 0;
    return gold.reduce((sum, l) => sum + this.prf([l]).f1, 0) / gold.length;
  }

  /** The matrix as text lines: rows gold, columns predicted. */
  format(order: readonly string[] = []): string[] {
    const labels = this.labels(order);
    const width = Math.max(8, ...labels.map((l) => l.length)) + 1;
    const lines = [`${'gold \\ ours'.padEnd(width)}${labels.map((l) => l.padStart(width)).join('')}`];
    for (const g of labels) {
      if (!this.counts.has(g)) continue;
      lines.push(`${g.padEnd(width)}${labels.map((p) => String(this.get(g, p)).padStart(width)).join('')}`);
    }
    return lines;
  }
}
