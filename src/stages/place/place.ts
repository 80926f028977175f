/**
 * The `place` stage: resolves place mentions (LOC mentions from NER, and demonyms or country names
 * used as places: "on Iranian soil") to gazetteer entries with coordinates, country, first-level
 * division and a precision class. Reads phrases around a mention: "the western province of Latakia"
 * and "Hatay province" prefer divisions, "Hatay province, Turkey" and "Paris, Texas" name a container,
 * "Baghdad International Airport" resolves through its town. A name the article gives no good reason
 * to place stays isResolved=false.
 */
import { DossierError, type Doc, type Mention, type PlacePrecision, type PlaceRef } from '../../model/index.js';
import { defineStage, type Stage, type StageContext } from '../../pipeline/stage.js';
import { countriesByDemonym, countryByCode, countryByName } from '../../data/countries.js';
import { divisionByDemonym } from '../../data/division-demonyms.js';
import { ADMIN_WORDS, countryHintsFromText, lookupName, outletCountry, outletHomeNames, recogniseToponyms, resolveToponyms, type Gazetteer, type GazetteerEntry, type ToponymQuery, type ToponymResolution } from '../../geo/index.js';

/** Bump when output changes. */
export const PLACE_VERSION = 6;

/** Weight of the outlet's country among the demonym hints: a demonym counts 1 (half a resolved place), the outlet two places. */
const OUTLET_HINT_WEIGHT = 4;

/** The resources key of the gazetteer (loaded by app/resources.ts with loadGazetteer()). */
export const GAZETTEER_RESOURCE = 'geo.gazetteer';

/**
 * Optional resources key: the division each outlet writes about, by host ("www.alligator.org" → Florida), learned with
 * outletRegion() from the places of the outlet's stored articles. Absent, the stage reads each article alone.
 */
export const OUTLET_REGIONS_RESOURCE = 'geo.outletRegions';

/** Division entries by lower-case host, see OUTLET_REGIONS_RESOURCE. */
export type OutletRegions = ReadonlyMap<string, GazetteerEntry>;

/** The host of an address, lower case, for OutletRegions. */
export function outletHost(url: string | undefined): string | undefined {
  return url ? /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url.trim())?.[1]?.toLowerCase() : undefined;
}

function regionOf(url: string | undefined, regions: OutletRegions | undefined): { region?: GazetteerEntry } {
  const host = outletHost(url);
  const region = host ? regions?.get(host) : undefined;
  return region ? { region } : {};
}

/** Nouns after a demonym that make it a place: "Iranian soil", "Syrian territory", "Turkish border". */
const PLACE_NOUNS = new Set([
  'soil', 'territory', 'territories', 'waters', 'airspace', 'border', 'borders', 'coast', 'coastline', 'side', 'capital',
  'city', 'town', 'towns', 'village', 'villages', 'province', 'provinces', 'region', 'mainland', 'frontier', 'port', 'ports', 'island', 'islands', 'countryside',
]);

/** Prepositions before a country name that make an ORG/MISC-tagged mention a place: "in Iran", "from Syria". */
const LOCATIVE_BEFORE = /\b(?:in|into|inside|from|to|across|near|throughout|within|outside|toward|towards)\s+(?:the\s+)?$/i;

const ADMIN_WORD_ALT = [...ADMIN_WORDS].join('|');
/** "… province of " / "… governorate of the " just before a mention. */
const ADMIN_BEFORE = new RegExp(`\\b(${ADMIN_WORD_ALT})\\s+of\\s+(?:the\\s+)?$`, 'i');
/** " province" / " County" just after a mention. */
const ADMIN_AFTER = new RegExp(`^\\s+(${ADMIN_WORD_ALT})\\b`, 'i');
/** The plural admin word closing a list of names: "Douglas, Sarpy and Lancaster counties", "Clarke and Oconee counties". */
const ADMIN_LIST_AFTER = /^(?:\s*(?:,|,?\s+(?:and|or|&))\s+(?:[A-Z][\p{L}'’.-]*\s+){0,2}[A-Z][\p{L}'’.-]*)*,?\s+(counties|parishes|provinces|governorates|districts|oblasts|regions)\b/u;
/** Singular of the plural admin words of ADMIN_LIST_AFTER. */
const ADMIN_SINGULAR: Readonly<Record<string, string>> = {
  counties: 'county', parishes: 'parish', provinces: 'province', governorates: 'governorate', districts: 'district', oblasts: 'oblast', regions: 'region',
};
/** "Platte Co." (a mention with US newspapers' abbreviation of County) or "Platte Co." just after a mention. */
const COUNTY_ABBREVIATION = /\s+Co\.$/;

function precisionOf(entry: GazetteerEntry): PlacePrecision {
  switch (entry.kind) {
    case 'country':
      return 'country';
    case 'admin1':
    case 'admin2':
      return 'province';
    case 'region':
      return 'region';
    case 'point':
      return 'point';
    case 'city':
      // "outside Baghdad International Airport" when the airport is not listed: located only to the town.
      return 'city';
  }
}

/** A mention taken as a place, with how to resolve it. */
interface PlaceCandidate {
  readonly mention: Mention;
  /** Set for demonyms and country names used as places: resolved straight to the country. */
  readonly countryCode?: string;
  readonly query?: ToponymQuery;
}

/** The word after a span, lower-cased: "soil" in "on Iranian soil". */
function nextWord(text: string, end: number): string {
  return (/^\s+([A-Za-z]+)/.exec(text.slice(end, end + 40))?.[1] ?? '').toLowerCase();
}

/** The query of a LOC mention: admin words around it and a container after a comma. */
function queryFor(doc: Doc, mention: Mention, mentionsByStart: ReadonlyMap<number, Mention>): ToponymQuery {
  let surface = mention.text.replace(/^the\s+/i, '');
  const before = doc.text.slice(Math.max(0, mention.start - 40), mention.start);
  const after = doc.text.slice(mention.end, mention.end + 80);
  let adminWord = ADMIN_BEFORE.exec(before)?.[1];
  const afterAdmin = ADMIN_AFTER.exec(after) ?? /^\s+(Co)\.(?!\w)/.exec(after);
  if (!adminWord && afterAdmin) adminWord = afterAdmin[1] === 'Co' ? 'county' : afterAdmin[1];
  if (COUNTY_ABBREVIATION.test(surface)) {
    surface = surface.replace(COUNTY_ABBREVIATION, '');
    adminWord ??= 'county';
  }
  if (!adminWord) {
    const plural = ADMIN_LIST_AFTER.exec(after)?.[1]?.toLowerCase();
    if (plural) adminWord = ADMIN_SINGULAR[plural];
  }
  // "Hatay province, Turkey" / "Paris, Texas" / "Paris, Tenn." / "Paris, TX"
  const offset = afterAdmin ? afterAdmin[0].length : 0;
  const comma = /^\s*,\s*/.exec(after.slice(offset));
  let container: string | undefined;
  if (comma) {
    const at = mention.end + offset + comma[0].length;
    const next = mentionsByStart.get(at);
    if (next && next.type === 'LOC') container = next.text;
    else container = /^(?:[A-Z][A-Za-z]*\.?(?:\s|(?=[A-Z]))?){1,3}/.exec(doc.text.slice(at, at + 40))?.[0]?.trim();
  }
  return { surface, ...(adminWord ? { adminWord: adminWord.toLowerCase() } : {}), ...(container ? { container } : {}) };
}

function selectPlaces(doc: Doc, mentions: readonly Mention[], gazetteer: Gazetteer): PlaceCandidate[] {
  const byStart = new Map(mentions.map((m) => [m.start, m]));
  const out: PlaceCandidate[] = [];
  for (const mention of mentions) {
    if (mention.origin === 'pronoun' || mention.origin === 'nominal') continue;
    // A place name has a capital somewhere: a tagger's lower-case "plateau" or "downtown" is a common noun.
    if (!/\p{Lu}/u.test(mention.text)) continue;
    if (mention.type === 'LOC') {
      // The tagger called a nationality word a location ("the Russian advance"): its country.
      const demonymOf = countriesByDemonym(mention.text)[0];
      if (demonymOf && !lookupName(gazetteer, mention.text).some((e) => e.kind !== 'city' || e.population >= 100_000)) {
        out.push({ mention, countryCode: demonymOf.alpha2 });
        continue;
      }
      // "Iowans", "a Texan": the state (or province) whose people it names.
      const division = divisionByDemonym(mention.text);
      if (division && !lookupName(gazetteer, mention.text).length) {
        out.push({ mention, query: { surface: division.division, adminWord: division.countryCode === 'US' ? 'state' : 'province', container: countryByCode(division.countryCode)!.name } });
        continue;
      }
      out.push({ mention, query: queryFor(doc, mention, byStart) });
      continue;
    }
    // Demonym used as a place: "on Iranian soil", "the Syrian side of the border".
    const demonymCountry = countriesByDemonym(mention.text)[0];
    if (demonymCountry && PLACE_NOUNS.has(nextWord(doc.text, mention.end))) {
      out.push({ mention, countryCode: demonymCountry.alpha2 });
      continue;
    }
    // A country name the tagger called ORG/MISC, used as a place: "fled to Syria".
    const country = countryByName(mention.text);
    if (country && LOCATIVE_BEFORE.test(doc.text.slice(Math.max(0, mention.start - 20), mention.start))) {
      out.push({ mention, countryCode: country.alpha2 });
    }
  }
  return out;
}

function toPlaceRef(id: string, mention: Mention, gazetteer: Gazetteer, entry: GazetteerEntry | undefined): PlaceRef {
  const base = { id, start: mention.start, end: mention.end, text: mention.text, mentionId: mention.id };
  if (!entry) return { ...base, isResolved: false };
  const admin1 = entry.admin1Code && entry.kind !== 'admin1' ? gazetteer.admin1(entry.countryCode, entry.admin1Code)?.name : entry.kind === 'admin1' ? entry.name : undefined;
  return {
    ...base,
    isResolved: true,
    name: entry.name,
    lat: entry.lat,
    lon: entry.lon,
    ...(entry.countryCode ? { countryCode: entry.countryCode } : {}),
    ...(admin1 ? { admin1 } : {}),
    precision: precisionOf(entry),
    gazetteerId: entry.id,
  };
}

/**
 * The places of a Doc that has mentions: the pure core of the stage.
 * @example resolvePlaces(doc, gazetteer).filter((p) => p.isResolved).map((p) => [p.text, p.countryCode])
 */
export function resolvePlaces(doc: Doc, gazetteer: Gazetteer, outletRegions?: OutletRegions): PlaceRef[] {
  const mentions = doc.layers.mentions ?? [];
  const candidates = selectPlaces(doc, mentions, gazetteer);
  const hints = countryHintsFromText(doc.text);
  // The outlet's own country ("lfpress.ca"): "London" in a Canadian paper beside Sarnia is London, Ontario.
  const outlet = outletCountry(doc.meta.url);
  if (outlet) hints.set(outlet, (hints.get(outlet) ?? 0) + OUTLET_HINT_WEIGHT);
  for (const c of candidates) if (c.countryCode) hints.set(c.countryCode, (hints.get(c.countryCode) ?? 0) + 1);
  // A capitalised common word the article also writes in lower case ("Century", "Early", "Born", "Downtown", "Lyme"
  // beside "lyme disease", "Cheddar" beside "cheddar": towns in the gazetteer) is a heading's, a sentence start's or a
  // product's word, not a place: it is not placed, and would otherwise lend its state to the real places.
  const lowerWords = new Set(doc.text.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*/gu) ?? []);
  const isCommonWord = (text: string): boolean => /^\p{Lu}\p{Ll}+$/u.test(text) && lowerWords.has(text.toLowerCase());
  const toponyms = candidates.filter((c) => c.query !== undefined && !isCommonWord(c.query.surface));
  // Names the tagger did not mark ("Hall County" inside "Hall County Sheriff's Office") still tell where the article is.
  const extra = recogniseToponyms(doc.text, gazetteer).filter((t) => !mentions.some((m) => m.start < t.end && t.start < m.end) && !isCommonWord(t.text));
  const resolutions = resolveToponyms(
    gazetteer,
    [...toponyms.map((c) => c.query!), ...extra.map((t) => ({ surface: t.text, isContextOnly: true }))],
    hints,
    // The outlet's home town from its masthead address ("parisbeacon.com"): which Paris, the article's places tell.
    { ...(outlet ? { countryCode: outlet } : {}), homeNames: outletHomeNames(doc.meta.url, gazetteer), ...regionOf(doc.meta.url, outletRegions) },
  );
  const byMention = new Map<Mention, ToponymResolution>();
  toponyms.forEach((c, i) => byMention.set(c.mention, resolutions[i]!));
  return candidates.map((c, i) => {
    const id = `pl${i + 1}`;
    if (c.countryCode) return toPlaceRef(id, c.mention, gazetteer, gazetteer.country(c.countryCode));
    const r = byMention.get(c.mention);
    return toPlaceRef(id, c.mention, gazetteer, r?.isResolved ? r.entry : undefined);
  });
}

/** Creates the place stage; it reads the gazetteer from ctx.resources (key "geo.gazetteer"). */
export function createPlace(): Stage<'places'> {
  return defineStage({
    name: 'place',
    version: PLACE_VERSION,
    requires: ['mentions'],
    assigns: 'places',
    run(doc: Doc, ctx: StageContext): PlaceRef[] {
      if (!ctx.resources.has(GAZETTEER_RESOURCE)) {
        throw new DossierError('E_RESOURCE_MISSING', `place needs the gazetteer in resources["${GAZETTEER_RESOURCE}"] (see loadDefaultResources)`);
      }
      const regions = ctx.resources.has(OUTLET_REGIONS_RESOURCE) ? ctx.resources.get<OutletRegions>(OUTLET_REGIONS_RESOURCE) : undefined;
      return resolvePlaces(doc, ctx.resources.get<Gazetteer>(GAZETTEER_RESOURCE), regions);
    },
  });
}
