import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim, EventMention } from '../../model/index.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { observeEvents } from './index.js';

const TEXT = 'Rockets struck outside Baghdad airport on Sunday, killing a guard. Iran denied that its officers had supervised the rocket attack. The Sputnik report said an adviser chose the site. The Kremlin denied the report.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

const strike: EventMention = {
  id: 'v1', evidence: at('Rockets struck outside Baghdad airport on Sunday, killing a guard.'), trigger: at('struck'), ploverType: 'ASSAULT', contexts: [],
  sources: [], targets: [], counts: { fatalities: 1 }, modality: 'asserted',
};
const consult: EventMention = {
  id: 'v2', evidence: at('The Sputnik report said an adviser chose the site.'), trigger: at('chose'), ploverType: 'CONSULT', contexts: [],
  sources: [], targets: [], counts: {}, modality: 'asserted',
};
const claim = (id: string, span: string, stance: Claim['stance'], name: string, extra: Partial<Claim> = {}): Claim => ({
  id, evidence: at(span), content: at(span), isDirectQuote: false, chain: [{ kind: 'organisation', name }], stance, isHedged: false, eventIds: [],
  cueLemma: stance === 'denied' ? 'deny' : stance === 'confirmed' ? 'confirm' : 'say', ...extra,
});

test('observe › an event stated in the article voice is one asserted report', () => {
  const doc = makeDoc({ text: TEXT, meta: { outlet: 'Gulf Courier', publishedAt: '2024-11-14' }, layers: { events: [strike], claims: [] } });
  const [observed] = observeEvents(doc, [], doc.id);
  assert.deepEqual(observed!.reports.map((r) => r.stance), ['asserted']);
  assert.equal(observed!.observation.publishedAt, '2024-11-14');
});

test('observe › a denial naming the kind of event answers the article\'s event of that type', () => {
  const denial = claim('c1', 'its officers had supervised the rocket attack', 'denied', 'Iran');
  const doc = makeDoc({ text: TEXT, layers: { events: [strike, consult], claims: [denial] } });
  const [ofStrike, ofConsult] = observeEvents(doc, [], doc.id);
  assert.deepEqual(ofStrike!.reports.map((r) => `${r.stance}:${r.chain[0]?.name ?? 'voice'}`), ['asserted:voice', 'denied:Iran']);
  assert.deepEqual(ofConsult!.reports.map((r) => r.stance), ['asserted']);
});

test('observe › "denied the report" answers the events of the claim it responds to', () => {
  const report = claim('c1', 'an adviser chose the site', 'asserted', 'Sputnik');
  const denial = claim('c2', 'the report', 'denied', 'Kremlin', { respondsToClaimId: 'c1' });
  const doc = makeDoc({ text: TEXT, layers: { events: [strike, consult], claims: [report, denial] } });
  const [ofStrike, ofConsult] = observeEvents(doc, [], doc.id);
  assert.deepEqual(ofConsult!.reports.map((r) => `${r.stance}:${r.chain[0]?.name}`), ['asserted:Sputnik', 'denied:Kremlin']);
  assert.deepEqual(ofStrike!.reports.map((r) => r.stance), ['asserted']);
});

// Stance rules (issue 15): what makes a report a denial, a confirmation or a negated mention.

const FEATURE = 'The streaming service does not offer offline downloads. Its chief executive said the company had not attacked rival platforms in court. The regulator said the meeting with the company did not happen.';
const inFeature = (s: string) => ({ start: FEATURE.indexOf(s), end: FEATURE.indexOf(s) + s.length });
const event = (id: string, trigger: string, sentence: string, modality: EventMention['modality'], ploverType = 'CONSULT'): EventMention => ({
  id, evidence: inFeature(sentence), trigger: inFeature(trigger), ploverType, contexts: [], sources: [], targets: [], counts: {}, modality,
});
const featureClaim = (id: string, content: string, stance: Claim['stance'], cueLemma: string, name: string): Claim => ({
  id, evidence: inFeature(content), content: inFeature(content), isDirectQuote: false, chain: [{ kind: 'person', name, role: name.split(' ').pop()! }], stance, isHedged: false, eventIds: [], cueLemma,
});

test('observe › a negated statement in the article voice is a negated mention, never a denial', () => {
  const offer = event('v1', 'offer', 'The streaming service does not offer offline downloads.', 'negated', 'PROVIDE');
  const doc = makeDoc({ text: FEATURE, meta: { outlet: 'Tech Ledger' }, layers: { events: [offer], claims: [] } });
  const [observed] = observeEvents(doc, [], doc.id);
  assert.deepEqual(observed!.reports.map((r) => r.stance), ['negated']);
});

test('observe › a quoted speaker saying an action did not take place is a negated mention, not a denial', () => {
  const attack = event('v1', 'attacked', 'Its chief executive said the company had not attacked rival platforms in court.', 'negated', 'ACCUSE');
  const said = featureClaim('c1', 'the company had not attacked rival platforms in court', 'asserted', 'say', 'chief executive');
  const doc = makeDoc({ text: FEATURE, layers: { events: [attack], claims: [said] } });
  const [observed] = observeEvents(doc, [], doc.id);
  assert.deepEqual(observed!.reports.map((r) => `${r.stance}:${r.chain[0]?.name}`), ['negated:chief executive']);
});

test('observe › "said the meeting did not happen" is a denial of the meeting by the speaker', () => {
  const meeting = event('v1', 'meeting', 'The regulator said the meeting with the company did not happen.', 'negated');
  const said = featureClaim('c1', 'the meeting with the company did not happen', 'asserted', 'say', 'the regulator');
  const doc = makeDoc({ text: FEATURE, layers: { events: [meeting], claims: [said] } });
  const [observed] = observeEvents(doc, [], doc.id);
  assert.deepEqual(observed!.reports.map((r) => r.stance), ['denied']);
});

test('observe › a claim marked denied without a denial verb or phrase counts as an assertion', () => {
  const meeting = event('v1', 'meeting', 'The regulator said the meeting with the company did not happen.', 'asserted');
  const odd: Claim = { ...featureClaim('c1', 'the meeting with the company', 'denied', 'say', 'the regulator') };
  const doc = makeDoc({ text: FEATURE, layers: { events: [meeting], claims: [odd] } });
  const [observed] = observeEvents(doc, [], doc.id);
  assert.deepEqual(observed!.reports.map((r) => r.stance), ['asserted']);
});

test('observe › a confirmation needs an affirming verb ("confirmed", "acknowledged", "admitted")', () => {
  const meeting = event('v1', 'meeting', 'The regulator said the meeting with the company did not happen.', 'asserted');
  const confirmed = featureClaim('c1', 'the meeting with the company', 'confirmed', 'acknowledge', 'the regulator');
  const doc = makeDoc({ text: FEATURE, layers: { events: [meeting], claims: [confirmed] } });
  assert.deepEqual(observeEvents(doc, [], doc.id)[0]!.reports.map((r) => r.stance), ['confirmed']);
  const notAVerb = makeDoc({ text: FEATURE, layers: { events: [meeting], claims: [{ ...confirmed, cueLemma: 'say' }] } });
  assert.deepEqual(observeEvents(notAVerb, [], notAVerb.id)[0]!.reports.map((r) => r.stance), ['asserted']);
});

test('observe › a wish is no report of the act it wishes for: the event stays in the article voice', () => {
  const text = 'Rockets struck outside Baghdad airport on Sunday. The militia wants to strike again before the vote.';
  const again: EventMention = { ...strike, id: 'v1', evidence: { start: 50, end: text.length }, trigger: { start: text.indexOf('strike again'), end: text.indexOf('strike again') + 6 } };
  const wish: Claim = {
    id: 'c1', evidence: { start: 50, end: text.length }, content: { start: text.indexOf('to strike'), end: text.length - 1 }, isDirectQuote: false,
    chain: [{ kind: 'organisation', name: 'The militia' }], stance: 'asserted', kind: 'desire', isHedged: false, eventIds: [], cueLemma: 'want',
  };
  const [observed] = observeEvents(makeDoc({ text, layers: { events: [again], claims: [wish] } }), [], 'g');
  assert.deepEqual(observed!.reports.map((r) => r.chain.map((s) => s.name)), [[]], 'no report through the militia');
});
