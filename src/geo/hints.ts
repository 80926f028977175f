/**
 * Country evidence from words that are not toponyms: demonyms and nationality adjectives
 * ("Iranian officials", "two Syrians"). Used as a weak prior by resolveToponyms().
 */
import { countriesByDemonym, type Country } from '../data/countries.js';

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
