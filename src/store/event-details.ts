/**
 * Merged events' details (getEvent, getEvents) assembled from the rows both SQL adapters read: the events, their
 * observations, their reports and their actors' names, each read for a whole page of events at once and grouped
 * here. Each adapter only decodes its own JSON columns.
 */
import { countAlternatives, type EventObservation, type ObservedPlace } from '../corpus/merge-events/index.js';
import type { EventReport } from '../corpus/corroborate/index.js';
import type { MapEventRow, MergedEventDetail, MergedEventRow } from './store.js';
import { summaryFromPacked } from './event-summary.js';

type Row = Record<string, unknown>;

/** One observation of a merged event as its detail lists it. */
export type ObservationDetail = MergedEventDetail['observations'][number];

/** One report of a merged event as its detail lists it. */
export type ReportDetail = MergedEventDetail['reports'][number];

/** Most ids one getEvents query reads (SQLite binds one parameter per id); more are read in slices of this size. */
export const EVENT_DETAIL_SLICE = 500;

/**
 * An observation row (event_observations joined with its article's title, outlet, date and evidence text, cut by
 * evidence-cut.ts in UTF-16 units) as a detail; `counts`, `reasons` and `place` come decoded, as each driver decodes
 * JSON its own way.
 */
export function toObservationDetail(r: Row, counts: Record<string, number>, reasons: string[], place: ObservedPlace | null): ObservationDetail {
  return {
    articleId: String(r['article_id']), mentionId: String(r['mention_id']), title: nullable(r['title']), outlet: nullable(r['outlet']), publishedAt: nullable(r['published_at']),
    modality: String(r['modality']), timeValue: nullable(r['time_value']), counts, reasons, score: Number(r['score'] ?? 0),
    place: place ? { name: place.name, lat: place.lat ?? null, lon: place.lon ?? null, countryCode: place.countryCode ?? null } : null,
    evidence: { start: Number(r['evidence_start']), end: Number(r['evidence_end']), text: String(r['evidence_text']) },
  };
}

/** Rows bucketed by the value of `column`, each bucket in the rows' order (the order the query sorted them in). */
export function bucketBy<T>(rows: readonly Row[], column: string, map: (row: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = String(row[column]);
    const list = out.get(key);
    if (list) list.push(map(row));
    else out.set(key, [map(row)]);
  }
  return out;
}

/** Rows bucketed by their `merged_event_id` column, each bucket in the rows' order. */
export function byEvent<T>(rows: readonly Row[], map: (row: Row) => T): Map<string, T[]> {
  return bucketBy(rows, 'merged_event_id', map);
}

/**
 * The details of the events of `ids`, in that order, each id once; ids with no event row are left out.
 * @param names display names of the actors by canonical id (an actor without one is shown by its id)
 */
export function eventDetails(
  ids: readonly string[], events: readonly MergedEventRow[], observations: ReadonlyMap<string, ObservationDetail[]>,
  reports: ReadonlyMap<string, ReportDetail[]>, names: ReadonlyMap<string, string>,
): MergedEventDetail[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  return [...new Set(ids)].flatMap((id) => {
    const event = byId.get(id);
    if (!event) return [];
    const observed = observations.get(id) ?? [];
    const alternatives = countAlternatives(observed.map((o) => ({ articleId: o.articleId, counts: o.counts }) as unknown as EventObservation));
    const actors = [...event.sourceIds.map((a) => ({ id: a, role: 'source' as const })), ...event.targetIds.map((a) => ({ id: a, role: 'target' as const }))]
      .map((a) => ({ ...a, name: names.get(a.id) ?? a.id }));
    return [{ ...event, observations: observed, reports: reports.get(id) ?? [], countAlternatives: alternatives, actors }];
  });
}

/** A report row as a detail: the corroboration rules' report (decoded by the adapter) with its mention. */
export function toReportDetail(report: EventReport, r: Row): ReportDetail {
  return { ...report, mentionId: String(r['mention_id']) };
}

function nullable(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A row of MAP_EVENT_COLUMNS plus a packed `summary` (event-summary.ts) as the map's event. */
export function toMapEventRow(r: Row): MapEventRow {
  return {
    id: String(r['id']), ploverType: String(r['plover_type']), status: String(r['status']) as MapEventRow['status'],
    place: { name: String(r['place_name'] ?? ''), lat: Number(r['lat']), lon: Number(r['lon']), countryCode: r['country_code'] === null || r['country_code'] === undefined ? null : String(r['country_code']) },
    windowStart: String(r['window_start']), reportCount: Number(r['report_count']), summary: summaryFromPacked(r['summary']),
  };
}
