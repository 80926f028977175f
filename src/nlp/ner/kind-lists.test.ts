import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { kindLists } from './kind-lists.js';

const words = (line: string): string[] => line.split(' ');

describe('ner core › names the page lists as products (issue 16)', () => {
  it('makes a "place" or "person" listed after "languages like" / "software such as" MISC on every mention', () => {
    const doc = [words('We write apps in languages like Swift or Zelkor .'), words('Zelkor compiles fast .'), words('Use software such as Brindle Cast , or Tamsin Vale .')];
    const chunks = [[{ start: 8, end: 9, type: 'LOC' as const }], [{ start: 0, end: 1, type: 'LOC' as const }], [{ start: 4, end: 6, type: 'PER' as const }, { start: 8, end: 10, type: 'PER' as const }]];
    assert.deepEqual(kindLists(doc, chunks).map((list) => list.map((c) => c.type)), [['MISC'], ['MISC'], ['MISC', 'MISC']]);
  });

  it('leaves organisations, and lists of people or places, as tagged', () => {
    const doc = [words('platforms like Facebook'), words('cities like Lagos and Accra'), words('writers like Ann Lee')];
    const chunks = [[{ start: 2, end: 3, type: 'ORG' as const }], [{ start: 2, end: 3, type: 'LOC' as const }, { start: 4, end: 5, type: 'LOC' as const }], [{ start: 2, end: 4, type: 'PER' as const }]];
    assert.deepEqual(kindLists(doc, chunks), chunks);
  });
});
