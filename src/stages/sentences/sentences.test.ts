import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { makeTokenTable, TOKEN_FLAG_SENTENCE_START } from '../../model/index.js';
import { createResources, runStages } from '../../pipeline/index.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { createSentences, sentencesFromTokens } from './index.js';

const S = TOKEN_FLAG_SENTENCE_START;

describe('sentences', () => {
  it('opens a sentence at every flagged token, with char and token spans', () => {
    // "Gen. Ali left. He spoke."
    const tokens = makeTokenTable([
      { start: 0, end: 4, flags: S },
      { start: 5, end: 8 },
      { start: 9, end: 13 },
      { start: 13, end: 14 },
      { start: 15, end: 17, flags: S },
      { start: 18, end: 23 },
      { start: 23, end: 24 },
    ]);
    assert.deepEqual(sentencesFromTokens(tokens), [
      { start: 0, end: 14, tokenStart: 0, tokenEnd: 4 },
      { start: 15, end: 24, tokenStart: 4, tokenEnd: 7 },
    ]);
  });

  it('treats the first token as a sentence start even when unflagged', () => {
    const tokens = makeTokenTable([{ start: 0, end: 2 }, { start: 3, end: 5 }]);
    assert.deepEqual(sentencesFromTokens(tokens), [{ start: 0, end: 5, tokenStart: 0, tokenEnd: 2 }]);
  });

  it('gives no sentences for no tokens', () => {
    assert.deepEqual(sentencesFromTokens(makeTokenTable([])), []);
  });

  it('requires the tokens layer', () => {
    const doc = makeDoc({ text: 'Hello.' });
    assert.throws(() => runStages(doc, [createSentences()], { publishedAt: undefined, resources: createResources({}) }), /missing layer/);
  });
});
