import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventTitle } from './event-title.js';

test('event title › actor, action, target, place and date, not the whole sentence (issue 18)', () => {
  assert.equal(eventTitle({
    ploverType: 'ASSAULT', actors: [{ name: 'US forces', role: 'source' }, { name: 'Qassem Soleimani', role: 'target' }],
    place: { name: 'Baghdad' }, windowStart: '2020-01-03', windowEnd: '2020-01-03',
  }), 'US forces attacked Qassem Soleimani — Baghdad, Fri 3 Jan 2020');
});

test('event title › without an actor, a noun; without place or date, no dash; code actors arrive named', () => {
  assert.equal(eventTitle({ ploverType: 'CONSULT', actors: [{ name: 'Iran government', role: 'target' }], place: { name: 'Tehran' }, windowStart: '', windowEnd: '' }), 'Talks with Iran government — Tehran');
  assert.equal(eventTitle({ ploverType: 'PROTEST', actors: [], place: null, windowStart: '', windowEnd: '' }), 'Protest');
  assert.equal(eventTitle({ ploverType: 'ASSAULT', actors: [{ name: 'rebels', role: 'source' }], place: null, windowStart: '2024-11', windowEnd: '2024-11-30' }), 'Rebels attacked — Nov 2024 – Sat 30 Nov 2024');
});

test('event title › an actor listed twice is named once; many actors are counted', () => {
  const actors = [{ name: 'A', role: 'source' as const }, { name: 'A', role: 'source' as const }, { name: 'B', role: 'target' as const }, { name: 'C', role: 'target' as const }, { name: 'D', role: 'target' as const }];
  assert.equal(eventTitle({ ploverType: 'ACCUSE', actors, place: null, windowStart: '', windowEnd: '' }), 'A accused B, C and one other');
});
