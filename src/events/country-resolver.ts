/**
 * Country names and demonyms → ISO alpha-3, behind one function the coder calls. Uses the project's
 * country table (src/data/countries.ts) plus the few names news uses that the table lacks.
 */
import { COUNTRIES, countriesByDemonym, countryByName } from '../data/countries.js';
import type { CountryResolver } from './lexicon.js';

/** Names the country table does not resolve (short forms, ethnic plurals), upper-case → alpha-3. */
const EXTRA: Readonly<Record<string, string>> = {
  TURKEY: 'TUR', TURKISH: 'TUR', SERB: 'SRB', SERBS: 'SRB', BRITAIN: 'GBR', 'U.K.': 'GBR', UK: 'GBR',
  'U.S.': 'USA', US: 'USA', AMERICAN: 'USA', AMERICANS: 'USA', RUSSIA: 'RUS', 'SOUTH KOREA': 'KOR', 'NORTH KOREA': 'PRK',
  KOSOVAR: 'XKX', KOSOVO: 'XKX', PALESTINE: 'PSE', 'IVORY COAST': 'CIV', BURMA: 'MMR', HOLLAND: 'NLD', DUTCH: 'NLD',
};

/** Capitals stand for their country, as in the Phoenix dictionaries ("Tehran would consider"). */
const CAPITALS: ReadonlyMap<string, string> = new Map(
  COUNTRIES.filter((c) => c.isIndependent && c.capital).flatMap((c) => {
    const name = c.capital!.toUpperCase();
    // "Washington D.C." is written "Washington" when it stands for the government ("after Washington invaded").
    const bare = name.replace(/,?\s+D\.C\.$/, '');
    return bare === name ? [[name, c.alpha3] as const] : [[name, c.alpha3] as const, [bare, c.alpha3] as const];
  }),
);

/**
 * Resolves upper-case words to an ISO alpha-3 country code, or undefined.
 * @example resolveCountry(['SYRIAN']) // 'SYR'
 */
export const resolveCountry: CountryResolver = (words) => {
  const text = words.join(' ');
  // The coder asks about every capitalised n-gram of every sentence; the answer depends on the text alone.
  const known = RESOLVED.get(text);
  if (known !== undefined) return known || undefined;
  const code = resolveText(text);
  if (RESOLVED.size >= 100_000) RESOLVED.clear();
  RESOLVED.set(text, code ?? '');
  return code;
};

/** Memo of resolveText: '' for no country. Bounded, so a long-running worker does not grow without limit. */
const RESOLVED = new Map<string, string>();

function resolveText(text: string): string | undefined {
  const extra = EXTRA[text];
  if (extra) return extra;
  const byName = countryByName(text);
  if (byName) return byName.alpha3;
  const byDemonym = countriesByDemonym(text)[0];
  return byDemonym?.alpha3 ?? CAPITALS.get(text);
}
