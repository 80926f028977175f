/**
 * Column layouts for tabular exports and the pure functions that fill them from store rows.
 * - events: Dossier's own merged-event table;
 * - entities: canonical entities.
 */
import type { CanonicalEntity, MergedEventDetail } from '../store/store.js';

export const EVENT_COLUMNS = [
  'event_id', 'date_start', 'date_end', 'date_precision', 'plover_type', 'cameo', 'source_actors', 'target_actors', 'place', 'country_code',
  'latitude', 'longitude', 'status', 'independent_origins', 'has_anonymous_origin', 'explanation', 'articles', 'reports', 'fatalities', 'injuries', 'summary',
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

/** One row of the entity table. */
export function entityRow(entity: CanonicalEntity): Record_ {
  return {
    entity_id: entity.id, name: entity.name, type: entity.type, kind: entity.kind, country: entity.country, kb_id: entity.kbId,
    articles: entity.articleCount, mentions: entity.mentionCount,
  };
}
