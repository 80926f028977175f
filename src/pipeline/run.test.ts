import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DossierError, StageError, type Sentence } from '../model/index.js';
import { makeDoc, naiveTokens } from '../../test/helpers/make-doc.js';
import { checkPipeline, createResources, defineStage, runStages } from './index.js';

const tokenize = defineStage({
  name: 'tokenize',
  version: 1,
  requires: [],
  assigns: 'tokens',
  run: (doc) => naiveTokens(doc.text),
});

const sentences = defineStage({
  name: 'sentences',
  version: 1,
  requires: ['tokens'],
  assigns: 'sentences',
  run: (doc): Sentence[] => [{ start: 0, end: doc.text.length, tokenStart: 0, tokenEnd: doc.layers.tokens!.length }],
});

const broken = defineStage({
  name: 'broken',
  version: 1,
  requires: ['tokens'],
  assigns: 'mentions',
  run: () => {
    throw new Error('lexicon entry malformed');
  },
});

const ctx = { publishedAt: '2024-11-14', resources: createResources() };

test('pipeline › runs stages in order, attaching frozen layers and timings', () => {
  const doc = makeDoc({ text: 'Rebels shelled the town. Two died.' });
  const { doc: out, timingsMs } = runStages(doc, [tokenize, sentences], ctx);
  assert.equal(out.layers.tokens?.length, 8);
  assert.equal(out.layers.sentences?.length, 1);
  assert.ok(Object.isFrozen(out.layers.sentences));
  assert.deepEqual(Object.keys(timingsMs), ['tokenize', 'sentences']);
  assert.deepEqual(doc.layers, {}, 'the input doc is not mutated');
});

test('pipeline › a stage whose required layer is missing fails before running', () => {
  const doc = makeDoc({ text: 'Nothing here.' });
  assert.throws(() => runStages(doc, [sentences], ctx), (error: unknown) => {
    assert.ok(error instanceof StageError);
    assert.equal(error.stage, 'sentences');
    assert.equal(error.code, 'E_STAGE_MISSING_LAYER');
    return true;
  });
});

test('pipeline › checkPipeline rejects an order where a requirement comes later', () => {
  assert.throws(() => checkPipeline([sentences, tokenize]), DossierError);
  assert.doesNotThrow(() => checkPipeline([tokenize, sentences]));
});

test('pipeline › a throwing stage becomes a StageError naming stage, document and cause', () => {
  const doc = makeDoc({ text: 'A quiet day in the capital.' });
  assert.throws(() => runStages(doc, [tokenize, broken], ctx), (error: unknown) => {
    assert.ok(error instanceof StageError);
    assert.equal(error.stage, 'broken');
    assert.equal(error.docId, doc.id);
    assert.match(error.message, /lexicon entry malformed/);
    return true;
  });
});

test('pipeline › resources name the missing key', () => {
  const resources = createResources({ lexicon: ['a'] });
  assert.deepEqual(resources.get<string[]>('lexicon'), ['a']);
  assert.throws(() => resources.get('gazetteer'), /resource "gazetteer" was not loaded/);
});
