/**
 * A generated store for the UI's scale checks (issue 18): `count` annotated news articles written through the real
 * store (entity links and event merging as at ingest), with names, places and dates drawn from the seeded
 * generator of bench/lib/synthetic.ts. Every article reports one or two events between armed groups and people,
 * each with a resolved place and a date; a few dates lie centuries away (outliers), a few events are undated, and
 * some bodies carry emoji before the event sentence. Layers are built here with their offsets, not by the stages,
 * so 500 articles take seconds.
 */
import type { Claim, Doc, DocEntity, EventMention, Mention, PlaceRef, TimeExpr } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { seeded } from '../../bench/lib/synthetic.js';
import { saveAnnotated } from './annotated-corpus.js';
import { makeDoc } from './make-doc.js';

const GROUPS = ['Tigris Guardians Brigade', 'Sahel Liberation Front', 'Northern Shield Militia', 'Coastal Defence Force', 'Red Valley Battalion', 'Free Highlands Army', 'Desert Hawks', 'Union of Farmers'];
const PEOPLE = ['Kassem Haddad', 'Leila Mansour', 'Dmytro Kovalenko', 'Chinedu Okafor', 'Aylin Demir', 'Reza Rahimi', 'Amina Aboud', 'Samir Farouk', 'Oksana Shevchenko', 'Tariq Nasser'];
/** Places with rough coordinates; several lie close together, so the map clusters them. */
const PLACES: readonly { name: string; lat: number; lon: number; country: string }[] = [
  { name: 'Baghdad', lat: 33.31, lon: 44.36, country: 'IQ' }, { name: 'Mosul', lat: 36.34, lon: 43.13, country: 'IQ' }, { name: 'Kirkuk', lat: 35.47, lon: 44.39, country: 'IQ' },
  { name: 'Aleppo', lat: 36.2, lon: 37.16, country: 'SY' }, { name: 'Idlib', lat: 35.93, lon: 36.63, country: 'SY' }, { name: 'Homs', lat: 34.73, lon: 36.72, country: 'SY' },
  { name: 'Latakia', lat: 35.52, lon: 35.78, country: 'SY' }, { name: 'Kharkiv', lat: 49.99, lon: 36.23, country: 'UA' }, { name: 'Kyiv', lat: 50.45, lon: 30.52, country: 'UA' },
  { name: 'Maiduguri', lat: 11.85, lon: 13.16, country: 'NG' }, { name: 'Tripoli', lat: 32.89, lon: 13.19, country: 'LY' }, { name: 'Goma', lat: -1.68, lon: 29.22, country: 'CD' },
  { name: 'Caracas', lat: 10.48, lon: -66.9, country: 'VE' }, { name: 'Manila', lat: 14.6, lon: 120.98, country: 'PH' },
];
/** PLOVER types with a verb the sentence uses. */
const ACTIONS: readonly [type: string, verb: string][] = [
  ['ASSAULT', 'attacked'], ['ACCUSE', 'accused'], ['COOPERATE', 'agreed to work with'], ['PROTEST', 'protested against'], ['THREATEN', 'threatened'],
  ['CONSULT', 'met'], ['AID', 'sent aid to'], ['COERCE', 'detained members of'], ['MOBILIZE', 'sent troops against'], ['REJECT', 'rejected an offer from'],
  ['SANCTION', 'imposed sanctions on'], ['AGREE', 'signed a truce with'], ['SUPPORT', 'backed'], ['REQUEST', 'called on'], ['RETREAT', 'withdrew from positions held by'], ['CONCEDE', 'released prisoners to'],
];
const OUTLETS = ['Meridian News Agency', 'Gulf Courier', 'The Northern Ledger', 'Kyiv Courier', 'Sahel Wire', 'Levant Observer'];

/** One generated article: its Doc with hand-built layers. */
export function generatedArticle(index: number): Doc {
  const rand = seeded(index * 104_729 + 11);
  const from = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  // Mostly 2019–2024; 1 in 100 dated centuries away (as the real corpus had 1500 and 2031).
  const isOutlier = index % 100 === 7;
  const day = isOutlier ? (index % 200 === 7 ? '1500-06-01' : '2031-05-05') : new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
  const isUndated = index % 50 === 13;
  let text = index % 10 === 3 ? '📷🎥 Pictures from the scene. ' : '';
  const mentions: Mention[] = [];
  const entities: DocEntity[] = [];
  const places: PlaceRef[] = [];
  const events: EventMention[] = [];
  const claims: Claim[] = [];
  const times: TimeExpr[] = [];
  const entityOf = (name: string, type: 'PER' | 'ORG') => {
    let entity = entities.find((e) => e.name === name);
    if (!entity) {
      entity = { id: `e${entities.length + 1}`, name, type, kind: type === 'PER' ? 'person' : 'armed-group', mentionIds: [], aliases: [], roles: [], references: [] };
      entities.push(entity);
    }
    return entity;
  };
  const mention = (surface: string, type: 'PER' | 'ORG' | 'LOC') => {
    const start = text.length;
    text += surface;
    const m: Mention = { id: `m${mentions.length + 1}`, start, end: text.length, text: surface, type, tokenStart: 0, tokenEnd: 0, origin: 'ner' };
    mentions.push(m);
    if (type !== 'LOC') {
      const entity = entityOf(surface, type);
      (entity.mentionIds as string[]).push(m.id);
      return { start, end: text.length, text: surface, entityId: entity.id };
    }
    return { start, end: text.length, text: surface };
  };
  const eventCount = 1 + (index % 3 === 0 ? 1 : 0);
  for (let n = 0; n < eventCount; n++) {
    const [type, verb] = from(ACTIONS);
    const place = from(PLACES);
    const start = text.length;
    const actor = mention(from(GROUPS), 'ORG');
    text += ` ${verb} `;
    const trigger = { start: start + actor.text.length + 1, end: start + actor.text.length + 1 + verb.length };
    const target = rand() < 0.5 ? mention(from(PEOPLE), 'PER') : mention(from(GROUPS.filter((g) => g !== actor.text)), 'ORG');
    text += ' near ';
    const placeSpan = mention(place.name, 'LOC');
    text += ' on Tuesday.';
    const timeId = `t${times.length + 1}`;
    const whenStart = text.length - 'Tuesday.'.length;
    if (!isUndated) times.push({ id: timeId, start: whenStart, end: whenStart + 7, text: 'Tuesday', type: 'DATE', value: day, granularity: 'day', isAnchored: true });
    const placeId = `p${places.length + 1}`;
    places.push({ id: placeId, start: placeSpan.start, end: placeSpan.end, text: place.name, mentionId: mentions[mentions.length - 1]!.id, isResolved: true, name: place.name, lat: place.lat, lon: place.lon, countryCode: place.country, precision: 'city', gazetteerId: `gen:${place.name}` });
    events.push({
      id: `v${events.length + 1}`, evidence: { start, end: text.length }, trigger, ploverType: type, contexts: [], sources: [actor], targets: [target],
      placeId, ...(isUndated ? {} : { timeId }), counts: type === 'ASSAULT' ? { fatalities: 1 + Math.floor(rand() * 9) } : {}, modality: 'asserted',
    });
    text += ' ';
  }
  // A named spokesman's claim naming another party: a "claimed about" link for the graph.
  const speaker = from(PEOPLE);
  const claimStart = text.length;
  const speakerRef = mention(speaker, 'PER');
  text += ' said that ';
  const contentStart = text.length;
  mention(from(GROUPS), 'ORG');
  text += ' had lost ground.';
  claims.push({
    id: 'c1', evidence: { start: claimStart, end: text.length }, content: { start: contentStart, end: text.length - 1 }, isDirectQuote: false,
    chain: [{ kind: 'person', name: speaker, ...(speakerRef.entityId ? { entityId: speakerRef.entityId } : {}) }], stance: 'asserted', isHedged: false, eventIds: [],
  });
  text += ` Residents described the situation as tense (report ${index}).`;
  return makeDoc({
    text,
    meta: { outlet: from(OUTLETS), publishedAt: isUndated ? '' : isOutlier ? '2024-01-01' : day, source: `generated-${index}.txt`, title: `Fighting and talks near ${places[0]!.name} (report ${index})` },
    layers: { mentions, entities, times, places, events, claims },
  });
}

/** Saves `count` generated articles into `store` (already migrated). */
export async function seedGeneratedStore(store: Store, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await saveAnnotated(store, generatedArticle(i));
}
