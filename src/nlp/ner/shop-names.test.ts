import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { shopNames } from './shop-names.js';
import { makeConsistent } from './tag-document.js';

const words = (line: string): string[] => line.split(' ');

describe('ner core › shop names (issue 16)', () => {
  it('reads "X\'s" before a business head word as one ORG ("Nina\'s Noodle Bar")', () => {
    const line = words("We ate at Nina 's Noodle Bar last night .");
    assert.deepEqual(shopNames(line, [{ start: 3, end: 4, type: 'PER' }, { start: 5, end: 7, type: 'PER' }]), [{ start: 3, end: 7, type: 'ORG' }]);
  });

  it('reads "X\'s" before the goods a shop sells as one ORG ("Big Sal\'s E-Bikes")', () => {
    const line = words("Big Sal 's E-Bikes lends bikes for test rides .");
    assert.deepEqual(shopNames(line, [{ start: 0, end: 2, type: 'PER' }]), [{ start: 0, end: 4, type: 'ORG' }]);
    const flowers = words("Order from Ada Brun 's Flowers before noon .");
    assert.deepEqual(shopNames(flowers, [{ start: 2, end: 4, type: 'PER' }]), [{ start: 2, end: 6, type: 'ORG' }]);
  });

  it('reads "at/to X\'s" with nothing possessed after it as a business', () => {
    assert.deepEqual(shopNames(words("Dinner was at Cabo Bob 's ."), [{ start: 3, end: 5, type: 'PER' }]), [{ start: 3, end: 6, type: 'ORG' }]);
    assert.deepEqual(shopNames(words("We drove to Hank 's for tacos"), [{ start: 3, end: 4, type: 'PER' }]), [{ start: 3, end: 5, type: 'ORG' }]);
    // Untagged capitals between "at" and the tagged name belong to the shop's name.
    assert.deepEqual(shopNames(words("We ate at Cabo Bob 's on Friday ."), [{ start: 4, end: 5, type: 'PER' }]), [{ start: 3, end: 6, type: 'ORG' }]);
  });

  it('reads "X\'s" in a list of organisations as a business ("Lumo Foods, Cabo Bob\'s, and Keller Press")', () => {
    const line = words("Clients include Lumo Foods , Cabo Bob 's , and Keller Press .");
    const chunks = [{ start: 2, end: 4, type: 'ORG' as const }, { start: 5, end: 7, type: 'PER' as const }, { start: 10, end: 12, type: 'ORG' as const }];
    assert.deepEqual(shopNames(line, chunks)[1], { start: 5, end: 8, type: 'ORG' });
  });

  it('keeps a person\'s possessive: a noun follows, the list holds persons, or no place to go', () => {
    const jersey = words("They retired Tom Ardle 's jersey at home .");
    assert.deepEqual(shopNames(jersey, [{ start: 2, end: 4, type: 'PER' }]), [{ start: 2, end: 4, type: 'PER' }]);
    const guard = words("to Dana Voss 's National Guard record .");
    assert.deepEqual(shopNames(guard, [{ start: 1, end: 3, type: 'PER' }]), [{ start: 1, end: 3, type: 'PER' }]);
    const pair = words("Ann Lee 's and Tom Ardle 's plans differ .");
    const people = [{ start: 0, end: 2, type: 'PER' as const }, { start: 4, end: 6, type: 'PER' as const }];
    assert.deepEqual(shopNames(pair, people), people);
    const shared = words("Ann Lee 's and Vantor 's results rose .");
    const owners = [{ start: 0, end: 2, type: 'PER' as const }, { start: 4, end: 5, type: 'ORG' as const }];
    assert.deepEqual(shopNames(shared, owners), owners);
    const end = words("The final word was Ann Lee 's .");
    assert.deepEqual(shopNames(end, [{ start: 4, end: 6, type: 'PER' }]), [{ start: 4, end: 6, type: 'PER' }]);
  });

  it('lends no surname from a shop to the page\'s persons', () => {
    const doc = [words("Book a table at Cabo Bob 's ."), words('Bob runs the kitchen .')];
    const result = makeConsistent(doc, [[{ start: 4, end: 6, type: 'PER' }], []]);
    assert.deepEqual(result, [[{ start: 4, end: 7, type: 'ORG' }], []]);
  });
});
