import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterMarks, placeLabels } from './map-layout.js';

test('map layout › marks within the radius join the heaviest one; far ones stay apart', () => {
  const clusters = clusterMarks([
    { x: 100, y: 100, weight: 5, item: 'Baghdad' }, { x: 110, y: 104, weight: 1, item: 'Fallujah' }, { x: 96, y: 92, weight: 2, item: 'Baqubah' },
    { x: 300, y: 100, weight: 1, item: 'Aleppo' },
  ], 20);
  assert.deepEqual(clusters.map((c) => c.members), [['Baghdad', 'Baqubah', 'Fallujah'], ['Aleppo']]);
  assert.equal(clusters[0]!.weight, 8);
  assert.ok(clusters[0]!.x > 99 && clusters[0]!.x < 102, 'the centre leans to the heaviest member');
});

test('map layout › zooming in (marks further apart) splits a cluster', () => {
  const at = (k: number) => clusterMarks([{ x: 100 * k, y: 100 * k, weight: 1, item: 'a' }, { x: 105 * k, y: 100 * k, weight: 1, item: 'b' }], 20);
  assert.equal(at(1).length, 1);
  assert.equal(at(8).length, 2);
});

test('map layout › labels never overlap each other or another mark, and stay inside the view', () => {
  const view = { x: 0, y: 0, width: 400, height: 200 };
  // Two marks side by side: the second label cannot go right (the first mark is there) nor overlap the first label.
  const labels = [{ x: 100, y: 100, r: 5, text: 'United States', obstacle: 0 }, { x: 112, y: 100, r: 5, text: 'Europe', obstacle: 1 }, { x: 395, y: 100, r: 5, text: 'Edge', obstacle: 2 }];
  const marks = labels.map((l) => ({ x: l.x - l.r, y: l.y - l.r, width: 2 * l.r, height: 2 * l.r }));
  const placed = placeLabels(labels, marks, view);
  for (const a of placed) {
    assert.ok(a.box.x >= 0 && a.box.x + a.box.width <= 400, 'inside the view');
    for (const b of placed) if (a !== b) assert.ok(!(a.box.x < b.box.x + b.box.width && b.box.x < a.box.x + a.box.width && a.box.y < b.box.y + b.box.height && b.box.y < a.box.y + a.box.height), 'no overlap');
    for (const [i, m] of marks.entries()) if (i !== a.index) assert.ok(!(a.box.x < m.x + m.width && m.x < a.box.x + a.box.width && a.box.y < m.y + m.height && m.y < a.box.y + a.box.height), 'no label over another mark');
  }
  assert.equal(placed[0]!.anchor, 'end', 'the first label goes left: the second mark sits to its right');
  assert.ok(placed.some((p) => p.index === 2 && p.anchor === 'end'), 'a mark at the right edge is labelled on its left');
});

test('map layout › a label does not sit on another mark drawn at the same spot (a place under an event cluster)', () => {
  const view = { x: 0, y: 0, width: 400, height: 200 };
  const big = { x: 80, y: 80, width: 40, height: 40 };
  const small = { x: 97, y: 97, width: 6, height: 6 };
  const placed = placeLabels([{ x: 100, y: 100, r: 3, text: 'Tripoli', obstacle: 1 }], [big, small], view);
  for (const p of placed) assert.ok(!(p.box.x < big.x + big.width && big.x < p.box.x + p.box.width && p.box.y < big.y + big.height && big.y < p.box.y + p.box.height));
});
