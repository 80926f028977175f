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
  id, evidence: at(span), content: at(span), isDirectQuote: false, chain: [{ kind: 'organisation', name }], stance, isHedged: false, eventIds: [], ...extra,
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
