import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { datelineLength } from './dateline.js';

const words = (text: string): string[] => text.split(' ');

describe('datelineLength', () => {
  it('finds the place, region and agency before the dash of a wire story', () => {
    assert.equal(datelineLength(words('KYIV , Ukraine ( AP ) — Russian forces shelled Kharkiv .')), 7);
    assert.equal(datelineLength(words('BERLIN -- The space agency says it will wait .')), 2);
    assert.equal(datelineLength(words('SANTA FE , N.M. ( AP ) — A cat missing for years came home .')), 8);
  });

  it('leaves sentences that only look alike', () => {
    // A capitalised subject, a sentence with lowercase words before its dash, a dash right before the end.
    assert.equal(datelineLength(words('Police arrested two men — both from Lagos — on Friday .')), 0);
    assert.equal(datelineLength(words('NATO and Russia — old rivals — met again .')), 0);
    assert.equal(datelineLength(words('LONDON — Rain .')), 0);
    assert.equal(datelineLength(words('The minister said so .')), 0);
    assert.equal(datelineLength([]), 0);
  });
});
