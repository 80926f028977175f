/**
 * Organisation names built with "of" or "for" ("Housing Authority of New Orleans", "Supreme Court of New
 * Zealand", "National Organization for Women"): the tagger, reading word by word, often closes the name at the
 * preposition and tags what follows as a place of its own. In the training sets' gold such a name is one ORG.
 * A chunk whose last word heads organisation names (an agency, a party, a court …) followed by "of"/"for" and
 * a place, or untagged capitalised words, becomes one ORG over both.
 * The head must be the chunk's last word, so "Bank of America and Wells Fargo" and "the Ministry of Defence in
 * London" are left as the tagger read them.
 */
import type { Chunk } from './tags.js';

/** Words that head an organisation's name and take an "of"/"for" complement ("Ministry of", "Center for"). */
const HEADS = new Set([
  'Academy', 'Administration', 'Agency', 'Alliance', 'Assembly', 'Association', 'Authority', 'Bank', 'Board', 'Bureau', 'Center', 'Centre',
  'Chamber', 'Church', 'Coalition', 'College', 'Commission', 'Committee', 'Confederation', 'Conference', 'Council', 'Court', 'Department',
  'Federation', 'Foundation', 'Fund', 'Hospital', 'Institute', 'Institution', 'League', 'Ministry', 'Movement', 'Museum', 'Office', 'Offices',
  'Organisation', 'Organization', 'Party', 'School', 'Society', 'Tribunal', 'Trust', 'University',
]);

/** Capitalised like a name's word ("Columbia", "NAACP"), not a lower-case word or punctuation. */
function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * The sentence's chunks with "<organisation head> of/for <name>" joined into one ORG. Returns the input when nothing changes.
 * @example ofNames(['the', 'Housing', 'Authority', 'of', 'New', 'Orleans'], [{ start: 1, end: 3, type: 'ORG' }, { start: 4, end: 6, type: 'LOC' }]) // → [{ start: 1, end: 6, type: 'ORG' }]
 */
export function ofNames(words: readonly string[], chunks: readonly Chunk[]): readonly Chunk[] {
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  let isChanged = false;
  for (let k = 0; k < sorted.length; k++) {
    const head = sorted[k]!;
    const link = words[head.end];
    if ((link !== 'of' && link !== 'for') || !HEADS.has(words[head.end - 1] ?? '')) continue;
    const nameAt = head.end + 1;
    const next = sorted[k + 1];
    if (!isCapitalised(words[nameAt] ?? '') || (next && next.start < nameAt)) continue;
    const isTagged = next !== undefined && next.start === nameAt;
    // Only a place completes the name ("of New Orleans"): a person or an organisation after it is a name of its
    // own ("the Serbian People's Party of <leader>", "Brighton Centre for <a band>").
    if (isTagged && next.type !== 'LOC') continue;
    let end = nameAt;
    if (isTagged) end = next.end;
    // An untagged name: the run of capitalised words ("for Women", "of Muslim Scholars"), up to the next chunk,
    // unless that chunk is a person the run is a title of ("the Awami League of Prime Minister <name>").
    else {
      while (end < words.length && isCapitalised(words[end] ?? '') && (!next || end < next.start)) end++;
      if (next && next.start === end && next.type === 'PER') continue;
    }
    sorted.splice(k, isTagged ? 2 : 1, { start: head.start, end, type: 'ORG' });
    isChanged = true;
    k--; // the joined name may itself go on ("Department of Justice for …" is rare, but read it again)
  }
  return isChanged ? sorted : chunks;
}
