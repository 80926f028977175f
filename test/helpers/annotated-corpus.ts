/**
 * A tiny annotated corpus built by hand (layers written here, not produced by the stages), saved through the
 * real store with the real cross-article links: for tests of merging, timelines, exports and the API.
 */
import { linkEntities } from '../../src/corpus/link-entities/index.js';
import { observeEvents } from '../../src/corpus/observe/index.js';
import type { Claim, Doc, DocEntity, EventMention, Mention } from '../../src/model/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store, SyndicationLinks } from '../../src/store/store.js';
import { makeDoc } from './make-doc.js';

export const MILITIA_NAME = 'Tigris Guardians Brigade';

/** An article reporting the militia's rocket attack; its layers are written by hand. */
export function attackArticle(text: string, outlet: string, publishedAt: string, options: { claims?: Claim[]; place?: boolean } = {}): Doc {
  const at = text.indexOf(MILITIA_NAME);
  const mention: Mention = { id: 'm1', start: at, end: at + MILITIA_NAME.length, text: MILITIA_NAME, type: 'ORG', tokenStart: 0, tokenEnd: 0, origin: 'ner' };
  const militia: DocEntity = { id: 'e1', name: MILITIA_NAME, type: 'ORG', kind: 'armed-group', country: 'IRQ', mentionIds: ['m1'], aliases: [], roles: [], references: [] };
  const trigger = text.indexOf('fired');
  const event: EventMention = {
    id: 'v1',
    evidence: { start: 0, end: text.indexOf('.') + 1 },
    trigger: { start: trigger, end: trigger + 5 },
    ploverType: 'ASSAULT',
    contexts: [],
    cameo: '195',
    sources: [{ start: at, end: at + MILITIA_NAME.length, text: MILITIA_NAME, entityId: 'e1' }],
    targets: [],
    counts: { fatalities: 1 },
    modality: 'asserted',
    timeId: 't1',
    ...(options.place === false ? {} : { placeId: 'p1' }),
  };
  return makeDoc({
    text,
    meta: { outlet, publishedAt, source: `${outlet}.txt`, title: `Rockets hit Baghdad airport (${outlet})` },
    layers: {
      mentions: [mention],
      entities: [militia],
      times: [{ id: 't1', start: 0, end: 0, text: 'Sunday', type: 'DATE', value: '2024-11-10', granularity: 'day', isAnchored: true }],
      places: [{ id: 'p1', start: 0, end: 0, text: 'Baghdad', isResolved: true, name: 'Baghdad', lat: 33.34, lon: 44.4, countryCode: 'IQ', precision: 'city' }],
      events: [event],
      claims: options.claims ?? [],
    },
  });
}

/** A denial claim by a named spokesman that carries the article's event v1. */
export function denialClaim(text: string): Claim {
  return {
    id: 'c1', evidence: { start: 0, end: text.length }, content: { start: 0, end: text.length }, isDirectQuote: false,
    chain: [{ kind: 'person', name: 'Nasser Kanaani', role: 'spokesman' }], stance: 'denied', isHedged: false, eventIds: ['v1'],
  };
}

/** Saves a hand-annotated Doc through the store with entity links and event observations. */
export async function saveAnnotated(store: Store, doc: Doc, syndication?: SyndicationLinks) {
  const entities = linkEntities(doc.layers.entities ?? [], new Map());
  const group = syndication?.group ?? doc.id;
  return store.saveArticle(doc, 'test@1', { entities, events: observeEvents(doc, entities, group), ...(syndication ? { syndication } : {}) });
}

export const WIRE = `${MILITIA_NAME} fired rockets at the airport on Sunday, killing a guard.`;
export const COPY = `${MILITIA_NAME} fired rockets at the airport on Sunday, killing a guard, police said.`;
export const DENIAL = `${MILITIA_NAME} fired no rockets, a spokesman said, denying the report.`;

/** An in-memory store holding a wire story, its syndicated copy and a denial. */
export async function contestedCorpus(): Promise<{ store: Store; wire: Doc; copy: Doc; denial: Doc }> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const wire = attackArticle(WIRE, 'Meridian News Agency', '2024-11-11');
  await saveAnnotated(store, wire);
  const copy = attackArticle(COPY, 'Gulf Courier', '2024-11-11');
  await saveAnnotated(store, copy, { signature: new Uint32Array([1, 2, 3]), bandKeys: ['b1'], group: wire.id, duplicates: [{ articleId: wire.id, similarity: 0.9 }] });
  const denial = attackArticle(DENIAL, 'Tehran Daily', '2024-11-14', { claims: [denialClaim(DENIAL)], place: false });
  await saveAnnotated(store, denial);
  return { store, wire, copy, denial };
}
