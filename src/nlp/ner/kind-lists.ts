/**
 * Names the page itself classes as things: "languages like Swift or Kotlin", "streaming software such as
 * Riverside", "plugins like Rank Math and Yoast SEO" (Hearst's patterns, 1992). The noun before "like",
 * "such as" or "including" says what the listed names are; when it is a kind of product, software or work, a
 * name of the list that the tagger read as a person or a place (Kotlin is a Polish village in the gazetteer)
 * is MISC, on every mention of the page. Organisations are left as tagged: "platforms like Facebook" names a
 * company as much as a product.
 */
import type { Chunk } from './tags.js';

/** Plural nouns of products, software, tools and works ("apps like …"). */
const THING_KINDS = new Set([
  'apps', 'applications', 'software', 'tools', 'languages', 'frameworks', 'libraries', 'platforms', 'plugins', 'extensions', 'programs',
  'programmes', 'products', 'devices', 'gadgets', 'services', 'browsers', 'editors', 'databases', 'games', 'models', 'brands', 'sites',
  'websites', 'drugs', 'medications', 'supplements', 'cameras', 'phones', 'smartphones', 'laptops', 'cars', 'vehicles', 'books', 'films',
  'movies', 'shows', 'series', 'songs', 'albums', 'podcasts', 'newsletters', 'engines', 'chatbots', 'assistants',
]);

/** Words that open the list after the kind noun: "like", "such as", "including". */
function listStart(words: readonly string[], i: number): number | undefined {
  const w = (words[i] ?? '').toLowerCase();
  if (w === 'like' || w === 'including') return i + 1;
  if (w === 'such' && (words[i + 1] ?? '').toLowerCase() === 'as') return i + 2;
  return undefined;
}

/** Names that a kind noun of the page classes as things (their surfaces), from the chunks of each sentence. */
function thingNames(sentences: readonly (readonly string[])[], chunks: readonly (readonly Chunk[])[]): Set<string> {
  const things = new Set<string>();
  sentences.forEach((words, s) => {
    const list = chunks[s] ?? [];
    for (let i = 1; i < words.length; i++) {
      if (!THING_KINDS.has((words[i - 1] ?? '').toLowerCase())) continue;
      let at = listStart(words, i);
      // The list: chunks joined by ",", "and", "or" ("Swift, Go or Kotlin").
      // An untagged capitalised item ("Swift" left O) is stepped over, not classed.
      while (at !== undefined) {
        const item = list.find((c) => c.start === at);
        let end = item?.end ?? at;
        if (item) things.add(words.slice(item.start, item.end).join(' '));
        else while (end < words.length && /^\p{Lu}/u.test(words[end] ?? '')) end++;
        if (end === at) break;
        let next = end;
        while (next < words.length && [',', 'and', 'or'].includes(words[next] ?? '')) next++;
        at = next > end ? next : undefined;
      }
    }
  });
  return things;
}

/**
 * The document's chunks with PER and LOC names that the page lists as products or software made MISC everywhere.
 * Returns the input when the page has no such list.
 * @example kindLists([['languages', 'like', 'Swift', 'or', 'Kotlin'], ['Kotlin', 'is', 'fast']], [[{ start: 2, end: 3, type: 'MISC' }, { start: 4, end: 5, type: 'LOC' }], [{ start: 0, end: 1, type: 'LOC' }]])
 *   // → [[Swift MISC, Kotlin MISC], [Kotlin MISC]]
 */
export function kindLists(sentences: readonly (readonly string[])[], chunks: readonly (readonly Chunk[])[]): readonly (readonly Chunk[])[] {
  const things = thingNames(sentences, chunks);
  if (things.size === 0) return chunks;
  return chunks.map((list, s) =>
    list.map((c) => ((c.type === 'PER' || c.type === 'LOC') && things.has((sentences[s] ?? []).slice(c.start, c.end).join(' ')) ? { ...c, type: 'MISC' as const } : c)),
  );
}
