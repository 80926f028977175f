import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasDenialPhrase, reportStance } from './report-stance.js';

const DENIALS = [
  'the meeting did not happen',
  'no such meeting took place',
  'the raid never took place',
  'the ministry rejected the account as false',
  'the reports of a second strike are completely baseless',
  'that story is untrue',
];
const NOT_DENIALS = [
  'the army did not shell the town',
  'the service does not offer this feature',
  'the meeting will happen next week',
  'talks took place in Geneva on Monday',
  'the minister rejected the proposal',
];

for (const sentence of DENIALS) test(`report stance › "${sentence}" says the reported thing did not happen`, () => assert.equal(hasDenialPhrase(sentence), true));
for (const sentence of NOT_DENIALS) test(`report stance › "${sentence}" is no denial phrase`, () => assert.equal(hasDenialPhrase(sentence), false));

test('report stance › an assertion of a negated event is a negated mention; a denial stays a denial', () => {
  assert.equal(reportStance('asserted', 'negated'), 'negated');
  assert.equal(reportStance('speculated', 'negated'), 'negated');
  assert.equal(reportStance('denied', 'negated'), 'denied');
  assert.equal(reportStance('asserted', 'asserted'), 'asserted');
});
