import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translitKey } from '../../kb/names.js';
import type { DocEntity, PlaceRef } from '../../model/index.js';
import { checkPersonType, checkPlaceType } from './entity-type.js';
import { linkEntities, type KnownEntity } from './index.js';

const person = (name: string, extra: Partial<DocEntity> = {}): DocEntity =>
  ({ id: 'e1', name, type: 'PER', kind: 'person', mentionIds: ['m1'], aliases: [], roles: [], references: [], ...extra });

test('entity type › names of people stay people: particles, initials, hyphens, Mc/O\' and Roman numerals', () => {
  for (const name of ['Kwame Mensah-Bonsu', 'Ursula von der Leyen', 'Michael J. Fox', "Conan O'Brien", 'Leonardo DiCaprio', 'Charles III', 'Ana de la Cruz', 'Jean-Luc Picard']) {
    assert.equal(checkPersonType(person(name)), undefined, name);
  }
});

test('entity type › products, companies, buttons, headings and citations tagged as people are not people', () => {
  const cases: [string, string, RegExp][] = [
    ['Join Google', 'MISC', /heading or button/],
    ['Check Amazon', 'MISC', /heading or button/],
    ['Velvet Cloud Cleanser', 'MISC', /"Cleanser", a thing's word/],
    ['Google Cloud', 'MISC', /"Cloud", a thing's word/],
    ['Pierce St.', 'MISC', /"St.", a thing's word/],
    ['Harwell Blvd', 'MISC', /"Blvd", a thing's word/],
    ['Solomon R Guggenheim Museum', 'ORG', /an organisation's word/],
    ['Gethin R The', 'MISC', /function word/],
    ['PKO GitHub', 'MISC', /acronym|brand/],
    ['LinkedIn', 'MISC', /brand/],
    ['Windows 11', 'MISC', /digit/],
    ['Z', 'MISC', /one letter/],
  ];
  for (const [name, type, why] of cases) {
    const decision = checkPersonType(person(name));
    assert.equal(decision?.type, type, name);
    assert.match(decision!.why, why, name);
  }
});

test('entity type › one word is a person with a title, a role or a pronoun for it, and not otherwise', () => {
  assert.equal(checkPersonType(person('Android'))?.type, 'MISC');
  assert.equal(checkPersonType(person('Okonkwo', { aliases: ['Mrs Okonkwo'] })), undefined, 'a title');
  assert.equal(checkPersonType(person('Okonkwo', { references: [{ start: 0, end: 2, text: 'she', rule: 'pronoun' } as unknown as DocEntity['references'][number]] })), undefined, 'a pronoun');
  assert.equal(checkPersonType(person('Okonkwo', { roles: [{ title: 'minister', evidence: { start: 0, end: 8 } }] })), undefined, 'a role');
});

test('entity type › a bare surname shared by known people needs its own evidence; one nobody has is not a person', () => {
  const known: KnownEntity = { id: 'per:maria ukunkuu', name: 'Maria Okonkwo', type: 'PER', country: null, isSurnameOnly: false };
  const other: KnownEntity = { ...known, id: 'per:chidi ukunkuu', name: 'Chidi Okonkwo' };
  const [bare] = linkEntities([person('Okonkwo', { aliases: ['Ms Okonkwo'] })], new Map([[translitKey('Okonkwo'), [known, other]]]));
  assert.equal(bare!.type, 'PER');
  // Stored "people" sharing a name are no evidence: on web pages they are often products tagged as persons.
  const [unsupported] = linkEntities([person('Okonkwo')], new Map([[translitKey('Okonkwo'), [known, other]]]));
  assert.equal(unsupported!.type, 'MISC');
  const [brand] = linkEntities([person('Kajabi')], new Map());
  assert.deepEqual([brand!.entityId.split(':')[0], brand!.type], ['misc', 'MISC']);
  assert.match(brand!.reason, /typed MISC, not PER: not a person's name \(one word with no title, role or pronoun for it\)/);
});

test('entity type › a country\'s name is the state whatever the tagger said, unless it is also a common given name', () => {
  const [japan] = linkEntities([person('Japan')], new Map());
  assert.deepEqual([japan!.entityId, japan!.type, japan!.kind], ['kb:country:JPN', 'LOC', 'state']);
  assert.match(japan!.reason, /not PER: the name of a country/);
  const [jordan] = linkEntities([person('Jordan', { aliases: ['Mr Jordan'] })], new Map());
  assert.equal(jordan!.type, 'PER');
});

test('entity type › a place the gazetteer looked at and resolved nowhere is not a place, nor a name shaped like a product', () => {
  const loc = (name: string): DocEntity => ({ ...person(name), type: 'LOC', kind: 'place' });
  const unresolved: PlaceRef = { id: 'p1', start: 0, end: 6, text: 'Amazon', mentionId: 'm1', isResolved: false };
  assert.match(checkPlaceType(loc('Amazon'), false, [unresolved])!.why, /gazetteer resolved none of its mentions/);
  assert.equal(checkPlaceType(loc('Amazon'), false, []), undefined, 'never looked at: the tagger\'s type stays');
  assert.equal(checkPlaceType(loc('DuckDB'), false)?.type, 'MISC');
  assert.equal(checkPlaceType(loc('Tokyo'), true), undefined, 'resolved by the gazetteer');
  assert.equal(checkPlaceType(loc('Bay Area'), false, [{ ...unresolved, text: 'Bay Area' }]), undefined, 'a place word');
  assert.equal(checkPlaceType(loc('Modern Area'), false)?.type, 'MISC', 'a heading word first');
});

test('entity type › a "person" named on an organisation or product of the same article is a thing; the founder of a namesake company is not', () => {
  const org = (name: string, type: DocEntity['type'] = 'ORG'): DocEntity => ({ ...person(name), id: `o-${name}`, type, kind: 'organisation' });
  const editor = person('Lumenix Draw', { mentionIds: ['m1', 'm2', 'm3'] });
  const [drawn] = linkEntities([editor, org('Lumenix Studio Suite')], new Map());
  assert.deepEqual([drawn!.type, drawn!.entityId], ['MISC', `misc:${translitKey('Lumenix Draw')}`]);
  assert.match(drawn!.reason, /first word is also the first of "Lumenix Studio Suite"/);
  const [same] = linkEntities([person('Corvane Linux'), org('Corvane Linux')], new Map());
  assert.equal(same!.type, 'ORG', 'the same name tagged ORG in the article');
  const founder = person('Hiram Castell', { mentionIds: ['m1', 'm2'] });
  const [kept] = linkEntities([founder, org('Hiram Castell Company')], new Map());
  assert.equal(kept!.type, 'PER', 'a company named after the person');
  const [painter] = linkEntities([person('Van Rijsen'), org('Van Rijsens')], new Map());
  assert.notEqual(painter!.reason.includes('first word is also'), true, 'a shared particle is no evidence');
  const [spoken] = linkEntities([person('Lumenix', { references: [{ start: 0, end: 3, text: 'she', rule: 'pronoun' }] }), org('Lumenix Studio Suite')], new Map());
  assert.equal(spoken!.type, 'PER', 'a pronoun for every mention is a person');
});

test('entity type › one stray pronoun among many mentions, a pronoun in capitals or a closing letter is no person evidence', () => {
  const mentions = Array.from({ length: 20 }, (_, i) => `m${i}`);
  const she = { start: 0, end: 3, text: 'she', rule: 'pronoun' as const };
  assert.equal(checkPersonType(person('Velora', { mentionIds: mentions, references: [she] }))?.type, 'MISC');
  assert.equal(checkPersonType(person('Velora', { mentionIds: mentions.slice(0, 4), references: [she] })), undefined);
  assert.equal(checkPersonType(person('Velora', { references: [{ ...she, text: 'HE' }] }))?.type, 'MISC');
  assert.equal(checkPersonType(person('Generation Z'))?.type, 'MISC');
  assert.equal(checkPersonType(person('Centre Pompidou'))?.type, 'MISC');
  assert.equal(checkPersonType(person('Lingora Japanese'))?.type, 'MISC');
  assert.equal(checkPersonType(person('Bill English', { aliases: ['Mr English'] })), undefined, 'a surname that is a nationality, with a title');
  assert.equal(checkPersonType(person('Lake Bunyonyi'))?.type, 'MISC');
  assert.equal(checkPersonType(person('Park Ji-sung')), undefined, 'a Korean surname first');
  assert.equal(checkPersonType(person('Michael J Fox')), undefined, 'a middle initial');
});

test('entity type › the corpus decides a "person" stored as an organisation elsewhere, or named after one (issue 16)', () => {
  const types = new Map([
    [translitKey('Lantern Guard'), [{ type: 'ORG', mentions: 9, articles: 3 }, { type: 'PER', mentions: 2, articles: 1 }]],
    [translitKey('Brightloom'), [{ type: 'ORG', mentions: 14, articles: 5 }]],
    [translitKey('Tessa Brightloom'), []],
    [translitKey('Nadia Okafor'), [{ type: 'ORG', mentions: 2, articles: 1 }]],
  ]);
  const lantern = checkPersonType(person('Lantern Guard', { mentionIds: ['m1', 'm2'] }), [], types);
  assert.equal(lantern?.type, 'ORG');
  assert.match(lantern!.why, /the corpus names "Lantern Guard" as ORG in 3 articles/);
  const product = checkPersonType(person('Brightloom Echo'), [], new Map([[translitKey('Brightloom'), types.get(translitKey('Brightloom'))!]]));
  assert.equal(product?.type, 'MISC');
  assert.match(product!.why, /named after "Brightloom", an organisation/);
  // A person named like the firm keeps the type when the article says person; thin evidence decides nothing.
  const she = [{ start: 0, end: 3, text: 'she', rule: 'pronoun' }] as unknown as DocEntity['references'];
  assert.equal(checkPersonType(person('Brightloom Echo', { references: she }), [], types), undefined);
  assert.equal(checkPersonType(person('Nadia Okafor'), [], types), undefined, 'two ORG mentions in one article are not evidence');
  assert.equal(checkPersonType(person('Lantern Guard'), [], new Map()), undefined, 'no corpus, no change');
});

test('entity type › "Gen Z" is no surname to join a known person by (issue 16)', () => {
  const known = new Map<string, KnownEntity[]>([['z', [{ id: 'per:giniratiun z', name: 'Generation Z', type: 'PER', country: null, isSurnameOnly: false }]]]);
  const [link] = linkEntities([person('Gen Z')], known);
  assert.equal(link!.type, 'MISC');
  assert.notEqual(link!.entityId, 'per:giniratiun z');
});

test('entity type › prepositions, "Ask …" buttons, hyphenated function words and "… Brands" are not names (issue 16)', () => {
  assert.equal(checkPersonType(person('Among Rivals'))?.type, 'MISC');
  assert.equal(checkPersonType(person('Ask Marlowe'))?.type, 'MISC');
  assert.equal(checkPersonType(person('Vextra Not-For-Profit'))?.type, 'MISC');
  assert.equal(checkPersonType(person('Copperline Brands'))?.type, 'ORG');
  assert.equal(checkPersonType(person('Anna-Lena Forsberg')), undefined, 'a double-barrelled first name stays a name');
});
