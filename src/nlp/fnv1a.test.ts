import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fnv1a, fnv1aOfWords } from './fnv1a.js';

test('fnv1a › a word n-gram hashes as the same words joined by spaces (passage keys stored before stay valid)', () => {
  const words = ['the', 'convoy', 'was', 'struck', 'near', 'aleppo', 'on', 'tuesday', 'morning', 'officials', 'said', 'ünïcode'];
  for (const size of [1, 3, 5, 8]) {
    for (let i = 0; i + size <= words.length; i++) assert.equal(fnv1aOfWords(words, i, size), fnv1a(words.slice(i, i + size).join(' ')), `${size} words from ${i}`);
  }
  assert.notEqual(fnv1aOfWords(['ab', 'c'], 0, 2), fnv1aOfWords(['a', 'bc'], 0, 2), 'the space between words counts');
});
