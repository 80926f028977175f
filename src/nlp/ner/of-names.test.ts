import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ofNames } from './of-names.js';
import { makeConsistent } from './tag-document.js';

const words = (line: string): string[] => line.split(' ');

describe('ner core › organisation names with "of"/"for" (issue 16)', () => {
  it('joins an organisation head, "of" and the place after it into one ORG', () => {
    const line = words('The Port Authority of Lagos raised its fees on Monday .');
    assert.deepEqual(ofNames(line, [{ start: 1, end: 3, type: 'ORG' }, { start: 4, end: 5, type: 'LOC' }]), [{ start: 1, end: 5, type: 'ORG' }]);
  });

  it('takes untagged capitalised words after "for" ("Coalition for Rural Schools")', () => {
    const line = words('A spokesman for the Coalition for Rural Schools said the vote was close .');
    assert.deepEqual(ofNames(line, [{ start: 4, end: 5, type: 'ORG' }]), [{ start: 4, end: 8, type: 'ORG' }]);
  });

  it('leaves a person or an organisation after the preposition as a name of its own', () => {
    const leader = words('the Farmers Party of Tomas Varga won two seats');
    const leaderChunks = [{ start: 1, end: 3, type: 'ORG' as const }, { start: 4, end: 6, type: 'PER' as const }];
    assert.equal(ofNames(leader, leaderChunks), leaderChunks);
    const titled = words('the Farmers Party of Prime Minister Tomas Varga');
    const titledChunks = [{ start: 1, end: 3, type: 'ORG' as const }, { start: 6, end: 8, type: 'PER' as const }];
    assert.equal(ofNames(titled, titledChunks), titledChunks);
    const venue = words('tickets at the Harbour Centre for Blue Lanterns tonight');
    const venueChunks = [{ start: 3, end: 5, type: 'LOC' as const }, { start: 6, end: 8, type: 'ORG' as const }];
    assert.equal(ofNames(venue, venueChunks), venueChunks);
  });

  it('needs the head last in the name ("Bank of Lagos" stays, "the Ministry of Health in Accra" keeps Accra a place)', () => {
    const line = words('the Ministry of Health in Accra said');
    const chunks = [{ start: 1, end: 4, type: 'ORG' as const }, { start: 5, end: 6, type: 'LOC' as const }];
    assert.equal(ofNames(line, chunks), chunks);
  });

  it('runs in the document rules, so a repeat of the joined name is tagged whole too', () => {
    const doc = [words('The Port Authority of Lagos raised its fees .'), words('Traders blamed the Port Authority of Lagos .')];
    const result = makeConsistent(doc, [[{ start: 1, end: 3, type: 'ORG' }, { start: 4, end: 5, type: 'LOC' }], [{ start: 3, end: 5, type: 'ORG' }, { start: 6, end: 7, type: 'LOC' }]]);
    assert.deepEqual(result, [[{ start: 1, end: 5, type: 'ORG' }], [{ start: 3, end: 7, type: 'ORG' }]]);
  });
});
