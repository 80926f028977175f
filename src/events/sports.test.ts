import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CoderToken } from './coder.js';
import { hasScore, isSportsReport, isSportsResult, isSportsSentence } from './sports.js';

/** Tokens of a sentence split on spaces, each its own lemma unless "word/lemma". */
function sentence(text: string): { tokens: CoderToken[]; text: string } {
  let at = 0;
  const tokens = text.split(' ').map((item) => {
    const [word, lemma] = item.split('/') as [string, string | undefined];
    const token: CoderToken = { text: word, lemma: lemma ?? word.toLowerCase(), pos: 'X', start: at, end: at + word.length };
    at += word.length + 1;
    return token;
  });
  return { tokens, text: tokens.map((t) => t.text).join(' ') };
}
const assault = { ploverType: 'ASSAULT', sources: [{ code: 'USA' }], targets: [{}] };
const trigger = (s: { tokens: CoderToken[] }, word: string): CoderToken => s.tokens.find((t) => t.text === word)!;

test('sports › a score is a score, a year range or a date is not', () => {
  assert.ok(hasScore('Wild 4, Sabres 1: Zach Parise scored twice'));
  assert.ok(hasScore('United won 3-1 at home'));
  assert.ok(hasScore('a 21–17 win'));
  assert.ok(!hasScore('the 2019-2024 plan'));
  assert.ok(!hasScore('on 12/03 and 4.5-6 tonnes'));
  assert.ok(!hasScore('Gunmen killed 12 villagers and three soldiers'));
});

test('sports › a result verb coded as violence is a sports result with a score, or in a sports sentence of a sports report', () => {
  const scored = sentence('Blue Jackets 5, Canadiens 2: Columbus beat/beat Montreal .');
  assert.ok(isSportsResult(assault, trigger(scored, 'beat'), scored, () => false), 'a score in the sentence says it');
  const roundup = sentence('Rask made 25 saves as the Bruins beat/beat the Devils .');
  assert.ok(isSportsResult(assault, trigger(roundup, 'beat'), roundup, () => true));
  assert.ok(!isSportsResult(assault, trigger(roundup, 'beat'), roundup, () => false), 'outside a sports report a sports word alone is not enough');
  const plain = sentence('Russia beat/beat Croatia on Monday .');
  assert.ok(isSportsResult(assault, trigger(plain, 'beat'), plain, () => true), 'in a sports report a result between two countries is a result');
  assert.ok(!isSportsResult(assault, trigger(plain, 'beat'), plain, () => false), 'outside one it is read as before');
  const police = sentence('Police beat/beat fans outside the stadium after the football match .');
  assert.ok(!isSportsResult(assault, trigger(police, 'beat'), police, () => false), 'police beating fans in a news story stays an assault');
  const attack = sentence('Gunmen attacked/attack the team bus after the 2-1 defeat .');
  assert.ok(!isSportsResult(assault, trigger(attack, 'attacked'), attack, () => true), '"attack" is how violence is told, even beside a score');
  const riot = sentence('Police beat/beat fans after the 2-1 defeat .');
  assert.ok(!isSportsResult({ ...assault, sources: [{ code: 'GBRCOP' }] }, trigger(riot, 'beat'), riot, () => true), 'police are no team');
  assert.ok(!isSportsResult({ ...assault, ploverType: 'CONSULT' }, trigger(scored, 'beat'), scored, () => true), 'only violent types are read as sports');
});

test('sports › a comeback is no protest: "Herbert and Mahut rallied to defeat McLachlan and Uchiyama 6-7 (4), 6-4, 7-5"', () => {
  const protest = { ploverType: 'PROTEST', sources: [{}], targets: [] };
  const comeback = sentence('Herbert and Mahut rallied/rally to defeat/defeat McLachlan and Uchiyama 6-7 (4), 6-4, 7-5 .');
  assert.ok(isSportsResult(protest, trigger(comeback, 'rallied'), comeback, () => true), 'a scored sentence of a sports report');
  const vote = sentence('Supporters rallied/rally outside the council after the 2-1 vote .');
  assert.ok(!isSportsResult(protest, trigger(vote, 'rallied'), vote, () => false), 'outside a sports report a "2-1 vote" is no match');
  const march = sentence('Thousands rallied/rally outside parliament on Sunday .');
  assert.ok(!isSportsResult(protest, trigger(march, 'rallied'), march, () => true), 'a rally with no sports word is a protest, even in a sports report');
  const farmers = sentence('Farmers rallied/rally against the new tax after the 2-1 vote .');
  assert.ok(!isSportsResult({ ...protest, sources: [{ code: 'FRAAGR' }] }, trigger(farmers, 'rallied'), farmers, () => true), 'a sector is no team');
});

test('sports › an article is a sports report when one sentence in six, and at least three, read as sports', () => {
  const sporty = [sentence('Parise scored twice .'), sentence('Stalock made 30 saves .'), sentence('The Wild won their third straight game .')];
  const news = Array.from({ length: 10 }, () => sentence('The council met on Monday to discuss the budget .'));
  assert.ok(isSportsReport([...sporty, ...news.slice(0, 5)]));
  assert.ok(!isSportsReport([...sporty, ...news, ...news]), 'three sports sentences in twenty-three: a news story that mentions a game');
  assert.ok(!isSportsSentence(sentence('The goal of the raid was to free hostages .').tokens, 'The goal of the raid was to free hostages .'), 'one shared word is not sports');
});
