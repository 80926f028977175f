/**
 * The in-memory gazetteer: entries (countries, first- and second-level divisions, populated places,
 * hand-listed regions and points) and an index from normalised name to entries. Pure: built from
 * plain entries by createGazetteer() (tests, and the loader's fallback) or from the compiled file
 * by readCompiledGazetteer() (see compiled.ts).
 */
import { MIN_TRANSLITERATION_LETTERS, placeKey, TRANSLITERATION_PREFIX, transliterationKey, transliterationOpening, transliterationShape } from './normalise.js';

/** What an entry is: drives the precision class and the prior. */
export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'region' | 'point';

/** One place the gazetteer knows. */
export interface GazetteerEntry {
  /** Stable id: 'gn:<GeoNames id>', 'country:IR', 'admin1:SY.02', 'admin2:US.LA.079', 'cj:<cc>:<name>:<lat>,<lon>' or 'dossier:<slug>'. */
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  /** GeoNames feature code when known (PPLC, PPLA, PPL, ADM1, ADM2, PCLI) or ours (RGN, PT). */
  readonly featureCode: string;
  readonly lat: number;
  readonly lon: number;
  /** ISO alpha-2; '' for a region spanning countries (Middle East, Persian Gulf). */
  readonly countryCode: string;
  /** GeoNames admin1 code inside the country ('LA', '02'), '' when unknown. */
  readonly admin1Code: string;
  /** GeoNames admin2 code inside admin1, '' when unknown. */
  readonly admin2Code: string;
  /** Population, 0 when unknown. */
  readonly population: number;
}

/** An extra name for an entry: an alias from our lists or a short form of an official name. */
export interface GazetteerName {
  readonly name: string;
  readonly entryId: string;
  /** The index key when it is not indexKey(name): a transliteration key ("~ab ghrb", see transliterationKey()). */
  readonly key?: string;
}

/** A read-only gazetteer with its name index. */
export interface Gazetteer {
  /** Number of (name, entry) pairs indexed. */
  readonly size: number;
  /** Entries indexed under this key: placeKey(name), or placeKey(name) + '.' for dotted abbreviations ("Ga."). */
  lookup(key: string): readonly GazetteerEntry[];
  /** True when some name has this key (cheap test for the recogniser). */
  has(key: string): boolean;
  /** The country entry for an alpha-2 code. */
  country(countryCode: string): GazetteerEntry | undefined;
  /** The admin1 entry for a country and admin1 code. */
  admin1(countryCode: string, admin1Code: string): GazetteerEntry | undefined;
  /** Longest key in tokens, bounding n-gram searches. */
  readonly maxNameTokens: number;
}

/**
 * The index key of a name. Abbreviations ending in a dot ("Ga.", "W.Va.", "Tenn.") get a trailing
 * '.' so they only match text that has the dot: "Ga." is Georgia, "GA" and "ga" are not.
 */
export function indexKey(name: string, isAlias: boolean): string {
  const key = placeKey(name);
  return isAlias && name.endsWith('.') && key ? `${key}.` : key;
}

/**
 * Entries a surface string may name: its dotted abbreviation key first when it has a dot, then its plain key.
 * @example lookupName(gazetteer, 'W.Va.') // [West Virginia]
 */
export function lookupName(gazetteer: Gazetteer, surface: string): readonly GazetteerEntry[] {
  const key = placeKey(surface);
  if (!key) return [];
  if (surface.includes('.')) {
    const dotted = gazetteer.lookup(`${key}.`);
    if (dotted.length > 0) return dotted;
  }
  return gazetteer.lookup(key);
}

/** Smallest city a short transliteration key (under MIN_TRANSLITERATION_LETTERS letters: "flj", "rmd") may name. */
const SHORT_TRANSLITERATION_MIN_POPULATION = 100_000;

/**
 * Entries whose transliterated name is spelt like `surface` ("Abu Ghraib" → Abū Ghurayb, "Fallujah" → Al Fallūjah) and
 * opens with the same two letters: the fallback when no name matches exactly; never for a demonym (resolve.ts). A key of fewer than five letters names only a city of 100,000 or more
 * of the same consonant-vowel shape, so "Hamid" or "Hawija" catch no town or province.
 * @example lookupTransliterated(gazetteer, 'Abu Ghraib') // [Abū Ghurayb, IQ]
 */
export function lookupTransliterated(gazetteer: Gazetteer, surface: string): readonly GazetteerEntry[] {
  const key = transliterationKey(surface);
  if (!key) return [];
  const opening = transliterationOpening(surface);
  const entries = gazetteer.lookup(`${TRANSLITERATION_PREFIX}${key}`).filter((e) => transliterationOpening(e.name) === opening);
  if (key.replace(/ /g, '').length >= MIN_TRANSLITERATION_LETTERS) return entries;
  const shape = transliterationShape(surface);
  return entries.filter((e) => e.kind === 'city' && e.population >= SHORT_TRANSLITERATION_MIN_POPULATION && transliterationShape(e.name) === shape);
}

/**
 * Builds a gazetteer: every entry is indexed under placeKey(name), every extra name under its own key.
 * Extra names whose entryId is unknown are ignored (an alias list may outlive a data update).
 * @example createGazetteer([{ id: 'country:LY', name: 'Libya', kind: 'country', ... }]).lookup('libya')
 */
export function createGazetteer(entries: readonly GazetteerEntry[], extraNames: readonly GazetteerName[] = []): Gazetteer {
  const byKey = new Map<string, GazetteerEntry[]>();
  const byId = new Map<string, GazetteerEntry>();
  let maxNameTokens = 1;
  let size = 0;
  const add = (key: string, entry: GazetteerEntry, isPrimary: boolean): void => {
    if (!key) return;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [entry]);
    else if (isPrimary || !list.includes(entry)) list.push(entry);
    else return;
    size++;
    if (key.includes(' ')) maxNameTokens = Math.max(maxNameTokens, key.split(' ').length);
  };
  for (const entry of entries) {
    byId.set(entry.id, entry);
    add(placeKey(entry.name), entry, true);
  }
  for (const extra of extraNames) {
    const entry = byId.get(extra.entryId);
    if (entry) add(extra.key ?? indexKey(extra.name, true), entry, false);
  }
  const empty: readonly GazetteerEntry[] = Object.freeze([]);
  return {
    size,
    lookup: (key) => byKey.get(key) ?? empty,
    has: (key) => byKey.has(key),
    country: (cc) => byId.get(`country:${cc}`),
    admin1: (cc, code) => byId.get(`admin1:${cc}.${code}`),
    maxNameTokens,
  };
}

/** Great-circle distance in kilometres between two points (haversine, mean Earth radius 6371 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}
