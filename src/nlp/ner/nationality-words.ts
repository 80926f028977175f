/**
 * Nationality adjectives the tagger left untagged ("sanctions on Syrian banks"): CoNLL-2003 tags a nationality
 * as MISC, and the event coder reads it as the actor's country. The training sets disagree about them (UNER
 * files them under OTH, BTC has no class for them), so a model can drop one now and then where the gazetteer
 * is sure. An untagged word the gazetteer lists as a nationality and as no place, capitalised (not all
 * capitals, not first in the sentence) and followed by a lower-case word, is MISC: "Syrian banks", not
 * "Syrian Army" (an ORG's first word) and not "Polish the silver" (a verb opening a sentence).
 */
import { categoryBit, normaliseGazetteerKey, type Gazetteer } from './gazetteer.js';
import type { Chunk } from './tags.js';

const NATIONALITY = categoryBit('nationality');
/** Lists that make a word a place as well as a nationality ("Chad"-like overlaps): those are left to the model. */
const PLACE_BITS = categoryBit('country') | categoryBit('city') | categoryBit('capital') | categoryBit('region') | categoryBit('admin');

/**
 * The sentence's chunks with untagged nationality adjectives added as MISC. Returns the input when nothing is added.
 * @example nationalityWords(['sanctions', 'on', 'Syrian', 'banks'], [], gazetteer) // → [{ start: 2, end: 3, type: 'MISC' }]
 */
export function nationalityWords(words: readonly string[], chunks: readonly Chunk[], gazetteer: Gazetteer): readonly Chunk[] {
  let added: Chunk[] | undefined;
  for (let i = 1; i + 1 < words.length; i++) {
    const word = words[i] ?? '';
    if (!/^\p{Lu}\p{Ll}/u.test(word) || !/^\p{Ll}/u.test(words[i + 1] ?? '')) continue;
    const mask = gazetteer.names.get(normaliseGazetteerKey(word)) ?? 0;
    if ((mask & NATIONALITY) === 0 || (mask & PLACE_BITS) !== 0) continue;
    if (chunks.some((c) => c.start <= i && i < c.end)) continue;
    (added ??= []).push({ start: i, end: i + 1, type: 'MISC' });
  }
  return added ? [...chunks, ...added].sort((a, b) => a.start - b.start) : chunks;
}
