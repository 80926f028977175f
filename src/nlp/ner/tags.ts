/**
 * BILOU tags for the four CoNLL entity types, and conversions between IOB2 and BILOU and entity chunks.
 * BILOU (Begin, Inside, Last, Unit) beats IOB2 for linear taggers (Ratinov & Roth 2009).
 */
import type { MentionType } from '../../model/index.js';

/** Entity types in tag order. */
export const ENTITY_TYPES: readonly MentionType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Tag 0 is O; tag 1 + 4*type + k, with k = 0 B, 1 I, 2 L, 3 U. */
export const TAG_COUNT = 1 + 4 * ENTITY_TYPES.length;

const PREFIXES = ['B', 'I', 'L', 'U'] as const;

/** Tag names, e.g. 'O', 'B-PER', 'U-LOC'. */
export const TAG_NAMES: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((type) => PREFIXES.map((p) => `${p}-${type}`))];

/** Tag index for a BILOU prefix and type index. */
export function tagOf(prefix: 0 | 1 | 2 | 3, typeIndex: number): number {
  return 1 + 4 * typeIndex + prefix;
}

/** The type index of a non-O tag. */
export function typeOfTag(tag: number): number {
  return (tag - 1) >> 2;
}

/** The BILOU prefix (0 B, 1 I, 2 L, 3 U) of a non-O tag. */
export function prefixOfTag(tag: number): number {
  return (tag - 1) & 3;
}

/** True when `to` may follow `from` (from = -1 means sentence start). */
export function isAllowedTransition(from: number, to: number): boolean {
  const fromOpen = from > 0 && (prefixOfTag(from) === 0 || prefixOfTag(from) === 1);
  if (to === 0) return !fromOpen;
  const p = prefixOfTag(to);
  if (p === 0 || p === 3) return !fromOpen;
  // I or L must continue an open entity of the same type.
  return fromOpen && typeOfTag(from) === typeOfTag(to);
}

/** True when a sentence may end on this tag (not inside an open entity). */
export function isAllowedEnd(tag: number): boolean {
  return tag === 0 || prefixOfTag(tag) >= 2;
}

/** An entity chunk over a token range [start, end). */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly type: MentionType;
}

/** Chunks of an IOB2 (or IOB1) tag sequence, CoNLL convention: an I- after O or another type opens a chunk. */
export function chunksFromIob(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: { start: number; type: string } | undefined;
  const close = (end: number): void => {
    if (open && (ENTITY_TYPES as readonly string[]).includes(open.type)) chunks.push({ start: open.start, end, type: open.type as MentionType });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    if (tag === 'O' || tag.length < 3) {
      close(i);
      return;
    }
    const prefix = tag.charAt(0);
    const type = tag.slice(2);
    if (prefix === 'B' || prefix === 'U' || !open || open.type !== type) {
      close(i);
      open = { start: i, type };
    }
    if (prefix === 'L' || prefix === 'U') close(i + 1);
  });
  close(tags.length);
  return chunks;
}

/** BILOU tag indices for chunks over n tokens. */
export function bilouFromChunks(chunks: readonly Chunk[], n: number): Uint8Array {
  const tags = new Uint8Array(n);
  for (const chunk of chunks) {
    const t = ENTITY_TYPES.indexOf(chunk.type);
    if (chunk.end - chunk.start === 1) {
      tags[chunk.start] = tagOf(3, t);
      continue;
    }
    tags[chunk.start] = tagOf(0, t);
    for (let i = chunk.start + 1; i < chunk.end - 1; i++) tags[i] = tagOf(1, t);
    tags[chunk.end - 1] = tagOf(2, t);
  }
  return tags;
}

/** Chunks of a valid BILOU tag-index sequence (as produced by constrained decoding). */
export function chunksFromBilou(tags: ArrayLike<number>): Chunk[] {
  const names: string[] = [];
  for (let i = 0; i < tags.length; i++) names.push(TAG_NAMES[tags[i] ?? 0] ?? 'O');
  return chunksFromIob(names);
}
