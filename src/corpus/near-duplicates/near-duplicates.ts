/**
 * Near-duplicate detection for syndicated copies: word 5-shingles of the normalised body, a 128-value MinHash
 * signature, and locality-sensitive hashing with 32 bands of 4 rows, so two bodies whose shingle sets overlap
 * by about 0.42 or more share a band with high probability and can be found by a key look-up.
 */
import { fnv1a } from '../../nlp/fnv1a.js';

export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE_WORDS = 5;

/** Estimated Jaccard at or above which two articles are copies of one story (measured in the tests' note). */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/** murmur3's 32-bit finaliser, seeded: a cheap family of independent-enough hash functions. */
function mix(x: number, seed: number): number {
  let h = (x ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-case words without punctuation: quote styles, dashes and spacing differences vanish. */
export function shingleWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Hashes of the word 5-shingles of a text (a short text is one shingle). */
export function shingleHashes(text: string): Set<number> {
  const words = shingleWords(text);
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

/** The MinHash signature of a text. */
export function minhashSignature(text: string): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingleHashes(text)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(shingle, i + 1);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/**
 * Stored articles a store reads per band key when looking for copies of a new article: the copies of one group
 * stand for each other, so a few per key find the group while the cost of a new copy stays flat as it grows.
 */
export const COPY_CANDIDATES_PER_KEY = 16;

/** One key per band: two signatures sharing any key are candidate near-duplicates. */
export function lshBandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ signature[b * ROWS + r]!, 0x5bd1e995);
    keys.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}

/** The share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / SIGNATURE_SIZE;
}
