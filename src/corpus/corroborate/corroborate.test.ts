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

const person = (name: string, extra: Partial<Source> = {}): Source => ({ kind: 'person', name, ...extra });

// Origins (issue 15): one article is one line of evidence, copies and citations are not independent.

test('corroborate › an outlet and the "I" it quotes are one origin: one article never corroborates', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'The Shooting Star' }),
    report({ articleId: 'a1', outlet: 'The Shooting Star', chain: [person('I')] }),
  ]);
  assert.equal(result.origins.length, 1);
  assert.equal(result.assertingOrigins, 1);
  assert.equal(result.status, 'single-source');
  assert.match(result.explanation, /^1 independent origin \(The Shooting Star\); 1 repeat not counted$/);
});

test('corroborate › a minister quoted only by one article is part of that article\'s line, not a second origin', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'Gulf Courier' }),
    report({ articleId: 'a1', outlet: 'Gulf Courier', chain: [official('Samir Aziz', 'per:samir aziz')] }),
    report({ articleId: 'a1', outlet: 'Gulf Courier', chain: [anonymous('officials', { role: 'official', count: 'multiple' })] }),
  ]);
  assert.equal(result.origins.length, 1);
  assert.equal(result.status, 'single-source');
  assert.deepEqual(result.origins[0]!.articleIds, ['a1']);
});

test('corroborate › two articles quoting the same minister are one origin: the minister', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'Gulf Courier', chain: [official('Samir Aziz', 'per:samir aziz')] }),
    report({ articleId: 'a2', outlet: 'Levant Daily', chain: [official('Samir Aziz', 'per:samir aziz')] }),
  ]);
  assert.equal(result.assertingOrigins, 1);
  assert.equal(result.status, 'single-source');
  assert.match(result.explanation, /Samir Aziz/);
});

test('corroborate › a minister quoted by two outlets and a third outlet in its own voice are two origins', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'Gulf Courier', chain: [official('Samir Aziz', 'per:samir aziz')] }),
    report({ articleId: 'a2', outlet: 'Levant Daily', chain: [official('Samir Aziz', 'per:samir aziz')] }),
    report({ articleId: 'a3', outlet: 'Harbour Times' }),
  ]);
  assert.equal(result.assertingOrigins, 2);
  assert.equal(result.status, 'corroborated');
});

test('corroborate › an article citing another outlet for the event relays it: one origin', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'Meridian News Agency' }),
    report({ articleId: 'a2', outlet: 'Gulf Courier' }),
    report({ articleId: 'a2', outlet: 'Gulf Courier', chain: [outlet('Meridian News Agency')] }),
  ]);
  assert.equal(result.assertingOrigins, 1);
  assert.equal(result.status, 'single-source');
});

test('corroborate › two articles from one outlet are one origin; two independent outlets corroborate', () => {
  const same = corroborate([report({ articleId: 'a1', outlet: 'Harbour Times' }), report({ articleId: 'a2', outlet: 'Harbour Times' })]);
  assert.equal(same.assertingOrigins, 1);
  const two = corroborate([report({ articleId: 'a1', outlet: 'Harbour Times' }), report({ articleId: 'a2', outlet: 'Levant Daily' })]);
  assert.equal(two.assertingOrigins, 2);
  assert.equal(two.status, 'corroborated');
});

test('corroborate › a fragment at the root of a chain falls back to the article\'s own voice', () => {
  const fragment = originOf(report({ articleId: 'a1', outlet: 'Campus Weekly', chain: [person('you may have to finish one of more exams')] }));
  const voice = originOf(report({ articleId: 'a1', outlet: 'Campus Weekly' }));
  assert.equal(fragment.key, voice.key);
  assert.equal(fragment.label, 'Campus Weekly');
});

test('corroborate › unnamed "sources" with nothing to tell them apart are the relaying outlet speaking', () => {
  const bare = originOf(report({ articleId: 'a1', outlet: 'Levant Daily', chain: [outlet('Meridian News Agency'), anonymous('sources', { count: 'multiple' })] }));
  assert.equal(bare.key, 'source:outlet:meridian news agency');
  assert.equal(bare.isAnonymous, false);
});

// Stance across articles (issue 15): denials and confirmations need a party; a negated mention denies nothing.

test('corroborate › an event stated only as not having happened is no denial: single-source with a negated note', () => {
  const result = corroborate([report({ articleId: 'a1', outlet: 'Tech Ledger', stance: 'negated' })]);
  assert.equal(result.status, 'single-source');
  assert.deepEqual(result.denyingParties, []);
  assert.equal(result.assertingOrigins, 0);
  assert.match(result.explanation, /^0 independent origins; stated as not happening by Tech Ledger \(a negated mention, not a denial\)$/);
});

test('corroborate › a negated mention beside an assertion in another article leaves the event uncontested', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'Harbour Times' }),
    report({ articleId: 'a2', outlet: 'Levant Daily', stance: 'negated' }),
  ]);
  assert.equal(result.status, 'single-source');
  assert.equal(result.assertingOrigins, 1);
});

test('corroborate › an accusation in one article and its target\'s denial in another make the event contested', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'Harbour Times', chain: [official('Samir Aziz', 'per:samir aziz')] }),
    report({ articleId: 'a2', outlet: 'Levant Daily', chain: [{ kind: 'organisation', name: 'Defence Ministry of Veloria', entityId: 'org:veloria defence' }], stance: 'denied' }),
  ]);
  assert.equal(result.status, 'contested');
  assert.deepEqual(result.denyingParties, ['Defence Ministry of Veloria']);
  assert.match(result.explanation, /^1 independent origin \(Harbour Times ← Samir Aziz\); denied by Defence Ministry of Veloria$/);
});

test('corroborate › a denial quoted in the same article as the accusation still contests it', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'Harbour Times' }),
    report({ articleId: 'a1', outlet: 'Harbour Times', chain: [official('Leyla Haddad', 'per:leyla haddad')], stance: 'denied' }),
  ]);
  assert.equal(result.status, 'contested');
  assert.equal(result.assertingOrigins, 1);
  assert.deepEqual(result.denyingParties, ['Leyla Haddad']);
  assert.equal(result.explanation, '1 independent origin (Harbour Times); denied by Leyla Haddad');
});

test('corroborate › a denial by nobody identifiable ("he" unresolved) is not counted', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'Harbour Times' }),
    report({ articleId: 'a2', outlet: 'Levant Daily', chain: [person('he')], stance: 'denied' }),
  ]);
  assert.equal(result.status, 'single-source');
  assert.deepEqual(result.denyingParties, []);
  assert.match(result.explanation, /1 response by no identifiable party not counted/);
});

test('corroborate › only a denial by a party makes the event denied', () => {
  const result = corroborate([report({ articleId: 'a1', outlet: 'Levant Daily', chain: [official('Leyla Haddad', 'per:leyla haddad')], stance: 'denied' })]);
  assert.equal(result.status, 'denied');
  assert.match(result.explanation, /^0 independent origins; denied by Leyla Haddad$/);
});

test('corroborate › a confirmation names its party; "confirmed" by nobody is the article asserting', () => {
  const confirmed = corroborate([
    report({ articleId: 'a1', outlet: 'Harbour Times' }),
    report({ articleId: 'a2', outlet: 'Levant Daily', chain: [official('Leyla Haddad', 'per:leyla haddad')], stance: 'confirmed' }),
  ]);
  assert.equal(confirmed.status, 'corroborated');
  assert.deepEqual(confirmed.confirmingParties, ['Leyla Haddad']);
  assert.match(confirmed.explanation, /confirmed by Leyla Haddad/);
  const byNobody = corroborate([report({ articleId: 'a1', outlet: 'Harbour Times', chain: [person('they')], stance: 'confirmed' })]);
  assert.deepEqual(byNobody.confirmingParties, []);
  assert.equal(byNobody.assertingOrigins, 1);
});

test('corroborate › the outcome does not depend on the order reports arrive in', () => {
  const reports = [
    report({ articleId: 'a1', outlet: 'Gulf Courier', chain: [official('Samir Aziz', 'per:samir aziz')] }),
    report({ articleId: 'a2', outlet: 'Levant Daily' }),
    report({ articleId: 'a2', outlet: 'Levant Daily', chain: [official('Samir Aziz', 'per:samir aziz')] }),
    report({ articleId: 'a3', outlet: 'Harbour Times', chain: [outlet('Gulf Courier')] }),
  ];
  const forward = corroborate(reports);
  const backward = corroborate([...reports].reverse());
  assert.equal(forward.assertingOrigins, backward.assertingOrigins);
  assert.deepEqual(forward.origins.map((o) => o.key).sort(), backward.origins.map((o) => o.key).sort());
});

test('corroborate › one outlet written three ways (a name, a handle, its address) is one origin', () => {
  const result = corroborate([
    report({ articleId: 'a1', outlet: 'FactCheckers' }),
    report({ articleId: 'a2', outlet: 'factcheckers' }),
    report({ articleId: 'a3', outlet: 'factcheckers.com' }),
    report({ articleId: 'a4', outlet: 'The Valley Post' }),
    report({ articleId: 'a5', outlet: 'valleypost' }),
  ]);
  assert.equal(result.assertingOrigins, 2);
  assert.equal(result.status, 'corroborated');
});

test('corroborate › a report on a passage reused from another article joins that article\'s line; elsewhere it does not', () => {
  const reuse = [
    { articleId: 'copy', otherId: 'wire', isCopy: true, passages: [{ span: { start: 0, end: 100 }, otherSpan: { start: 0, end: 120 } }] },
    { articleId: 'wire', otherId: 'copy', isCopy: false, passages: [{ span: { start: 0, end: 120 }, otherSpan: { start: 0, end: 100 } }] },
  ];
  const wire = report({ articleId: 'wire', outlet: 'Meridian News Agency', chain: [official('Kassem Haddad', 'per:kassem haddad')], passage: { start: 0, end: 120 } });
  const onReused = report({ articleId: 'copy', outlet: 'Gulf Courier', chain: [anonymous('Syrian health officials', { nationality: 'SYR', count: 'multiple' })], passage: { start: 10, end: 90 } });
  const joined = corroborate([wire, onReused], reuse);
  assert.equal(joined.assertingOrigins, 1);
  assert.match(joined.explanation, /Gulf Courier reuses Meridian News Agency's text/);
  // The copy's own new paragraph is its own evidence.
  const onOwn = { ...onReused, passage: { start: 400, end: 480 } };
  assert.equal(corroborate([wire, onOwn], reuse).assertingOrigins, 2);
});
