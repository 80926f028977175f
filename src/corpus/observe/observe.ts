/**
 * From one annotated article to what the corpus-level merge needs: each event mention as an observation
 * (actors as canonical entity ids, place and time resolved) and the reports of it (which claims carry it,
 * with their chains and stances, or the article's own voice).
 */
import type { Claim, Doc, EventMention, Modality, Source, Span, Stance } from '../../model/index.js';
import type { EventReport } from '../corroborate/index.js';
import type { EntityLink } from '../link-entities/index.js';
import type { EventObservation } from '../merge-events/index.js';

/** An observation with the reports of it in this article. */
export interface ObservedEvent {
  readonly observation: EventObservation;
  readonly reports: readonly EventReport[];
  /** The supporting sentence(s), for tracing the fact back. */
  readonly evidence: Span;
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/** How the article's own voice stands toward an event it states with this modality. */
function voiceStance(modality: Modality): Stance {
  switch (modality) {
    case 'negated':
      return 'denied';
    case 'hypothetical':
    case 'planned':
      return 'speculated';
    default:
      return 'asserted';
  }
}

/** Claims that carry an event: those listing it, or whose content span holds its trigger. */
function claimsFor(event: EventMention, claims: readonly Claim[]): Claim[] {
  return claims.filter((c) => c.eventIds.includes(event.id) || within(event.trigger, c.content));
}

/** Maps doc-entity ids in a chain to canonical ids, so the same source in two articles is one origin. */
function canonicalChain(chain: readonly Source[], canonical: ReadonlyMap<string, string>): Source[] {
  return chain.map((s) => (s.entityId && canonical.has(s.entityId) ? { ...s, entityId: canonical.get(s.entityId)! } : s));
}

/** Observations and reports of every event mention in an annotated article. */
export function observeEvents(doc: Doc, entityLinks: readonly EntityLink[], syndicationGroup: string): ObservedEvent[] {
  const events = doc.layers.events ?? [];
  if (!events.length) return [];
  const canonical = new Map(entityLinks.map((l) => [l.docEntityId, l.entityId]));
  const claims = doc.layers.claims ?? [];
  const places = new Map((doc.layers.places ?? []).map((p) => [p.id, p]));
  const times = new Map((doc.layers.times ?? []).map((t) => [t.id, t]));
  const actorIds = (actors: EventMention['sources']) =>
    [...new Set(actors.map((a) => (a.entityId ? canonical.get(a.entityId) : undefined) ?? (a.code ? `code:${a.code}` : undefined)).filter((id): id is string => Boolean(id)))];
  return events.map((event) => {
    const place = event.placeId ? places.get(event.placeId) : undefined;
    const time = event.timeId ? times.get(event.timeId) : undefined;
    const observation: EventObservation = {
      articleId: doc.id,
      mentionId: event.id,
      ploverType: event.ploverType,
      modality: event.modality,
      sourceIds: actorIds(event.sources),
      targetIds: actorIds(event.targets),
      counts: event.counts,
      ...(event.cameo ? { cameo: event.cameo } : {}),
      ...(place?.isResolved && place.name ? { place: { name: place.name, ...(place.lat !== undefined ? { lat: place.lat } : {}), ...(place.lon !== undefined ? { lon: place.lon } : {}), ...(place.countryCode ? { countryCode: place.countryCode } : {}), ...(place.gazetteerId ? { gazetteerId: place.gazetteerId } : {}) } } : {}),
      ...(time?.isAnchored ? { timeValue: time.value } : {}),
      ...(doc.meta.publishedAt ? { publishedAt: doc.meta.publishedAt } : {}),
    };
    const base = { articleId: doc.id, syndicationGroup, ...(doc.meta.outlet ? { outlet: doc.meta.outlet } : {}) };
    const carrying = claimsFor(event, claims);
    const reports: EventReport[] = carrying.length
      ? carrying.map((c) => ({ ...base, chain: canonicalChain(c.chain, canonical), stance: c.stance }))
      : [{ ...base, chain: [], stance: voiceStance(event.modality) }];
    return { observation, reports, evidence: event.evidence };
  });
}
