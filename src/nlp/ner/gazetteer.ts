/**
 * Gazetteer membership as NER features: every multi-word match of a list over a sentence marks its
 * tokens with the list and the position in the match (B, I, L or U). The lists are baked into the
 * model file at training time, so run time never depends on the versions of the packages they came from.
 */

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

/**
 * Matches over one sentence of lower-cased tokens. Returns, per token, a list of codes
 * `category * 4 + position` (position 0 B, 1 I, 2 L, 3 U).
 */
export function matchGazetteer(gazetteer: Gazetteer, lowerTokens: readonly string[]): number[][] {
  const n = lowerTokens.length;
  const codes: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const first = lowerTokens[i] ?? '';
    if (!gazetteer.firstTokens.has(first)) continue;
    let key = first;
    const maxLen = Math.min(MAX_GAZETTEER_TOKENS, n - i);
    for (let len = 1; len <= maxLen; len++) {
      if (len > 1) key += ' ' + (lowerTokens[i + len - 1] ?? '');
      const mask = gazetteer.names.get(key);
      if (mask === undefined) continue;
      for (let c = 0; c < GAZETTEER_CATEGORIES.length; c++) {
        if ((mask & (1 << c)) === 0) continue;
        if (len === 1) {
          codes[i]?.push(c * 4 + 3);
          continue;
        }
        codes[i]?.push(c * 4);
        for (let k = i + 1; k < i + len - 1; k++) codes[k]?.push(c * 4 + 1);
        codes[i + len - 1]?.push(c * 4 + 2);
      }
    }
  }
  return codes;
}
