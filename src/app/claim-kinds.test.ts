import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../model/index.js';
import { claimKindsText, parseClaimKinds } from './claim-kinds.js';

test('claim kinds › absent or blank reads as assertions; "all" as every kind; a list in the kinds\' order', () => {
  assert.deepEqual(parseClaimKinds(undefined), ['assertion']);
  assert.deepEqual(parseClaimKinds(' '), ['assertion']);
  assert.deepEqual(parseClaimKinds('all'), ['assertion', 'desire', 'evaluation']);
  assert.deepEqual(parseClaimKinds('Evaluation, desire'), ['desire', 'evaluation']);
  assert.deepEqual(parseClaimKinds('desire,desire'), ['desire']);
});

test('claim kinds › a word that is not a kind is a usage error quoting it', () => {
  assert.throws(() => parseClaimKinds('assertion,opinion', '--kind'), (e: unknown) => e instanceof UsageError && /--kind "opinion"/.test(e.message));
});

test('claim kinds › summary text names what a list or export holds', () => {
  assert.equal(claimKindsText(['assertion']), 'assertions');
  assert.equal(claimKindsText(['desire', 'evaluation']), 'wishes and judgements');
  assert.equal(claimKindsText(['assertion', 'desire', 'evaluation']), 'every kind');
});
