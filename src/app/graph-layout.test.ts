import assert from 'node:assert/strict';
import { test } from 'node:test';
import { communities, weightedDegrees } from './graph-layout.js';

const link = (source: string, target: string, weight = 1) => ({ source, target, weight });

test('graph layout › weighted degree sums the weights among the given ids only', () => {
  const degree = weightedDegrees(['a', 'b', 'c'], [link('a', 'b', 5), link('b', 'c', 2), link('c', 'z', 9)]);
  assert.deepEqual([...degree], [['a', 5], ['b', 7], ['c', 2]]);
});

test('graph layout › two cliques joined by one weak link are two communities, the larger numbered 0', () => {
  const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'b4', 'lone'];
  const links = [
    link('a1', 'a2', 4), link('a2', 'a3', 4), link('a1', 'a3', 4),
    link('b1', 'b2', 3), link('b2', 'b3', 3), link('b3', 'b4', 3), link('b1', 'b4', 3), link('b1', 'b3', 3),
    link('a3', 'b1', 1),
  ];
  const c = communities(ids, links);
  assert.equal(new Set(['a1', 'a2', 'a3'].map((id) => c.get(id))).size, 1);
  assert.equal(new Set(['b1', 'b2', 'b3', 'b4'].map((id) => c.get(id))).size, 1);
  assert.notEqual(c.get('a1'), c.get('b1'));
  assert.equal(c.get('b1'), 0, 'the larger community first');
  assert.equal(c.get('a1'), 1);
  assert.equal(c.get('lone'), 2, 'an isolated node is a community of its own');
});
