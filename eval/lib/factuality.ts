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

/** Characters of `a` inside `b`, counting only `b`'s parts when it has them (a discontinuous gold mention). */
function overlapParts(a: Span, b: Span & { parts?: readonly Span[] }): number {
  return b.parts ? b.parts.reduce((sum, p) => sum + overlap(a, p), 0) : overlap(a, b);
}

/**
 * One-to-one matching of system triggers to gold spans by character overlap, largest overlap first (ties: the
 * shorter gold span, so "forced" beats "decided to leave or was forced"; then earlier gold, then earlier system). A gold span with `parts` overlaps only through them. Returns [systemIndex, goldIndex] pairs.
 * @example matchByOverlap([{ start: 0, end: 5 }], [{ start: 3, end: 9 }, { start: 0, end: 4 }]) // [[0, 1]]: overlap 4 beats 2
 */
export function matchByOverlap(system: readonly Span[], gold: readonly (Span & { parts?: readonly Span[] })[]): [number, number][] {
  const candidates: { s: number; g: number; o: number; length: number }[] = [];
  for (let s = 0; s < system.length; s++) {
    for (let g = 0; g < gold.length; g++) {
      const span = gold[g]!;
      const o = overlapParts(system[s]!, span);
      const length = span.parts ? span.parts.reduce((sum, p) => sum + p.end - p.start, 0) : span.end - span.start;
      if (o > 0) candidates.push({ s, g, o, length });
    }
  }
  candidates.sort((a, b) => b.o - a.o || a.length - b.length || a.g - b.g || a.s - b.s);
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

  /** The matrix as text lines: rows gold, columns predicted (`columns`, default every label seen). */
  format(order: readonly string[] = [], columns?: readonly string[]): string[] {
    const labels = columns ?? this.labels(order);
    const width = Math.max(8, ...labels.map((l) => l.length)) + 1;
    const lines = [`${'gold \\ ours'.padEnd(width)}${labels.map((l) => l.padStart(width)).join('')}`];
    for (const g of this.labels(order)) {
      if (!this.counts.has(g)) continue;
      lines.push(`${g.padEnd(width)}${labels.map((p) => String(this.get(g, p)).padStart(width)).join('')}`);
    }
    return lines;
  }
}

/** Surface cues before an event word, for profiling how MEANTIME's marked classes are expressed. */
export type Cue = 'negation' | 'will' | 'would' | 'can/could' | 'may/might' | 'should/must' | 'be/going to' | 'plan-verb to' | 'bare to' | 'if/whether' | 'future modifier' | 'none';

const CUE_WORDS: Readonly<Record<string, Cue>> = {
  not: 'negation', "n't": 'negation', never: 'negation', no: 'negation', without: 'negation', nor: 'negation', neither: 'negation',
  will: 'will', "'ll": 'will', shall: 'will', wo: 'will',
  would: 'would', "'d": 'would',
  can: 'can/could', ca: 'can/could', could: 'can/could',
  may: 'may/might', might: 'may/might',
  should: 'should/must', must: 'should/must',
  if: 'if/whether', unless: 'if/whether', whether: 'if/whether',
  upcoming: 'future modifier', planned: 'future modifier', proposed: 'future modifier', future: 'future modifier', forthcoming: 'future modifier', next: 'future modifier', scheduled: 'future modifier',
};
const CUE_PRECEDENCE: readonly Cue[] = ['negation', 'if/whether', 'will', 'would', 'may/might', 'can/could', 'should/must', 'be/going to', 'plan-verb to', 'bare to', 'future modifier'];
const BE_TO = new Set(['is', 'are', 'was', 'were', 'be', 'am', "'s", "'re", 'going']);
// Verbs and adjectives that put a following infinitive in the future (the stage's PLAN_VERBS idea, by word form).
const PLAN_TO = /^(plan|intend|aim|expect|hope|want|wish|seek|agree|decide|prepare|propose|offer|promise|pledge|vow|threaten|schedule|set|ready|willing|likely|due|about|poised|able|try|attempt|need|ask|urge)/;
const CLAUSE_STOP = new Set([',', ';', ':', '(', ')', '"', '.', 'that', 'which', 'who', 'but']);

/**
 * The strongest cue among the words before position `at` in the same clause (at most `window` words back, stopping
 * at punctuation, "that", "which", "who" and "but"; "and"/"or" carry the cue on: "will design and build").
 * @example cueBefore(['Apple', 'will', 'not', 'release'], 3) // 'negation'
 */
export function cueBefore(words: readonly string[], at: number, window = 6): Cue {
  const found = new Set<Cue>();
  for (let i = at - 1; i >= Math.max(0, at - window); i--) {
    const w = words[i]!.toLowerCase().replace(/[\u2018\u2019]/g, "'");
    if (CLAUSE_STOP.has(w)) break;
    const cue = CUE_WORDS[w];
    if (cue) found.add(cue);
    if (w === 'longer' && words[i - 1]?.toLowerCase() === 'no') found.add('negation');
    if (w === 'to') {
      const prev = words[i - 1]?.toLowerCase() ?? '';
      const prev2 = words[i - 2]?.toLowerCase() ?? '';
      if (BE_TO.has(prev)) found.add('be/going to');
      else if (PLAN_TO.test(prev) || PLAN_TO.test(prev2)) found.add('plan-verb to');
      else found.add('bare to');
    }
  }
  return CUE_PRECEDENCE.find((c) => found.has(c)) ?? 'none';
}
