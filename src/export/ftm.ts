/**
 * FollowTheMoney entities (the model of OCCRP Aleph), one JSON object per line: {id, schema, properties},
 * every property a list of strings. People → Person; governments, militaries and states → PublicBody;
 * outlets and companies → Company; other organisations → Organization; merged events → Event with the
 * actors as `involved`.
 */
import type { CanonicalEntity, EntityDetail, MergedEventDetail } from '../store/store.js';

export interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Readonly<Record<string, readonly string[]>>;
}

const SCHEMA_BY_KIND: Readonly<Record<string, string>> = {
  person: 'Person',
  state: 'PublicBody',
  government: 'PublicBody',
  'military-unit': 'PublicBody',
  'media-outlet': 'Company',
  company: 'Company',
  'armed-group': 'Organization',
  party: 'Organization',
  organisation: 'Organization',
};

/** FtM ids: a stable prefix plus our canonical id, safe as a URL path segment. */
export function ftmId(prefix: string, id: string): string {
  return `dossier-${prefix}-${id.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

/** An entity as FtM, or undefined for places, nationalities and other kinds FtM models differently. */
export function entityToFtm(entity: CanonicalEntity | EntityDetail): FtmEntity | undefined {
  const schema = SCHEMA_BY_KIND[entity.kind];
  if (!schema) return undefined;
  const properties: Record<string, string[]> = { name: [entity.name] };
  if ('aliases' in entity) properties['alias'] = entity.aliases.map((a) => a.alias).filter((a) => a !== entity.name);
  if (entity.country) properties[schema === 'Person' ? 'nationality' : 'country'] = [entity.country.toLowerCase()];
  if ('roles' in entity && schema === 'Person') properties['position'] = [...new Set(entity.roles.map((r) => (r.organisation ? `${r.title}, ${r.organisation}` : r.title)))];
  return { id: ftmId('entity', entity.id), schema, properties: Object.fromEntries(Object.entries(properties).filter(([, v]) => v.length)) };
}

/** A merged event as an FtM Event, its actors as `involved`. */
export function eventToFtm(event: MergedEventDetail): FtmEntity {
  const properties: Record<string, string[]> = {
    name: [`${event.ploverType}: ${event.summary.slice(0, 120)}`],
    startDate: [event.windowStart],
    endDate: [event.windowEnd],
    summary: [event.explanation],
    involved: event.actors.map((a) => ftmId('entity', a.id)),
    publisher: [...new Set(event.observations.map((o) => o.outlet).filter((o): o is string => Boolean(o)))],
  };
  if (event.datePrecision === 'day') properties['date'] = [event.windowStart];
  if (event.place) properties['location'] = [event.place.name];
  if (event.place?.countryCode) properties['country'] = [event.place.countryCode.toLowerCase()];
  return { id: ftmId('event', event.id), schema: 'Event', properties: Object.fromEntries(Object.entries(properties).filter(([, v]) => v.length)) };
}
