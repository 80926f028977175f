/**
 * An ACLED-like event table: ACLED's column layout, event types and sub-event types, actor inter codes and
 * ISO numeric countries, filled from merged events. ACLED codes political violence, demonstrations and
 * strategic developments only, so events outside those (statements, visits, aid, criticism) get no row.
 * The CAMEO → ACLED table is `ACLED_BY_CAMEO` (a code resolves by its longest listed prefix); events without
 * a CAMEO code fall back on their PLOVER type.
 */
import { countryByCode } from '../data/countries.js';
import type { CanonicalEntity, MergedEventDetail } from '../store/store.js';
import { cameoActor, type CameoActor } from './cameo-actor.js';

/** ACLED's columns in their export order, then ours (`corroboration`). */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp', 'corroboration',
] as const;

export type AcledEventType = 'Battles' | 'Explosions/Remote violence' | 'Violence against civilians' | 'Protests' | 'Riots' | 'Strategic developments';

/** CAMEO code (prefix) → ACLED event type and sub-event type. */
export const ACLED_BY_CAMEO: Readonly<Record<string, readonly [AcledEventType, string]>> = {
  '14': ['Protests', 'Peaceful protest'],
  '145': ['Riots', 'Violent demonstration'],
  '171': ['Strategic developments', 'Looting/property destruction'],
  '173': ['Strategic developments', 'Arrests'],
  '175': ['Violence against civilians', 'Attack'],
  '18': ['Violence against civilians', 'Attack'],
  '181': ['Violence against civilians', 'Abduction/forced disappearance'],
  '1821': ['Violence against civilians', 'Sexual violence'],
  '183': ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  '1831': ['Explosions/Remote violence', 'Suicide bomb'],
  '19': ['Battles', 'Armed clash'],
  '191': ['Strategic developments', 'Other'],
  '192': ['Battles', 'Non-state actor overtakes territory'],
  '194': ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  '195': ['Explosions/Remote violence', 'Air/drone strike'],
  '20': ['Violence against civilians', 'Attack'],
  '201': ['Strategic developments', 'Other'],
  '204': ['Explosions/Remote violence', 'Chemical weapon'],
  '057': ['Strategic developments', 'Agreement'],
  '0871': ['Strategic developments', 'Agreement'],
  '154': ['Strategic developments', 'Other'],
};

/** PLOVER type → ACLED, for events without a CAMEO code. */
const ACLED_BY_PLOVER: Readonly<Record<string, readonly [AcledEventType, string]>> = {
  ASSAULT: ['Violence against civilians', 'Attack'],
  PROTEST: ['Protests', 'Peaceful protest'],
};

/** ACLED inter codes: 1 state forces … 8 external/other forces. */
export const INTER = { state: 1, rebels: 2, militia: 3, identityMilitia: 4, rioters: 5, protesters: 6, civilians: 7, other: 8 } as const;

/** Outlets ACLED would scale as International (wires and world broadcasters); others are "Other" to us. */
const INTERNATIONAL_OUTLETS = new Set(['reuters', 'associated press', 'agence france-presse', 'afp', 'bbc', 'cnn', 'al jazeera', 'deutsche welle', 'france 24', 'xinhua', 'tass', 'anadolu agency', 'efe']);

/** What an ACLED row needs beyond the event: its actors' entities and the admin1 of a place. */
export interface AcledContext {
  readonly entities: ReadonlyMap<string, CanonicalEntity>;
  /** The first-order division (province, state, governorate) of an event's place, when the gazetteer has it. */
  readonly admin1Of: (place: NonNullable<MergedEventDetail['place']>) => string | undefined;
}

/** The ACLED event and sub-event type of a merged event, or undefined when ACLED would not code it. */
export function acledType(event: Pick<MergedEventDetail, 'cameo' | 'ploverType'>): readonly [AcledEventType, string] | undefined {
  const cameo = event.cameo ?? '';
  for (let n = cameo.length; n >= 2; n--) {
    const hit = ACLED_BY_CAMEO[cameo.slice(0, n)];
    if (hit) return hit;
  }
  return cameo ? undefined : ACLED_BY_PLOVER[event.ploverType];
}

function disorderType(type: AcledEventType, sub: string): string {
  if (type === 'Strategic developments') return 'Strategic developments';
  if (sub === 'Excessive force against protesters') return 'Political violence; Demonstrations';
  return type === 'Protests' || (type === 'Riots' && sub === 'Violent demonstration') ? 'Demonstrations' : 'Political violence';
}

/** Same country, whatever the code form (entities keep alpha-2 or alpha-3). */
function sameCountry(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && countryByCode(a)?.alpha2 === countryByCode(b)?.alpha2);
}

/** The inter code of an actor entity; unknown kinds count as civilians when attacked and as other forces otherwise. */
function interOf(entity: CanonicalEntity | undefined, asTarget: boolean, eventCountry: string | null): number {
  switch (entity?.kind) {
    case 'state': case 'government': case 'military-unit':
      // A state's forces acting abroad are "external forces" to ACLED.
      return eventCountry && entity.country && !sameCountry(entity.country, eventCountry) ? INTER.other : INTER.state;
    case 'armed-group':
      return INTER.rebels;
    case 'person': case 'nationality': case 'other': case 'place': case undefined:
      // A person, a group of people or a town attacked is a civilian target to ACLED.
      return asTarget ? INTER.civilians : INTER.other;
    default:
      return INTER.other;
  }
}

const STATE_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG']);
const CIVILIAN_ROLES = new Set(['CVL', 'REF', 'LAB', 'EDU', 'HLH', 'MED', 'BUS', 'REL', 'AGR', 'ELI', 'HRI', 'ENV']);

/** ACLED's name and inter code for an actor known only by its CAMEO code, in an event in `country`. */
function codedActor(actor: CameoActor, country: { alpha2: string; alpha3: string; name: string } | undefined): { name: string; inter: number } {
  const role = actor.roles.find((r) => STATE_ROLES.has(r) || CIVILIAN_ROLES.has(r) || r === 'REB' || r === 'INS' || r === 'SEP' || r === 'UAF') ?? actor.roles[0] ?? '';
  const own = actor.country ? countryByCode(actor.country) : country;
  const label = own ? own.name : '';
  if (STATE_ROLES.has(role)) {
    const forces = role === 'COP' ? 'Police Forces' : 'Military Forces';
    return { name: label ? `${forces} of ${label}` : forces, inter: country && own && own.alpha2 !== country.alpha2 ? INTER.other : INTER.state };
  }
  if (CIVILIAN_ROLES.has(role)) return { name: label ? `Civilians (${label})` : 'Civilians', inter: INTER.civilians };
  // Rebels, insurgents or gangs the article does not name are ACLED's "Unidentified Armed Group".
  if (role === 'REB' || role === 'INS' || role === 'SEP' || role === 'UAF') return { name: label ? `Unidentified Armed Group (${label})` : 'Unidentified Armed Group', inter: INTER.militia };
  return { name: label ? `${role} (${label})` : role, inter: INTER.other };
}

function timePrecision(precision: string): number {
  return precision === 'day' ? 1 : precision === 'week' ? 2 : 3;
}

/** One ACLED-like row, or undefined when the event is outside ACLED's scope. */
export function acledRow(event: MergedEventDetail, context: AcledContext): Record<string, unknown> | undefined {
  const type = acledType(event);
  if (!type) return undefined;
  let [eventType, subType] = type;
  const country = event.place?.countryCode ? countryByCode(event.place.countryCode) : undefined;
  const countryLabel = country ? ` (${country.name})` : '';
  const sources = event.actors.filter((a) => a.role === 'source');
  const targets = event.actors.filter((a) => a.role === 'target');
  const describe = (actor: { id: string; name: string } | undefined, asTarget: boolean): { name: string; inter: number } => {
    if (!actor) return { name: '', inter: 0 };
    const coded = cameoActor(actor.id);
    if (coded) return codedActor(coded, country);
    return { name: actor.name, inter: interOf(context.entities.get(actor.id), asTarget, event.place?.countryCode ?? null) };
  };
  const first = describe(sources[0], false);
  const second = describe(targets[0], true);
  let [actor1, inter1] = [first.name, first.inter];
  const [actor2, inter2] = [second.name, second.inter];
  let assoc1 = sources.slice(1).map((a) => describe(a, false).name);
  // ACLED names demonstrators generically ("Protesters (Country)") and keeps who they were as associated actors.
  if (eventType === 'Protests' || eventType === 'Riots') {
    // Who marched, when the article names them (a code-only actor adds nothing to "Protesters").
    assoc1 = sources.filter((a) => !cameoActor(a.id)).map((a) => a.name);
    actor1 = `${eventType === 'Protests' ? 'Protesters' : 'Rioters'}${countryLabel}`;
    inter1 = eventType === 'Protests' ? INTER.protesters : INTER.rioters;
  }
  // Fighting between two armed parties is a battle; armed force against civilians is violence against civilians.
  if (eventType === 'Violence against civilians' && subType === 'Attack' && ([INTER.state, INTER.rebels, INTER.militia] as number[]).includes(inter2)) [eventType, subType] = ['Battles', 'Armed clash'];
  if (eventType === 'Battles' && subType === 'Armed clash' && inter2 === INTER.civilians) [eventType, subType] = ['Violence against civilians', 'Attack'];
  if (subType === 'Non-state actor overtakes territory' && inter1 === INTER.state) subType = 'Government regains territory';
  if (eventType === 'Violence against civilians' && targets.some((t) => /protest|demonstrat/i.test(t.name))) [eventType, subType] = ['Protests', 'Excessive force against protesters'];
  // ACLED's name for an unknown perpetrator; it codes them as political militias.
  if (!actor1 && eventType !== 'Strategic developments') [actor1, inter1] = [`Unidentified Armed Group${countryLabel}`, INTER.militia];
  const interaction = inter2 ? Number(`${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`) : inter1 * 10;
  const outlets = [...new Set(event.observations.map((o) => o.outlet).filter((o): o is string => Boolean(o)))].sort();
  const scales = new Set(outlets.map((o) => (INTERNATIONAL_OUTLETS.has(o.toLowerCase()) ? 'International' : 'Other')));
  const fatalities = Object.keys(event.countAlternatives['fatalities'] ?? {}).map(Number).filter(Number.isFinite);
  return {
    event_id_cnty: `${country?.alpha3 ?? 'XXX'}-${event.id}`, event_date: event.windowStart, year: /^\d{4}/.test(event.windowStart) ? Number(event.windowStart.slice(0, 4)) : '',
    time_precision: timePrecision(event.datePrecision), disorder_type: disorderType(eventType, subType), event_type: eventType, sub_event_type: subType,
    actor1, assoc_actor_1: assoc1.join('; '), inter1, actor2, assoc_actor_2: targets.slice(1).map((a) => describe(a, true).name).join('; '), inter2,
    interaction, civilian_targeting: inter2 === INTER.civilians && eventType !== 'Battles' ? 'Civilian targeting' : '',
    iso: country?.numeric || '', country: country?.name ?? '', admin1: event.place ? context.admin1Of(event.place) ?? '' : '',
    location: event.place?.name ?? '', latitude: event.place?.lat ?? '', longitude: event.place?.lon ?? '',
    geo_precision: !event.place ? '' : event.place.lat === null || country?.name === event.place.name ? 3 : 1,
    source: outlets.join('; '), source_scale: scales.size > 1 ? 'Other-International' : [...scales][0] ?? '',
    // ACLED records the lowest credible toll; the supporting sentence goes in the notes, as ACLED's analysts write them.
    notes: event.summary, fatalities: fatalities.length ? Math.min(...fatalities) : 0, tags: '',
    timestamp: '', corroboration: `${event.status}: ${event.explanation}`,
  };
}
