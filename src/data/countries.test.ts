import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COUNTRIES, countriesByDemonym, countryByCode, countryByName, pluralDemonym } from './countries.js';

test('countries › the table has every world-countries entry with ISO codes, centroid and capital', () => {
  assert.equal(COUNTRIES.length, 250);
  const iran = countryByCode('IRN');
  assert.equal(iran?.alpha2, 'IR');
  assert.equal(iran?.capital, 'Tehran');
  assert.ok(iran && iran.lat > 25 && iran.lat < 40);
  assert.equal(countryByCode('sy')?.name, 'Syria');
  assert.ok(countryByCode('SY')?.borders.includes('TR'));
});

test('countries › names news uses: "the U.S.", "Britain", "Burma", "Ivory Coast", "Persia"', () => {
  const cases: [string, string][] = [['the U.S.', 'US'], ['U.S.', 'US'], ['Britain', 'GB'], ['Burma', 'MM'], ['Ivory Coast', 'CI'], ['Persia', 'IR'], ['Turkey', 'TR'], ['Syrian Arab Republic', 'SY']];
  for (const [name, code] of cases) assert.equal(countryByName(name)?.alpha2, code, name);
  assert.equal(countryByName('Springfield'), undefined);
});

test('countries › demonyms and their plurals lead to countries, independent states first', () => {
  const cases: [string, string][] = [['Iranian', 'IR'], ['Iranians', 'IR'], ['Syrians', 'SY'], ['Russian', 'RU'], ['Chinese', 'CN'], ['Israelis', 'IL'], ['British', 'GB'], ['Britons', 'GB'], ['Americans', 'US'], ['Dutch', 'NL'], ['Ecuadorian', 'EC'], ['Ecuadoreans', 'EC']];
  for (const [word, code] of cases) assert.equal(countriesByDemonym(word)[0]?.alpha2, code, word);
  assert.deepEqual(countriesByDemonym('Congolese').map((c) => c.alpha2).sort(), ['CD', 'CG']);
  assert.deepEqual(countriesByDemonym('us'), []);
  assert.deepEqual(pluralDemonym('Swiss'), ['Swiss']);
  assert.deepEqual(pluralDemonym('Pakistani'), ['Pakistanis']);
});

test('countries › abbreviations name a country only in capitals, and ISO codes that are words name none', () => {
  const cases: [string, string][] = [['US', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['the US', 'US'], ['UK', 'GB'], ['U.K.', 'GB'], ['UAE', 'AE'], ['United States of America', 'US'], ['the States', 'US'], ['United Kingdom', 'GB']];
  for (const [name, code] of cases) assert.equal(countryByName(name)?.alpha2, code, name);
  for (const word of ['us', 'Us', 'And', 'AND', 'SUR', 'can']) assert.equal(countryByName(word), undefined, word);
});
