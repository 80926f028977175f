/**
 * The country table of the whole project: every country and territory with its ISO codes, names,
 * alternative names, demonyms (singular and plural), capital and centroid.
 *
 * Built once at module load from `world-countries` (ODbL 1.0: names, codes, demonyms, capitals,
 * centroids) and `i18n-nationality` (MIT: English nationality adjectives), plus the short hand-edited
 * tables below for the names news actually uses ("U.S.", "Britain", "Ivory Coast") that those lists lack.
 * Pure data: no I/O beyond module loading, so stages may import it.
 */
import { createRequire } from 'node:module';
import type { Country as WorldCountry } from 'world-countries';

/** world-countries' table, loaded through require so the JSON import works on every Node 20 minor. */
const worldCountries = createRequire(import.meta.url)('world-countries/countries.json') as readonly WorldCountry[];

/** One country or territory. */
export interface Country {
  /** ISO 3166-1 alpha-2, e.g. 'IR'. Kosovo uses the user-assigned 'XK'. */
  readonly alpha2: string;
  /** ISO 3166-1 alpha-3, e.g. 'IRN' (Kosovo: 'UNK' as in world-countries). */
  readonly alpha3: string;
  /** ISO 3166-1 numeric, e.g. 364 for Iran (ACLED's `iso`); 0 where world-countries has none (Kosovo). */
  readonly numeric: number;
  /** Common English name: 'Iran'. */
  readonly name: string;
  /** Official English name: 'Islamic Republic of Iran'. */
  readonly officialName: string;
  /** Other English names and spellings: 'Persia', 'Iran, Islamic Republic of', 'IRN'. */
  readonly altNames: readonly string[];
  /** Abbreviations news writes for the country ("US", "U.S.", "UK"): matched only in capitals, never as "us". */
  readonly abbreviations: readonly string[];
  /** Nationality adjectives / singular nouns: 'Iranian'. */
  readonly demonyms: readonly string[];
  /** Plural nouns for the people: 'Iranians'. */
  readonly demonymPlurals: readonly string[];
  readonly capital?: string;
  /** Centroid latitude (world-countries `latlng`). */
  readonly lat: number;
  readonly lon: number;
  /** UN region and subregion: 'Asia', 'Southern Asia'. */
  readonly region: string;
  readonly subregion: string;
  /** False for dependent territories (Puerto Rico, Greenland). */
  readonly isIndependent: boolean;
  /** Alpha-2 codes of the countries it borders by land. */
  readonly borders: readonly string[];
}

/** English names news uses that world-countries does not list, by alpha-2. */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: ['U.S.', 'U.S.A.', 'America', 'the United States', 'United States', 'the US', 'the U.S.', 'the States'],
  GB: ['U.K.', 'Britain', 'Great Britain', 'the UK', 'the U.K.', 'United Kingdom'],
  RU: ['Russian Federation'],
  KR: ['Korea, South', 'S. Korea'],
  KP: ['Korea, North', 'N. Korea'],
  CD: ['Democratic Republic of the Congo', 'D.R. Congo', 'Zaire', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville', 'Congo Republic'],
  CI: ['Ivory Coast'],
  CZ: ['Czech Republic'],
  MK: ['Macedonia', 'FYROM'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  CV: ['Cape Verde'],
  IR: ['Persia'],
  PS: ['Palestinian territories', 'Palestinian Territory', 'occupied Palestinian territories'],
  VA: ['the Vatican', 'Holy See'],
  AE: ['the UAE', 'the Emirates', 'U.A.E.'],
  NL: ['Holland', 'the Netherlands'],
  TR: ['Turkey', 'Turkiye', 'Türkiye'],
  SY: ['Syrian Arab Republic'],
  LY: ['Libyan Arab Jamahiriya'],
  VN: ['Viet Nam'],
  LA: ['Lao PDR'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  TW: ['Formosa'],
};

/**
 * Abbreviations news writes for a country, by alpha-2. Only these short forms name a country: ISO codes in
 * general do not ("AND" is a word before it is Andorra, "SUR" an acronym before it is Suriname).
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  US: ['US', 'USA', 'U.S.', 'U.S.A.'],
  GB: ['UK', 'U.K.'],
  AE: ['UAE', 'U.A.E.'],
  CD: ['DRC'],
  KP: ['DPRK'],
  KR: ['ROK'],
  SA: ['KSA'],
  NZ: ['NZ'],
  PG: ['PNG'],
};

/** Demonyms news uses beyond the two source lists ("Briton", "Emirati" plural, "Brits"), by alpha-2. */
const EXTRA_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  GB: ['British', 'Briton', 'English', 'Scottish', 'Welsh'],
  US: ['American'],
  NL: ['Dutch'],
  FR: ['French'],
  IL: ['Israeli'],
  PS: ['Palestinian'],
  SA: ['Saudi'],
  AE: ['Emirati'],
  AR: ['Argentine', 'Argentinian'],
  PH: ['Filipino', 'Philippine'],
  NZ: ['New Zealand', 'Kiwi'],
  CH: ['Swiss'],
  SE: ['Swedish'],
  DK: ['Danish'],
  FI: ['Finnish'],
  PL: ['Polish'],
  TR: ['Turkish'],
  ES: ['Spanish'],
  IE: ['Irish'],
  BA: ['Bosnian'],
  CZ: ['Czech'],
  SK: ['Slovak'],
  HR: ['Croatian', 'Croat'],
  AF: ['Afghan'],
  LB: ['Lebanese'],
  BH: ['Bahraini'],
  QA: ['Qatari'],
  KW: ['Kuwaiti'],
  OM: ['Omani'],
  YE: ['Yemeni'],
  LK: ['Sri Lankan', 'Sinhalese'],
  // world-countries spells it 'Ecuadorean'; news mostly writes 'Ecuadorian'.
  EC: ['Ecuadorian'],
};

/**
 * Centroids that differ from world-countries' rounded `latlng` where that value lies far from where the
 * country is usually placed: the United States at the geographic centre of the contiguous states (Kansas).
 */
const CENTRE_OVERRIDES: Readonly<Record<string, readonly [number, number]>> = {
  US: [39.83, -98.58],
};

/** Plurals that the rules in pluralDemonym() would get wrong. */
const IRREGULAR_PLURALS: Readonly<Record<string, readonly string[]>> = {
  British: ['British', 'Britons', 'Brits'],
  Briton: ['Britons'],
  English: ['English', 'Englishmen'],
  French: ['French', 'Frenchmen'],
  Dutch: ['Dutch', 'Dutchmen'],
  Welsh: ['Welsh'],
  Irish: ['Irish'],
  Scottish: ['Scots'],
  Spanish: ['Spaniards'],
  Turkish: ['Turks'],
  Polish: ['Poles'],
  Danish: ['Danes'],
  Swedish: ['Swedes'],
  Finnish: ['Finns'],
  Croatian: ['Croatians', 'Croats'],
  // The -ch rule is for mass nouns ("the French"); Czechs are counted.
  Czech: ['Czechs'],
  Swiss: ['Swiss'],
  Thai: ['Thais'],
  'New Zealand': ['New Zealanders'],
  Kiwi: ['Kiwis'],
  Filipino: ['Filipinos'],
  Philippine: [],
};

/**
 * The plural noun(s) of a demonym: "Iranian" → ["Iranians"], "Chinese" → ["Chinese"], "Israeli" → ["Israelis"].
 * @example pluralDemonym('Syrian') // ['Syrians']
 */
export function pluralDemonym(demonym: string): readonly string[] {
  const irregular = IRREGULAR_PLURALS[demonym];
  if (irregular) return irregular;
  // Chinese, Swiss, Kurdish: no -s plural.
  if (/(?:ese|ss|sh|ch)$/.test(demonym)) return [demonym];
  return [`${demonym}s`];
}

/** i18n-nationality English names, keyed by alpha-2 (some values are territory names, filtered below). */
function i18nNationalities(): Readonly<Record<string, string>> {
  const require = createRequire(import.meta.url);
  const data = require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> };
  return data.nationalities;
}

/** Splits an i18n-nationality value into plausible adjectives; drops territory names and parentheses. */
function cleanNationality(value: string, countryNames: ReadonlySet<string>): string[] {
  if (/[(),]/.test(value) || /\b(?:Island|Islands|Territory|Republic)\b/.test(value)) return [];
  return value
    .split(/ - | or /)
    .map((v) => v.trim())
    .filter((v) => v.length > 0 && !countryNames.has(v.toLowerCase()));
}

function uniq(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (v && !seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

function buildCountries(): readonly Country[] {
  const nationalities = i18nNationalities();
  const countryNames = new Set<string>(worldCountries.map((c) => c.name.common.toLowerCase()));
  const alpha3To2 = new Map(worldCountries.map((c) => [c.cca3, c.cca2]));
  return worldCountries.map((c): Country => {
    const eng = c.demonyms?.['eng'];
    const demonyms = uniq([
      ...(EXTRA_DEMONYMS[c.cca2] ?? []),
      ...(eng ? [eng.m, eng.f] : []),
      ...cleanNationality(nationalities[c.cca2] ?? '', countryNames),
    ]);
    const altNames = uniq(
      [...(EXTRA_NAMES[c.cca2] ?? []), c.name.official, ...c.altSpellings.filter((s) => s.length > 2 && /^[\p{Script=Latin}\p{P}\s\d]+$/u.test(s)), c.cca3].filter(
        (n) => n !== c.name.common,
      ),
    );
    const capital = c.capital[0];
    const centre = CENTRE_OVERRIDES[c.cca2] ?? c.latlng;
    return Object.freeze({
      alpha2: c.cca2,
      alpha3: c.cca3,
      numeric: Number(c.ccn3) || 0,
      name: c.name.common,
      officialName: c.name.official,
      altNames: Object.freeze(altNames),
      abbreviations: Object.freeze([...(ABBREVIATIONS[c.cca2] ?? [])]),
      demonyms: Object.freeze(demonyms),
      demonymPlurals: Object.freeze(uniq(demonyms.flatMap(pluralDemonym))),
      ...(capital ? { capital } : {}),
      lat: centre[0] ?? 0,
      lon: centre[1] ?? 0,
      region: c.region,
      subregion: c.subregion,
      isIndependent: c.independent === true,
      borders: Object.freeze(c.borders.map((a3) => alpha3To2.get(a3)).filter((a2): a2 is string => a2 !== undefined)),
    });
  });
}

/** Every country and territory (250), in world-countries order. */
export const COUNTRIES: readonly Country[] = Object.freeze(buildCountries());

const byCode = new Map<string, Country>();
const byName = new Map<string, Country>();
const byDemonym = new Map<string, Country[]>();
const byAbbreviation = new Map<string, Country>();

/** Lower-cases and strips dots and "the " so "the U.S." and "US" meet. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\./g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

for (const c of COUNTRIES) {
  byCode.set(c.alpha2, c);
  byCode.set(c.alpha3, c);
}
/** True for a key of three letters or fewer: a code or abbreviation, never matched as a plain word. */
const isShortKey = (key: string): boolean => key.replace(/[\s'-]/g, '').length <= 3;
// Common names first, so an alternative name never shadows another country's common name. Short keys ("and",
// "sur", "us") come only from the abbreviation table, and only in capitals.
for (const c of COUNTRIES) byName.set(nameKey(c.name), c);
for (const c of COUNTRIES) {
  for (const n of [c.officialName, ...c.altNames]) {
    const key = nameKey(n);
    if (!byName.has(key) && !isShortKey(key)) byName.set(key, c);
  }
  for (const a of c.abbreviations) byAbbreviation.set(a.replace(/\./g, ''), c);
}
// Independent states first: "Congolese" lists DR Congo and Congo; "French" France before French Guiana.
for (const c of [...COUNTRIES].sort((a, b) => Number(b.isIndependent) - Number(a.isIndependent))) {
  for (const d of [...c.demonyms, ...c.demonymPlurals]) {
    const key = nameKey(d);
    const list = byDemonym.get(key) ?? [];
    if (!list.includes(c)) list.push(c);
    byDemonym.set(key, list);
  }
}

/**
 * The country with an ISO alpha-2 or alpha-3 code (case-insensitive).
 * @example countryByCode('IRN')?.name // 'Iran'
 */
export function countryByCode(code: string): Country | undefined {
  return byCode.get(code.toUpperCase());
}

/**
 * The country a name denotes: common, official or alternative name ("the U.S.", "Burma", "Ivory Coast").
 * @example countryByName('Syrian Arab Republic')?.alpha2 // 'SY'
 */
export function countryByName(name: string): Country | undefined {
  const key = nameKey(name);
  if (!isShortKey(key)) return byName.get(key);
  // "US" is the country, "us" the pronoun: abbreviations match in capitals only.
  const bare = name.trim().replace(/^the\s+/i, '').replace(/\./g, '');
  return bare === bare.toUpperCase() ? (byAbbreviation.get(bare) ?? byName.get(key)) : undefined;
}

/**
 * The countries a demonym (singular or plural) points to, independent states first.
 * @example countriesByDemonym('Iranians')[0]?.alpha3 // 'IRN'
 */
export function countriesByDemonym(word: string): readonly Country[] {
  return byDemonym.get(nameKey(word)) ?? [];
}

/** The ISO alpha-3 code for an alpha-2 code, or undefined. */
export function alpha2ToAlpha3(alpha2: string): string | undefined {
  return countryByCode(alpha2)?.alpha3;
}
