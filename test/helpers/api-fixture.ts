/**
 * A small store for API and UI tests, written by hand: three articles with mentions, entities, roles, times,
 * places, two events (one denied in a claim), one of which carries markup (`<script>`, `onerror=`) in its title, body and a comment, to prove that
 * text is only ever data.
 */
import { linkEntities } from '../../src/corpus/link-entities/index.js';
import { observeEvents } from '../../src/corpus/observe/index.js';
import type { Claim, DocEntity, EventMention, Layers, PlaceRef, Span, TimeExpr } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { findMentions, makeDoc } from './make-doc.js';

/** Markup that must never run: the title, body and a comment of the hostile article carry it. */
export const HOSTILE_MARKUP = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;

/** Text of the three fixture articles, keyed by a short name. */
export const FIXTURE_TEXTS = {
  rocket: 'Rockets struck Baghdad airport on Tuesday. Brig. Gen. Qasim Haddad, commander of the Tigris Guardians Brigade, denied any role. Haddad spoke in Baghdad.',
  convoy: 'A drone hit an aid convoy near Aleppo. The Tigris Guardians Brigade and Qasim Haddad were named by officials in Damascus.',
  hostile: `Officials in Baghdad met on Monday. A reader pasted ${HOSTILE_MARKUP} into the page, and Qasim Haddad was quoted.`,
} as const;

function entity(id: string, name: string, type: DocEntity['type'], kind: DocEntity['kind'], mentionIds: string[], extra: Partial<DocEntity> = {}): DocEntity {
  return { id, name, type, kind, mentionIds, aliases: [], roles: [], references: [], ...extra };
}

function place(id: string, text: string, body: string, lat: number, lon: number, countryCode: string, gazetteerId: string): PlaceRef {
  const start = body.indexOf(text);
  return { id, text, start, end: start + text.length, isResolved: true, name: text, lat, lon, countryCode, precision: 'city', gazetteerId };
}

function time(id: string, text: string, body: string, value: string): TimeExpr {
  const start = body.indexOf(text);
  return { id, text, start, end: start + text.length, type: 'DATE', value, granularity: 'day', isAnchored: true };
}

/** The span of the first occurrence of `part` in `body` (after `from`). */
function spanOf(body: string, part: string, from = 0): Span {
  const start = body.indexOf(part, from);
  if (start < 0) throw new Error(`fixture: "${part}" not in text`);
  return { start, end: start + part.length };
}

function event(id: string, body: string, sentence: string, trigger: string, ploverType: string, extra: Partial<EventMention> = {}): EventMention {
  const evidence = spanOf(body, sentence);
  return { id, evidence, trigger: spanOf(body, trigger, evidence.start), ploverType, contexts: [], sources: [], targets: [], counts: {}, modality: 'asserted', ...extra };
}

/** Saves the fixture articles (with entity links) into `store`; returns their ids by short name. */
export async function seedFixtureStore(store: Store): Promise<Record<keyof typeof FIXTURE_TEXTS, string>> {
  const ids = {} as Record<keyof typeof FIXTURE_TEXTS, string>;

  const rocketText = FIXTURE_TEXTS.rocket;
  const rocketMentions = findMentions(rocketText, [['Baghdad', 'LOC'], ['Qasim Haddad', 'PER'], ['Haddad', 'PER'], ['Tigris Guardians Brigade', 'ORG']]);
  const byText = (mentions: readonly { id: string; text: string }[], text: string) => mentions.filter((m) => m.text === text).map((m) => m.id);
  const roleStart = rocketText.indexOf('Brig. Gen.');
  const rocketEntities = [
    entity('e1', 'Qasim Haddad', 'PER', 'person', [...byText(rocketMentions, 'Qasim Haddad'), ...byText(rocketMentions, 'Haddad')], {
      aliases: ['Haddad'],
      roles: [{ title: 'commander', organisation: 'Tigris Guardians Brigade', from: '2019', evidence: { start: roleStart, end: rocketText.indexOf('role.') + 5 } }],
    }),
    entity('e2', 'Tigris Guardians Brigade', 'ORG', 'armed-group', byText(rocketMentions, 'Tigris Guardians Brigade')),
    entity('e3', 'Baghdad', 'LOC', 'place', byText(rocketMentions, 'Baghdad')),
  ];
  ids.rocket = await save(store, rocketText, { title: 'Rockets hit Baghdad airport', outlet: 'The Northern Ledger', publishedAt: '2026-01-06T09:00:00Z' }, {
    mentions: rocketMentions,
    entities: rocketEntities,
    times: [time('t1', 'Tuesday', rocketText, '2026-01-06')],
    places: [place('p1', 'Baghdad', rocketText, 33.34, 44.4, 'IQ', 'gn:98182')],
    events: [event('ev1', rocketText, 'Rockets struck Baghdad airport on Tuesday.', 'struck', 'ASSAULT', { placeId: 'p1', timeId: 't1', targets: [{ ...spanOf(rocketText, 'Baghdad airport'), text: 'Baghdad airport' }] })],
    claims: [{
      id: 'c1', evidence: spanOf(rocketText, 'Brig. Gen. Qasim Haddad, commander of the Tigris Guardians Brigade, denied any role.'), content: spanOf(rocketText, 'any role'),
      cue: spanOf(rocketText, 'denied'), cueLemma: 'deny', isDirectQuote: false, stance: 'denied', isHedged: false, eventIds: ['ev1'],
      chain: [{ kind: 'outlet', name: 'The Northern Ledger' }, { kind: 'person', name: 'Qasim Haddad', entityId: 'e1', role: 'commander', span: spanOf(rocketText, 'Qasim Haddad') }],
    } satisfies Claim],
  });

  const convoyText = FIXTURE_TEXTS.convoy;
  const convoyMentions = findMentions(convoyText, [['Aleppo', 'LOC'], ['Damascus', 'LOC'], ['Qasim Haddad', 'PER'], ['Tigris Guardians Brigade', 'ORG']]);
  ids.convoy = await save(store, convoyText, { title: 'Drone hits aid convoy near Aleppo', outlet: 'Gulf Courier', publishedAt: '2026-01-08T12:00:00Z' }, {
    mentions: convoyMentions,
    entities: [
      entity('e1', 'Qasim Haddad', 'PER', 'person', byText(convoyMentions, 'Qasim Haddad')),
      entity('e2', 'Tigris Guardians Brigade', 'ORG', 'armed-group', byText(convoyMentions, 'Tigris Guardians Brigade')),
      entity('e3', 'Aleppo', 'LOC', 'place', byText(convoyMentions, 'Aleppo')),
      entity('e4', 'Damascus', 'LOC', 'place', byText(convoyMentions, 'Damascus')),
    ],
    places: [place('p1', 'Aleppo', convoyText, 36.2, 37.16, 'SY', 'gn:170063'), place('p2', 'Damascus', convoyText, 33.51, 36.29, 'SY', 'gn:170654')],
    events: [event('ev1', convoyText, 'A drone hit an aid convoy near Aleppo.', 'hit', 'ASSAULT', { placeId: 'p1' })],
  });

  const hostileText = FIXTURE_TEXTS.hostile;
  const hostileMentions = findMentions(hostileText, [['Baghdad', 'LOC'], ['Qasim Haddad', 'PER']]);
  ids.hostile = await save(store, hostileText, { title: `Hostile ${HOSTILE_MARKUP} title`, outlet: `Outlet <b onmouseover="window.__pwned = 3">x</b>`, publishedAt: '2026-01-05T08:00:00Z' }, {
    mentions: hostileMentions,
    entities: [
      entity('e1', 'Qasim Haddad', 'PER', 'person', byText(hostileMentions, 'Qasim Haddad')),
      entity('e2', 'Baghdad', 'LOC', 'place', byText(hostileMentions, 'Baghdad')),
    ],
    places: [place('p1', 'Baghdad', hostileText, 33.34, 44.4, 'IQ', 'gn:98182')],
  }, [{ author: `<img src=x onerror="window.__pwned = 4">`, text: `Comment ${HOSTILE_MARKUP}` }]);
  return ids;
}

async function save(
  store: Store,
  text: string,
  meta: { title: string; outlet: string; publishedAt: string },
  layers: Partial<Layers>,
  comments: { author?: string; text: string }[] = [],
): Promise<string> {
  const base = makeDoc({ text, meta: { ...meta, source: `fixture:${meta.title.slice(0, 20)}` }, layers });
  const doc = { ...base, comments };
  const entities = linkEntities(layers.entities ?? [], new Map());
  await store.saveArticle(doc, 'fixture@1', { entities, events: observeEvents(doc, entities, doc.id) });
  return doc.id;
}
