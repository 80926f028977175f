/**
 * Gazetteer membership as NER features: every multi-word match of a list over a sentence marks its
 * tokens with the list and the position in the match (B, I, L or U). The lists are baked into the
 * model file at training time, so run time never depends on the versions of the packages they came from.
 */
import { fnv1a } from '../fnv1a.js';

/** Gazetteer categories; a name may be in several (a bit mask). */
export const GAZETTEER_CATEGORIES = [
  'country', 'city', 'capital', 'region', 'admin', 'nationality', 'first-name', 'person-title', 'org-word', 'org', 'misc',
] as const;
/** One gazetteer list. */
export type GazetteerCategory = (typeof GAZETTEER_CATEGORIES)[number];

/** The longest name, in tokens, that matching tries. */
export const MAX_GAZETTEER_TOKENS = 5;

/** A compiled gazetteer: lower-cased, space-joined token sequences → category bit mask. */
export interface Gazetteer {
  readonly names: ReadonlyMap<string, number>;
  /** Lower-cased first tokens of every name, to skip positions quickly. */
  readonly firstTokens: ReadonlySet<string>;
}

/** Builds a Gazetteer from `[name, mask]` pairs, where the name is already token-joined with single spaces. */
export function createGazetteer(entries: Iterable<readonly [string, number]>): Gazetteer {
  const names = new Map<string, number>();
  const firstTokens = new Set<string>();
  for (const [name, mask] of entries) {
    const key = normaliseGazetteerKey(name);
    if (!key) continue;
    names.set(key, (names.get(key) ?? 0) | mask);
    firstTokens.add(key.split(' ')[0] ?? key);
  }
  return { names, firstTokens };
}

/** Lower case, curly apostrophes straightened, whitespace collapsed. */
export function normaliseGazetteerKey(name: string): string {
  return name.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** The bit of a category. */
export function categoryBit(category: GazetteerCategory): number {
  return 1 << GAZETTEER_CATEGORIES.indexOf(category);
}

/** Flags of a key in the lookup index beside its category bits: a first token, a whole name, a name's text before a space. */
const IS_FIRST = 1 << 28;
const IS_NAME = 1 << 29;
const IS_EXTENDABLE = 1 << 30;
const CATEGORY_BITS = (1 << GAZETTEER_CATEGORIES.length) - 1;
const INDEXES = new WeakMap<Gazetteer, GazetteerIndex>();
/** Bits of the first-token filter: 2^20 (128 KiB, cache-resident where the 250k-key map is not). */
const FILTER_BITS = 1 << 20;

interface GazetteerIndex {
  readonly keys: ReadonlyMap<string, number>;
  /** Bit (hash & (FILTER_BITS - 1)) is set for every first token: a clear bit means "not a first token". */
  readonly firstFilter: Uint8Array;
}

/**
 * firstTokens, names and every name's text before each of its spaces ("new", "new york" for "new york city")
 * in one map, built once per gazetteer: one hash lookup per token instead of three, and a key no name
 * continues stops the search (most tokens stop at length 1).
 */
export function lookupIndex(gazetteer: Gazetteer): GazetteerIndex {
  let index = INDEXES.get(gazetteer);
  if (!index) {
    const map = new Map<string, number>();
    for (const [name, mask] of gazetteer.names) {
      map.set(name, (map.get(name) ?? 0) | IS_NAME | (mask & CATEGORY_BITS));
      for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) {
        const prefix = name.slice(0, at);
        map.set(prefix, (map.get(prefix) ?? 0) | IS_EXTENDABLE);
      }
    }
    const firstFilter = new Uint8Array(FILTER_BITS >>> 3);
    for (const first of gazetteer.firstTokens) {
      map.set(first, (map.get(first) ?? 0) | IS_FIRST);
      const bit = fnv1a(first) & (FILTER_BITS - 1);
      firstFilter[bit >>> 3]! |= 1 << (bit & 7);
    }
    index = { keys: map, firstFilter };
    INDEXES.set(gazetteer, index);
  }
  return index;
}

const NO_CODES: number[] = Object.freeze([]) as unknown as number[];

/**
 * Matches over one sentence of lower-cased tokens. Returns, per token, a list of codes
 * `category * 4 + position` (position 0 B, 1 I, 2 L, 3 U). `hashes`, when given, must be hashString of each token.
 */
export function matchGazetteer(gazetteer: Gazetteer, lowerTokens: readonly string[], hashes?: ArrayLike<number>): number[][] {
  const n = lowerTokens.length;
  // Most tokens match nothing: they share one frozen empty list, and a token gets its own list on its first code.
  const codes: number[][] = new Array<number[]>(n).fill(NO_CODES);
  const add = (k: number, code: number): void => {
    if (k >= n) return;
    const list = codes[k]!;
    if (list === NO_CODES) codes[k] = [code];
    else list.push(code);
  };
  const { keys: index, firstFilter } = lookupIndex(gazetteer);
  for (let i = 0; i < n; i++) {
    // The caller's FNV hashes of the tokens, when it has them, skip most non-first tokens without a map lookup.
    if (hashes) {
      const bit = (hashes[i] ?? 0) & (FILTER_BITS - 1);
      if ((firstFilter[bit >>> 3]! & (1 << (bit & 7))) === 0) continue;
    }
    const first = lowerTokens[i] ?? '';
    let entry = index.get(first);
    if (entry === undefined || (entry & IS_FIRST) === 0) continue;
    let key = first;
    const maxLen = Math.min(MAX_GAZETTEER_TOKENS, n - i);
    for (let len = 1; len <= maxLen; len++) {
      if (len > 1) {
        // No name continues `key` with a space: no longer key can match.
        if ((entry & IS_EXTENDABLE) === 0) break;
        key += ' ' + (lowerTokens[i + len - 1] ?? '');
        entry = index.get(key);
        if (entry === undefined) break;
      }
      if ((entry & IS_NAME) === 0) continue;
      const mask = entry & CATEGORY_BITS;
      for (let c = 0; c < GAZETTEER_CATEGORIES.length; c++) {
        if ((mask & (1 << c)) === 0) continue;
        if (len === 1) {
          add(i, c * 4 + 3);
          continue;
        }
        add(i, c * 4);
        for (let k = i + 1; k < i + len - 1; k++) add(k, c * 4 + 1);
        add(i + len - 1, c * 4 + 2);
      }
    }
  }
  return codes;
}
