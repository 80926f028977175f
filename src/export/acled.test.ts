import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MergedEventDetail } from '../store/store.js';
import { ACLED_COLUMNS, acledRow, acledType, type AcledContext } from './acled.js';
import { toCsv } from './csv.js';
import { BEIJING_PROTEST, FIXTURE_ENTITIES, GENEVA_ATTACK, readCsv } from './export-fixtures.js';

const context: AcledContext = {
  entities: new Map(FIXTURE_ENTITIES.map((e) => [e.id, e])),
  admin1Of: (place) => ({ Geneva: 'Geneva', Beijing: 'Beijing' } as Record<string, string>)[place.name],
};

/** A statement: ACLED codes no such event. */
const STATEMENT: MergedEventDetail = { ...GENEVA_ATTACK, id: 'ev-statement', ploverType: 'CONSULT', cameo: '042', summary: 'The foreign minister visited Bern on Tuesday.' };

/** Shelling of a village by an unnamed party, killing civilians. */
const SHELLING: MergedEventDetail = {
  ...GENEVA_ATTACK, id: 'ev-shelling', cameo: '194', place: { name: 'Kharkiv', lat: 49.99, lon: 36.23, countryCode: 'UA' }, actors: [],
  summary: 'Artillery fire hit a market in Kharkiv on Sunday, killing four people, the regional governor said.',
  countAlternatives: { fatalities: { '4': ['a-early'] } }, observations: GENEVA_ATTACK.observations.map((o) => ({ ...o, outlet: 'Reuters' })),
};

function exported(): Record<string, string>[] {
  const rows = [GENEVA_ATTACK, BEIJING_PROTEST, STATEMENT, SHELLING].map((e) => acledRow(e, context)).filter((r) => r !== undefined);
  const [header, ...records] = readCsv(toCsv(ACLED_COLUMNS, rows));
  assert.deepEqual(header, [...ACLED_COLUMNS]);
  return records.map((cells) => Object.fromEntries(header!.map((c, i) => [c, cells[i]!])));
}

describe('export › ACLED-like table', () => {
  test("parses as RFC 4180 with ACLED's columns and leaves out events ACLED does not code", () => {
    const rows = exported();
    assert.deepEqual(rows.map((r) => r['event_id_cnty']), ['CHE-ev-geneva', 'CHN-ev-beijing', 'UKR-ev-shelling']);
  });

  test('codes an armed group attacking soldiers as a battle between rebels and state forces', () => {
    const geneva = exported()[0]!;
    assert.deepEqual([geneva['disorder_type'], geneva['event_type'], geneva['sub_event_type']], ['Political violence', 'Battles', 'Armed clash']);
    assert.deepEqual([geneva['actor1'], geneva['inter1'], geneva['actor2'], geneva['inter2'], geneva['interaction']], ['Rhône Cell', '2', 'Swiss Army', '1', '12']);
    assert.deepEqual([geneva['iso'], geneva['country'], geneva['admin1'], geneva['location']], ['756', 'Switzerland', 'Geneva', 'Geneva']);
    assert.equal(geneva['fatalities'], '2', 'the lowest credible toll');
    assert.equal(geneva['notes'], GENEVA_ATTACK.summary);
    assert.deepEqual([geneva['source'], geneva['source_scale']], ['Alpine Wire; Lake Courier', 'Other']);
  });

  test('names demonstrators "Protesters (Country)" with who they were as associated actors', () => {
    const beijing = exported()[1]!;
    assert.deepEqual([beijing['disorder_type'], beijing['event_type'], beijing['sub_event_type']], ['Demonstrations', 'Protests', 'Peaceful protest']);
    assert.deepEqual([beijing['actor1'], beijing['assoc_actor_1'], beijing['inter1'], beijing['interaction']], ['Protesters (China)', 'factory workers', '6', '60']);
    assert.deepEqual([beijing['iso'], beijing['time_precision']], ['156', '2']);
  });

  test('codes shelling by an unnamed party as explosions by an unidentified armed group, reported internationally', () => {
    const shelling = exported()[2]!;
    assert.deepEqual([shelling['event_type'], shelling['sub_event_type']], ['Explosions/Remote violence', 'Shelling/artillery/missile attack']);
    assert.deepEqual([shelling['actor1'], shelling['inter1'], shelling['fatalities'], shelling['iso']], ['Unidentified Armed Group (Ukraine)', '3', '4', '804']);
    assert.equal(shelling['source_scale'], 'International');
  });

  test('names actors known only by a CAMEO code the ACLED way: "Military Forces of Syria" against an unidentified armed group', () => {
    const clash: MergedEventDetail = {
      ...GENEVA_ATTACK, id: 'ev-aleppo', cameo: '190', windowStart: '', windowEnd: '', datePrecision: 'range',
      place: { name: 'Aleppo', lat: 36.2, lon: 37.16, countryCode: 'SY' },
      summary: 'The Syrian army clashed with rebels near Aleppo, a military spokesman said.',
      actors: [{ id: 'code:SYRMIL', name: 'code:SYRMIL', role: 'source' }, { id: 'code:---REB', name: 'code:---REB', role: 'target' }],
    };
    const row = acledRow(clash, context)!;
    assert.deepEqual([row['event_type'], row['sub_event_type']], ['Battles', 'Armed clash']);
    assert.deepEqual([row['actor1'], row['inter1'], row['actor2'], row['inter2'], row['interaction']], ['Military Forces of Syria', 1, 'Unidentified Armed Group (Syria)', 3, 13]);
    assert.deepEqual([row['event_date'], row['year'], row['time_precision']], ['', '', 3], 'an undated event has no year 0');
  });

  test('maps CAMEO sub-codes by their longest listed prefix and falls back on the PLOVER type', () => {
    assert.deepEqual(acledType({ cameo: '1831', ploverType: 'ASSAULT' }), ['Explosions/Remote violence', 'Suicide bomb']);
    assert.deepEqual(acledType({ cameo: '1832', ploverType: 'ASSAULT' }), ['Explosions/Remote violence', 'Remote explosive/landmine/IED']);
    assert.deepEqual(acledType({ cameo: '1452', ploverType: 'PROTEST' }), ['Riots', 'Violent demonstration']);
    assert.deepEqual(acledType({ cameo: null, ploverType: 'PROTEST' }), ['Protests', 'Peaceful protest']);
    assert.equal(acledType({ cameo: '112', ploverType: 'ACCUSE' }), undefined);
  });
});
