/**
 * Place-name normalisation: the one key function every gazetteer lookup goes through, so
 * "St. Petersburg", "Saint Petersburg" and "SAINT-PETERSBURG" meet, as do "Dayr az Zawr" spellings
 * that differ only in diacritics.
 */

/** Abbreviations expanded token by token: "St. Louis" → "saint louis", "Ft. Worth" → "fort worth". */
const TOKEN_EXPANSIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  mt: 'mount',
  ft: 'fort',
  pt: 'port',
};

const LETTER_FOLDS: Readonly<Record<string, string>> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * The lookup key of a place name: diacritics stripped, lower case, apostrophes and dots dropped,
 * hyphens and other punctuation as spaces, "St"/"Mt"/"Ft" expanded, a leading "the" dropped.
 * @example placeKey('St. Petersburg') // 'saint petersburg'
 * @example placeKey('Deir ez-Zor') // 'deir ez zor'
 */
export function placeKey(name: string): string {
  // Fast path for plain ASCII words (most GeoNames names): same result, no Unicode regexes.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) {
    const lower = name.toLowerCase();
    if (!/^(?:the|st|ste|mt|ft|pt) |\b(?:st|ste|mt|ft|pt)\b/.test(lower)) return lower;
  }
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ʻʼʾʿ’‘'`´.]/gu, '')
    .toLowerCase()
    // Letters NFKD does not decompose: "Şanlıurfa", "Łódź", "Tromsø".
    .replace(/[ıłøđßæœ]/g, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const tokens = base.split(' ').filter((t) => t.length > 0);
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  return tokens.map((t) => TOKEN_EXPANSIONS[t] ?? t).join(' ');
}

/** Words that name an administrative unit when they follow or precede a name ("Hatay province", "province of Latakia"). */
export const ADMIN_WORDS: ReadonlySet<string> = new Set([
  'province',
  'governorate',
  'oblast',
  'region',
  'district',
  'state',
  'county',
  'parish',
  'prefecture',
  'department',
  'municipality',
  'voivodeship',
  'krai',
  'canton',
  'borough',
  'territory',
  'emirate',
  'wilaya',
  'muhafazah',
]);

/**
 * Splits a trailing or leading administrative word off a name key: "hatay province" → {core: 'hatay', adminWord: 'province'};
 * "province of latakia" → {core: 'latakia', adminWord: 'province'}. Returns undefined when there is none.
 */
export function splitAdminWord(key: string): { core: string; adminWord: string } | undefined {
  const tokens = key.split(' ');
  if (tokens.length < 2) return undefined;
  const last = tokens[tokens.length - 1] ?? '';
  if (ADMIN_WORDS.has(last)) return { core: tokens.slice(0, -1).join(' '), adminWord: last };
  const first = tokens[0] ?? '';
  if (ADMIN_WORDS.has(first) && tokens[1] === 'of' && tokens.length > 2) return { core: tokens.slice(2).join(' '), adminWord: first };
  return undefined;
}
