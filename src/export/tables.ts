/**
 * Column layouts for tabular exports and the pure functions that fill them from store rows.
 * - events: Dossier's own merged-event table;
 * - acled: an ACLED-like table (their column names where the meaning matches; PLOVER type and mode stand in
 *   for ACLED's event and sub-event types, which code a narrower scope);
 * - entities: canonical entities.
 */
import type { CanonicalEntity, MergedEventDetail } from '../store/store.js';

export const EVENT_COLUMNS = [
  'event_id', 'date_start', 'date_end', 'date_precision', 'plover_type', 'cameo', 'source_actors', 'target_actors', 'place', 'country_code',
  'latitude', 'longitude', 'status', 'independent_origins', 'has_anonymous_origin', 'explanation', 'articles', 'reports', 'fatalities', 'injuries', 'summary',
] as const;

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'iso', 'country', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'corroboration',
] as const;

export const ENTITY_COLUMNS = ['entity_id', 'name', 'type', 'kind', 'country', 'kb_id', 'articles', 'mentions'] as const;

type Record_ = Record<string, unknown>;

/** The most conservative figure among alternatives (ACLED codes the lowest credible toll). */
function lowest(alternatives: Record<string, string[]> | undefined): number | undefined {
  const values = Object.keys(alternatives ?? {}).map(Number).filter(Number.isFinite);
  return values.length ? Math.min(...values) : undefined;
}

function actorNames(event: MergedEventDetail, role: 'source' | 'target'): string[] {
  return event.actors.filter((a) => a.role === role).map((a) => a.name);
}

/** One row of Dossier's event table. */
export function eventRow(event: MergedEventDetail): Record_ {
  return {
    event_id: event.id, date_start: event.windowStart, date_end: event.windowEnd, date_precision: event.datePrecision,
    plover_type: event.ploverType, cameo: event.cameo, source_actors: actorNames(event, 'source'), target_actors: actorNames(event, 'target'),
    place: event.place?.name, country_code: event.place?.countryCode, latitude: event.place?.lat, longitude: event.place?.lon,
    status: event.status, independent_origins: event.assertingOrigins, has_anonymous_origin: event.hasAnonymousOrigin, explanation: event.explanation,
    articles: event.articleCount, reports: event.reportCount, fatalities: lowest(event.countAlternatives['fatalities']),
    injuries: lowest(event.countAlternatives['injuries']), summary: event.summary,
  };
}

/** ACLED time precision: 1 = day, 2 = week or a few days, 3 = month or longer. */
function acledTimePrecision(precision: string): number {
  return precision === 'day' ? 1 : precision === 'week' ? 2 : 3;
}

/** ACLED geo precision: 1 = the town, 2 = near it / part of a region, 3 = a province or country. */
function acledGeoPrecision(event: MergedEventDetail): number | undefined {
  if (!event.place) return undefined;
  return event.place.lat === null ? 3 : 1;
}

/** One row of the ACLED-like table. */
export function acledRow(event: MergedEventDetail): Record_ {
  const outlets = [...new Set(event.observations.map((o) => o.outlet).filter(Boolean))];
  return {
    event_id_cnty: `${event.place?.countryCode ?? 'XX'}-${event.id}`, event_date: event.windowStart, year: event.windowStart.slice(0, 4),
    time_precision: acledTimePrecision(event.datePrecision), event_type: event.ploverType, sub_event_type: event.cameo,
    actor1: actorNames(event, 'source').join('; '), actor2: actorNames(event, 'target').join('; '), iso: event.place?.countryCode,
    country: event.place?.countryCode, location: event.place?.name, latitude: event.place?.lat, longitude: event.place?.lon,
    geo_precision: acledGeoPrecision(event), source: outlets.join('; '), source_scale: outlets.length > 1 ? 'Multiple' : outlets.length ? 'Single' : '',
    notes: event.summary, fatalities: lowest(event.countAlternatives['fatalities']) ?? 0, corroboration: `${event.status}: ${event.explanation}`,
  };
}

/** One row of the entity table. */
export function entityRow(entity: CanonicalEntity): Record_ {
  return {
    entity_id: entity.id, name: entity.name, type: entity.type, kind: entity.kind, country: entity.country, kb_id: entity.kbId,
    articles: entity.articleCount, mentions: entity.mentionCount,
  };
}
