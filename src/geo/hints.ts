/**
 * Country evidence from words that are not toponyms: demonyms and nationality adjectives
 * ("Iranian officials", "two Syrians"). Used as a weak prior by resolveToponyms().
 */
import { countriesByDemonym, countryByCode, type Country } from '../data/countries.js';

/**
 * Counts, per alpha-2 code, the capitalised demonyms of a text. Only the first country of an
 * ambiguous demonym counts ("Congolese" → DR Congo).
 * @example countryHintsFromText('Iranian and Syrian officials met.') // Map { 'IR' => 1, 'SY' => 1 }
 */
export function countryHintsFromText(text: string): Map<string, number> {
  const hints = new Map<string, number>();
  // Capitalised words repeat within an article; the demonym table's key normalisation is not cheap.
  const seen = new Map<string, Country | undefined>();
  const demonymCountry = (words: string): Country | undefined => {
    if (seen.has(words)) return seen.get(words);
    const country = countriesByDemonym(words)[0];
    seen.set(words, country);
    return country;
  };
  const re = /\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = m[0];
    let country = demonymCountry(words);
    if (!country && words.includes(' ')) {
      // "Iranian Foreign Minister": try the first word alone, and let the loop see the second one.
      country = demonymCountry(words.slice(0, words.indexOf(' ')));
      re.lastIndex = m.index + words.indexOf(' ') + 1;
    }
    if (country) hints.set(country.alpha2, (hints.get(country.alpha2) ?? 0) + 1);
  }
  return hints;
}

/**
 * Country codes that sites worldwide register for their letters, not their country ("bit.ly", "twitch.tv",
 * "x.ai"): an outlet under one of them tells nothing about where it is.
 */
const GENERIC_CC_TLDS: ReadonlySet<string> = new Set([
  'ac', 'ad', 'ag', 'ai', 'am', 'as', 'bz', 'cc', 'cf', 'co', 'cx', 'dj', 'fm', 'ga', 'gd', 'gg', 'gl', 'gq', 'gs', 'im', 'io', 'je', 'la', 'li', 'ly', 'me',
  'ml', 'ms', 'mu', 'nu', 'pw', 'sc', 'sh', 'so', 'st', 'tk', 'tl', 'to', 'tv', 'vc', 'vg', 'ws',
]);

/**
 * The country of an outlet from its address's country-code top-level domain, when that domain is used for its country:
 * "lfpress.ca" → CA, "bbc.co.uk" → GB; ".com", ".org" and vanity codes (".tv", ".io") give nothing.
 * @example outletCountry('https://www.thisisoxfordshire.co.uk/news/1') // 'GB'
 */
export function outletCountry(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url.trim())?.[1]?.toLowerCase();
  const tld = host?.slice(host.lastIndexOf('.') + 1);
  if (!tld || tld.length !== 2 || !host?.includes('.') || GENERIC_CC_TLDS.has(tld)) return undefined;
  const code = tld === 'uk' ? 'GB' : tld.toUpperCase();
  return countryByCode(code) ? code : undefined;
}
