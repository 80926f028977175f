/**
 * Places named like people: "an orchard near Abu Ghraib", "raids in Baghdad and Abu Ghraib", "outside Tal Afar".
 * Arabic place names often open with a kinship word (Abu, Umm, Bani), so the tagger reads them as persons. A
 * "person" written right after "near", "outside" or a compass "of" ("west of"), or joined by "and"/"or" to a place
 * after "in", "near" or "at", is a place, and so is every other mention of that name in the document, unless one of
 * them speaks ("Abu Ghraib said"), is a possessive ("Abu Ghraib's") or carries a person's title.
 */
import type { Chunk } from './tags.js';

/** Words after which a name is a place. */
const LOCATIVE_WORDS = new Set(['near', 'outside', 'nearby']);
/** "west of X", "north-east of X". */
const COMPASS = /^(north|south|east|west|north-?east|north-?west|south-?east|south-?west)$/i;
/** Prepositions that open a list of places: "in Baghdad and Abu Ghraib". */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'at', 'outside', 'from']);
/** What a person does after their name that a place does not. */
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'tells', 'added', 'asked', 'wrote']);
/** Titles before a person's name. */
const TITLES = /^(mr|mrs|ms|dr|president|minister|general|gen|sheikh|prof|judge|sen|rep|gov|mayor)\.?$/i;

const lower = (word: string | undefined): string => (word ?? '').toLowerCase();

/** Whether the chunk at `start` follows a locative word, a compass "of", or "and"/"or" after a place chunk that does. */
function isLocative(words: readonly string[], chunks: readonly Chunk[], start: number): boolean {
  const before = lower(words[start - 1]);
  if (LOCATIVE_WORDS.has(before)) return true;
  if (before === 'of' && COMPASS.test(words[start - 2] ?? '')) return true;
  if (before !== 'and' && before !== 'or') return false;
  const place = chunks.find((c) => c.type === 'LOC' && c.end === start - 1);
  return place !== undefined && PLACE_PREPOSITIONS.has(lower(words[place.start - 1]));
}

/** Whether a mention shows a person: it speaks, owns something, or carries a title. */
function showsPerson(words: readonly string[], c: Chunk): boolean {
  const after = words[c.end] ?? '';
  return SPEECH_AFTER.has(lower(after)) || /^['’]s?$/.test(after) || TITLES.test(words[c.start - 1] ?? '');
}

/**
 * The document's chunks with such persons as places (LOC) on every mention; the input when there is none.
 * @example locativeNames([['found', 'near', 'Abu', 'Ghraib', '.']], [[{ start: 2, end: 4, type: 'PER' }]]) // → [[{ start: 2, end: 4, type: 'LOC' }]]
 */
export function locativeNames(sentences: readonly (readonly string[])[], chunks: readonly (readonly Chunk[])[]): readonly (readonly Chunk[])[] {
  const placed = new Set<string>();
  const persons = new Set<string>();
  chunks.forEach((list, s) => {
    const words = sentences[s] ?? [];
    for (const c of list) {
      if (c.type !== 'PER') continue;
      const name = words.slice(c.start, c.end).join(' ');
      if (showsPerson(words, c)) persons.add(name);
      else if (isLocative(words, list, c.start)) placed.add(name);
    }
  });
  for (const name of persons) placed.delete(name);
  if (placed.size === 0) return chunks;
  return chunks.map((list, s) => list.map((c) => (c.type === 'PER' && placed.has((sentences[s] ?? []).slice(c.start, c.end).join(' ')) ? { ...c, type: 'LOC' as const } : c)));
}
