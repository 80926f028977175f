import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment } from './segments.js';

const text = 'Brig. Gen. Qasim Haddad denied it on Tuesday.';

test('segments › plain text is one segment with no annotations', () => {
  assert.deepEqual(segment(text, 0, text.length, []).map((s) => s.text), [text]);
});

test('segments › a mention inside a claim splits the claim and carries both, longest first', () => {
  const claim = { start: 0, end: text.length, kind: 'claim' };
  const mention = { start: 11, end: 23, kind: 'mention', variant: 'PER' };
  const parts = segment(text, 0, text.length, [mention, claim]);
  assert.deepEqual(parts.map((s) => s.text), ['Brig. Gen. ', 'Qasim Haddad', ' denied it on Tuesday.']);
  assert.deepEqual(parts[1]!.annotations.map((a) => a.kind), ['claim', 'mention']);
  assert.deepEqual(parts[0]!.annotations.map((a) => a.kind), ['claim']);
});

test('segments › annotations are clipped to the paragraph, and empty or inverted spans ignored', () => {
  const parts = segment(text, 11, 23, [{ start: 0, end: 16, kind: 'a' }, { start: 30, end: 20, kind: 'bad' }, { start: 5, end: 5, kind: 'empty' }]);
  assert.deepEqual(parts.map((s) => [s.text, s.annotations.map((a) => a.kind).join()]), [['Qasim', 'a'], [' Haddad', '']]);
});

test('segments › the pieces always join back to the text', () => {
  const anns = [{ start: 3, end: 9, kind: 'x' }, { start: 6, end: 20, kind: 'y' }, { start: 20, end: 44, kind: 'z' }];
  assert.equal(segment(text, 0, text.length, anns).map((s) => s.text).join(''), text);
});
