/**
 * From one annotated article to what the corpus-level merge needs: each event mention as an observation
 * (actors as canonical entity ids, place and time resolved) and the reports of it (which claims carry it,
 * with their chains and stances, or the article's own voice).
 */
import { claimKindOf, type Claim, type Doc, type EventMention, type Modality, type PlaceRef, type Source, type Span } from '../../model/index.js';
import type { EventReport, ReportStance } from '../corroborate/index.js';
import type { EntityLink } from '../link-entities/index.js';
import type { EventObservation, ObservedPlace } from '../merge-events/index.js';
import { claimStance, reportStance } from './report-stance.js';

/** An observation with the reports of it in this article. */
export interface ObservedEvent {
  readonly observation: EventObservation;
  readonly reports: readonly EventReport[];
  /** The supporting sentence(s), for tracing the fact back. */
  readonly evidence: Span;
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * How the article's own voice stands toward an event it states with this modality. "The service does not offer
 * this feature" states an event as not having happened: a negated mention, never a denial (nobody answers a report).
 */
function voiceStance(modality: Modality): ReportStance {
  switch (modality) {
    case 'negated':
      return 'negated';
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

/** Nouns that name an event inside a response's content ("denied … a rocket attack"), with the PLOVER type. */
const EVENT_NOUNS: readonly (readonly [RegExp, string])[] = [
  [/\b(attacks?|strikes?|air ?strikes?|bombings?|shelling|shootings?|ambush(?:es)?|assaults?|killings?|rocket fire|shot down)\b/i, 'ASSAULT'],
  [/\b(deploy(?:ing|ment|ments|ed)?|sending (?:troops|forces|advisers))\b/i, 'MOBILIZE'],
  [/\b(arrests?|detentions?|detained)\b/i, 'COERCE'],
  [/\b(suppl(?:y|ying|ied) (?:weapons|arms)|weapons deliveries|arms shipments?)\b/i, 'AID'],
  [/\b(talks|meetings?|met with|visits?)\b/i, 'CONSULT'],
];

const RESPONSES: ReadonlySet<ReportStance> = new Set(['denied', 'not-acknowledged', 'confirmed']);

/**
 * Responses that carry no event themselves ("The Kremlin denied the report"; "Iran denied that its officers
 * supervised a rocket attack") answer the events of the claim they respond to, or else the article's events of the
 * type their content names, nearest first. Returns event id → the responding claims.
 */
function responsesByEvent(events: readonly EventMention[], claims: readonly Claim[], stances: ReadonlyMap<string, ReportStance>, text: string): Map<string, Claim[]> {
  const out = new Map<string, Claim[]>();
  const add = (eventId: string, claim: Claim) => out.set(eventId, [...(out.get(eventId) ?? []), claim]);
  for (const claim of claims) {
    if (!RESPONSES.has(stances.get(claim.id)!)) continue;
    if (events.some((e) => claimsFor(e, [claim]).length)) continue;
    const answered = claim.respondsToClaimId ? claims.find((c) => c.id === claim.respondsToClaimId) : undefined;
    const answeredEvents = answered ? events.filter((e) => claimsFor(e, [answered]).length) : [];
    if (answeredEvents.length) {
      for (const e of answeredEvents) add(e.id, claim);
      continue;
    }
    const content = text.slice(claim.content.start, claim.content.end);
    const types = EVENT_NOUNS.filter(([re]) => re.test(content)).map(([, type]) => type);
    const distance = (e: EventMention) => Math.abs(e.trigger.start - claim.content.start);
    const [nearest] = events.filter((e) => types.includes(e.ploverType)).sort((a, b) => distance(a) - distance(b));
    if (nearest) add(nearest.id, claim);
  }
  return out;
}

/** Maps doc-entity ids in a chain to canonical ids, so the same source in two articles is one origin. */
function canonicalChain(chain: readonly Source[], canonical: ReadonlyMap<string, string>): Source[] {
  return chain.map((s) => (s.entityId && canonical.has(s.entityId) ? { ...s, entityId: canonical.get(s.entityId)! } : s));
}

/** A resolved place as an observation carries it (name, coordinates, country, gazetteer id); none when unresolved. */
export function observedPlace(place: PlaceRef | undefined): ObservedPlace | undefined {
  if (!place?.isResolved || !place.name) return undefined;
  return { name: place.name, ...(place.lat !== undefined ? { lat: place.lat } : {}), ...(place.lon !== undefined ? { lon: place.lon } : {}), ...(place.countryCode ? { countryCode: place.countryCode } : {}), ...(place.gazetteerId ? { gazetteerId: place.gazetteerId } : {}) };
}

/** Observations and reports of every event mention in an annotated article. */
export function observeEvents(doc: Doc, entityLinks: readonly EntityLink[], syndicationGroup: string): ObservedEvent[] {
  const events = doc.layers.events ?? [];
  if (!events.length) return [];
  const canonical = new Map(entityLinks.map((l) => [l.docEntityId, l.entityId]));
  // Only statements of fact report an event: "X wants to build a wall" does not say a wall was built.
  const claims = (doc.layers.claims ?? []).filter((c) => claimKindOf(c) === 'assertion');
  const places = new Map((doc.layers.places ?? []).map((p) => [p.id, p]));
  const times = new Map((doc.layers.times ?? []).map((t) => [t.id, t]));
  const stances = new Map(claims.map((c) => [c.id, claimStance(c, doc.text)]));
  const responses = responsesByEvent(events, claims, stances, doc.text);
  const actorIds = (actors: EventMention['sources']) =>
    [...new Set(actors.map((a) => (a.entityId ? canonical.get(a.entityId) : undefined) ?? (a.code ? `code:${a.code}` : undefined)).filter((id): id is string => Boolean(id)))];
  return events.map((event) => {
    const place = observedPlace(event.placeId ? places.get(event.placeId) : undefined);
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
      ...(place ? { place } : {}),
      ...(time?.isAnchored ? { timeValue: time.value } : {}),
      ...(doc.meta.publishedAt ? { publishedAt: doc.meta.publishedAt } : {}),
    };
    const base = { articleId: doc.id, syndicationGroup, ...(doc.meta.outlet ? { outlet: doc.meta.outlet } : {}) };
    const carrying = claimsFor(event, claims);
    const stated: EventReport[] = carrying.length
      ? carrying.map((c) => ({ ...base, chain: canonicalChain(c.chain, canonical), stance: reportStance(stances.get(c.id)!, event.modality) }))
      : [{ ...base, chain: [], stance: voiceStance(event.modality) }];
    const answering = (responses.get(event.id) ?? []).map((c) => ({ ...base, chain: canonicalChain(c.chain, canonical), stance: stances.get(c.id)! }));
    const reports = [...stated, ...answering];
    return { observation, reports, evidence: event.evidence };
  });
}
