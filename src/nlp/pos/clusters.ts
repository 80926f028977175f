/**
 * Word clusters for the tagger and the parser, induced by our own code from unlabelled text: each frequent word
 * is a vector of its left and right neighbours (the commonest words, one slot each; the rest share one), with
 * Hellinger weights (square roots of the neighbour's share), and the vectors are split in two again and again
 * by spherical 2-means (bisecting k-means). The path of splits is the word's cluster: a bit string like a Brown
 * cluster, whose prefixes are coarser classes. Only hashes of normalised words (lexiconKey) and path codes are
 * kept (a leading 1 bit, then the path, root first), never a word. The same splitting turns given dense word
 * vectors (GloVe, `npm run build:word-classes`) into path codes: `clusterDenseVectors`.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { DossierError } from '../../model/errors.js';
import { seededRandom } from '../ner/train.js';
import { lexiconKey } from './features.js';

/** Settings of the bisecting split, whatever the vectors are. */
export interface SplitOptions {
  /** Deepest split (cluster codes have at most this many path bits). */
  readonly maxDepth: number;
  /** A node with fewer words is not split. */
  readonly minNodeWords: number;
  /** 2-means iterations per split. */
  readonly iterations: number;
  readonly seed: number;
}

/** Settings of the induction from text. */
export interface ClusterOptions extends SplitOptions {
  /** Words seen fewer times get no cluster. */
  readonly minCount: number;
  /** How many of the commonest words are context slots (per side). */
  readonly contextWords: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { minCount: 3, contextWords: 1000, maxDepth: 14, minNodeWords: 8, iterations: 10, seed: 13 };

/** Induced clusters: flattened pairs [lexiconKey, path code, …] sorted by key, and counts for the model card. */
export interface WordClusters {
  readonly pairs: number[];
  readonly words: number;
  readonly leaves: number;
  readonly tokens: number;
}

/** Sparse vector of one word (slot indices and values, unit length) and the word's weight in a centroid. */
interface ContextVector {
  readonly slots: Int32Array;
  readonly values: Float64Array;
  readonly weight: number;
}

/** Induces clusters from tokenised sentences (raw token strings). Deterministic for the same input and seed. */
export function induceWordClusters(sentences: Iterable<readonly string[]>, options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): WordClusters {
  const keyed: Uint32Array[] = [];
  const counts = new Map<number, number>();
  let tokens = 0;
  for (const words of sentences) {
    const keys = Uint32Array.from(words, lexiconKey);
    keyed.push(keys);
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    tokens += keys.length;
  }
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const vocabulary = byCount.filter(([, count]) => count >= options.minCount);
  const index = new Map<number, number>(vocabulary.map(([key], i) => [key, i]));
  const k = options.contextWords;
  // Slots per side: 0..k-1 the commonest words, k any other word, k+1 the sentence edge.
  const side = k + 2;
  const contextOf = (key: number | undefined): number => {
    if (key === undefined) return k + 1;
    const i = index.get(key);
    return i !== undefined && i < k ? i : k;
  };
  const rows = vocabulary.map(() => new Map<number, number>());
  for (const keys of keyed) {
    for (let t = 0; t < keys.length; t++) {
      const i = index.get(keys[t]!);
      if (i === undefined) continue;
      const row = rows[i]!;
      const left = contextOf(t > 0 ? keys[t - 1] : undefined);
      const right = side + contextOf(t + 1 < keys.length ? keys[t + 1] : undefined);
      row.set(left, (row.get(left) ?? 0) + 1);
      row.set(right, (row.get(right) ?? 0) + 1);
    }
  }
  const vectors: ContextVector[] = rows.map((row, i) => {
    const entries = [...row].sort((a, b) => a[0] - b[0]);
    let total = 0;
    for (const [, c] of entries) total += c;
    return {
      slots: Int32Array.from(entries, ([slot]) => slot),
      // Hellinger: square roots of the shares; the vector has unit length.
      values: Float64Array.from(entries, ([, c]) => Math.sqrt(c / total)),
      weight: Math.log(1 + vocabulary[i]![1]),
    };
  });
  const { codes, leaves } = bisectingPaths(vectors, 2 * side, options);
  const pairs = vocabulary.map(([key], i) => [key, codes[i]!] as const).sort((a, b) => a[0] - b[0]).flat();
  return { pairs, words: vocabulary.length, leaves, tokens };
}

/**
 * Path codes for given dense word vectors (e.g. GloVe): the vectors are centred on their mean (GloVe vectors
 * share a common direction that otherwise makes the first splits follow word frequency, not meaning), scaled
 * to unit length and split by the same spherical bisecting 2-means, every word weighted alike. `keys[i]` is the
 * lexiconKey of `vectors[i]`; a key given twice keeps its first vector (list the commoner spelling first).
 * Deterministic for the same input and seed.
 */
export function clusterDenseVectors(keys: readonly number[], vectors: readonly ArrayLike<number>[], options: SplitOptions): Omit<WordClusters, 'tokens'> {
  const seen = new Set<number>();
  const kept: ArrayLike<number>[] = [];
  const keptKeys: number[] = [];
  let dims = 0;
  keys.forEach((key, i) => {
    if (seen.has(key)) return;
    seen.add(key);
    keptKeys.push(key);
    kept.push(vectors[i]!);
    dims = Math.max(dims, vectors[i]!.length);
  });
  const mean = new Float64Array(dims);
  for (const v of kept) for (let d = 0; d < v.length; d++) mean[d]! += v[d]! / kept.length;
  const sparse: ContextVector[] = kept.map((v) => {
    const values = Float64Array.from(mean, (m, d) => (v[d] ?? 0) - m);
    let norm = 0;
    for (const x of values) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) values[d]! /= norm;
    return { slots: Int32Array.from({ length: dims }, (_, d) => d), values, weight: 1 };
  });
  const { codes, leaves } = bisectingPaths(sparse, dims, options);
  const pairs = keptKeys.map((key, i) => [key, codes[i]!] as const).sort((a, b) => a[0] - b[0]).flat();
  return { pairs, words: keptKeys.length, leaves };
}

/** Splits the vectors in two again and again; returns each vector's path code (a leading 1, then the path). */
function bisectingPaths(vectors: readonly ContextVector[], dims: number, options: SplitOptions): { codes: Uint32Array; leaves: number } {
  const codes = new Uint32Array(vectors.length);
  const random = seededRandom(options.seed);
  let leaves = 0;
  // Depth-first with an explicit stack; children pushed right first so the left subtree is done first.
  const stack: { members: Int32Array; code: number; depth: number }[] = [{ members: Int32Array.from(vectors, (_, i) => i), code: 1, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const split = node.depth < options.maxDepth && node.members.length >= options.minNodeWords ? bisect(vectors, node.members, dims, options.iterations, random) : undefined;
    if (!split) {
      for (const m of node.members) codes[m] = node.code;
      leaves++;
      continue;
    }
    stack.push({ members: split[1], code: (node.code << 1) | 1, depth: node.depth + 1 });
    stack.push({ members: split[0], code: node.code << 1, depth: node.depth + 1 });
  }
  return { codes, leaves };
}

/** Splits members in two by spherical 2-means; undefined when one side ends up empty. */
function bisect(vectors: readonly ContextVector[], members: Int32Array, dims: number, iterations: number, random: () => number): [Int32Array, Int32Array] | undefined {
  const centroids = [new Float64Array(dims), new Float64Array(dims)];
  // Seeds: a random member, then the member least like it among a few random draws (k-means++ in spirit).
  const first = members[Math.floor(random() * members.length)]!;
  let second = first;
  let lowest = Infinity;
  for (let draw = 0; draw < 16; draw++) {
    const m = members[Math.floor(random() * members.length)]!;
    const s = dotDense(vectors[m]!, toDense(vectors[first]!, centroids[1]!));
    if (m !== first && s < lowest) [lowest, second] = [s, m];
  }
  if (second === first) return undefined;
  toDense(vectors[first]!, centroids[0]!);
  toDense(vectors[second]!, centroids[1]!);
  const side = new Uint8Array(members.length);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let changed = 0;
    for (let j = 0; j < members.length; j++) {
      const v = vectors[members[j]!]!;
      const s = dotDense(v, centroids[1]!) > dotDense(v, centroids[0]!) ? 1 : 0;
      if (s !== side[j] || iteration === 0) changed++;
      side[j] = s;
    }
    if (changed === 0) break;
    centroids[0]!.fill(0);
    centroids[1]!.fill(0);
    for (let j = 0; j < members.length; j++) {
      const v = vectors[members[j]!]!;
      const c = centroids[side[j]!]!;
      for (let e = 0; e < v.slots.length; e++) c[v.slots[e]!]! += v.weight * v.values[e]!;
    }
    for (const c of centroids) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += c[d]! * c[d]!;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) c[d]! /= norm;
    }
  }
  let ones = 0;
  for (const s of side) ones += s;
  if (ones === 0 || ones === members.length) return undefined;
  const left = new Int32Array(members.length - ones);
  const right = new Int32Array(ones);
  let l = 0;
  let r = 0;
  for (let j = 0; j < members.length; j++) {
    if (side[j]) right[r++] = members[j]!;
    else left[l++] = members[j]!;
  }
  return [left, right];
}

function toDense(v: ContextVector, out: Float64Array): Float64Array {
  out.fill(0);
  for (let e = 0; e < v.slots.length; e++) out[v.slots[e]!] = v.values[e]!;
  return out;
}

function dotDense(v: ContextVector, dense: Float64Array): number {
  let s = 0;
  for (let e = 0; e < v.slots.length; e++) s += v.values[e]! * dense[v.slots[e]!]!;
  return s;
}

/** What a cluster file says about itself (shown in the model card). */
export interface ClusterFileInfo {
  readonly name: string;
  readonly sources: readonly string[];
  readonly licence: string;
  readonly words: number;
  readonly leaves: number;
  /** Running tokens the clusters were induced from; 0 for classes derived from given vectors. */
  readonly tokens: number;
  readonly options: ClusterOptions | (SplitOptions & Readonly<Record<string, number>>);
}

/** The cluster file: gzip of JSON { info, pairs } (hashes and codes only). */
export function encodeClusterFile(info: ClusterFileInfo, pairs: readonly number[]): Uint8Array {
  return gzipSync(Buffer.from(JSON.stringify({ info, pairs })), { level: 9 });
}

/** Reads a cluster file's bytes; throws E_RESOURCE_MISSING when they are not one. */
export function decodeClusterFile(bytes: Uint8Array): { info: ClusterFileInfo; pairs: number[] } {
  const parsed = JSON.parse(gunzipSync(bytes).toString('utf8')) as { info?: ClusterFileInfo; pairs?: unknown };
  if (!parsed.info || !Array.isArray(parsed.pairs) || parsed.pairs.length % 2 !== 0) throw new DossierError('E_RESOURCE_MISSING', 'not a word cluster file');
  return { info: parsed.info, pairs: parsed.pairs as number[] };
}
