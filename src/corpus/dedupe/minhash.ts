/**
 * Near-duplicate detection for syndicated copies: word shingles, a MinHash signature with fixed seeds,
 * LSH band keys for candidate lookup, and a Jaccard estimate. Pure functions: the store keeps the
 * signatures and band keys and links articles whose estimate reaches NEAR_DUPLICATE_THRESHOLD.
 */

/** Words per shingle. Five-word shingles survive small edits ("on Tuesday" → "Tuesday") in most of a story. */
export const SHINGLE_WORDS = 5;

/** Hash functions in a signature. */
export const SIGNATURE_LENGTH = 128;

/**
 * LSH bands over the signature: 64 bands of 2 rows. A pair is a candidate with probability 1 − (1 − J²)^64:
 * 99.8 % at Jaccard 0.3, 100 % at 0.4, 47 % at 0.1 (same-topic noise, rejected by estimateJaccard), 0.6 % at 0.01.
 * Recall first: later stages count independent sources, so a missed copy costs more than a cheap extra check.
 */
export const LSH_BANDS = 64;

/**
 * Estimated Jaccard at or above which two bodies are copies of one story. On our fixtures (test/fixtures/clean)
 * the syndicated pair estimates 0.60 (exact 0.62) and the same-topic pair 0.00 (exact 0.00); wire copies with
 * edited headlines, dropped sentences and different furniture typically land at 0.5–0.9, distinct stories
 * under 0.1.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.4;

/** Version of the signature scheme; stored beside signatures so a change invalidates them. */
export const MINHASH_VERSION = 1;

/** Lower-cased words with quotes, dashes and digit grouping normalised ("3.5 percent" and "3.5%" differ, by design). */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’‛′]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** The set of k-word shingles of a text (a text shorter than k words is one shingle). */
export function shingles(text: string, k = SHINGLE_WORDS): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length === 0) return out;
  if (w.length < k) {
    out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a fast bijective mixer. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed per-function seeds from splitmix32, so signatures are stable across runs and machines. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_LENGTH);
  let state = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = fmix32(state);
  }
  return seeds;
})();

/**
 * The MinHash signature of a text: for each of SIGNATURE_LENGTH seeded hash functions, the minimum hash over
 * the text's shingles. An empty text gives all 0xFFFFFFFF.
 * @example estimateJaccard(minhashSignature(a), minhashSignature(b)) >= NEAR_DUPLICATE_THRESHOLD
 */
export function minhashSignature(text: string, k = SHINGLE_WORDS): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles(text, k)) {
    const base = fnv1a(shingle);
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const h = fmix32(base ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * LSH band keys: the signature cut into `bands` runs of rows, each hashed to "band:hash". Two articles
 * sharing any key are candidates; confirm with estimateJaccard.
 * @example lshBandKeys(sig)[0] // '0:5f1c9a2b'
 */
export function lshBandKeys(sig: Uint32Array, bands = LSH_BANDS): string[] {
  if (sig.length % bands !== 0) throw new RangeError(`signature length ${sig.length} is not divisible into ${bands} bands`);
  const rows = sig.length / bands;
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h ^ sig[b * rows + r]!, 0x01000193));
    keys.push(`${b}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Share of signature positions where two signatures agree: an unbiased estimate of shingle-set Jaccard. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signatures differ in length (${a.length} vs ${b.length})`);
  if (a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / a.length;
}

/** Exact Jaccard of two texts' shingle sets (for tests and threshold tuning; signatures are for the store). */
export function exactJaccard(a: string, b: string, k = SHINGLE_WORDS): number {
  const x = shingles(a, k);
  const y = shingles(b, k);
  if (x.size === 0 && y.size === 0) return 0;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}

/** True when two signatures are near-duplicates by the recommended threshold. */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array, threshold = NEAR_DUPLICATE_THRESHOLD): boolean {
  return estimateJaccard(a, b) >= threshold;
}

/** Signature to a compact hex string for storage (8 hex digits per hash). */
export function signatureToHex(sig: Uint32Array): string {
  let out = '';
  for (const v of sig) out += v.toString(16).padStart(8, '0');
  return out;
}

/** Hex string back to a signature. */
export function signatureFromHex(hex: string): Uint32Array {
  if (hex.length % 8 !== 0) throw new RangeError(`signature hex length ${hex.length} is not a multiple of 8`);
  const sig = new Uint32Array(hex.length / 8);
  for (let i = 0; i < sig.length; i++) sig[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return sig;
}
