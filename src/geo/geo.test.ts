import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAliases, parseRegions } from './build-gazetteer.js';
import { readCompiledGazetteer, serialiseGazetteer } from './compiled.js';
import { createGazetteer, distanceKm, lookupName, type GazetteerEntry } from './gazetteer.js';
import { countryHintsFromText, outletCountry } from './hints.js';
import { outletHomeNames, outletRegion } from './outlet.js';
import { placeKey, splitAdminWord, transliterationKey } from './normalise.js';
import { recogniseToponyms } from './recognise.js';
import { resolveToponyms } from './resolve.js';

function entry(id: string, name: string, kind: GazetteerEntry['kind'], lat: number, lon: number, countryCode: string, population = 0, admin1Code = '', featureCode = 'PPL'): GazetteerEntry {
  return { id, name, kind, featureCode, lat, lon, countryCode, admin1Code, admin2Code: '', population };
}

/** A small made-up world: two Springfields, a capital, a state, a country. */
const ENTRIES: GazetteerEntry[] = [
  entry('country:NV', 'Novaria', 'country', 10, 10, 'NV', 0, '', 'PCLI'),
  entry('admin1:NV.01', 'Westmark', 'admin1', 10, 9, 'NV', 2_000_000, '01', 'ADM1'),
  entry('gn:1', 'Port Elda', 'city', 10.1, 9.1, 'NV', 900_000, '01', 'PPLC'),
  entry('gn:2', 'Springfield', 'city', 10.2, 9.2, 'NV', 20_000, '01'),
  entry('gn:3', 'Springfield', 'city', -30, 120, 'ZZ', 25_000, '07'),
  entry('gn:4', 'Saint Anselm', 'city', 10.3, 9.3, 'NV', 40_000, '01'),
];
const gazetteer = createGazetteer(ENTRIES, [
  { name: 'Wm.', entryId: 'admin1:NV.01' },
  { name: 'Old Elda', entryId: 'gn:1' },
]);

test('geo › placeKey folds case, diacritics, dots and St./Mt. abbreviations', () => {
  assert.equal(placeKey('St. Petersburg'), 'saint petersburg');
  assert.equal(placeKey('SAINT-PETERSBURG'), 'saint petersburg');
  assert.equal(placeKey('Şanlıurfa'), placeKey('Sanliurfa'));
  assert.equal(placeKey('the Hague'), 'hague');
  assert.deepEqual(splitAdminWord('hatay province'), { core: 'hatay', adminWord: 'province' });
  assert.deepEqual(splitAdminWord('province of latakia'), { core: 'latakia', adminWord: 'province' });
  assert.equal(splitAdminWord('aleppo'), undefined);
});

test('geo › lookup finds names and aliases; a dotted abbreviation matches only with its dot', () => {
  assert.deepEqual(lookupName(gazetteer, 'St. Anselm').map((e) => e.id), ['gn:4']);
  assert.deepEqual(lookupName(gazetteer, 'Old Elda').map((e) => e.id), ['gn:1']);
  assert.deepEqual(lookupName(gazetteer, 'Wm.').map((e) => e.id), ['admin1:NV.01']);
  assert.deepEqual(lookupName(gazetteer, 'WM'), []);
  assert.equal(lookupName(gazetteer, 'Springfield').length, 2);
});

test('geo › the compiled form answers every lookup like the in-memory one', () => {
  const text = serialiseGazetteer(ENTRIES, [{ name: 'Wm.', entryId: 'admin1:NV.01' }, { name: 'Old Elda', entryId: 'gn:1' }], 'h1');
  const compiled = readCompiledGazetteer(text);
  for (const key of ['springfield', 'saint anselm', 'old elda', 'wm.', 'novaria', 'nowhere']) {
    assert.deepEqual(compiled.lookup(key).map((e) => e.id).sort(), gazetteer.lookup(key).map((e) => e.id).sort(), key);
  }
  assert.equal(compiled.country('NV')?.name, 'Novaria');
  assert.equal(compiled.admin1('NV', '01')?.name, 'Westmark');
  assert.deepEqual(compiled.lookup('port elda')[0], ENTRIES[2]);
});

test('geo › resolution uses context: Springfield next to Port Elda is the Novarian one', () => {
  const [spring] = resolveToponyms(gazetteer, [{ surface: 'Springfield' }, { surface: 'Port Elda' }]);
  assert.equal(spring?.entry?.id, 'gn:2');
  assert.equal(spring?.isResolved, true);
  const [alone] = resolveToponyms(gazetteer, [{ surface: 'Springfield' }]);
  assert.equal(alone?.isResolved, false);
  const [byContainer] = resolveToponyms(gazetteer, [{ surface: 'Springfield', container: 'Novaria' }]);
  assert.equal(byContainer?.entry?.id, 'gn:2');
  assert.equal(byContainer?.basis, 'container');
});

test('geo › distanceKm: one degree of latitude is about 111 km', () => {
  assert.ok(Math.abs(distanceKm(0, 0, 1, 0) - 111.2) < 0.5);
});

test('geo › the recogniser finds place names and skips persons, streets and sentence-initial words', () => {
  const text = 'Police in Port Elda said Anna Springfield, 40, lived on Springfield Road. Springfield later thanked them. The Port Elda Fire Department helped.';
  const found = recogniseToponyms(text, gazetteer).map((t) => `${t.text}@${t.start}`);
  assert.deepEqual(found, [`Port Elda@${text.indexOf('Port Elda')}`, `Port Elda@${text.lastIndexOf('Port Elda')}`]);
});

test('geo › demonyms in the text are country hints', () => {
  assert.deepEqual([...countryHintsFromText('Iranian and Syrian officials met two Iranians.')].sort(), [['IR', 2], ['SY', 1]]);
});

test('geo › malformed region lines fail loudly; aliases to unknown places are skipped', () => {
  assert.throws(() => parseRegions('Nowhere ; x ; 3 ; - ; region ; 0'), /malformed line "Nowhere/);
  assert.equal(parseRegions('Big Sea | Great Sea ; 1 ; 2 ; - ; region ; 0').names[0]?.name, 'Great Sea');
  assert.deepEqual(parseAliases('Old Name = Missing Town, NV [city]', () => []), []);
  assert.throws(() => parseAliases('no equals sign here', () => []), /malformed line/);
});

// Issue 16: a made-up town name shared by Italy and California, with real country codes (regions, borders).
const TWIN_TOWNS = createGazetteer([
  entry('country:AT', 'Austria', 'country', 47.5, 14.5, 'AT', 0, '', 'PCLI'),
  entry('country:FR', 'France', 'country', 46, 2, 'FR', 0, '', 'PCLI'),
  entry('country:DE', 'Germany', 'country', 51, 10, 'DE', 0, '', 'PCLI'),
  entry('country:NL', 'Netherlands', 'country', 52.5, 5.75, 'NL', 0, '', 'PCLI'),
  entry('country:US', 'United States', 'country', 39, -98, 'US', 0, '', 'PCLI'),
  entry('admin1:US.CA', 'California', 'admin1', 37, -120, 'US', 39_000_000, 'CA', 'ADM1'),
  entry('gn:it', 'Castelmare', 'city', 45.4, 12.3, 'IT', 51_000, '20', 'PPLA'),
  entry('gn:us', 'Castelmare', 'city', 34, -118.5, 'US', 40_000, 'CA', 'PPLX'),
], []);

test('geo › a town in an article of European places is the European one, though the US is named too (issue 16)', () => {
  const queries = ['Austria', 'France', 'Castelmare', 'Germany', 'Netherlands', 'United States'].map((surface) => ({ surface }));
  const castelmare = resolveToponyms(TWIN_TOWNS, queries)[2]!;
  assert.equal(castelmare.entry?.countryCode, 'IT');
  assert.equal(castelmare.isResolved, true);
});

test('geo › the same town in a US story that names its state is the US one (issue 16)', () => {
  const queries = ['United States', 'California', 'Castelmare', 'United States', 'France'].map((surface) => ({ surface }));
  assert.equal(resolveToponyms(TWIN_TOWNS, queries)[2]!.entry?.countryCode, 'US');
});

// Issue 16: two names that are each ambiguous, and one reading of the pair that puts them 150 km apart.
const PAIRS = createGazetteer([
  entry('gn:ath-gr', 'Lindos', 'city', 38, 23.7, 'GR', 300_000, 'I'),
  entry('gn:ath-us', 'Lindos', 'city', 33.96, -83.38, 'US', 116_000, 'GA'),
  entry('gn:aug-me', 'Merrow', 'city', 44.3, -69.8, 'US', 18_500, 'ME', 'PPLA'),
  entry('gn:aug-ga', 'Merrow', 'city', 33.47, -81.97, 'US', 43_000, 'GA'),
  entry('gn:aug-it', 'Merrow', 'city', 37.23, 15.22, 'IT', 30_000, '15'),
  entry('gn:far-us', 'Kellen', 'city', 47.6, -122.3, 'US', 20_000, 'WA'),
  entry('gn:far-ca', 'Kellen', 'city', 49.9, -97.1, 'CA', 20_000, '03'),
], []);

test('geo › two ambiguous names read together: the pair that sits 150 km apart in one state wins over the bigger namesakes (issue 16)', () => {
  const [lindos, merrow] = resolveToponyms(PAIRS, [{ surface: 'Lindos' }, { surface: 'Merrow' }]);
  assert.equal(lindos?.entry?.id, 'gn:ath-us');
  assert.equal(merrow?.entry?.id, 'gn:aug-ga');
  assert.equal(merrow?.isResolved, true);
});

test('geo › a namesake far from every reading of the other names lends no support (issue 16)', () => {
  const [lindos] = resolveToponyms(PAIRS, [{ surface: 'Lindos' }, { surface: 'Kellen' }]);
  assert.equal(lindos?.entry?.id, 'gn:ath-gr');
});

test('geo › the outlet country comes from a country-code domain used for its country, not from .com or vanity codes (issue 16)', () => {
  assert.equal(outletCountry('http://www.lfpress.ca/news/2009/04/01/story.html'), 'CA');
  assert.equal(outletCountry('https://www.thisisoxfordshire.co.uk/news/1'), 'GB');
  assert.equal(outletCountry('https://user@www.moscowtimes.ru:443/x'), 'RU');
  for (const url of ['http://www.dallasnews.com/x', 'https://bit.ly/abc', 'https://twitch.tv/x', 'https://example.eu/', 'localhost', 'file.ca', undefined]) {
    assert.equal(outletCountry(url), undefined, String(url));
  }
});

// Issue 16, the outlet's home town: three towns called Brennick, one of them a capital of millions.
const HOMES = createGazetteer([
  entry('country:US', 'United States', 'country', 39, -98, 'US', 0, '', 'PCLI'),
  entry('admin1:US.TX', 'Texas', 'admin1', 31.25, -99.25, 'US', 29_000_000, 'TX', 'ADM1'),
  entry('gn:bren-fr', 'Brennick', 'city', 48.85, 2.35, 'FR', 2_100_000, '11', 'PPLC'),
  entry('gn:bren-il', 'Brennick', 'city', 39.61, -87.7, 'US', 8_800, 'IL'),
  entry('gn:bren-tx', 'Brennick', 'city', 33.66, -95.55, 'US', 25_000, 'TX'),
  entry('gn:dole-il', 'Dolesk', 'city', 39.8, -87.9, 'US', 15_000, 'IL'),
  entry('gn:dole-gb', 'Dolesk', 'city', 52, -1, 'GB', 20_000, 'ENG'),
  entry('gn:mercury', 'Mercury', 'city', 36.66, -115.99, 'US', 1_200, 'NV'),
], []);

test('geo › the outlet home names come from a masthead address, never from a bare town or masthead words alone (issue 16)', () => {
  assert.deepEqual(outletHomeNames('https://www.brennickbeacon.com/news/1', HOMES), ['brennick']);
  assert.deepEqual(outletHomeNames('http://news.brennick.com/x', HOMES), ['brennick']);
  assert.deepEqual(outletHomeNames('http://www.the-brennick-daily-news.co.uk/', HOMES), ['brennick']);
  assert.deepEqual(outletHomeNames('http://www.brennickanddoleskherald.com/', HOMES), ['brennick', 'dolesk']);
  // A town name alone is also a company's address; "themercury" reads as masthead words before it reads as Mercury.
  for (const url of ['https://brennick.com/', 'https://www.themercury.com/', 'https://www.dailynews.com/', 'http://10.0.0.1/', undefined]) {
    assert.deepEqual(outletHomeNames(url, HOMES), [], String(url));
  }
});

test("geo › the outlet's home is the namesake the article's places sit near, and its bare name in the paper is that town (issue 16)", () => {
  const outlet = { homeNames: ['brennick'] };
  const [brennick] = resolveToponyms(HOMES, [{ surface: 'Brennick' }, { surface: 'Dolesk' }], new Map(), outlet);
  assert.equal(brennick?.entry?.id, 'gn:bren-il');
  assert.equal(brennick?.isResolved, true);
  // Without the outlet, the capital's prior wins; without a place beside it, the home stays unknown and changes nothing.
  assert.equal(resolveToponyms(HOMES, [{ surface: 'Brennick' }, { surface: 'Dolesk' }])[0]?.entry?.id, 'gn:bren-fr');
  assert.equal(resolveToponyms(HOMES, [{ surface: 'Brennick' }], new Map(), outlet)[0]?.entry?.id, 'gn:bren-fr');
  // A container written beside the name still decides.
  assert.equal(resolveToponyms(HOMES, [{ surface: 'Brennick', container: 'TX' }, { surface: 'Dolesk' }], new Map(), outlet)[0]?.entry?.id, 'gn:bren-tx');
});

test("geo › an outlet's region is the division most of its articles put places in, never one story's or a scattered outlet's (issue 16)", () => {
  const texas = { isResolved: true, countryCode: 'US', admin1: 'Texas', precision: 'city' };
  const country = { isResolved: true, countryCode: 'US', precision: 'country' };
  const other = { isResolved: true, countryCode: 'US', admin1: 'Ohio', precision: 'city' };
  assert.equal(outletRegion(HOMES, [[texas, texas], [texas, country], [texas], [other]])?.id, 'admin1:US.TX');
  // Two stories are too few, however many places they name; and a wire service that scatters has no region.
  assert.equal(outletRegion(HOMES, [[texas, texas, texas], [texas]]), undefined);
  assert.equal(outletRegion(HOMES, [[texas], [texas], [texas], [other], [other], [other], [other]]), undefined);
});

test("geo › the outlet's region weighs as a named division: Brennick in a Texas outlet's story is the Texas town (issue 16)", () => {
  const region = HOMES.admin1('US', 'TX');
  assert.equal(resolveToponyms(HOMES, [{ surface: 'Brennick' }], new Map(), { region })[0]?.entry?.id, 'gn:bren-tx');
  assert.equal(resolveToponyms(HOMES, [{ surface: 'Brennick' }])[0]?.entry?.id, 'gn:bren-fr');
});

test('geo › transliterationKey makes one key of the spellings of one Arabic or Persian name, and keeps other names apart (issue 16)', () => {
  const same: readonly (readonly [string, string])[] = [
    ['Abu Ghraib', 'Abū Ghurayb'],
    ['Fallujah', 'Al Fallūjah'],
    ['Al-Falluja', 'Fallujah'],
    ['Ramadi', 'Ar Ramādī'],
    ['Erbil', 'Irbil'],
    ['Deir ez-Zor', 'Dayr az Zawr'],
    ['Umm Qasr', 'Umm Kasr'],
    ['Baquba', 'Baqubah'],
  ];
  for (const [a, b] of same) assert.equal(transliterationKey(a), transliterationKey(b), `${a} / ${b}`);
  const apart: readonly (readonly [string, string])[] = [
    ['Abu Ghraib', 'Abu Gharaq'],
    ['Mosul', 'Basra'],
    ['Tikrit', 'Kirkuk'],
  ];
  for (const [a, b] of apart) assert.notEqual(transliterationKey(a), transliterationKey(b), `${a} / ${b}`);
  assert.equal(transliterationKey('Route 66'), undefined);
});
