import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ISO2_TO_FIPS, fipsCountry } from '../data/fips-countries.js';
import { COUNTRIES } from '../data/countries.js';
import { goldstein } from '../data/cameo-goldstein.js';
import { BEIJING_PROTEST, FIXTURE_ENTITIES, GENEVA_ATTACK, readTsv } from './export-fixtures.js';
import { GDELT_COLUMNS, gdeltRow, toGdelt, type GdeltContext } from './gdelt.js';

const context: GdeltContext = {
  articles: new Map([
    ['a-early', { url: 'https://alpinewire.example/geneva-consulate', ingestedAt: '2024-03-06T09:15:00.000Z', leadEnd: 200 }],
    ['a-late', { url: 'https://lakecourier.example/2024/03/06/consulate', ingestedAt: '2024-03-06T10:30:00.000Z', leadEnd: 150 }],
    ['a-bj', { url: 'https://harbourdaily.example/beijing-wages', ingestedAt: '2024-04-12T11:00:00.000Z', leadEnd: 300 }],
  ]),
  entities: new Map(FIXTURE_ENTITIES.map((e) => [e.id, e])),
};

function exported(): Record<string, string>[] {
  const text = toGdelt([GENEVA_ATTACK, BEIJING_PROTEST].map((e, i) => gdeltRow(e, i, context)));
  return readTsv(text, 61).map((cells) => Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cells[i]!])));
}

describe('export › GDELT 2.0 event table', () => {
  test('has the 61 codebook columns, from GLOBALEVENTID to SOURCEURL, and no header row', () => {
    assert.equal(GDELT_COLUMNS.length, 61);
    assert.equal(GDELT_COLUMNS[0], 'GLOBALEVENTID');
    assert.equal(GDELT_COLUMNS[4], 'FractionDate');
    assert.equal(GDELT_COLUMNS[30], 'GoldsteinScale');
    assert.equal(GDELT_COLUMNS[39], 'Actor1Geo_ADM2Code');
    assert.deepEqual(GDELT_COLUMNS.slice(-2), ['DATEADDED', 'SOURCEURL']);
    const rows = exported();
    assert.equal(rows.length, 2, 'two events, two records, nothing else');
    assert.equal(rows[0]!['GLOBALEVENTID'], '1');
  });

  test('writes FIPS 10-4 countries: Geneva is SZ (not CH), Beijing is CH', () => {
    const [geneva, beijing] = exported();
    assert.equal(geneva!['ActionGeo_CountryCode'], 'SZ');
    assert.equal(geneva!['ActionGeo_FullName'], 'Geneva, Switzerland');
    assert.equal(geneva!['ActionGeo_Type'], '4', 'a world city');
    assert.equal(geneva!['ActionGeo_Lat'], '46.2');
    assert.equal(beijing!['ActionGeo_CountryCode'], 'CH');
  });

  test('takes Goldstein and QuadClass from the CAMEO code, and counts mentions, outlets and articles', () => {
    const [geneva, beijing] = exported();
    assert.deepEqual([geneva!['EventCode'], geneva!['EventBaseCode'], geneva!['EventRootCode']], ['1823', '182', '18']);
    assert.equal(geneva!['GoldsteinScale'], '-9.5');
    assert.equal(geneva!['QuadClass'], '4');
    assert.deepEqual([geneva!['NumMentions'], geneva!['NumSources'], geneva!['NumArticles']], ['3', '2', '2']);
    assert.equal(beijing!['GoldsteinScale'], '-6.5');
    assert.equal(beijing!['QuadClass'], '4');
  });

  test('names the earliest article by URL, dates the record by its last ingest, and codes actors the CAMEO way', () => {
    const [geneva] = exported();
    assert.equal(geneva!['SOURCEURL'], 'https://alpinewire.example/geneva-consulate');
    assert.equal(geneva!['DATEADDED'], '20240306103000');
    assert.equal(geneva!['SQLDATE'], '20240305');
    assert.equal(geneva!['FractionDate'], '2024.2603');
    assert.equal(geneva!['IsRootEvent'], '1', 'the first report states it in its lead');
    assert.deepEqual([geneva!['Actor1Code'], geneva!['Actor1CountryCode'], geneva!['Actor1Type1Code']], ['CHEREB', 'CHE', 'REB']);
    assert.deepEqual([geneva!['Actor2Name'], geneva!['Actor2Code']], ['SWISS ARMY', 'CHEMIL']);
  });

  test('codes actors known only by a CAMEO code from the code, and leaves the dates of an undated event empty', () => {
    const undated = { ...BEIJING_PROTEST, windowStart: '', windowEnd: '', datePrecision: 'range', actors: [{ id: 'code:---REB', name: 'code:---REB', role: 'source' as const }, { id: 'code:IGOUNO', name: 'code:IGOUNO', role: 'target' as const }] };
    const [cells] = readTsv(toGdelt([gdeltRow(undated, 0, context)]), 61);
    const row = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cells![i]!]));
    assert.deepEqual([row['Actor1Code'], row['Actor1Name'], row['Actor1CountryCode'], row['Actor1Type1Code']], ['REB', 'REBELS', '', 'REB']);
    assert.deepEqual([row['Actor2Code'], row['Actor2Type1Code'], row['Actor2Type2Code']], ['IGOUNO', 'IGO', 'UNO']);
    assert.deepEqual([row['SQLDATE'], row['MonthYear'], row['Year'], row['FractionDate']], ['', '', '', '']);
  });

  test('has a FIPS code or an explicit gap for every country we know, and no two countries share one', () => {
    for (const c of COUNTRIES) assert.ok(c.alpha2 in ISO2_TO_FIPS, `${c.alpha2} missing`);
    const codes = Object.values(ISO2_TO_FIPS).filter(Boolean);
    assert.equal(new Set(codes).size, codes.length);
    assert.deepEqual(['DE', 'GB', 'RU', 'AT', 'AU', 'IQ'].map((c) => fipsCountry(c)), ['GM', 'UK', 'RS', 'AU', 'AS', 'IZ']);
    assert.equal(fipsCountry('PS', 'Gaza City'), 'GZ');
  });

  test('weighs unknown sub-codes by their base code and refuses codes CAMEO lacks', () => {
    assert.equal(goldstein('0231'), 3.4);
    assert.equal(goldstein('057'), 8);
    assert.equal(goldstein('99'), undefined);
    assert.equal(goldstein(null), undefined);
  });
});
