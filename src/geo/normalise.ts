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

/** The Arabic article as transliterations write it standalone ("al", "el") or assimilated to the next consonant ("ar Ramadi"). */
const ARTICLE_TOKENS = new Set(['al', 'el', 'il', 'ul']);
const ASSIMILATED_ARTICLE = /^(?:a|e)(d|dh|n|r|s|sh|t|th|z)$/;

/** The words of a name's key without the Arabic article ("Al-Fallujah" → fallujah), or undefined when one has a digit. */
function wordsWithoutArticle(name: string): string[] | undefined {
  const tokens = placeKey(name).split(' ').filter(Boolean);
  if (tokens.some((t) => /\d/.test(t))) return undefined;
  return tokens.filter((t, i) => {
    if (tokens.length < 2) return true;
    if (ARTICLE_TOKENS.has(t)) return false;
    // "ar Ramadi", "ash Shatrah": the article assimilated to the consonant that opens the next word.
    const assimilated = ASSIMILATED_ARTICLE.exec(t)?.[1];
    return !(assimilated && tokens[i + 1]?.startsWith(assimilated));
  });
}

/**
 * The consonant-vowel shape of a transliterated name: each run of vowels (and y/w) one V, each consonant one C (doubled
 * letters once, a final h after a vowel dropped). A short transliteration key must agree on it too: "Fallujah" and
 * "Al Fallūjah" are both CVCVCV, while "Hamid" (CVCVC) is not Al Ḩawāmidīyah, though both keys are "hmd".
 * @example transliterationShape('Ar Ramādī') // 'CVCVCV'
 */
export function transliterationShape(name: string): string | undefined {
  return wordsWithoutArticle(name)
    ?.map((t) => t.replace(/(?<=[aeiou])h$/, '').replace(/(.)\1+/g, '$1').replace(/[aeiouyw]+/g, 'V').replace(/[^V]/g, 'C'))
    .join(' ');
}

/**
 * The first two letters of a name without its article: a transliteration may change vowels inside a name, but a
 * match must open the same way ("Fallujah" / "Al Fallūjah"), so "Georgian" is not Gorgān, nor "Irish" Arīsh.
 */
export function transliterationOpening(name: string): string | undefined {
  return wordsWithoutArticle(name)?.[0]?.slice(0, 2);
}

/** Prefix of transliteration keys in the gazetteer index: no placeKey starts with it, so exact lookups never meet them. */
export const TRANSLITERATION_PREFIX = '~';

/** Shortest transliteration key (letters, spaces excluded) matched for any place; shorter ones only name large cities. */
export const MIN_TRANSLITERATION_LETTERS = 5;

/**
 * A spelling-tolerant key for names transliterated from Arabic and Persian, where one place is written many ways:
 * the article dropped ("al-", "el-", "ar Ramadi"), vowels and the glides y/w dropped after a word's first letter, a word's
 * first vowel written "a", q as k, a final h after a vowel dropped and doubled letters single. Undefined for names
 * with nothing left or with digits.
 * @example transliterationKey('Abu Ghraib') === transliterationKey('Abū Ghurayb') // 'ab ghrb'
 * @example transliterationKey('Fallujah') === transliterationKey('Al Fallūjah') // 'flj'
 */
export function transliterationKey(name: string): string | undefined {
  const kept = wordsWithoutArticle(name);
  if (!kept) return undefined;
  const words = kept.map((t) => {
    const first = /^[aeiou]/.test(t) ? 'a' : t[0] === 'q' ? 'k' : t[0]!;
    const rest = t
      .slice(1)
      .replace(/(?<=[aeiou])h$/, '')
      .replace(/q/g, 'k')
      .replace(/[aeiouyw]/g, '');
    return `${first}${rest}`.replace(/(.)\1+/g, '$1');
  });
  const key = words.filter(Boolean).join(' ');
  return key && /^[a-z ]+$/.test(key) ? key : undefined;
}
