import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { stormNames } from './storm-names.js';

const words = (line: string): string[] => line.split(' ');

describe('ner core › storm names (issue 16)', () => {
  it('reads the name after a storm word as the storm (MISC), on every mention of the page', () => {
    const doc = [words('Hurricane Marisol reached the coast on Monday .'), words('Marisol brought winds of 200 km/h .'), words('Governor Ann Lee spoke .')];
    const chunks = [[{ start: 1, end: 2, type: 'PER' as const }], [{ start: 0, end: 1, type: 'PER' as const }], [{ start: 1, end: 3, type: 'PER' as const }]];
    assert.deepEqual(stormNames(doc, chunks).map((list) => list.map((c) => c.type)), [['MISC'], ['MISC'], ['PER']]);
  });

  it('leaves the storm word out of a name tagged whole, and reads "Tropical Storm"', () => {
    const doc = [words('Typhoon Kalani hit Luzon .'), words('Tropical Storm Dara weakened .')];
    const result = stormNames(doc, [[{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }], [{ start: 2, end: 3, type: 'PER' }]]);
    assert.deepEqual(result, [[{ start: 1, end: 2, type: 'MISC' }, { start: 3, end: 4, type: 'LOC' }], [{ start: 2, end: 3, type: 'MISC' }]]);
  });

  it('changes nothing on a page with no storm word ("a storm of protest" is no storm\'s name)', () => {
    const doc = [words('Ann Lee faced a storm of protest .')];
    const chunks = [[{ start: 0, end: 2, type: 'PER' as const }]];
    assert.equal(stormNames(doc, chunks), chunks);
  });
});
