import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveCountry } from './country-resolver.js';

test('country resolver › names, demonyms and capitals stand for their country, "Washington" as "Washington D.C." does', () => {
  assert.equal(resolveCountry(['SYRIAN']), 'SYR');
  assert.equal(resolveCountry(['TEHRAN']), 'IRN');
  assert.equal(resolveCountry(['WASHINGTON']), 'USA');
  assert.equal(resolveCountry(['WASHINGTON', 'D.C.']), 'USA');
  assert.equal(resolveCountry(['MINNESOTA']), undefined);
});
