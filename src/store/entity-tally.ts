/**
 * What one article adds to the corpus-wide entity figures kept at save time (and takes back when it is
 * updated): per canonical entity, one article and its mentions; and the co-occurring pairs of its entities.
 * Both adapters use these functions, so increments and decrements always agree.
 */

/** Each article contributes the pairs of at most this many of its entities (the most mentioned), so a long list of names costs at most 435 pairs. */
export const MAX_PAIR_ENTITIES = 30;

/** One canonical entity of an article and its mentions there (an article may link several of its entities to one). */
export interface EntityTally {
  readonly entityId: string;
  readonly mentions: number;
}

/** Sums an article's links per canonical entity; sorted by entity id (the lock order of the PostgreSQL adapter). */
export function tallyEntities(links: readonly { readonly entityId: string; readonly mentionCount: number }[]): EntityTally[] {
  const sums = new Map<string, number>();
  for (const link of links) sums.set(link.entityId, (sums.get(link.entityId) ?? 0) + link.mentionCount);
  return [...sums].map(([entityId, mentions]) => ({ entityId, mentions })).sort((x, y) => compareIds(x.entityId, y.entityId));
}

/**
 * The pairs [a, b] (a < b) among the article's MAX_PAIR_ENTITIES most mentioned entities (ties by id), sorted.
 * @example entityPairs([{ entityId: 'b', mentions: 1 }, { entityId: 'a', mentions: 3 }]) // [['a', 'b']]
 */
export function entityPairs(tallies: readonly EntityTally[]): [string, string][] {
  const top = [...tallies].sort((x, y) => y.mentions - x.mentions || compareIds(x.entityId, y.entityId)).slice(0, MAX_PAIR_ENTITIES)
    .map((t) => t.entityId).sort(compareIds);
  const pairs: [string, string][] = [];
  for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) pairs.push([top[i]!, top[j]!]);
  return pairs;
}

/** Code-unit order, stable across adapters (never locale order). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Characters of a body as SQL's length() counts them (code points, not UTF-16 units). */
export function countChars(text: string): number {
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) surrogates++;
  }
  return text.length - surrogates;
}
