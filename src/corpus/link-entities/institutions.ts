/**
 * Generic institution names ("the Senate", "the Foreign Ministry", "Supreme Court", "Congress") name a different
 * body in every country. Linked by name alone, the Philippine Senate and the US Senate become one entity. Such a
 * name is linked per country instead: the country the name or the entity's own mentions give ("U.S. Senate",
 * "the Philippine Senate"), else the one country the article's places are overwhelmingly in. Without either the
 * name stays unqualified, as before: a wrong country is worse than none. The places decide only when the
 * article names no state beside theirs: "the Senate" in a story set in Kyiv about US aid is not Ukraine's.
 */
import { alpha2ToAlpha3, countriesByDemonym, countryByName } from '../../data/countries.js';
import type { DocEntity, PlaceRef } from '../../model/index.js';

/** The nouns that make a name an institution's: one of them must be in it. */
const HEADS = new Set([
  'senate', 'parliament', 'congress', 'assembly', 'court', 'ministry', 'police', 'army', 'navy', 'force', 'forces',
  'commission', 'council', 'cabinet', 'government', 'department', 'chamber', 'presidency', 'legislature',
  'judiciary', 'prosecutor', "prosecutor's", 'guard', 'gendarmerie', 'coastguard', 'treasury', 'representatives',
  'commons', 'lords', 'deputies',
]);

/**
 * Words that may stand beside the head in a generic name without making it specific. Not "state": the State
 * Department is one country's, and "the State Council" or "State Duma" name themselves.
 */
const MODIFIERS = new Set([
  'the', 'of', 'for', 'and', '&', 'national', 'supreme', 'constitutional', 'high', 'federal', 'central', 'upper',
  'lower', 'house', 'foreign', 'interior', 'home', 'defence', 'defense', 'finance',
  'health', 'justice', 'education', 'affairs', 'economy', 'trade', 'energy', 'security', 'intelligence', 'service',
  'public', 'prosecution', 'general', "general's", 'attorney', 'electoral', 'election', 'air', 'armed',
  'military', 'border', 'coast', 'reserve', 'people', "people's", 'republic', 'ministry', 'agriculture', 'labour',
  'labor', 'transport', 'environment', 'information', 'culture', 'police', 'secret', 'special', 'appeals', 'appeal',
]);

/** What the article says about countries: its entities and its places layer. */
export interface ArticleContext {
  readonly entities: readonly DocEntity[];
  readonly places: readonly PlaceRef[];
}

/** The countries the article names as states or nationalities ("Iran", "American officials"). */
function statesNamed(entities: readonly DocEntity[]): Set<string> {
  const states = new Set<string>();
  for (const e of entities) {
    if (e.kind !== 'state' && e.kind !== 'nationality') continue;
    const code = e.kbId?.startsWith('country:') ? e.kbId.slice('country:'.length) : e.country;
    if (code) states.add(code);
  }
  return states;
}

export interface InstitutionCountry {
  /** ISO alpha-3 of the country the institution belongs to. */
  readonly country: string;
  /** The name key without its country words ("Philippine Senate" → "senate"), to link variants together. */
  readonly genericKey: string;
  readonly why: string;
}

/** The country a run of name words names: "United States", "Iran's", "Philippine", or initials "U S". */
function countryOfWords(run: readonly string[]): string | undefined {
  const spaced = run.join(' ').replace(/['’]s$/, '');
  const initials = run.every((w) => w.length === 1) ? run.join('') : undefined;
  return (countryByName(spaced) ?? (initials ? countryByName(initials) : undefined) ?? (run.length === 1 ? countriesByDemonym(spaced)[0] : undefined))?.alpha3;
}

/** The words of a name that are not a country's name or demonym ("U.S.", "Philippine", "Iran's"), longest run first. */
function withoutCountryWords(words: readonly string[]): { rest: string[]; country?: string } {
  const rest: string[] = [];
  let country: string | undefined;
  for (let i = 0; i < words.length; ) {
    const n = [3, 2, 1].find((len) => i + len <= words.length && countryOfWords(words.slice(i, i + len)) !== undefined);
    if (n === undefined) {
      rest.push(words[i]!);
      i++;
      continue;
    }
    country ??= countryOfWords(words.slice(i, i + n));
    i += n;
  }
  return { rest, ...(country ? { country } : {}) };
}

/** Whether a name's words, its country words set aside, are a generic institution's ("Foreign Ministry", "Senate"). */
function isGenericInstitution(restWords: readonly string[]): boolean {
  const rest = restWords.map((w) => w.toLowerCase());
  const isHead = (w: string) => HEADS.has(w) || (w === 'bank' && rest.some((m) => CENTRAL_BANK.has(m)));
  return rest.length > 0 && rest.length <= 5 && rest.some(isHead) && rest.every((w) => isHead(w) || MODIFIERS.has(w));
}

const JOINERS = new Set(['the', 'of', 'for', 'and', '&']);

/** A bank is a country's institution only as its central bank ("U.S. Bank" is a company). */
const CENTRAL_BANK = new Set(['central', 'reserve']);

/**
 * The article's country when its resolved places are overwhelmingly in one: at least three place mentions and
 * four in five of them in that country.
 */
export function dominantPlaceCountry(places: readonly PlaceRef[]): string | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const place of places) {
    if (!place.isResolved || !place.countryCode) continue;
    counts.set(place.countryCode, (counts.get(place.countryCode) ?? 0) + 1);
    total++;
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!top || top[1] < 3 || top[1] < 0.8 * total) return undefined;
  return alpha2ToAlpha3(top[0]);
}

/**
 * The country a generic institution entity belongs to, with the reason; undefined for a specific name or when
 * nothing says which country.
 */
export function institutionCountry(entity: DocEntity, words: readonly string[], article: ArticleContext, translit: (s: string) => string): InstitutionCountry | undefined {
  if (entity.type !== 'ORG' || entity.kbId) return undefined;
  const { rest, country: named } = withoutCountryWords(words);
  if (!isGenericInstitution(rest)) return undefined;
  // "Senate of the Philippines" and "Philippine Senate": the words left around the country's name go too.
  while (rest.length > 1 && JOINERS.has(rest[rest.length - 1]!.toLowerCase())) rest.pop();
  while (rest.length > 1 && JOINERS.has(rest[0]!.toLowerCase())) rest.shift();
  const genericKey = translit(rest.join(' '));
  if (named) return { country: named, genericKey, why: `a generic institution name; the name says ${named}` };
  if (entity.country) return { country: entity.country, genericKey, why: `a generic institution name; its mentions say ${entity.country}` };
  const fromPlaces = dominantPlaceCountry(article.places);
  if (fromPlaces && [...statesNamed(article.entities)].every((c) => c === fromPlaces)) return { country: fromPlaces, genericKey, why: `a generic institution name; the article's places are in ${fromPlaces}` };
  return undefined;
}
