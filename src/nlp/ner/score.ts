/**
 * Entity-level scoring, CoNLL convention: a predicted entity counts only when its token span and type
 * both equal a gold entity's. Kept apart from the tagger (spaCy's Scorer is separate too).
 */
import type { MentionType } from '../../model/index.js';
import type { Chunk } from './tags.js';

/** Counts for one type or overall. */
export interface PrfCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 (0 when undefined). */
export interface Prf {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
}

/** Accumulates entity matches over sentences. */
export class EntityScorer {
  readonly byType = new Map<MentionType, PrfCounts>();
  readonly overall: PrfCounts = { tp: 0, fp: 0, fn: 0 };

  /** Adds one sentence's gold and predicted chunks; types outside `types` are ignored on both sides. */
  add(gold: readonly Chunk[], predicted: readonly Chunk[], types: readonly MentionType[]): void {
    const keep = (c: Chunk): boolean => types.includes(c.type);
    const goldKeys = new Set(gold.filter(keep).map(key));
    const predKeys = new Set(predicted.filter(keep).map(key));
    for (const k of predKeys) this.count(typeOf(k), goldKeys.has(k) ? 'tp' : 'fp');
    for (const k of goldKeys) if (!predKeys.has(k)) this.count(typeOf(k), 'fn');
  }

  /** P/R/F1 for a type, or overall when no type is given. */
  score(type?: MentionType): Prf {
    const c = type ? (this.byType.get(type) ?? { tp: 0, fp: 0, fn: 0 }) : this.overall;
    const p = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
    const r = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
    return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, gold: c.tp + c.fn, predicted: c.tp + c.fp };
  }

  private count(type: MentionType, field: keyof PrfCounts): void {
    const c = this.byType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    this.byType.set(type, c);
    this.overall[field]++;
  }
}

function key(c: Chunk): string {
  return `${c.start}:${c.end}:${c.type}`;
}

function typeOf(k: string): MentionType {
  return k.slice(k.lastIndexOf(':') + 1) as MentionType;
}
