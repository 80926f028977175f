import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Source } from '../../model/index.js';
import { corroborate, originOf, type EventReport } from './corroborate.js';

const outlet = (name: string, entityId?: string): Source => ({ kind: 'outlet', name, ...(entityId ? { entityId } : {}) });
const anonymous = (name: string, extra: Partial<Source> = {}): Source => ({ kind: 'anonymous', name, ...extra });
const official = (name: string, entityId: string): Source => ({ kind: 'person', name, entityId });

const report = (r: Partial<EventReport> & Pick<EventReport, 'articleId'>): EventReport => ({
  syndicationGroup: r.articleId,
  chain: [],
  stance: 'asserted',
  ...r,
});

test('corroborate › a syndicated pair reporting in its own voice is one origin, not two', () => {
  const result = corroborate([
    report({ articleId: 'a1', syndicationGroup: 'wire-1', outlet: 'Meridian News Agency' }),
    report({ articleId: 'a2', syndicationGroup: 'wire-1', outlet: 'Gulf Courier' }),
  ]);
  assert.equal(result.origins.length, 1);
  assert.equal(result.status, 'single-source');
  assert.match(result.explanation, /1 independent origin.*1 repeat not counted/);
});

test('corroborate › outlets citing the same agency collapse onto it; a chain keeps its path in the label', () => {
  const chain = [outlet('Euphrates Post'), outlet('Sputnik', 'kb:sputnik'), anonymous('officer', { role: 'officer', nationality: 'IRQ' })];
  const first = originOf(report({ articleId: 'a1', outlet: 'Frontline Monitor', chain }));
  const second = originOf(report({ articleId: 'a2', outlet: 'Another Daily', chain: [outlet('Sputnik', 'kb:sputnik'), anonymous('officer', { role: 'officer', nationality: 'IRQ' })] }));
  assert.equal(first.key, second.key, 'the same unnamed officer relayed by Sputnik is one origin');
  assert.equal(first.isAnonymous, true);
  assert.equal(first.label, 'Frontline Monitor ← Euphrates Post ← Sputnik ← officer');
});

test('corroborate › two independent origins corroborate; a denial makes the event contested', () => {
  const reports = [
    report({ articleId: 'a1', outlet: 'Fox News', chain: [outlet('Fox News', 'kb:fox-news'), anonymous('intelligence sources', { count: 'multiple' })] }),
    report({ articleId: 'a2', outlet: 'Reuters', chain: [outlet('Reuters', 'kb:reuters'), anonymous('sources', { count: 3 })] }),
  ];
  const corroborated = corroborate(reports);
  assert.equal(corroborated.status, 'corroborated');
  assert.equal(corroborated.assertingOrigins, 2);
  assert.equal(corroborated.hasAnonymousOrigin, true);
  const contested = corroborate([...reports, report({ articleId: 'a3', outlet: 'TASS', chain: [official('Dmitry Peskov', 'kb:dmitry-peskov')], stance: 'denied' })]);
  assert.equal(contested.status, 'contested');
  assert.deepEqual(contested.denyingParties, ['Dmitry Peskov']);
  assert.match(contested.explanation, /^2 independent origins \(.*\); denied by Dmitry Peskov; relies in part on anonymous sources$/);
});

test('corroborate › only denials make the status denied; a named official is an origin of its own', () => {
  const denied = corroborate([report({ articleId: 'a1', chain: [official('Nasser Kanaani', 'per:nasir kanani')], stance: 'denied' })]);
  assert.equal(denied.status, 'denied');
  const named = originOf(report({ articleId: 'a1', outlet: 'X', chain: [official('Yusuf al-Jubouri', 'per:yusuf jubuuri')] }));
  assert.equal(named.key, 'source:per:yusuf jubuuri');
});

test('corroborate › a wire story and its copy quoting unnamed officials are one origin, flagged anonymous', () => {
  const result = corroborate([
    report({ articleId: 'a1', syndicationGroup: 'wire-1', outlet: 'Meridian News Agency' }),
    report({ articleId: 'a2', syndicationGroup: 'wire-1', outlet: 'Gulf Courier', chain: [anonymous('health officials', { count: 'multiple' })] }),
  ]);
  assert.equal(result.origins.length, 1);
  assert.equal(result.hasAnonymousOrigin, true);
});

test('corroborate › the article naming its own outlet at the head of a chain is still the article speaking', () => {
  const plain = originOf(report({ articleId: 'a1', outlet: 'Gulf Courier', chain: [anonymous('security officials')] }));
  const self = originOf(report({ articleId: 'a1', outlet: 'Gulf Courier', chain: [outlet('Gulf Courier'), anonymous('security officials')] }));
  assert.equal(plain.key, self.key);
});

test('corroborate › unnamed sources relayed by different outlets are not assumed to be the same people', () => {
  const a = originOf(report({ articleId: 'a1', outlet: 'Fox News', chain: [anonymous('officials')] }));
  const b = originOf(report({ articleId: 'a2', outlet: 'CNN', chain: [anonymous('officials')] }));
  assert.notEqual(a.key, b.key);
});
