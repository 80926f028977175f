import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocEntity, PlaceRef } from '../../model/index.js';
import { linkEntities, type KnownEntity } from './index.js';

const entity = (e: Partial<DocEntity> & Pick<DocEntity, 'id' | 'name' | 'type'>): DocEntity => ({ kind: 'other', mentionIds: [], aliases: [], roles: [], references: [], ...e });

test('link-entities › two places with one name stay apart when the gazetteer resolves them differently', () => {
  const libya = entity({ id: 'e1', name: 'Tripoli', type: 'LOC', kind: 'place', mentionIds: ['m1'] });
  const lebanon = entity({ id: 'e1', name: 'Tripoli', type: 'LOC', kind: 'place', mentionIds: ['m4'] });
  const place = (mentionId: string, gazetteerId: string, countryCode: string): PlaceRef =>
    ({ id: `p-${mentionId}`, start: 0, end: 7, text: 'Tripoli', mentionId, isResolved: true, name: 'Tripoli', gazetteerId, countryCode });
  const [a] = linkEntities([libya], new Map(), [place('m1', 'gn:2210247', 'LY')]);
  const [b] = linkEntities([lebanon], new Map(), [place('m4', 'gn:266826', 'LB')]);
  assert.notEqual(a!.entityId, b!.entityId);
  assert.match(a!.reason, /same gazetteer place Tripoli \(LY\)/);
  const [unresolved] = linkEntities([libya], new Map(), []);
  assert.equal(unresolved!.entityId, 'loc:tripuli', 'without a resolved place, the name and type decide');
});

test('link-entities › a bare surname joins the only known person with it, and stays apart when two share it', () => {
  const haddad = entity({ id: 'e1', name: 'Haddad', type: 'PER', kind: 'person', mentionIds: ['m1'], aliases: ['Gen. Haddad'] });
  const kassem: KnownEntity = { id: 'per:kasim hadad', name: 'Kassem Haddad', type: 'PER', country: 'SYR', isSurnameOnly: false };
  const elias: KnownEntity = { id: 'per:ilias hadad', name: 'Elias Haddad', type: 'PER', country: 'LBN', isSurnameOnly: false };
  const [one] = linkEntities([haddad], new Map([['hadad', [kassem]]]));
  assert.equal(one!.entityId, kassem.id);
  const [two] = linkEntities([haddad], new Map([['hadad', [kassem, elias]]]));
  assert.equal(two!.entityId, 'per:hadad');
  assert.match(two!.reason, /2 known people share it/);
  const [other] = linkEntities([{ ...haddad, country: 'LBN' }], new Map([['hadad', [kassem]]]));
  assert.equal(other!.entityId, 'per:hadad', 'a conflicting country blocks the merge');
});

test('link-entities › knowledge-base actors link by id; a nationality links to its state', () => {
  const [iranian] = linkEntities([entity({ id: 'e1', name: 'Iran', type: 'MISC', kind: 'nationality', kbId: 'country:IRN' })], new Map());
  assert.equal(iranian!.entityId, 'kb:country:IRN');
  assert.equal(iranian!.type, 'LOC');
  assert.equal(iranian!.kind, 'state');
});

test('link-entities › without a knowledge-base link, "USA" and "the United States" as places link to one state by its code', () => {
  const usa = entity({ id: 'e1', name: 'USA', type: 'LOC', kind: 'state', mentionIds: ['m1'] });
  const states = entity({ id: 'e2', name: 'United States', type: 'LOC', kind: 'state', mentionIds: ['m2'] });
  const [a, b] = linkEntities([usa, states], new Map());
  assert.equal(a!.entityId, 'kb:country:USA');
  assert.equal(b!.entityId, 'kb:country:USA');
  assert.equal(a!.country, 'USA');
  assert.match(a!.reason, /country name of United States \(USA\)/);
  const [town] = linkEntities([entity({ id: 'e3', name: 'Springfield', type: 'LOC', kind: 'place' })], new Map());
  assert.equal(town!.entityId, 'loc:springfild');
});

test('link-entities › a country\'s name that the place stage read, in context, as a place inside another country is that place', () => {
  const georgia = entity({ id: 'e1', name: 'Georgia', type: 'LOC', kind: 'state', kbId: 'country:GEO', country: 'GEO', mentionIds: ['m1', 'm2'] });
  const resolved = (gazetteerId: string, countryCode: string, precision: PlaceRef['precision']): PlaceRef[] =>
    ['m1', 'm2'].map((mentionId) => ({ id: `p-${mentionId}`, start: 0, end: 7, text: 'Georgia', mentionId, isResolved: true, name: 'Georgia', gazetteerId, countryCode, precision }));
  const [state] = linkEntities([georgia], new Map(), resolved('admin1:US.GA', 'US', 'province'));
  assert.deepEqual([state!.entityId, state!.kind, state!.country, state!.kbId], ['place:admin1:US.GA', 'place', 'USA', undefined]);
  assert.match(state!.reason, /read it in context as Georgia \(US\), not the country/);
  const [country] = linkEntities([georgia], new Map(), resolved('country:GE', 'GE', 'country'));
  assert.equal(country!.entityId, 'kb:country:GEO');
  const singapore = entity({ ...georgia, name: 'Singapore', kbId: 'country:SGP', country: 'SGP' });
  const [cityState] = linkEntities([singapore], new Map(), resolved('gn:1880252', 'SG', 'city'));
  assert.equal(cityState!.entityId, 'kb:country:SGP', 'a city inside the state of its name is the state');
  const [unread] = linkEntities([georgia], new Map(), []);
  assert.equal(unread!.entityId, 'kb:country:GEO', 'no place read: the country');
});

test('link-entities › one generic institution name in two countries is two entities, each joined by its variants', () => {
  const org = (id: string, name: string, extra: Partial<DocEntity> = {}) => entity({ id, name, type: 'ORG', kind: 'government', mentionIds: [`m-${id}`], ...extra });
  const place = (i: number, countryCode: string): PlaceRef => ({ id: `p${i}`, start: i * 10, end: i * 10 + 5, text: 'Town', isResolved: true, countryCode });
  const manila = [1, 2, 3].map((i) => place(i, 'PH'));
  const [us] = linkEntities([org('e1', 'U.S. Senate')], new Map());
  const [ph] = linkEntities([org('e1', 'Philippine Senate')], new Map());
  const [ofThe] = linkEntities([org('e1', 'Senate of the Philippines')], new Map());
  assert.equal(ofThe!.entityId, 'org:sinati@PHL');
  const [bare] = linkEntities([org('e1', 'Senate')], new Map(), manila);
  const [ownMentions] = linkEntities([org('e1', 'Senate', { country: 'USA' })], new Map(), manila);
  assert.deepEqual([us!.entityId, ph!.entityId, bare!.entityId, ownMentions!.entityId], ['org:sinati@USA', 'org:sinati@PHL', 'org:sinati@PHL', 'org:sinati@USA']);
  assert.equal(bare!.country, 'PHL');
  assert.match(bare!.reason, /the article's places are in PHL/);
  assert.match(ownMentions!.reason, /its mentions say USA/);
});

test('link-entities › an institution stays unqualified when nothing, or something contrary, says which country', () => {
  const senate = entity({ id: 'e1', name: 'Senate', type: 'ORG', kind: 'government', mentionIds: ['m1'] });
  const kyiv = [1, 2, 3, 4].map((i): PlaceRef => ({ id: `p${i}`, start: i, end: i + 1, text: 'Kyiv', isResolved: true, countryCode: 'UA' }));
  const [alone] = linkEntities([senate], new Map());
  assert.equal(alone!.entityId, 'org:sinati', 'no country evidence: linked by name as before');
  const [fewPlaces] = linkEntities([senate], new Map(), kyiv.slice(0, 2));
  assert.equal(fewPlaces!.entityId, 'org:sinati', 'two places are too few to say');
  const usa = entity({ id: 'e2', name: 'United States', type: 'LOC', kind: 'state', kbId: 'country:USA' });
  const [aidStory] = linkEntities([senate, usa], new Map(), kyiv);
  assert.equal(aidStory!.entityId, 'org:sinati', 'the article names another state: its places do not decide');
  const [specific] = linkEntities([entity({ id: 'e1', name: 'State Department', type: 'ORG', kind: 'government' })], new Map(), kyiv);
  assert.equal(specific!.entityId, 'org:stati dipartmint', 'a name that is one country\'s own is not generic');
  const [company] = linkEntities([entity({ id: 'e1', name: 'Deutsche Bank', type: 'ORG', kind: 'company' })], new Map(), kyiv);
  assert.ok(!company!.entityId.includes('@'), 'a named bank is specific');
  const [usBank] = linkEntities([entity({ id: 'e1', name: 'U.S. Bank', type: 'ORG', kind: 'company' })], new Map());
  assert.ok(!usBank!.entityId.includes('@'), '"U.S. Bank" is a company, not a country\'s bank');
  const [central] = linkEntities([entity({ id: 'e1', name: 'Central Bank of Nigeria', type: 'ORG', kind: 'company' })], new Map());
  assert.equal(central!.entityId, 'org:cintral bank@NGA');
});
