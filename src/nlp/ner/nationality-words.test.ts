import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { categoryBit, createGazetteer } from './gazetteer.js';
import { nationalityWords } from './nationality-words.js';

const gazetteer = createGazetteer([
  ['Syrian', categoryBit('nationality')],
  ['Polish', categoryBit('nationality')],
  // A word that is a nationality and a place in the lists is left to the model.
  ['Monaco', categoryBit('nationality') | categoryBit('country')],
]);
const words = (line: string): string[] => line.split(' ');

describe('ner core › nationality words (issue 16)', () => {
  it('adds an untagged nationality adjective before a lower-case word as MISC ("sanctions on Syrian banks")', () => {
    const line = words('The Treasury imposed sanctions on Syrian banks .');
    const treasury = { start: 1, end: 2, type: 'ORG' as const };
    assert.deepEqual(nationalityWords(line, [treasury], gazetteer), [treasury, { start: 5, end: 6, type: 'MISC' }]);
  });

  it('leaves tagged words, names, sentence starts, all-capitals words and place names alone', () => {
    const army = words('Troops of the Syrian Army moved north .');
    assert.deepEqual(nationalityWords(army, [], gazetteer), []);
    const tagged = words('He joined the Syrian opposition .');
    const org = [{ start: 3, end: 5, type: 'ORG' as const }];
    assert.deepEqual(nationalityWords(tagged, org, gazetteer), org);
    assert.deepEqual(nationalityWords(words('Polish the silver first .'), [], gazetteer), []);
    assert.deepEqual(nationalityWords(words('BANKS HIT BY SYRIAN sanctions'), [], gazetteer), []);
    assert.deepEqual(nationalityWords(words('They flew to Monaco yesterday .'), [], gazetteer), []);
  });
});
