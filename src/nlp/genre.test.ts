import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyGenre } from './genre.js';

const REPORT =
  'KHARTOUM, Sudan (Reuters) — Sudan’s army said on Tuesday it had retaken the Shambat bridge after three days of fighting. ' +
  'A spokesman told reporters that 14 fighters were killed. The Rapid Support Forces denied the claim, according to a statement. ' +
  'Residents said shelling continued overnight, and aid groups reported that two clinics had closed.';

test('a how-to title makes a guide: "How to Repot a Fiddle-Leaf Fig"', () => {
  const d = classifyGenre({ title: 'How to Repot a Fiddle-Leaf Fig', text: 'Choose a pot one size up. Water the plant the day before so the roots slide out.' });
  assert.equal(d.genre, 'guide');
  assert.ok(d.cues.some((c) => c.toLowerCase().includes('how to')), 'the decision names its cue');
});

test('a reviews address and a "best" title make a review', () => {
  assert.equal(classifyGenre({ title: 'The Best Noise-Cancelling Headphones', url: 'https://example.com/reviews/headphones', text: 'We wore twelve pairs on trains and planes for a month.' }).genre, 'review');
});

test('a dateline report stays news even when its headline says "best"', () => {
  assert.equal(classifyGenre({ title: 'Sudan army says its best units retook Khartoum bridge', text: REPORT }).genre, 'news');
});

test('plain text with no title or address and a few reporting sentences is news, so bare articles keep their events', () => {
  assert.equal(classifyGenre({ text: 'Police said two men were arrested after the fire at the harbour warehouse on Sunday.' }).genre, 'news');
});

test('measures and cooking verbs make a recipe without any title', () => {
  const text = 'Ingredients: two tablespoons of butter, a teaspoon of salt, 300 g of flour. Preheat the oven. Whisk the eggs, stir in the flour and simmer the sauce for ten minutes.';
  assert.equal(classifyGenre({ text }).genre, 'recipe');
});

test('a long first-person post with no reporting is another kind of page, not news', () => {
  const text = Array.from({ length: 30 }, () => 'I spent my weekend rewriting my old blog engine, and I think my new build script is finally fast enough for me.').join(' ');
  assert.equal(classifyGenre({ title: 'Notes on my blog engine', text }).genre, 'other');
});
