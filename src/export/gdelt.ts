/**
 * The GDELT 2.0 event table as GDELT ships it: 61 tab-separated columns in codebook order, no header row.
 * Country columns use FIPS 10-4 codes (GDELT's), actor codes are CAMEO actor codes (ISO alpha-3 country plus a
 * role code such as GOV or MIL), GoldsteinScale comes from the CAMEO event code, and SOURCEURL is the
 * earliest reporting article's URL. Columns Dossier has nothing for (ethnic, religion and known-group codes,
 * AvgTone, ADM2 codes, feature ids) are left empty, as GDELT leaves them when it cannot fill them.
 */
import { goldstein } from '../data/cameo-goldstein.js';
import { countryByCode, countryByName } from '../data/countries.js';
import { fipsCountry } from '../data/fips-countries.js';
import type { CanonicalEntity, MergedEventDetail } from '../store/store.js';
import { cameoActor, cameoActorName } from './cameo-actor.js';
import { toTsv } from './csv.js';

const ACTOR_FIELDS = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'] as const;
const GEO_FIELDS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'] as const;

/** The 61 columns of a GDELT 2.0 event record, in codebook order. */
export const GDELT_COLUMNS: readonly string[] = Object.freeze([
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR_FIELDS.map((f) => `Actor1${f}`), ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO_FIELDS.map((f) => `Actor1Geo_${f}`), ...GEO_FIELDS.map((f) => `Actor2Geo_${f}`), ...GEO_FIELDS.map((f) => `ActionGeo_${f}`),
  'DATEADDED', 'SOURCEURL',
]);

/** What the GDELT row needs beyond the event: its articles' URLs and times, and its actors' entities. */
export interface GdeltContext {
  readonly articles: ReadonlyMap<string, { readonly url: string; readonly ingestedAt: string; readonly leadEnd: number }>;
  readonly entities: ReadonlyMap<string, CanonicalEntity>;
}

/** CAMEO actor role codes for our entity kinds (states carry the country code alone). */
const CAMEO_ROLE: Readonly<Record<string, string>> = {
  government: 'GOV', 'military-unit': 'MIL', 'media-outlet': 'MED', company: 'BUS', 'armed-group': 'REB', party: 'PTY',
};

/** CAMEO root code → GDELT QuadClass (1 verbal cooperation … 4 material conflict). */
export function quadClass(cameo: string | null): number | undefined {
  const root = cameo ? Number(cameo.slice(0, 2)) : NaN;
  if (!Number.isFinite(root) || root < 1) return undefined;
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

function actorColumns(prefix: string, actor: { id: string; name: string } | undefined, entities: GdeltContext['entities']): Record<string, unknown> {
  if (!actor) return {};
  const coded = cameoActor(actor.id);
  if (coded) {
    const [type1 = '', type2 = '', type3 = ''] = coded.roles;
    return {
      [`${prefix}Code`]: coded.code, [`${prefix}Name`]: cameoActorName(coded).toUpperCase(), [`${prefix}CountryCode`]: coded.country,
      [`${prefix}Type1Code`]: type1, [`${prefix}Type2Code`]: type2, [`${prefix}Type3Code`]: type3,
    };
  }
  const entity = entities.get(actor.id);
  const kbCountry = /^kb:country:([A-Z]{3})$/.exec(actor.id)?.[1];
  // Entities keep alpha-2 or alpha-3 country codes; CAMEO actor codes use alpha-3.
  const country = kbCountry ?? (entity?.country ? countryByCode(entity.country)?.alpha3 : undefined) ?? '';
  const role = entity ? CAMEO_ROLE[entity.kind] ?? '' : '';
  return { [`${prefix}Code`]: `${country}${role}`, [`${prefix}Name`]: actor.name.toUpperCase(), [`${prefix}CountryCode`]: country, [`${prefix}Type1Code`]: role };
}

/** GDELT geo type: 1 country, 3 US city, 4 world city (we cannot tell states and provinces apart from towns). */
function actionGeo(place: MergedEventDetail['place']): Record<string, unknown> {
  if (!place) return { ActionGeo_Type: 0 };
  const fips = fipsCountry(place.countryCode, place.name);
  const isCountry = place.countryCode !== null && countryByName(place.name)?.alpha2 === place.countryCode;
  return {
    ActionGeo_Type: isCountry ? 1 : place.countryCode === 'US' ? 3 : 4,
    ActionGeo_FullName: isCountry || !place.countryCode ? place.name : `${place.name}, ${countryName(place.countryCode)}`,
    ActionGeo_CountryCode: fips,
    // GDELT puts the bare country code in ADM1 when it resolved no first-order division; so do we.
    ActionGeo_ADM1Code: fips,
    ActionGeo_Lat: place.lat ?? '',
    ActionGeo_Long: place.lon ?? '',
    ActionGeo_FeatureID: isCountry ? fips : '',
  };
}

function countryName(alpha2: string): string {
  return countryByCode(alpha2)?.name ?? alpha2;
}

/** '2024-03-05T10:15:00Z' → 20240305101500, GDELT's DATEADDED. */
function gdeltTimestamp(iso: string): string {
  return iso.replace(/\.\d+/, '').replace(/[^0-9]/g, '').slice(0, 14).padEnd(14, '0');
}

/** One GDELT 2.0 event record; `index` numbers events in export order (GLOBALEVENTID). */
export function gdeltRow(event: MergedEventDetail, index: number, context: GdeltContext): Record<string, unknown> {
  const source = event.actors.find((a) => a.role === 'source');
  const target = event.actors.find((a) => a.role === 'target');
  // Undated events (no publication date, no time expression) leave the date columns empty rather than year 0.
  const day = /^\d{4}-\d{2}-\d{2}/.test(event.windowStart) ? event.windowStart.slice(0, 10).replace(/-/g, '') : '';
  const [year, month, dom] = [Number(day.slice(0, 4)), Number(day.slice(4, 6)), Number(day.slice(6, 8))];
  const observations = [...event.observations].sort((a, b) => (a.publishedAt ?? '\uffff').localeCompare(b.publishedAt ?? '\uffff'));
  const first = observations[0];
  const firstArticle = first ? context.articles.get(first.articleId) : undefined;
  const added = observations.map((o) => context.articles.get(o.articleId)?.ingestedAt ?? '').sort().pop() ?? '';
  const outlets = new Set(observations.map((o) => o.outlet ?? o.articleId));
  return {
    GLOBALEVENTID: index + 1, SQLDATE: day, MonthYear: day.slice(0, 6), Year: day ? year : '',
    FractionDate: day ? (year + (month * 30 + dom) / 365).toFixed(4) : '',
    ...actorColumns('Actor1', source, context.entities), ...actorColumns('Actor2', target, context.entities),
    // A root event is one reported in the lead paragraph of its first article, as GDELT defines it.
    IsRootEvent: first && firstArticle && first.evidence.start < firstArticle.leadEnd ? 1 : 0,
    EventCode: event.cameo ?? '', EventBaseCode: event.cameo?.slice(0, 3) ?? '', EventRootCode: event.cameo?.slice(0, 2) ?? '',
    QuadClass: quadClass(event.cameo), GoldsteinScale: goldstein(event.cameo),
    NumMentions: event.reportCount, NumSources: outlets.size, NumArticles: event.articleCount,
    Actor1Geo_Type: 0, Actor2Geo_Type: 0, ...actionGeo(event.place),
    DATEADDED: added ? gdeltTimestamp(added) : '', SOURCEURL: firstArticle?.url ?? '',
  };
}

/** The GDELT 2.0 event file: records only, tab-separated, no header (GDELT's own layout). */
export function toGdelt(rows: readonly Readonly<Record<string, unknown>>[]): string {
  // toTsv writes the header line and makes every cell safe; GDELT files have no header, so it is dropped.
  const text = toTsv(GDELT_COLUMNS, rows);
  return text.slice(text.indexOf('\n') + 1);
}
