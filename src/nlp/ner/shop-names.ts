/**
 * Shop and restaurant names built on a possessive ("Ray's Pizza", "Trader Joe's", "Cabo Bob's"): the tagger
 * reads the owner's name as a person and leaves the clitic out. In the training sets' gold, a capitalised name
 * that keeps its "'s" inside the span is a business or a venue (ORG/LOC, never PER), while a person's
 * possessive is followed by the thing possessed ("Iverson's jersey"). A PER before "'s" is read as a business
 * only where nothing possessed follows and the context names a place to go or a list of organisations:
 *  - "'s" then a capitalised business head word ("Burch's Karate", "Ray's Pizza", "Joe's Auto Repair");
 *  - "at/to X's" with no noun after it ("went to Geno's.", "at Fraiser's for dinner": 9 of 10 such names
 *    in the training gold are businesses);
 *  - "X's" as an item of a comma/"and" list whose other items include an organisation ("Nulo Pet Foods,
 *    Cabo Bob's, Pop-A-Lock").
 * A person's possessive with a noun after it ("Bush's National Guard", "Saddam's Iraq") is left alone.
 */
import type { Chunk } from './tags.js';

/** The clitic as our tokenizer and the training sets write it. */
const POSSESSIVE = new Set(["'s", '’s']);

/**
 * Last words of shop, restaurant and trade names ("Joe's Crab Shack", "Ray's Pizza", "Burch's Karate"), and the
 * goods a shop is named after ("Lenny's E-Bikes", "Ada's Flowers": a person's possessive is rarely a
 * capitalised plural of goods).
 */
const BUSINESS_HEADS = new Set([
  'pizza', 'pizzeria', 'grill', 'bar', 'cafe', 'café', 'diner', 'kitchen', 'deli', 'bakery', 'pub', 'tavern', 'restaurant', 'steakhouse',
  'bbq', 'barbecue', 'burgers', 'tacos', 'bistro', 'cantina', 'saloon', 'shack', 'smokehouse', 'creamery', 'donuts', 'bagels',
  'brewery', 'winery', 'inn', 'lodge', 'motel', 'karate', 'dojo', 'gym', 'garage', 'auto', 'motors', 'repair', 'salon', 'spa',
  'boutique', 'market', 'store', 'shop', 'hardware', 'pharmacy', 'bookstore', 'furniture', 'jewelers', 'jewellers', 'cleaners',
  'plumbing', 'landscaping', 'towing', 'catering', 'florist', 'dental',
  'bikes', 'e-bikes', 'ebikes', 'cycles', 'bicycles', 'scooters', 'tires', 'tyres', 'flowers', 'pets', 'toys', 'shoes', 'wines',
  'liquors', 'sweets', 'treats', 'eats', 'foods', 'appliances', 'outfitters', 'optical', 'optics',
]);

/** Words after "X's" that show nothing possessed follows ("at Geno's for dinner", "Max's are great"). */
const NO_POSSESSED = new Set(['for', 'on', 'in', 'at', 'and', 'or', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'tonight', 'today', 'yesterday']);

/** Punctuation that closes a phrase; quotes are left out ("Cameron dismisses Johnson's 'plan'"). */
const CLOSING = new Set(['.', ',', ';', ':', '!', '?', ')', '...']);

/** Words before a name that send someone to a place ("went to", "dinner at"). */
const GOING_TO = new Set(['at', 'to']);

/**
 * Chunks of one sentence with possessive business names retyped and widened to ORG over the clitic (and
 * the head words after it). Returns the input array when nothing changes.
 * @example shopNames(['dinner', 'at', 'Cabo', 'Bob', "'s", '.'], [{ start: 2, end: 4, type: 'PER' }])
 *   // → [{ start: 2, end: 5, type: 'ORG' }]
 */
export function shopNames(words: readonly string[], chunks: readonly Chunk[]): readonly Chunk[] {
  let out: Chunk[] | undefined;
  for (const c of chunks) {
    if (c.type !== 'PER' || !POSSESSIVE.has(words[c.end] ?? '')) continue;
    const widened = businessEnd(words, chunks, c);
    if (widened === undefined) continue;
    const start = goingToStart(words, chunks, c) ?? c.start;
    const list: Chunk[] = (out ?? [...chunks]).filter((other) => other === c || other.end <= start || other.start >= widened);
    list[list.indexOf(c)] = { start, end: widened, type: 'ORG' };
    out = list;
  }
  return out ?? chunks;
}

/** Where the business name ending in "'s" at c.end stops, or undefined when it reads as a person's possessive. */
function businessEnd(words: readonly string[], chunks: readonly Chunk[], c: Chunk): number | undefined {
  const after = c.end + 1;
  // "Ray's Pizza", "Joe's Auto Repair": a run of capitalised words whose last is a business head
  // ("Obama's Market Reform" ends elsewhere and stays a possessive).
  let runEnd = after;
  while (runEnd < words.length && isCapitalised(words[runEnd] ?? '')) runEnd++;
  if (runEnd > after && BUSINESS_HEADS.has((words[runEnd - 1] ?? '').toLowerCase())) return runEnd;
  const next = words[after];
  const isClosed = next === undefined || CLOSING.has(next) || NO_POSSESSED.has(next);
  if (!isClosed) return undefined;
  if (goingToStart(words, chunks, c) !== undefined) return after;
  return isInOrgList(words, chunks, c, after) ? after : undefined;
}

/**
 * Where a name after "at"/"to" starts, taking in untagged capitalised words before the chunk ("at Cabo Bob's"
 * with only "Bob" tagged), or undefined when no "at"/"to" precedes it.
 */
function goingToStart(words: readonly string[], chunks: readonly Chunk[], c: Chunk): number | undefined {
  let start = c.start;
  while (start > 0 && isCapitalised(words[start - 1] ?? '') && !chunks.some((o) => o.start < start && start <= o.end && o !== c)) start--;
  return GOING_TO.has(words[start - 1] ?? '') ? start : undefined;
}

/** True when "X's" sits in a comma/"and"/"or" list with an ORG chunk right before or after it. */
function isInOrgList(words: readonly string[], chunks: readonly Chunk[], c: Chunk, after: number): boolean {
  const isJoiner = (w: string | undefined): boolean => w === ',' || w === 'and' || w === 'or';
  // Skip ", and" / ", or" between items.
  let before = c.start - 1;
  while (before >= 0 && isJoiner(words[before])) before--;
  let next = after;
  while (next < words.length && isJoiner(words[next])) next++;
  const hasJoinerBefore = before < c.start - 1;
  const hasJoinerAfter = next > after;
  // An organisation that is itself possessive ("Maakinen's and Mitsubishi's positions") shares a noun: no list of names.
  const isListItem = (o: Chunk): boolean => o.type === 'ORG' && !POSSESSIVE.has(words[o.end] ?? '');
  return chunks.some((o) => isListItem(o) && ((hasJoinerBefore && o.end === before + 1) || (hasJoinerAfter && o.start === next)));
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
