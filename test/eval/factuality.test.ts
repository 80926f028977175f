import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Confusion, MODALITY_TO_FACTUALITY, cueBefore, matchByOverlap, modalityOfFactuality } from '../../eval/lib/factuality.js';

test('factuality › matching is one to one, largest overlap first', () => {
  // System "sold" [10,14) overlaps gold [10,14) fully and gold [12,20) partly; the second system span takes the rest.
  const pairs = matchByOverlap([{ start: 10, end: 14 }, { start: 13, end: 18 }], [{ start: 10, end: 14 }, { start: 12, end: 20 }]);
  assert.deepEqual(pairs, [[0, 0], [1, 1]]);
  assert.deepEqual(matchByOverlap([{ start: 0, end: 3 }], [{ start: 5, end: 9 }]), []);
});

test('factuality › a discontinuous gold mention overlaps only through its parts; ties go to the shorter gold span', () => {
  const discontinuous = { start: 0, end: 30, parts: [{ start: 0, end: 7 }, { start: 24, end: 30 }] };
  // [10,15) lies in the gap between the parts: no match.
  assert.deepEqual(matchByOverlap([{ start: 10, end: 15 }], [discontinuous]), []);
  // [24,30) overlaps the part and the single-token mention equally: the single token wins.
  assert.deepEqual(matchByOverlap([{ start: 24, end: 30 }], [discontinuous, { start: 24, end: 30 }]), [[0, 1]]);
});

test('factuality › confusion accuracy, grouped-class precision/recall and macro F1', () => {
  const c = new Confusion();
  for (const [g, p] of [['CERTAIN', 'CERTAIN'], ['CERTAIN', 'CERTAIN'], ['CERTAIN', 'POSSIBLE'], ['PROBABLE', 'POSSIBLE'], ['UNDERSPECIFIED', 'CERTAIN']] as const) c.add(g, p);
  assert.equal(c.total, 5);
  assert.equal(c.accuracy(), 2 / 5);
  // non-CERTAIN as one class: predicted 2 (both POSSIBLE), gold 2 (PROBABLE, UNDERSPECIFIED), right 1.
  const r = c.prf(['PROBABLE', 'POSSIBLE', 'UNDERSPECIFIED']);
  assert.deepEqual([r.tp, r.predicted, r.gold, r.p, r.r], [1, 2, 2, 0.5, 0.5]);
  // Per gold label: CERTAIN P 2/3 R 2/3 → F1 2/3; PROBABLE and UNDERSPECIFIED F1 0.
  assert.ok(Math.abs(c.macroF1() - 2 / 9) < 1e-9);
  assert.equal(new Confusion().accuracy(), 0);
});

test('factuality › the mapping round-trips through the gold read-back', () => {
  for (const m of ['asserted', 'negated', 'hypothetical', 'planned'] as const) assert.equal(modalityOfFactuality(MODALITY_TO_FACTUALITY[m]), m);
  assert.equal(modalityOfFactuality(MODALITY_TO_FACTUALITY.ongoing), 'asserted');
  assert.equal(modalityOfFactuality({ certainty: 'UNDERSPECIFIED', polarity: 'UNDERSPECIFIED', time: 'UNDERSPECIFIED' }), 'asserted');
  assert.equal(modalityOfFactuality({ certainty: 'POSSIBLE', polarity: 'NEG', time: 'FUTURE' }), 'negated');
});

test('factuality › cueBefore reads the strongest cue in the clause and stops at its edge', () => {
  assert.equal(cueBefore(['Apple', 'will', 'not', 'release'], 3), 'negation');
  assert.equal(cueBefore(['Airbus', 'plans', 'to', 'build'], 3), 'plan-verb to');
  assert.equal(cueBefore(['Airlines', 'to', 'be', 'compensated'], 3), 'bare to');
  assert.equal(cueBefore(['it', 'is', 'to', 'open'], 3), 'be/going to');
  assert.equal(cueBefore(['he', 'would', 'go', ',', 'and', 'left'], 5), 'none');
  assert.equal(cueBefore(['the', 'upcoming', 'update'], 2), 'future modifier');
});
