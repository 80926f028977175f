import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim } from '../../model/index.js';
import type { ReportStance } from '../corroborate/index.js';
import { claimStance, hasDenialPhrase, reportStance } from './report-stance.js';

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

const claimOf = (text: string, content: string, cueLemma: string | undefined, stance: Claim['stance'] = 'denied'): Claim => ({
  id: 'c1', evidence: { start: 0, end: text.length }, content: { start: text.indexOf(content), end: text.indexOf(content) + content.length }, isDirectQuote: false,
  chain: [{ kind: 'organisation', name: 'Defence Ministry' }], stance, isHedged: false, eventIds: [], ...(cueLemma ? { cueLemma } : {}),
});

const STANCES: readonly [string, string, string | undefined, ReportStance][] = [
  ['The ministry denied that its troops shelled the town.', 'that its troops shelled the town', 'deny', 'denied'],
  ['The ministry rejected accusations that its troops shelled the town.', 'accusations that its troops shelled the town', 'reject', 'denied'],
  ['The ministry dismissed the reports of shelling.', 'the reports of shelling', 'dismiss', 'denied'],
  ['The judge rejected fair use for AI training.', 'fair use for AI training', 'reject', 'asserted'],
  ['The club dismissed its coach after the defeat.', 'its coach after the defeat', 'dismiss', 'asserted'],
  ['The ministry, denying the report, said no shells were fired.', 'no shells were fired', undefined, 'denied'],
  ['The ministry said the shells came from the north.', 'the shells came from the north', 'say', 'asserted'],
];
for (const [text, content, cue, expected] of STANCES) {
  test(`report stance › "${text}" reports with stance ${expected}`, () => assert.equal(claimStance(claimOf(text, content, cue), text), expected));
}
