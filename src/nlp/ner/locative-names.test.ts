import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locativeNames } from './locative-names.js';
import type { Chunk } from './tags.js';

const words = (text: string): string[] => text.split(' ');
const per = (start: number, end: number): Chunk => ({ start, end, type: 'PER' });

test('locative names › a "person" near which things are found is a place on every mention: "an orchard near Abu Ghraib"', () => {
  const sentences = [words('The launcher was found in an orchard near Abu Ghraib .'), words('Abu Ghraib lies west of the airport .')];
  const out = locativeNames(sentences, [[per(8, 10)], [per(0, 2)]]);
  assert.deepEqual(out.map((list) => list.map((c) => c.type)), [['LOC'], ['LOC']]);
});

test('locative names › a name joined to a place after "in", or after a compass "of", is a place', () => {
  const joined = locativeNames([words('Two men were arrested in Baghdad and Abu Ghraib in December .')], [[{ start: 5, end: 6, type: 'LOC' }, per(7, 9)]]);
  assert.equal(joined[0]![1]!.type, 'LOC');
  const west = locativeNames([words('Troops massed west of Tal Afar .')], [[per(4, 6)]]);
  assert.equal(west[0]![0]!.type, 'LOC');
});

test('locative names › a person stays a person: one who speaks, owns, has a title, or stands beside someone', () => {
  const speaks = locativeNames([words('Reporters waited near Dana Reyes .'), words('Dana Reyes said the talks were over .')], [[per(3, 5)], [per(0, 2)]]);
  assert.deepEqual(speaks.map((list) => list.map((c) => c.type)), [['PER'], ['PER']]);
  const titled = locativeNames([words('He sat near President Okafor at the dinner .')], [[per(4, 5)]]);
  assert.equal(titled[0]![0]!.type, 'PER');
  const beside = locativeNames([words('She met Grace Mbeki and Daniel Okafor .')], [[per(2, 4), per(5, 7)]]);
  assert.deepEqual(beside[0]!.map((c) => c.type), ['PER', 'PER'], '"and" after a person is no place list');
});
