/**
 * Keys for the indexed entity name search, shared by both adapters so they find the same entities: every
 * name and alias is stored lower-cased from each word start, and a search is a prefix match on those keys.
 * @example nameKeys('Tigris Guardians Brigade') // ['tigris guardians brigade', 'guardians brigade', 'brigade']
 */

/** Longest key kept, in characters (a prefix match never needs more). */
const MAX_KEY_CHARS = 120;

/** Lower-case, single-spaced form of a name or of what a user typed. */
export function normaliseName(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The keys of one name or alias: its normalised form from every word start ("al-Shabaab" also gives "shabaab"). */
export function nameKeys(name: string): string[] {
  const text = normaliseName(name);
  const keys: string[] = [];
  const wordStart = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;
  for (let m = wordStart.exec(text); m; m = wordStart.exec(text)) keys.push(text.slice(m.index, m.index + MAX_KEY_CHARS));
  return [...new Set(keys)];
}

/**
 * The [from, to) key range of a prefix search: `to` is the prefix with its last code point incremented, so the
 * range is exact under a binary (code point) collation, as SQLite's default and PostgreSQL's "C" are.
 * @example prefixRange('Ndj') // { from: 'ndj', to: 'ndk' }
 */
export function prefixRange(prefix: string): { from: string; to: string } | undefined {
  const from = normaliseName(prefix).slice(0, MAX_KEY_CHARS);
  if (!from) return undefined;
  const chars = [...from];
  const last = chars.pop()!.codePointAt(0)!;
  return { from, to: chars.join('') + String.fromCodePoint(last + 1) };
}
