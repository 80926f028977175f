import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildKnowledgeBase, countryActors, type KbActor } from '../../kb/knowledge-base.js';
import type { DocEntity } from '../../model/index.js';
import { createResources } from '../../pipeline/stage.js';
import { findMentions, makeDoc, naiveSentences } from '../../../test/helpers/make-doc.js';
import { createEntitiesStage, KNOWLEDGE_BASE } from './index.js';

// A small actor file of our own, in the shipped format.
const ACTORS: KbActor[] = [
  { id: 'islamic-state', name: 'Islamic State', type: 'ORG', kind: 'armed-group', aliases: ['ISIS', 'ISIL', 'IS', 'Daesh'], roles: [] },
  { id: 'quds-force', name: 'Quds Force', type: 'ORG', kind: 'military-unit', country: 'IRN', aliases: ['Qods Force', 'al-Quds Force'], roles: [] },
];
const kb = buildKnowledgeBase([...countryActors(), ...ACTORS]);
const stage = createEntitiesStage();

function entitiesOf(text: string, forms: Parameters<typeof findMentions>[1]): DocEntity[] {
  const doc = makeDoc({ text, layers: { sentences: naiveSentences(text), mentions: findMentions(text, forms) } });
  return [...stage.run(doc, { publishedAt: '2024-11-14', resources: createResources({ [KNOWLEDGE_BASE]: kb }) })];
}

function byName(entities: DocEntity[], name: string): DocEntity {
  const found = entities.find((e) => e.name === name);
  assert.ok(found, `no entity named ${name}; got ${entities.map((e) => e.name).join(', ')}`);
  return found;
}

const HADDAD = [
  'Brig. Gen. Kassem Haddad, commander of the Quds Force, arrived in Homs on Monday, officials said.',
  'Haddad met local commanders for three hours.',
  'Later the general toured the front line, and he promised reinforcements.',
  "Gen. Haddad's convoy left before dusk.",
].join(' ');

test('entities › title + name, surname only, possessive, "the general" and "he" are one person with a role', () => {
  const entities = entitiesOf(HADDAD, [['Brig. Gen. Kassem Haddad', 'PER'], ['Haddad', 'PER'], ["Gen. Haddad's", 'PER'], ['Quds Force', 'ORG'], ['Homs', 'LOC']]);
  const haddad = byName(entities, 'Kassem Haddad');
  assert.equal(haddad.mentionIds.length, 3);
  assert.deepEqual(haddad.references.map((r) => r.text), ['the general', 'he']);
  assert.ok(haddad.roles.some((r) => r.title === 'commander' && r.organisation === 'Quds Force'), JSON.stringify(haddad.roles));
  assert.equal(entities.filter((e) => e.type === 'PER').length, 1);
});

test('entities › transliteration variants merge: Soleimani / Suleimani, Quds / Qods / al-Quds', () => {
  const text = 'Qassem Soleimani was seen in Aleppo. Reports said Suleimani was lightly hurt. The Qods Force denied it, and a spokesman for the al-Quds Force said nothing more.';
  const entities = entitiesOf(text, [['Qassem Soleimani', 'PER'], ['Suleimani', 'PER'], ['Qods Force', 'ORG'], ['al-Quds Force', 'ORG'], ['Aleppo', 'LOC']]);
  assert.equal(byName(entities, 'Qassem Soleimani').mentionIds.length, 2);
  const quds = byName(entities, 'Quds Force');
  assert.equal(quds.kbId, 'quds-force');
  assert.equal(quds.mentionIds.length, 2);
  assert.equal(quds.country, 'IRN');
});

test('entities › acronyms and aliases of one group are one entity: ISIS, ISIL, IS, Islamic State, Daesh', () => {
  const text = 'Fighters of the Islamic State attacked the town. ISIS claimed the raid; Kurdish officials blamed Daesh. Analysts say IS and ISIL are the same group.';
  const entities = entitiesOf(text, [['Islamic State', 'ORG'], ['ISIS', 'ORG'], ['Daesh', 'ORG'], ['IS', 'ORG'], ['ISIL', 'ORG'], ['Kurdish', 'MISC']]);
  const group = byName(entities, 'Islamic State');
  assert.equal(group.mentionIds.length, 5);
  assert.equal(group.kind, 'armed-group');
});

test('entities › an acronym defined in the text joins its expansion', () => {
  const text = 'The Syrian Observatory for Human Rights reported the strike. The SOHR said 12 people died.';
  const entities = entitiesOf(text, [['Syrian Observatory for Human Rights', 'ORG'], ['SOHR', 'ORG']]);
  assert.equal(entities.length, 1);
  assert.equal(entities[0]!.mentionIds.length, 2);
  assert.equal(entities[0]!.country, 'SYR');
});

test('entities › "Russian President Vladimir Putin" gives Putin a role and a nationality; countries link to the KB', () => {
  const text = 'Russian President Vladimir Putin spoke with Iran on Tuesday. Putin later left Moscow.';
  const entities = entitiesOf(text, [['Vladimir Putin', 'PER'], ['Putin', 'PER'], ['Iran', 'LOC'], ['Moscow', 'LOC']]);
  const putin = byName(entities, 'Vladimir Putin');
  assert.equal(putin.mentionIds.length, 2);
  assert.equal(putin.country, 'RUS');
  assert.ok(putin.roles.some((r) => r.title === 'president'));
  const iran = byName(entities, 'Iran');
  assert.equal(iran.kbId, 'country:IRN');
  assert.equal(iran.kind, 'state');
});

test('entities › a demonym used for people points at its country', () => {
  const text = 'Iranian officers were seen near the airport.';
  const [iranian] = entitiesOf(text, [['Iranian', 'MISC']]);
  assert.equal(iranian!.kbId, 'country:IRN');
  assert.equal(iranian!.kind, 'nationality');
});

test('entities › tenure and period roles are read with their dates', () => {
  const text = 'Haddad has led since 2019 as commander of its Desert Brigade. Mohammad Bagheri, former chief of the general staff (July 2012–January 2018), was not there.';
  const entities = entitiesOf(text, [['Haddad', 'PER'], ['Desert Brigade', 'ORG'], ['Mohammad Bagheri', 'PER']]);
  const haddad = byName(entities, 'Haddad');
  assert.ok(haddad.roles.some((r) => r.title === 'commander' && r.from === '2019' && r.organisation === 'Desert Brigade'), JSON.stringify(haddad.roles));
  const bagheri = byName(entities, 'Mohammad Bagheri');
  assert.ok(bagheri.roles.some((r) => r.title === 'former chief of the general staff' && r.from === '2012-07' && r.to === '2018-01'), JSON.stringify(bagheri.roles));
});

test('entities › two different people who share a surname stay apart', () => {
  const text = 'Omar Haddad, a farmer, lost his house. Separately, Leila Haddad, a lawyer in Beirut, filed the complaint.';
  const entities = entitiesOf(text, [['Omar Haddad', 'PER'], ['Leila Haddad', 'PER'], ['Beirut', 'LOC']]);
  assert.equal(entities.filter((e) => e.type === 'PER').length, 2);
});

test('entities › a bare surname goes to the most recently mentioned of two namesakes', () => {
  const text = 'Omar Haddad left early. Leila Haddad stayed to testify. Haddad told the court she had seen the fire.';
  const entities = entitiesOf(text, [['Omar Haddad', 'PER'], ['Leila Haddad', 'PER'], ['Haddad', 'PER']]);
  assert.equal(byName(entities, 'Leila Haddad').mentionIds.length, 2);
  assert.equal(byName(entities, 'Omar Haddad').mentionIds.length, 1);
});

test('entities › "the group" needs a fitting antecedent and is left alone without one', () => {
  const withGroup = entitiesOf('Hezbollah Front fighters crossed at dawn. The group later withdrew.', [['Hezbollah Front', 'ORG']]);
  assert.equal(withGroup[0]!.references.length, 1);
  const without = entitiesOf('The Ministry of Health reported 40 deaths. The group later withdrew.', [['Ministry of Health', 'ORG']]);
  assert.equal(without[0]!.references.length, 0);
});

test('entities › "its" points back at the most recent organisation', () => {
  const text = 'Meridian Airways cancelled 40 flights on Friday. Its chief executive blamed a strike.';
  const [airline] = entitiesOf(text, [['Meridian Airways', 'ORG']]);
  assert.deepEqual(airline!.references.map((r) => r.text), ['Its']);
});

test('entities › a shouted dateline does not become the display name', () => {
  const text = 'ALEPPO, Syria — Shelling hit Aleppo overnight. Residents of Aleppo fled.';
  const [aleppo] = entitiesOf(text, [['ALEPPO', 'LOC'], ['Aleppo', 'LOC']]);
  assert.equal(aleppo!.name, 'Aleppo');
  assert.equal(aleppo!.mentionIds.length, 3);
});

test('entities › a seat of government tagged as a place links to its government actor', () => {
  const kbWithKremlin = buildKnowledgeBase([...countryActors(), { id: 'kremlin', name: 'Kremlin', type: 'ORG', kind: 'government', country: 'RUS', aliases: ['the Kremlin'], roles: [] }]);
  const text = 'The Kremlin denied the report on Friday.';
  const doc = makeDoc({ text, layers: { sentences: naiveSentences(text), mentions: findMentions(text, [['Kremlin', 'LOC']]) } });
  const [kremlin] = stage.run(doc, { publishedAt: undefined, resources: createResources({ [KNOWLEDGE_BASE]: kbWithKremlin }) });
  assert.equal(kremlin!.kbId, 'kremlin');
  assert.equal(kremlin!.kind, 'government');
});

test('entities › USA, U.S., US, United States, America and "the States" in one article are one state, linked by its code', () => {
  const text = [
    'The USA and Mexico signed the border accord on Tuesday.',
    'U.S. negotiators said the United States would fund two crossings, and US officials in Mexico City agreed.',
    'The treaty binds the United States of America for ten years; critics in America called it costly.',
    'Tell us what you think, a Mexican senator said, adding that the States had waited too long.',
  ].join(' ');
  const entities = entitiesOf(text, [['USA', 'LOC'], ['Mexico', 'LOC'], ['U.S.', 'MISC'], ['United States', 'LOC'], ['US', 'ORG'], ['Mexico City', 'LOC'], ['United States of America', 'LOC'], ['America', 'LOC'], ['States', 'LOC'], ['Mexican', 'MISC']]);
  const usa = entities.filter((e) => e.kbId === 'country:USA');
  assert.equal(usa.length, 1, entities.map((e) => `${e.name}:${e.kbId}`).join(', '));
  assert.equal(usa[0]!.mentionIds.length, 7);
  assert.equal(usa[0]!.kind, 'state');
  assert.equal(usa[0]!.country, 'USA');
});

test('entities › UK, U.K., Britain, Great Britain and United Kingdom are one state', () => {
  const text = 'Britain raised its tariff on steel. The UK trade office said the United Kingdom had no choice; U.K. mills welcomed it, and exporters in Great Britain were relieved.';
  const entities = entitiesOf(text, [['Britain', 'LOC'], ['UK', 'ORG'], ['United Kingdom', 'LOC'], ['U.K.', 'MISC'], ['Great Britain', 'LOC']]);
  assert.equal(entities.length, 1, entities.map((e) => e.name).join(', '));
  assert.equal(entities[0]!.kbId, 'country:GBR');
  assert.equal(entities[0]!.mentionIds.length, 5);
});

test('entities › "Us" in a magazine title and "States" without its article do not link to the United States', () => {
  const text = 'Us Weekly ran the photos on Monday. Ministers of the Gulf States met in Riyadh.';
  const entities = entitiesOf(text, [['Us', 'ORG'], ['States', 'LOC'], ['Riyadh', 'LOC']]);
  for (const name of ['Us', 'States']) assert.equal(byName(entities, name).kbId, undefined, name);
  assert.equal(byName(entities, 'Us').country, undefined);
});

// The knowledge base of the shipped format with a person whose one-word aliases are also common first names or surnames.
const PEOPLE: KbActor[] = [
  { id: 'qassem-soleimani', name: 'Qassem Soleimani', type: 'PER', kind: 'person', country: 'IRN', aliases: ['Qasem Soleimani', 'Soleimani', 'Souleymane'], roles: [] },
];
const peopleKb = buildKnowledgeBase([...countryActors(), ...PEOPLE]);

function entitiesWith(knowledge: typeof kb, text: string, forms: Parameters<typeof findMentions>[1]): DocEntity[] {
  const doc = makeDoc({ text, layers: { sentences: naiveSentences(text), mentions: findMentions(text, forms) } });
  return [...stage.run(doc, { publishedAt: '2024-11-14', resources: createResources({ [KNOWLEDGE_BASE]: knowledge }) })];
}

test('entities › a one-word alias does not hijack: "Souleymane" in a film review is not Qassem Soleimani', () => {
  const review = 'In the film, Souleymane delivers meals across Paris on a borrowed bicycle. Souleymane has two days to prepare his asylum interview.';
  const entities = entitiesWith(peopleKb, review, [['Souleymane', 'PER'], ['Paris', 'LOC']]);
  const souleymane = byName(entities, 'Souleymane');
  assert.equal(souleymane.kbId, undefined);
  assert.equal(souleymane.country, undefined);
});

test('entities › a surname alias links when the same article names the actor in full', () => {
  const news = 'Qasem Soleimani arrived in Baghdad on Thursday. Soleimani met militia leaders at the airport.';
  const entities = entitiesWith(peopleKb, news, [['Qasem Soleimani', 'PER'], ['Soleimani', 'PER'], ['Baghdad', 'LOC']]);
  const general = entities.find((e) => e.kbId === 'qassem-soleimani');
  assert.ok(general, entities.map((e) => e.name).join(', '));
  assert.equal(general.mentionIds.length, 2);
  const alone = entitiesWith(peopleKb, 'Soleimani, a baker in Marseille, opened a second shop.', [['Soleimani', 'PER'], ['Marseille', 'LOC']]);
  assert.equal(byName(alone, 'Soleimani').kbId, undefined, 'a surname alone names no one in particular');
});

test('entities › a name variant with a disagreeing type does not link: a place called "Soleimani" is not the general', () => {
  const text = 'Qassem Soleimani was praised at a rally. Later the crowd marched to Soleimani Square, near the Soleimani district.';
  const entities = entitiesWith(peopleKb, text, [['Qassem Soleimani', 'PER'], ['Soleimani Square', 'LOC'], ['Soleimani', 'LOC']]);
  assert.equal(entities.filter((e) => e.kbId === 'qassem-soleimani').length, 1);
  for (const e of entities.filter((x) => x.type === 'LOC')) assert.equal(e.kbId, undefined, e.name);
});

test('entities › a country is a state everywhere: "Japan" tagged once as a person and once as an actor is one LOC state', () => {
  const text = 'Japan said on Monday it would raise rice imports. Officials in Tokyo said Japan had no other choice, and Japanese farmers protested.';
  const entities = entitiesOf(text, [['Japan', 'PER'], ['Tokyo', 'LOC'], ['Japanese', 'MISC']]);
  // The first "Japan" is tagged ORG and the second PER, as web-text NER does.
  const mixed = findMentions(text, [['Japan', 'PER'], ['Tokyo', 'LOC'], ['Japanese', 'MISC']]).map((m, i) => (i === 0 ? { ...m, type: 'ORG' as const } : m));
  const doc = makeDoc({ text, layers: { sentences: naiveSentences(text), mentions: mixed } });
  const resolved = [...stage.run(doc, { publishedAt: '2024-11-14', resources: createResources({ [KNOWLEDGE_BASE]: kb }) })];
  const japan = resolved.filter((e) => e.name === 'Japan');
  assert.equal(japan.length, 1, resolved.map((e) => `${e.name}:${e.type}`).join(', '));
  assert.equal(japan[0]!.type, 'LOC');
  assert.equal(japan[0]!.kind, 'state');
  assert.equal(japan[0]!.mentionIds.length, 3, 'both names and the nationality "Japanese"');
  assert.equal(entities.filter((e) => e.type === 'PER').length, 0, 'with "Japanese" in the article, a "Japan" tagged PER is the state');
});

test('entities › a person whose surname is a country keeps it: "Michael Jordan" and a later "Jordan" stay a person', () => {
  const text = 'Michael Jordan visited Jordan in March. Jordan met students in Amman.';
  const entities = entitiesOf(text, [['Michael Jordan', 'PER'], ['Amman', 'LOC']]);
  const mentions = findMentions(text, [['Michael Jordan', 'PER'], ['Jordan', 'PER'], ['Amman', 'LOC']]).map((m) => (m.start === text.indexOf('Jordan in') ? { ...m, type: 'LOC' as const } : m));
  const doc = makeDoc({ text, layers: { sentences: naiveSentences(text), mentions } });
  const resolved = [...stage.run(doc, { publishedAt: '2024-11-14', resources: createResources({ [KNOWLEDGE_BASE]: kb }) })];
  assert.equal(byName(resolved, 'Michael Jordan').mentionIds.length, 2);
  assert.equal(byName(resolved, 'Jordan').kbId, 'country:JOR');
  assert.equal(entities.length, 2);
});

test('entities › a company short name joins its one full name; a country or a second full name keeps it apart', () => {
  const text = [
    'Tarrow Inc. said on Tuesday it would cut 400 jobs at its plant in Leeds.',
    'Tarrow has struggled since the merger with Holm Vestergaard, and Holm says more cuts may follow.',
    'Qatar Airways ordered ten jets, a deal that Qatar welcomed.',
  ].join(' ');
  const entities = entitiesOf(text, [['Tarrow Inc.', 'ORG'], ['Tarrow', 'ORG'], ['Holm Vestergaard', 'ORG'], ['Holm', 'ORG'], ['Qatar Airways', 'ORG'], ['Qatar', 'ORG'], ['Leeds', 'LOC']]);
  assert.equal(byName(entities, 'Tarrow Inc').mentionIds.length, 2);
  assert.equal(byName(entities, 'Holm Vestergaard').mentionIds.length, 2);
  assert.equal(byName(entities, 'Qatar Airways').mentionIds.length, 1, 'the state is no short name of its airline');
  const ambiguous = entitiesOf('Corran Music and Corran Records split in 2019; Corran kept the catalogue.', [['Corran Music', 'ORG'], ['Corran Records', 'ORG'], ['Corran', 'ORG']]);
  assert.equal(ambiguous.length, 3, 'two full names extend "Corran": it joins neither');
  const foundation = entitiesOf('The Pell Foundation funds schools. Pell, the carmaker, does not.', [['Pell Foundation', 'ORG'], ['Pell', 'ORG']]);
  assert.equal(foundation.length, 2, 'a foundation is its own body, not the short name\'s');
});

test('entities › a mention span with an apposition, a bracket or a descriptor is named by its name', () => {
  const text = [
    'Singapore Airlines (SIA) took delivery of the jet in Toulouse.',
    'SIA will fly it to Sydney. German airline Lufthansa ordered four, and Lufthansa may order more.',
    'Marta Okonjo, minister of transport for Kenya, welcomed the order; Okonjo said so in Nairobi.',
  ].join(' ');
  const entities = entitiesOf(text, [
    ['Singapore Airlines (SIA)', 'ORG'], ['SIA', 'ORG'], ['German airline Lufthansa', 'ORG'], ['Lufthansa', 'ORG'],
    ['Marta Okonjo, minister of transport for Kenya', 'PER'], ['Okonjo', 'PER'], ['Toulouse', 'LOC'], ['Sydney', 'LOC'], ['Nairobi', 'LOC'],
  ]);
  assert.equal(byName(entities, 'Singapore Airlines').mentionIds.length, 2);
  assert.equal(byName(entities, 'Lufthansa').mentionIds.length, 2);
  assert.equal(byName(entities, 'Marta Okonjo').mentionIds.length, 2);
});

test('entities › "the GAO" and "The EU" join their expansions', () => {
  const text = 'The Government Accountability Office upheld the protest. The GAO said the European Union had not objected; the EU declined to comment.';
  const entities = entitiesOf(text, [['Government Accountability Office', 'ORG'], ['The GAO', 'ORG'], ['European Union', 'LOC'], ['the EU', 'LOC']]);
  assert.equal(byName(entities, 'Government Accountability Office').mentionIds.length, 2);
  assert.equal(byName(entities, 'European Union').mentionIds.length, 2);
});

test('entities › a "person" named by the article\'s own common words is a thing; a person with a pronoun keeps the type', () => {
  const text = [
    'Toasted Barley Tea is easy to make at home. Toasted Barley Tea needs only roasted grains and water.',
    'Steep the barley tea for five minutes. Dana Whitfield, who runs a cafe in Leeds, says tea drinkers love it.',
    'Whitfield learned the recipe from her aunt. HE SAID, SHE SAID is the cafe\'s quiz night.',
  ].join(' ');
  const entities = entitiesOf(text, [['Toasted Barley Tea', 'PER'], ['Dana Whitfield', 'PER'], ['Whitfield', 'PER'], ['Leeds', 'LOC']]);
  assert.equal(byName(entities, 'Toasted Barley Tea').type, 'MISC');
  const dana = byName(entities, 'Dana Whitfield');
  assert.equal(dana.type, 'PER');
  assert.deepEqual(dana.references.map((r) => r.text), ['her'], 'pronouns in capitals are a heading, not a reference');
});

test('entities › a "person" the text handles as a product is a thing: "download Lantern Guard", "a Pebble Hub" (issue 16)', () => {
  const text = [
    'Lantern Guard is our pick for travellers. Download Lantern Guard on up to five devices; the Lantern Guard app blocks trackers.',
    'A smart home starts with a Pebble Hub on the shelf. Pebble Hub 2.1 added support for door sensors.',
  ].join(' ');
  const entities = entitiesOf(text, [['Lantern Guard', 'PER'], ['Pebble Hub', 'PER']]);
  assert.equal(byName(entities, 'Lantern Guard').type, 'MISC');
  assert.equal(byName(entities, 'Pebble Hub').type, 'MISC');
});

test('entities › a person named beside a thing-word stays a person when the text also treats them as one (issue 16)', () => {
  const text = [
    'Priya Raman built the Tallyboard app in her garage. "We never planned a company," Raman said.',
    'Users of the Raman app are mostly teachers. Jonah Adeyemi 2.0 is what fans call his comeback; Jonah Adeyemi scored 25.3 points a game.',
  ].join(' ');
  const entities = entitiesOf(text, [['Priya Raman', 'PER'], ['Raman', 'PER'], ['Jonah Adeyemi', 'PER'], ['Tallyboard', 'ORG']]);
  assert.equal(byName(entities, 'Priya Raman').type, 'PER', '"Raman said" and "her" say person, whatever "the Raman app" says');
  assert.equal(byName(entities, 'Jonah Adeyemi').type, 'PER', 'one version-like figure among pronouns is not enough, and "25.3 points" is a statistic');
});

test('entities › no role from "headquartered", a job title around the name, a verb "head" or "a leader in" a market (issue 16)', () => {
  const text = [
    'Quillmark, headquartered in Leeds, sells ledgers. The firm hired a Chief Data Officer last year.',
    'Tallyboard, a leader in classroom software, grew fast. For courses from Ashcombe, head to our guide.',
    'Ines Valdor, head of research at Quillmark, said sales rose.',
  ].join(' ');
  const entities = entitiesOf(text, [['Quillmark', 'PER'], ['Data', 'PER'], ['Tallyboard', 'PER'], ['Ashcombe', 'PER'], ['Ines Valdor', 'PER']]);
  for (const name of ['Quillmark', 'Data', 'Tallyboard', 'Ashcombe']) assert.deepEqual(byName(entities, name).roles, [], name);
  assert.equal(byName(entities, 'Ines Valdor').roles[0]?.title, 'head');
});

test('entities › a "person" defined as a thing ("X is a unified analytics engine") is a thing; "a software engineer" is a person (issue 16)', () => {
  const text = [
    'Harbor Sparkle is a unified analytics engine for large datasets. Teams run Harbor Sparkle on clusters.',
    'Mina Torvald is a software engineer in Oslo. Mina Torvald wrote the first connector.',
  ].join(' ');
  const entities = entitiesOf(text, [['Harbor Sparkle', 'PER'], ['Mina Torvald', 'PER'], ['Oslo', 'LOC']]);
  assert.equal(byName(entities, 'Harbor Sparkle').type, 'MISC');
  assert.equal(byName(entities, 'Mina Torvald').type, 'PER');
});

test('entities › a "person" a sentence opens as a business ("An insurance provider for 160 years, X offers") is a thing; "A veteran lawyer, X" is a person (issue 16)', () => {
  const text = [
    'An insurance provider for over 160 years, Harlow Mutual offers three travel plans. Harlow Mutual has a 14-day refund.',
    'A veteran lawyer, Dana Okoro took the case. Dana Okoro won it in March.',
  ].join(' ');
  const entities = entitiesOf(text, [['Harlow Mutual', 'PER'], ['Dana Okoro', 'PER']]);
  assert.equal(byName(entities, 'Harlow Mutual').type, 'MISC');
  const listing = 'Best Budget Hammock: Larkfield Drift ($75). Best Trail Shoe: Corvin Ridge 19 ($150). The Larkfield Drift packs small.';
  const products = entitiesOf(listing, [['Larkfield Drift', 'PER'], ['Corvin Ridge', 'PER']]);
  assert.equal(byName(products, 'Larkfield Drift').type, 'MISC', 'a price in brackets after the name');
  assert.equal(byName(products, 'Corvin Ridge').type, 'MISC', 'a model number, then the price');
  assert.equal(byName(entities, 'Dana Okoro').type, 'PER');
});

test('entities › "a Damien Hirst painting": a person\'s name before a noun keeps the person (issue 16)', () => {
  const text = 'The collector sliced a Marisol Quenby painting into squares. Marisol Quenby was not amused.';
  const entities = entitiesOf(text, [['Marisol Quenby', 'PER']]);
  assert.equal(byName(entities, 'Marisol Quenby').type, 'PER');
});

test('entities › a pronoun goes to the nearest person of its gender, by an earlier pronoun or an honorific (issue 14)', () => {
  const text = 'Daniel Okafor met Grace Mbeki in Lagos. She said he had promised new roads. Later he left.';
  const entities = entitiesOf(text, [['Daniel Okafor', 'PER'], ['Grace Mbeki', 'PER'], ['Lagos', 'LOC']]);
  assert.deepEqual(byName(entities, 'Grace Mbeki').references.map((r) => r.text), ['She']);
  assert.deepEqual(byName(entities, 'Daniel Okafor').references.map((r) => r.text), ['he', 'he']);
  const titled = 'Mr. Tomas Reyes spoke first. She disagreed with everything.';
  const reyes = byName(entitiesOf(titled, [['Tomas Reyes', 'PER']]), 'Tomas Reyes');
  assert.deepEqual(reyes.references, [], 'an unresolved "she" rather than the man called Mr.');
});

test('entities › a pronoun after a person named only by a role ("his attorney") is not given to the named person before it (issue 14)', () => {
  // The attorney's "her" made Tobin a woman, and every later "he" went elsewhere.
  const text = 'Marcus Tobin was charged on Monday. Tobin\'s attorney said her client would plead not guilty. He remains in custody.';
  const tobin = byName(entitiesOf(text, [['Marcus Tobin', 'PER'], ['Tobin', 'PER']]), 'Marcus Tobin');
  assert.deepEqual(tobin.references.map((r) => r.text), ['He'], '"her" is left unresolved; "He" is Tobin');
  const named = 'Marcus Tobin was charged on Monday. His attorney, Ruth Calder, said she would appeal.';
  assert.deepEqual(byName(entitiesOf(named, [['Marcus Tobin', 'PER'], ['Ruth Calder', 'PER']]), 'Ruth Calder').references.map((r) => r.text), ['she'], 'a role with a name in apposition is that named person');
  const curly = 'Marcus Tobin was charged on Monday. Ruth Calder, Tobin’s attorney, said her client would appeal. He stayed silent.';
  assert.deepEqual(byName(entitiesOf(curly, [['Marcus Tobin', 'PER'], ['Tobin', 'PER'], ['Ruth Calder', 'PER']]), 'Marcus Tobin').references.map((r) => r.text), ['He'], 'a typographic apostrophe is a possessive too');
  const wife = 'Daniel Okafor thanked his wife at the rally. He promised new roads.';
  assert.deepEqual(byName(entitiesOf(wife, [['Daniel Okafor', 'PER']]), 'Daniel Okafor').references.map((r) => r.text), ['his', 'He'], 'a wife cannot be "he"');
});

test('entities › a title of one gender gives it as an honorific does: "he" is not the Queen, "she" not the King (issue 14)', () => {
  const text = 'Queen Amara Velasco opened the new bridge on Monday. Crowds cheered as he arrived late. She thanked the engineers.';
  const queen = byName(entitiesOf(text, [['Amara Velasco', 'PER']]), 'Amara Velasco');
  assert.deepEqual(queen.references.map((r) => r.text), ['She'], 'the "he" is left unresolved');
  const congress = 'Congresswoman Leila Haddad met the mayor. He promised more buses, and she said the plan was late.';
  assert.deepEqual(byName(entitiesOf(congress, [['Leila Haddad', 'PER']]), 'Leila Haddad').references.map((r) => r.text), ['she']);
  const lowerCase = 'Officials did not miss Tomas Reyes at the briefing. He was travelling.';
  assert.deepEqual(byName(entitiesOf(lowerCase, [['Tomas Reyes', 'PER']]), 'Tomas Reyes').references.map((r) => r.text), ['He'], 'a lower-case "miss" is a verb, not a title');
});
