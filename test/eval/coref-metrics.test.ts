import assert from 'node:assert/strict';
import { test } from 'node:test';
import { b3, ceafE, conll, maxAssignment, muc } from '../../eval/lib/coref-metrics.js';

// Key {a b c} {d e}; response {a b} {c d e}: worked by hand.
const KEY = [['a', 'b', 'c'], ['d', 'e']];
const RESPONSE = [['a', 'b'], ['c', 'd', 'e']];

test('coref metrics › MUC counts links: recall 2/3, precision 2/3', () => {
  const m = muc(KEY, RESPONSE);
  assert.ok(Math.abs(m.r - 2 / 3) < 1e-9);
  assert.ok(Math.abs(m.p - 2 / 3) < 1e-9);
});

test('coref metrics › B³ averages per mention', () => {
  const m = b3(KEY, RESPONSE);
  // recall: a,b 2/3 each; c 1/3; d,e 1 each → (2/3+2/3+1/3+1+1)/5 = 11/15
  assert.ok(Math.abs(m.r - 11 / 15) < 1e-9);
  // precision: a,b 1 each; c 1/3; d,e 2/3 each → (1+1+1/3+2/3+2/3)/5 = 11/15
  assert.ok(Math.abs(m.p - 11 / 15) < 1e-9);
});

test('coref metrics › CEAF-e aligns clusters one to one', () => {
  // φ4: {abc}-{ab} = 4/5, {de}-{cde} = 4/5 → total 1.6 over 2 clusters each side.
  const m = ceafE(KEY, RESPONSE);
  assert.ok(Math.abs(m.p - 0.8) < 1e-9 && Math.abs(m.r - 0.8) < 1e-9);
});

test('coref metrics › identical partitions score 1 everywhere; the assignment solver finds the best matching', () => {
  assert.equal(conll(KEY, KEY).conllF1, 1);
  assert.equal(maxAssignment([[1, 5], [4, 1]]), 9);
  assert.equal(maxAssignment([[3], [7]]), 7);
});
