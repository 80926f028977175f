/**
 * What the merge rules need to know about an article's event observations beyond who, where and when: the
 * lemma of each trigger (what the report says happened) and the precision of its place (a city, or a whole
 * country that identifies nothing). Read from the article's own layers; observations are otherwise unchanged.
 */
import type { Doc } from '../../model/index.js';
import type { ObservedPlace } from '../merge-events/index.js';
import { observedPlace, type ObservedEvent } from '../observe/index.js';

/** The lemma of the first token of a trigger span, or its lower-cased text when the article has no tokens. */
export function triggerLemma(doc: Doc, span: { start: number; end: number }): string | undefined {
  const tokens = doc.layers.tokens;
  if (tokens) {
    for (let i = 0; i < tokens.length; i++) {
      if (tokens.end[i]! <= span.start) continue;
      if (tokens.start[i]! >= span.end) break;
      const lemma = tokens.lemmas[tokens.lemma[i]!];
      if (lemma) return lemma.toLowerCase();
    }
  }
  const text = doc.text.slice(span.start, span.end).trim().toLowerCase();
  return text || undefined;
}

/** The article's place precisions by gazetteer id. */
function placePrecisions(doc: Pick<Doc, 'layers'>): Map<string, string> {
  return new Map((doc.layers.places ?? []).filter((p) => p.gazetteerId && p.precision).map((p) => [p.gazetteerId!, p.precision!]));
}

/** A place with its precision from the article's places, when they know it. */
function withPrecision(place: ObservedPlace | undefined, precision: ReadonlyMap<string, string>): ObservedPlace | undefined {
  const placePrecision = place?.gazetteerId ? precision.get(place.gazetteerId) : undefined;
  return place && placePrecision ? { ...place, precision: placePrecision } : place;
}

/** The observations with their trigger lemmas and place precisions filled in from the article. */
export function describeObservedEvents(doc: Doc, observed: readonly ObservedEvent[]): ObservedEvent[] {
  const mentions = new Map((doc.layers.events ?? []).map((e) => [e.id, e]));
  const precision = placePrecisions(doc);
  return observed.map((o) => {
    const mention = mentions.get(o.observation.mentionId);
    const trigger = mention ? triggerLemma(doc, mention.trigger) : undefined;
    const place = withPrecision(o.observation.place, precision);
    return {
      ...o,
      observation: {
        ...o.observation,
        ...(trigger ? { trigger } : {}),
        ...(place ? { place } : {}),
      },
    };
  });
}

/**
 * The place each event mention of an article is observed at (by mention id; undefined when it has none), read from
 * its events and places layers exactly as `observeEvents` and `describeObservedEvents` give it: what a rewrite of the
 * article's places (the outlet-region pass) gives its stored observations.
 */
export function observationPlaces(doc: Pick<Doc, 'layers'>): Map<string, ObservedPlace | undefined> {
  const places = new Map((doc.layers.places ?? []).map((p) => [p.id, p]));
  const precision = placePrecisions(doc);
  return new Map((doc.layers.events ?? []).map((e) => [e.id, withPrecision(observedPlace(e.placeId ? places.get(e.placeId) : undefined), precision)]));
}
