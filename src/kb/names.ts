/**
 * Name normalisation shared by the knowledge base and the entities stage: title stripping,
 * possessives, diacritics, and a transliteration key that makes common Latin spellings of Arabic,
 * Persian and Russian names collide ("Soleimani"/"Suleimani", "Quds"/"Qods", "Hizbollah"/"Hezbollah").
 */

/** Words that are titles or ranks, not part of a name ("Maj. Gen. Qassem Soleimani" → "Qassem Soleimani"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend',
  'gen', 'general', 'maj', 'major', 'brig', 'brigadier', 'col', 'colonel', 'lt', 'lieutenant', 'capt', 'captain',
  'cmdr', 'commander', 'sgt', 'sergeant', 'adm', 'admiral', 'marshal', 'field', 'cpl', 'corporal', 'pvt', 'private',
  'president', 'vice', 'prime', 'minister', 'premier', 'chancellor', 'secretary', 'deputy', 'foreign', 'defence', 'defense',
  'interior', 'king', 'queen', 'prince', 'princess', 'crown', 'emir', 'sultan', 'sheikh', 'shaikh', 'ayatollah', 'imam', 'grand', 'mullah',
  'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'mayor', 'chief', 'spokesman', 'spokeswoman', 'spokesperson',
  'ambassador', 'envoy', 'pope', 'cardinal', 'bishop', 'judge', 'justice', 'mp', 'mep', 'speaker', 'leader', 'head', 'director',
]);

/** Leading words dropped from organisation names for matching ("the", Arabic article "al-"). */
const ORG_LEADERS = /^(the|al|el|ad|an|ar|as|ash|at|az)[\s-]+/i;

/** Folds diacritics and typographic quotes, keeping letters, digits, spaces, hyphens and apostrophes. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02BC\u02BB`´]/g, "'")
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes a possessive ending: "Iran's" → "Iran", "Reuters'" stays "Reuters'" minus the mark. */
export function stripPossessive(text: string): string {
  return text.replace(/['’]s$/i, '').replace(/s['’]$/i, 's');
}

/** Splits a name into words, dropping title words at the start: "Maj. Gen. Qassem Soleimani" → ["Qassem", "Soleimani"]. */
export function nameWords(text: string): { words: string[]; titles: string[] } {
  const words = foldName(stripPossessive(text.trim())).split(/[\s]+/).filter(Boolean);
  const titles: string[] = [];
  while (words.length > 1 && TITLE_WORDS.has(words[0]!.toLowerCase().replace(/[.'-]/g, ''))) titles.push(words.shift()!);
  return { words, titles };
}

/**
 * A transliteration key: lower case, no article, q→k, ou/o→u, e/y→i, dh/kh/gh/th/ph simplified, doubled letters
 * collapsed, vowels at the end kept. Two spellings with the same key are taken as one name.
 * @example translitKey('Suleimani') === translitKey('Soleimani') // 'sulimani'
 */
export function translitKey(name: string): string {
  return foldName(name)
    .toLowerCase()
    .replace(ORG_LEADERS, '')
    .replace(/['-]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ph/g, 'f')
    .replace(/(?<=[a-z])h(?=[^aeiou]|$)/g, '') // Shaikh → Shaik, Mohammad-h → …: silent h after a consonant or vowel
    .replace(/dh/g, 'd')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/th/g, 't')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?=[aou]|$)/g, 'k')
    .replace(/ou/g, 'u')
    .replace(/o/g, 'u')
    .replace(/[ey]/g, 'i')
    .replace(/w/g, 'u')
    .replace(/([a-z])\1+/g, '$1');
}

/** The initials of the capitalised content words of a name: "Islamic Revolutionary Guard Corps" → "IRGC". */
export function acronymOf(name: string): string {
  return foldName(name)
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !/^(Of|The|And|For)$/.test(w))
    .map((w) => w[0]!)
    .join('')
    .toUpperCase();
}

/** True for an all-capitals word of 2–6 letters (dots allowed): "ISIS", "U.N.", "IRGC". */
export function isAcronym(text: string): boolean {
  const bare = text.replace(/\./g, '');
  return /^[A-Z]{2,6}s?$/.test(bare) && bare !== bare.toLowerCase();
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
