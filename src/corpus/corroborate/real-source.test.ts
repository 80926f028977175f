import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Source } from '../../model/index.js';
import { isRealSource } from './real-source.js';

const REAL: readonly [string, Source][] = [
  ['a linked person', { kind: 'person', name: 'Dmitry Peskov', entityId: 'per:dmitry peskov' }],
  ['a named person the linker missed', { kind: 'person', name: 'Leyla Haddad' }],
  ['a person with a surname that is also a modal', { kind: 'person', name: 'Theresa May' }],
  ['a titled person', { kind: 'person', name: "the ministry's spokesman", role: 'spokesman' }],
  ['a named outlet', { kind: 'outlet', name: 'Meridian News Agency' }],
  ['an organisation by its institution noun', { kind: 'organisation', name: 'ministry' }],
  ['an unnamed official with a role', { kind: 'anonymous', name: 'officials', role: 'official', count: 'multiple' }],
  ['unnamed sources with an affiliation', { kind: 'anonymous', name: 'sources close to the army', count: 'multiple' }],
  ['unnamed sources with a descriptor', { kind: 'anonymous', name: 'intelligence sources', count: 'multiple' }],
  ['a document with its issuer', { kind: 'document', name: 'UN monitoring report' }],
];

const NOT_REAL: readonly [string, Source][] = [
  ['the article itself', { kind: 'article', name: 'The Shooting Star' }],
  ['an unresolved "I"', { kind: 'person', name: 'I' }],
  ['an unresolved "he"', { kind: 'person', name: 'he' }],
  ['"you"', { kind: 'person', name: 'you' }],
  ['"some"', { kind: 'anonymous', name: 'some', count: 'multiple' }],
  ['bare "sources"', { kind: 'anonymous', name: 'sources', count: 3 }],
  ['"some people"', { kind: 'anonymous', name: 'some people', count: 'multiple' }],
  ['a clause fragment', { kind: 'person', name: 'you may have to finish one of more exams' }],
  ['a fragment opening with a pronoun', { kind: 'person', name: 'We Will Rock' }],
  ['a lower-case phrase the attribution step fell back on', { kind: 'person', name: 'the man in the blue jacket' }],
  ['a document with no issuer', { kind: 'document', name: 'report' }],
];

for (const [what, source] of REAL) {
  test(`real source › ${what} ("${source.name}") is a real source`, () => assert.equal(isRealSource(source), true));
}
for (const [what, source] of NOT_REAL) {
  test(`real source › ${what} ("${source.name}") is not a real source`, () => assert.equal(isRealSource(source), false));
}
