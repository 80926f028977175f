/**
 * Event merging across articles: an incoming event observation joins the merged event it reports too, on
 * evidence (compatible types, overlapping times, a shared specific participant or city, close content; see
 * matchEvent), or starts a new one. Every join records its reasons and score; conflicting details (death
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
  /** The gazetteer's precision ('point', 'city', 'province', 'country', 'region'), when known. */
  readonly precision?: string;
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
  /** Lemma of the trigger word ("fire" for "fired"), when known: what the report says happened. */
  readonly trigger?: string;
}

/** A merged event as the matcher needs to see it. */
export interface MergedEventSummary {
  readonly id: string;
  readonly ploverType: string;
  readonly sourceIds: readonly string[];
  readonly targetIds: readonly string[];
  readonly place?: ObservedPlace;
  readonly window: DayWindow;
  /** What its observations say happened: trigger lemmas, and their CAMEO actions as `cameo:<3 digits>`. */
  readonly triggers?: readonly string[];
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

/**
 * A participant specific enough to tell one event from another: a person, an organisation or a group (named
 * entities and knowledge-base actors). States, nationalities, sector codes ("code:IRNMIL", civilians), unresolved
 * locations and MISC names are generic: a country acts every day, so sharing one says little.
 */
export function isSpecificActor(id: string): boolean {
  if (id.startsWith('per:') || id.startsWith('org:')) return true;
  return id.startsWith('kb:') && !id.startsWith('kb:country:');
}

/** A place named as a participant (a target "Aleppo") at city level or finer: the gazetteer id, else undefined. */
function cityActor(id: string): string | undefined {
  return id.startsWith('place:') && !id.startsWith('place:country:') ? id.slice('place:'.length) : undefined;
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

/** City-level places closer than this are one place (a district and its city, a suburb). */
export const SAME_CITY_KM = 15;

type PlaceRelation = 'same-city' | 'near' | 'compatible' | 'conflict' | 'unknown';

/** A whole country or region as the place ("in Syria"): it holds every city in it, so it identifies nothing. */
function isCoarse(place: ObservedPlace): boolean {
  if (place.gazetteerId?.startsWith('country:')) return true;
  return place.precision === 'country' || place.precision === 'region' || place.precision === 'province';
}

function placeRelation(a: ObservedPlace | undefined, b: ObservedPlace | undefined): PlaceRelation {
  if (!a || !b) return 'unknown';
  const sameCountry = !a.countryCode || !b.countryCode || a.countryCode === b.countryCode;
  if (isCoarse(a) || isCoarse(b)) {
    if (!sameCountry) return 'conflict';
    return a.gazetteerId !== undefined && a.gazetteerId === b.gazetteerId ? 'compatible' : 'unknown';
  }
  if (a.gazetteerId && a.gazetteerId === b.gazetteerId) return 'same-city';
  if (a.lat !== undefined && a.lon !== undefined && b.lat !== undefined && b.lon !== undefined) {
    const km = distanceKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon });
    return km <= SAME_CITY_KM ? 'same-city' : km <= MAX_PLACE_KM ? 'near' : 'conflict';
  }
  if (a.name.toLowerCase() === b.name.toLowerCase() && sameCountry) return 'same-city';
  return sameCountry ? 'unknown' : 'conflict';
}

/** Groups of PLOVER types one event may be coded as by different reports ("shelled" ASSAULT, "detained" COERCE). */
const COMPATIBLE_TYPES: readonly (readonly string[])[] = [
  ['ASSAULT', 'COERCE'],
  ['CONSULT', 'AGREE'],
  ['AID', 'SUPPORT'],
  ['DEMAND', 'REQUEST'],
  ['ACCUSE', 'DISAPPROVE'],
];

/** The PLOVER types an observation of `ploverType` may merge with (itself first). */
export function compatibleTypes(ploverType: string): string[] {
  const group = COMPATIBLE_TYPES.find((g) => g.includes(ploverType));
  return [ploverType, ...(group ?? []).filter((t) => t !== ploverType)];
}

/**
 * The key two trigger lemmas share when they name the same action: the lemma without a derivational or inflectional
 * ending, so "shooting"/"shoot", "killing"/"kill", "arrests"/"arrest", "explosion"/"explode" meet.
 */
export function triggerKey(lemma: string): string {
  return triggerKeys(lemma)[0]!;
}

/**
 * Every key a trigger lemma may stand for: the main one (triggerKey), and for a noun in "-ation" the stem of its
 * "-ate" verb too ("violation" → "viol" and "violat", meeting "violate"; "assassination" meets "assassinate"), since
 * the ending rules cannot know whether the verb keeps the "at". Quotes and apostrophes the tagger left on a lemma
 * ('"riot"', "die'") are dropped first, and a past tense the tagger did not lemmatise ("stole", "shook") is read as
 * its verb.
 */
export function triggerKeys(lemma: string): string[] {
  const word = lemma.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/-/g, '');
  const verb = IRREGULAR_PAST.get(word) ?? word;
  const irregular = IRREGULAR_TRIGGERS.get(verb);
  if (irregular) return [irregular];
  for (const [ending, replacement] of TRIGGER_ENDINGS) {
    // "confess", "press": a final "ss" is the word's own, not a plural.
    if (ending === 's' && verb.endsWith('ss')) continue;
    if (verb.length - ending.length >= 3 && verb.endsWith(ending)) {
      const key = undouble(verb.slice(0, verb.length - ending.length) + replacement);
      return ending === 'ation' ? [key, `${key}at`] : [key];
    }
  }
  return [undouble(verb)];
}

/** A doubled final consonant as one ("swimm" of "swimming", "stopp" of "stopped", and so "kill" too, for every key alike). */
function undouble(key: string): string {
  return key.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(key) ? key.slice(0, -1) : key;
}

/**
 * Past forms taggers often leave as their own lemma in headlines and short sentences, with their verb. Only verbs
 * that name news events; the regular "-ed" forms need no entry (the ending rules strip them).
 */
const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map([
  ['stole', 'steal'], ['stolen', 'steal'], ['shook', 'shake'], ['shaken', 'shake'], ['struck', 'strike'], ['fled', 'flee'],
  ['fought', 'fight'], ['swam', 'swim'], ['sank', 'sink'], ['sunk', 'sink'], ['shot', 'shoot'], ['slain', 'slay'], ['slew', 'slay'],
  ['threw', 'throw'], ['thrown', 'throw'], ['froze', 'freeze'], ['broke', 'break'], ['broken', 'break'], ['bought', 'buy'],
  ['sold', 'sell'], ['won', 'win'], ['lost', 'lose'], ['hid', 'hide'], ['blew', 'blow'], ['caught', 'catch'],
]);

/**
 * Words of one action that no ending rule joins: "death", "dead" and "dying" (which taggers also lemmatise as
 * "dy") all say someone died. Only derivations of one verb belong here, never synonyms ("kill" is not "die").
 */
const IRREGULAR_TRIGGERS: ReadonlyMap<string, string> = new Map([
  ['death', 'die'], ['dead', 'die'], ['dy', 'die'], ['dying', 'die'], ['died', 'die'], ['die', 'die'],
]);

/**
 * Two triggers name one action when their keys are equal, or when one is the other's head in a closed compound
 * ("earthquake" / "quake", "firefight" / "fight"): the head must be a word of five letters or more, so short
 * heads that end many unrelated words ("take" in "intake") never join.
 */
export function sameTrigger(a: string, b: string): boolean {
  const [xs, ys] = [triggerKeys(a), triggerKeys(b)];
  if (xs.some((x) => ys.includes(x))) return true;
  const [x, y] = [xs[0]!, ys[0]!];
  const [short, long] = x.length <= y.length ? [a.toLowerCase(), b.toLowerCase()] : [b.toLowerCase(), a.toLowerCase()];
  return short.length >= 5 && long.length > short.length + 2 && long.endsWith(short);
}

/** Verbs that say little about what happened: saying, telling, and light verbs whose object carries the action. */
const LIGHT_TRIGGERS: ReadonlySet<string> = new Set(['say', 'tell', 'make', 'take', 'have', 'do', 'get', 'go', 'come', 'give', 'put', 'report', 'state']);

const TRIGGER_ENDINGS: readonly (readonly [string, string])[] = [
  ['osion', 'od'], ['ation', ''], ['ition', ''], ['ment', ''], ['ings', ''], ['ing', ''], ['ion', ''], ['ies', 'y'], ['ed', ''], ['es', ''], ['s', ''], ['e', ''],
];

/** Prefix of the action keys kept beside trigger lemmas: the CAMEO action (three digits) an observation is coded as. */
const CAMEO_KEY = 'cameo:';

/** What a report says happened, as kept on a merged event: its trigger lemma and its CAMEO action. */
function actionKeys(obs: EventObservation): string[] {
  return [...(obs.trigger ? [obs.trigger] : []), ...(obs.cameo && /^\d{3}/.test(obs.cameo) ? [`${CAMEO_KEY}${obs.cameo.slice(0, 3)}`] : [])];
}

/** Same word (up to inflection and derivation), the same CAMEO action in other words, different, or unknown. */
function triggerRelation(keys: readonly string[], obs: EventObservation): 'same' | 'similar' | 'different' | 'unknown' {
  const lemmas = keys.filter((k) => !k.startsWith(CAMEO_KEY));
  if (!obs.trigger || !lemmas.length) return 'unknown';
  // A light or reporting verb ("said", "made", "took") names no particular action: the same one is only similar.
  if (lemmas.some((t) => sameTrigger(t, obs.trigger!))) return LIGHT_TRIGGERS.has(obs.trigger.toLowerCase()) ? 'similar' : 'same';
  const cameo = obs.cameo && /^\d{3}/.test(obs.cameo) ? `${CAMEO_KEY}${obs.cameo.slice(0, 3)}` : undefined;
  // A root code ("190" use conventional military force, "010" make a statement) is its family's catch-all, "not
  // specified below": the coder files "hit", "kill" and "battle" there alike, so sharing it says little.
  if (cameo && keys.includes(cameo) && !cameo.endsWith('0')) return 'similar';
  return lemmas.some((t) => areSynonyms(t, obs.trigger!)) ? 'similar' : 'different';
}

/**
 * Everyday news words for one kind of occurrence, which the event coder may not file under one CAMEO action
 * ("murdered" / "killed", "blaze" / "fire", "victory" / "win"). They make two reports similar, never the same:
 * a synonym still needs two pieces of participant evidence. Words with a second common sense in news stay out
 * ("fire" for a dismissal is left to its type and arguments).
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['kill', 'murder', 'slay', 'assassinate', 'homicide'],
  ['fire', 'blaze', 'inferno', 'burn', 'arson'],
  ['earthquake', 'tremor', 'temblor', 'jolt'],
  ['robbery', 'rob', 'heist', 'theft', 'steal', 'burglary', 'snatch'],
  ['damage', 'destroy', 'devastate', 'raze', 'destruction', 'gut'],
  ['outage', 'disruption', 'disrupt', 'interruption', 'interrupt', 'downtime', 'blackout'],
  ['protest', 'demonstration', 'rally'],
  ['riot', 'unrest'],
  ['arrest', 'detain', 'apprehend', 'detention'],
  ['acquire', 'acquisition', 'buy', 'purchase', 'takeover'],
  ['negotiation', 'negotiate', 'talks'],
  ['die', 'succumb'],
  ['shoot', 'shootout', 'gunfire', 'gunplay'],
  ['raid', 'bust', 'crackdown', 'swoop'],
  ['convict', 'verdict'],
  ['fix', 'patch', 'repair'],
  ['hit', 'strike', 'jolt', 'rock'],
  ['win', 'victory', 'triumph', 'defeat', 'beat'],
  ['injure', 'wound', 'hurt', 'injury'],
  ['find', 'discover', 'discovery'],
  ['explode', 'blast', 'detonate'],
  ['escape', 'flee'],
  ['resign', 'quit', 'resignation'],
  ['accuse', 'charge', 'indict', 'allege'],
];

/** True when two trigger lemmas fall in one synonym group (up to inflection and derivation). */
function areSynonyms(a: string, b: string): boolean {
  return SYNONYM_GROUPS.some((group) => group.some((w) => sameTrigger(w, a)) && group.some((w) => sameTrigger(w, b)));
}

/** Jaccard similarity of two sets (0 when both are empty). */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The arguments of a report that identify its event: specific participants and a city-level place. */
function argumentKeys(sourceIds: readonly string[], targetIds: readonly string[], place: ObservedPlace | undefined): Set<string> {
  const keys = new Set<string>();
  for (const id of [...sourceIds, ...targetIds]) {
    const city = cityActor(id);
    if (city) keys.add(`place:${city}`);
    else if (isSpecificActor(id)) keys.add(id);
  }
  if (place && !isCoarse(place)) keys.add(`place:${place.gazetteerId ?? place.name.toLowerCase()}`);
  return keys;
}

/** Why a report joins a merged event: the deciding evidence and a score (higher = stronger). */
export interface MergeDecision {
  readonly score: number;
  readonly reasons: string[];
}

/**
 * Whether an observation reports the same real event as a merged event, on evidence: compatible types; times that
 * overlap at each value's granularity (an undated report joins only on strong agreement); at least one shared
 * specific participant (person, organisation, group) or the same city-level place — country-level places and
 * generic actors never suffice alone; no contradiction (places too far apart, two different targets, two sets of
 * specific actors with nothing in common); and close content (trigger lemma and argument similarity).
 * Undefined when they must stay apart.
 */
export function matchEvent(candidate: MergedEventSummary, obs: EventObservation): MergeDecision | undefined {
  if (!compatibleTypes(obs.ploverType).includes(candidate.ploverType)) return undefined;
  const window = observationWindow(obs);
  const isUndatedPair = !window || isUndated(candidate.window);
  if (window && !isUndated(candidate.window) && !windowsOverlap(candidate.window, window)) return undefined;
  const place = placeRelation(candidate.place, obs.place);
  if (place === 'conflict') return undefined;

  const candidateIds = new Set([...candidate.sourceIds, ...candidate.targetIds]);
  const sharedIds = [...new Set([...obs.sourceIds, ...obs.targetIds])].filter((id) => candidateIds.has(id));
  const sharedSpecific = sharedIds.filter(isSpecificActor);
  const sharedGeneric = sharedIds.filter((id) => !isSpecificActor(id) && !cityActor(id));
  const sharedCityActor = sharedIds.find((id) => cityActor(id));
  const isSameCity = place === 'same-city' || sharedCityActor !== undefined;
  // The participant gate: something specific in common.
  if (sharedSpecific.length === 0 && !isSameCity) return undefined;
  // Two sets of specific actors with nothing in common are two events, even in one city on one day.
  const obsSpecific = [...obs.sourceIds, ...obs.targetIds].filter(isSpecificActor);
  const candidateSpecific = [...candidateIds].filter(isSpecificActor);
  if (obsSpecific.length && candidateSpecific.length && sharedSpecific.length === 0) return undefined;
  // Both name a specific target and the targets differ: Syria blaming Israel is not Syria blaming Islamic State.
  const specificTargets = (ids: readonly string[]) => ids.filter((id) => isSpecificActor(id) || cityActor(id));
  const obsTargets = specificTargets(obs.targetIds);
  const candidateTargets = specificTargets(candidate.targetIds);
  if (obsTargets.length && candidateTargets.length && !obsTargets.some((id) => candidateTargets.includes(id) || candidate.sourceIds.includes(id))) return undefined;

  // Content: the same trigger lemma (or none known on one side), and how much of the arguments agree.
  const triggers = (candidate.triggers ?? []).filter((t) => !t.startsWith(CAMEO_KEY));
  const trigger = triggerRelation(candidate.triggers ?? [], obs);
  const args = jaccard(argumentKeys(obs.sourceIds, obs.targetIds, obs.place), argumentKeys(candidate.sourceIds, candidate.targetIds, candidate.place));
  const isPrecise = !isUndatedPair && windowDays(window!) === 1 && windowDays(candidate.window) === 1;
  const support = sharedSpecific.length + (isSameCity || place === 'near' ? 1 : 0) + (sharedGeneric.length ? 1 : 0);
  // Different words for what happened are different events: the arguments of a sentence are shared by every event
  // it states ("police arrested the man who shot …"), so agreement on who and where cannot bridge two triggers.
  // Inflections and derivations of one word are the same trigger (triggerKey).
  if (trigger === 'different') return undefined;
  // Two words the event coder files under one CAMEO action ("shot", "gunned down") need two pieces of evidence.
  if (trigger === 'similar' && support < 2) return undefined;
  // A report that gives no date of its own is dated only by its publication ("was arrested on suspicion of …"):
  // that says when it was told, not that it is the same occurrence, so the same city alone is not enough — two
  // arrests, two fires in one city within days are common. It needs a shared specific participant, two pieces of
  // evidence, or agreement on everything both name (one names a person the other lacks: 0.33, not enough).
  if (!isUndatedPair && !obs.timeValue && sharedSpecific.length === 0 && support < 2 && args < 1) return undefined;
  // A vague date (a month, "last week") needs a second piece of evidence besides one participant.
  if (!isUndatedPair && !isPrecise && !(support >= 2 || trigger === 'same')) return undefined;
  // No date on one side: only strong agreement on everything else.
  if (isUndatedPair && !(trigger === 'same' && support >= 2 && args >= 0.5)) return undefined;
  if (candidate.ploverType !== obs.ploverType && !(trigger === 'same' && support >= 2)) return undefined;

  const reasons = [candidate.ploverType === obs.ploverType ? `same type ${obs.ploverType}` : `compatible types ${obs.ploverType}/${candidate.ploverType}`];
  reasons.push(isUndatedPair ? 'one report undated' : `dates overlap (${window!.start}…${window!.end} within ${candidate.window.start}…${candidate.window.end})`);
  if (sharedSpecific.length) reasons.push(`shared participant${sharedSpecific.length > 1 ? 's' : ''} ${sharedSpecific.join(', ')}`);
  if (isSameCity) reasons.push(`same city-level place (${sharedCityActor ? sharedCityActor.slice('place:'.length) : obs.place?.name})`);
  if (place === 'near') reasons.push(`places within ${MAX_PLACE_KM} km (${obs.place?.name})`);
  if (sharedGeneric.length) reasons.push(`also shared (generic) ${sharedGeneric.join(', ')}`);
  if (trigger !== 'unknown') reasons.push(trigger === 'same' ? `same trigger "${obs.trigger}"` : `trigger "${obs.trigger}" codes as the same action (CAMEO ${obs.cameo?.slice(0, 3)}) as ${triggers.join(', ')}`);
  reasons.push(`argument similarity ${args.toFixed(2)}`);
  // Shared participants weigh most; a shared city, the same trigger and a narrow window add; a vague window adds little.
  const score = 3 * sharedSpecific.length + (isSameCity ? 2 : 0) + (sharedGeneric.length ? 0.5 : 0) + (trigger === 'same' ? 2 : trigger === 'similar' ? 1 : 0)
    + 2 * args + (isPrecise ? 1 : 0) + (window && !isUndatedPair ? 1 / windowDays(window) : 0) + (candidate.ploverType === obs.ploverType ? 0.5 : 0);
  const rounded = Math.round(score * 100) / 100;
  reasons.push(`score ${rounded}`);
  return { score: rounded, reasons };
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

/** A merged event's summary after adding an observation: actors and triggers united, the narrower window kept. */
export function absorb(event: MergedEventSummary, obs: EventObservation): MergedEventSummary {
  const window = observationWindow(obs);
  const narrower = window && (isUndated(event.window) || (windowDays(window) < windowDays(event.window) && windowsOverlap(window, event.window))) ? window : event.window;
  const triggers = [...new Set([...(event.triggers ?? []), ...actionKeys(obs)])];
  return {
    ...event,
    sourceIds: [...new Set([...event.sourceIds, ...obs.sourceIds])],
    targetIds: [...new Set([...event.targetIds, ...obs.targetIds])],
    // Keep the finer place: a city reported later replaces "Syria".
    ...(event.place ?? obs.place ? { place: event.place && !(isCoarse(event.place) && obs.place && !isCoarse(obs.place)) ? event.place : (obs.place ?? event.place) } : {}),
    window: narrower,
    ...(triggers.length ? { triggers } : {}),
  };
}

/** A new merged event from its first observation (UNDATED when nothing dates it). */
export function startMergedEvent(id: string, obs: EventObservation): MergedEventSummary {
  const window = observationWindow(obs) ?? UNDATED;
  return { id, ploverType: obs.ploverType, sourceIds: obs.sourceIds, targetIds: obs.targetIds, ...(obs.place ? { place: obs.place } : {}), window, ...(actionKeys(obs).length ? { triggers: actionKeys(obs) } : {}) };
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
