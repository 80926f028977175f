import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleId, createDoc, isSpanWithin, paragraphSpans, spanText } from './index.js';

const BODY = 'The convoy left Idlib at dawn.\n\nBy noon it had reached the border crossing, officials said.';

test('model › paragraph spans lie inside the body and cover each block', () => {
  const spans = paragraphSpans(BODY);
  assert.equal(spans.length, 2);
  for (const span of spans) assert.ok(isSpanWithin(span, BODY.length));
  assert.equal(spanText(BODY, spans[0]!), 'The convoy left Idlib at dawn.');
  assert.equal(spanText(BODY, spans[1]!), 'By noon it had reached the border crossing, officials said.');
});

test('model › article id is stable across whitespace, quote style and case', () => {
  const a = articleId('He said “enough” –  and left.');
  const b = articleId('he said "enough" -\nand left. ');
  assert.equal(a, b);
  assert.match(a, /^[0-9a-f]{16}$/);
  assert.notEqual(a, articleId('He said "enough" and stayed.'));
});

test('model › createDoc starts with no layers and derives paragraphs', () => {
  const doc = createDoc({ text: BODY, meta: { source: 'x.txt', format: 'text', language: 'en' } });
  assert.deepEqual(doc.layers, {});
  assert.equal(doc.paragraphs.length, 2);
  assert.equal(doc.id, articleId(BODY));
});

test('model › isSpanWithin rejects inverted, negative and overlong spans', () => {
  assert.equal(isSpanWithin({ start: 3, end: 2 }, 10), false);
  assert.equal(isSpanWithin({ start: -1, end: 2 }, 10), false);
  assert.equal(isSpanWithin({ start: 0, end: 11 }, 10), false);
  assert.equal(isSpanWithin({ start: 0, end: 10 }, 10), true);
});
