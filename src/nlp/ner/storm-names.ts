/**
 * Named storms ("Hurricane Rita", "Typhoon Haiyan", "Tropical Storm Ana"): storms carry given names, so the
 * tagger reads them as persons, and a page about the storm then fills with a "person" who "packed winds of
 * 240 km/h". CoNLL-2003 annotates the name after the storm word as MISC ("Hurricane Edouard": Edouard MISC),
 * and so do we, on every mention of that name in the document.
 */
import type { Chunk } from './tags.js';

/** Storm words that precede a storm's name, lower-cased. */
const STORM_WORDS = new Set(['hurricane', 'typhoon', 'cyclone']);

/** True when the words before `start` name a storm: "Hurricane", "Typhoon", "Cyclone" or "Tropical Storm". */
function isAfterStormWord(words: readonly string[], start: number): boolean {
  const before = (words[start - 1] ?? '').toLowerCase();
  if (STORM_WORDS.has(before)) return true;
  return before === 'storm' && (words[start - 2] ?? '').toLowerCase() === 'tropical';
}

/**
 * The document's chunks with storm names as MISC: a PER right after a storm word, or a PER that opens with
 * one ("Hurricane Rita" tagged whole; the storm word is left out, CoNLL style), and every other PER chunk
 * with the same name. Returns the input when the page names no storm.
 * @example stormNames([['Hurricane', 'Rita', 'hit', '.'], ['Rita', 'weakened', '.']], [[{ start: 1, end: 2, type: 'PER' }], [{ start: 0, end: 1, type: 'PER' }]])
 *   // → [[{ start: 1, end: 2, type: 'MISC' }], [{ start: 0, end: 1, type: 'MISC' }]]
 */
export function stormNames(sentences: readonly (readonly string[])[], chunks: readonly (readonly Chunk[])[]): readonly (readonly Chunk[])[] {
  const storms = new Set<string>();
  const opened = chunks.map((list, s) => {
    const words = sentences[s] ?? [];
    return list.map((c) => {
      if (c.type !== 'PER') return c;
      if (isAfterStormWord(words, c.start)) {
        storms.add(words.slice(c.start, c.end).join(' '));
        return { ...c, type: 'MISC' as const };
      }
      const first = (words[c.start] ?? '').toLowerCase();
      if (c.end - c.start >= 2 && STORM_WORDS.has(first)) {
        storms.add(words.slice(c.start + 1, c.end).join(' '));
        return { start: c.start + 1, end: c.end, type: 'MISC' as const };
      }
      return c;
    });
  });
  if (storms.size === 0) return chunks;
  return opened.map((list, s) => list.map((c) => (c.type === 'PER' && storms.has((sentences[s] ?? []).slice(c.start, c.end).join(' ')) ? { ...c, type: 'MISC' as const } : c)));
}
