import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cleanText } from '../../stages/clean/text.js';
import {
  estimateJaccard,
  exactJaccard,
  isNearDuplicate,
  lshBandKeys,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
  shingles,
  SIGNATURE_LENGTH,
  signatureFromHex,
  signatureToHex,
} from './index.js';

const body = (name: string) => cleanText(readFileSync(new URL(`../../../test/fixtures/clean/${name}`, import.meta.url), 'utf8')).body;
const wireA = body('wire-story-a.txt');
const wireB = body('wire-story-b.txt');
const otherStory = body('same-topic-other-story.txt');
const sharesBand = (a: Uint32Array, b: Uint32Array) => lshBandKeys(a).some((k) => lshBandKeys(b).includes(k));

describe('dedupe › minhash', () => {
  it('gives a fixed-length signature that is stable across calls (fixed seeds)', () => {
    const a = minhashSignature(wireA);
    assert.equal(a.length, SIGNATURE_LENGTH);
    assert.deepEqual(a, minhashSignature(wireA));
    assert.equal(signatureToHex(a).slice(0, 16), signatureToHex(minhashSignature(wireA)).slice(0, 16));
  });

  it('links a syndicated pair (same wire story, small edits, different boilerplate)', () => {
    const a = minhashSignature(wireA);
    const b = minhashSignature(wireB);
    const estimate = estimateJaccard(a, b);
    assert.ok(estimate >= NEAR_DUPLICATE_THRESHOLD, `estimate ${estimate}`);
    assert.ok(Math.abs(estimate - exactJaccard(wireA, wireB)) < 0.12);
    assert.ok(isNearDuplicate(a, b));
    assert.ok(sharesBand(a, b), 'the pair should be LSH candidates');
  });

  it('must not link two different stories on the same topic', () => {
    const a = minhashSignature(wireA);
    const c = minhashSignature(otherStory);
    assert.ok(estimateJaccard(a, c) < 0.1, `estimate ${estimateJaccard(a, c)}`);
    assert.ok(!isNearDuplicate(a, c));
    assert.ok(!isNearDuplicate(minhashSignature(wireB), c));
  });

  it('scores an exact re-ingest 1 and ignores case, quotes and spacing', () => {
    const a = minhashSignature(wireA);
    assert.equal(estimateJaccard(a, minhashSignature(wireA.toUpperCase().replace(/ /g, '  ').replace(/'/g, '’'))), 1);
  });

  it('handles empty and very short texts', () => {
    const empty = minhashSignature('');
    assert.equal(estimateJaccard(empty, empty), 0);
    assert.equal(shingles('Two words').size, 1);
    assert.equal(estimateJaccard(minhashSignature('Two words'), minhashSignature('two words')), 1);
  });

  it('round-trips signatures through hex for storage', () => {
    const a = minhashSignature(wireB);
    assert.deepEqual(signatureFromHex(signatureToHex(a)), a);
  });

  it('cuts 64 band keys, each prefixed with its band number', () => {
    const keys = lshBandKeys(minhashSignature(wireA));
    assert.equal(keys.length, 64);
    assert.match(keys[5]!, /^5:[0-9a-f]{8}$/);
    assert.throws(() => lshBandKeys(minhashSignature(wireA), 60), RangeError);
  });
});
