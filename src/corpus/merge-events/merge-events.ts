/**
 * Event merging across articles: an incoming event observation joins the merged event it is compatible with
 * (same PLOVER type, overlapping time windows at their own granularity, a shared actor or the same place,
 * no conflicting place), or starts a new one. Every join records its reasons; conflicting details (death
 * tolls, dates) are kept as alternatives with their sources, never overwritten.
 */
import type { EventCounts, Modality } from '../../model/index.js';
import { aroundDay, isUndated, UNDATED, windowOf, windowsOverlap, windowDays, type DayWindow } from './time-window.js';

/** A place attached to an observation, already resolved. */
export interface ObservedPlace {
  readonly name: string;
  readonly lat?: number;
  readonly lon?: number;
  readonly countryCode?: string;
  readonly gazetteerId?: string;
}

/** One article's event mention, with actors as canonical entity ids. */
export interface EventObservation {
  readonly articleId: string;
  readonly mentionId: string;
  readonly ploverType: string;
  readonly cameo?: string;
  readonly modality: Modality;
  readonly sourceIds: readonly string[];
  readonly targetIds: readonly string[];
  readonly place?: ObservedPlace;
  /** TimeML value of the event's time expression, when the article dates it. */
  readonly timeValue?: string;
  readonly publishedAt?: string;
  readonly counts: EventCounts;
}

/** A merged event as the matcher needs to see it. */
export interface MergedEventSummary {
  readonly id: string;
  readonly ploverType: string;
  readonly sourceIds: readonly string[];
  readonly targetIds: readonly string[];
  readonly place?: ObservedPlace;
  readonly window: DayWindow;
}

/** The days an observation may have happened on: its own time value, else near its publication date. */
export function observationWindow(obs: EventObservation): DayWindow | undefined {
  const own = obs.timeValue ? windowOf(obs.timeValue) : undefined;
  if (own) return own;
  if (!obs.publishedAt) return undefined;
  // Undated events: news reports what happened in the days before publication (follow-ups and denials come
  // up to ten days later), and what is planned in the weeks after.
  const around = obs.modality === 'planned' ? aroundDay(obs.publishedAt, 0, 30) : aroundDay(obs.publishedAt, 10, 1);
  return isUndated(around) ? undefined : around;
}

/** An actor known only by its sector, with no country or name (CAMEO "---CVL" civilians, "---MIL" soldiers). */
export function isVagueActor(id: string): boolean {
  return id.startsWith('code:---');
}

/** Kilometres between two points (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Places farther apart than this are different events. */
export const MAX_PLACE_KM = 100;

type PlaceRelation = 'same' | 'near' | 'conflict' | 'unknown';

/** A whole country as the place ("in Syria"): it holds every city in it, so distance to its centroid means nothing. */
function isCountryWide(place: ObservedPlace): boolean {
  return place.gazetteerId?.startsWith('country:') ?? false;
}

function placeRelation(a: ObservedPlace | undefined, b: ObservedPlace | undefined): PlaceRelation {
  if (!a || !b) return 'unknown';
  if (a.gazetteerId && a.gazetteerId === b.gazetteerId) return 'same';
  if (isCountryWide(a) || isCountryWide(b)) return a.countryCode && b.countryCode && a.countryCode !== b.countryCode ? 'conflict' : 'unknown';
  if (a.lat !== undefined && a.lon !== undefined && b.lat !== undefined && b.lon !== undefined) {
    return distanceKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon }) <= MAX_PLACE_KM ? 'near' : 'conflict';
  }
  if (a.name.toLowerCase() === b.name.toLowerCase()) return 'same';
  if (a.countryCode && b.countryCode && a.countryCode !== b.countryCode) return 'conflict';
  return 'unknown';
}

/** Why an observation joins a merged event, or undefined when it must not. Higher score = better match. */
export function matchEvent(candidate: MergedEventSummary, obs: EventObservation): { score: number; reasons: string[] } | undefined {
  if (candidate.ploverType !== obs.ploverType) return undefined;
  const window = observationWindow(obs);
  if (!window || !windowsOverlap(candidate.window, window)) return undefined;
  const place = placeRelation(candidate.place, obs.place);
  if (place === 'conflict') return undefined;
  const sharedSources = obs.sourceIds.filter((id) => candidate.sourceIds.includes(id) || candidate.targetIds.includes(id));
  const sharedTargets = obs.targetIds.filter((id) => candidate.targetIds.includes(id) || candidate.sourceIds.includes(id));
  const shared = [...new Set([...sharedSources, ...sharedTargets])];
  // Actors known only by sector ("civilians", "soldiers": code:---CVL) say too little to tell two events apart.
  const specific = (ids: readonly string[]) => ids.filter((id) => !isVagueActor(id));
  const obsActors = specific([...obs.sourceIds, ...obs.targetIds]);
  const candidateActors = specific([...candidate.sourceIds, ...candidate.targetIds]);
  // Actors on both sides that share nothing: two different clashes on the same day.
  const bothHaveActors = obsActors.length > 0 && candidateActors.length > 0;
  if (bothHaveActors && specific(shared).length === 0 && place !== 'same') return undefined;
  if (shared.length === 0 && place === 'unknown') return undefined;
  // Both name a target and the targets differ: Syria blaming Israel is not Syria blaming Islamic State.
  if (specific(obs.targetIds).length && specific(candidate.targetIds).length && specific(sharedTargets).length === 0) return undefined;
  // A date known to the day on both sides is strong evidence; with a vaguer date, one shared actor is not enough
  // (a country acts every week): it takes two shared actors, or one and the same place.
  const isPrecise = windowDays(window) === 1 && windowDays(candidate.window) === 1;
  const isSamePlace = place === 'same' || place === 'near';
  if (!isPrecise && !(shared.length >= 2 || (shared.length >= 1 && isSamePlace) || (place === 'same' && shared.length === 0 && !bothHaveActors))) return undefined;
  const reasons = [`same type ${obs.ploverType}`, `dates overlap (${window.start}…${window.end} within ${candidate.window.start}…${candidate.window.end})`];
  if (shared.length) reasons.push(`shared actor${shared.length > 1 ? 's' : ''} ${shared.join(', ')}`);
  if (place === 'same' || place === 'near') reasons.push(`${place === 'same' ? 'same place' : `places within ${MAX_PLACE_KM} km`} (${obs.place?.name})`);
  // Narrow windows are stronger evidence than a whole month.
  // Shared actors weigh more than a shared place: many events happen in one city on one day.
  const score = specific(shared).length * 3 + (place === 'same' ? 2 : place === 'near' ? 1 : 0) + 1 / windowDays(window);
  return { score, reasons };
}

/** The best merged event for an observation among candidates, with the reasons; undefined → start a new one. */
export function chooseMergedEvent(candidates: readonly MergedEventSummary[], obs: EventObservation): { event: MergedEventSummary; reasons: string[]; score: number } | undefined {
  let best: { event: MergedEventSummary; reasons: string[]; score: number } | undefined;
  for (const candidate of candidates) {
    const match = matchEvent(candidate, obs);
    if (match && (!best || match.score > best.score)) best = { event: candidate, reasons: match.reasons, score: match.score };
  }
  return best;
}

/** The PLOVER types an observation of `ploverType` may merge with. */
export function compatibleTypes(ploverType: string): string[] {
  return [ploverType];
}

/** A merged event's summary after adding an observation: actors united, the narrower window kept. */
export function absorb(event: MergedEventSummary, obs: EventObservation): MergedEventSummary {
  const window = observationWindow(obs);
  const narrower = window && windowDays(window) < windowDays(event.window) && windowsOverlap(window, event.window) ? window : event.window;
  return {
    ...event,
    sourceIds: [...new Set([...event.sourceIds, ...obs.sourceIds])],
    targetIds: [...new Set([...event.targetIds, ...obs.targetIds])],
    // Keep the finer place: a city reported later replaces "Syria".
    ...(event.place ?? obs.place ? { place: event.place && !(isCountryWide(event.place) && obs.place && !isCountryWide(obs.place)) ? event.place : (obs.place ?? event.place) } : {}),
    window: narrower,
  };
}

/** A new merged event from its first observation (UNDATED when nothing dates it). */
export function startMergedEvent(id: string, obs: EventObservation): MergedEventSummary {
  const window = observationWindow(obs) ?? UNDATED;
  return { id, ploverType: obs.ploverType, sourceIds: obs.sourceIds, targetIds: obs.targetIds, ...(obs.place ? { place: obs.place } : {}), window };
}

/** Alternatives for each count with the articles that give them: {fatalities: {12: [a1, a2], 11: [a3]}}. */
export function countAlternatives(observations: readonly EventObservation[]): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const obs of observations) {
    for (const [field, value] of Object.entries(obs.counts)) {
      if (value === undefined) continue;
      out[field] ??= {};
      const list = (out[field]![String(value)] ??= []);
      if (!list.includes(obs.articleId)) list.push(obs.articleId);
    }
  }
  return out;
}
