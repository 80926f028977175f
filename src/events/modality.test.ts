import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Upos } from '../model/index.js';
import type { CoderToken } from './coder.js';
import { modalityAt, type CodedModality } from './modality.js';

/**
 * Tokens from "word/POS" or "word/POS/lemma" items (UPOS), as a tagger would have left them; the trigger is the item
 * marked with a leading '*'. Some rows carry a tag a real tagger gave ("whether/ADP", "Apple/VERB") on purpose: the
 * rules must hold whatever the tagger says about those words.
 */
function sentence(spec: string): { tokens: CoderToken[]; at: number } {
  const tokens: CoderToken[] = [];
  let at = -1;
  let offset = 0;
  for (const item of spec.split(' ')) {
    const isTrigger = item.startsWith('*');
    const [word, pos, lemma] = (isTrigger ? item.slice(1) : item).split('/') as [string, Upos, string | undefined];
    if (isTrigger) at = tokens.length;
    tokens.push({ text: word, lemma: lemma ?? word.toLowerCase(), pos, start: offset, end: offset + word.length });
    offset += word.length + 1;
  }
  assert.ok(at >= 0, `no *trigger in "${spec}"`);
  return { tokens, at };
}

const plain = (spec: string): string => spec.replace(/\*/g, '').replace(/\/[^ ]+/g, '');

/** [rule, sentence with the *trigger, expected modality]. */
const CASES: readonly [string, string, CodedModality][] = [
  // Baseline cues, unchanged.
  ['asserted', 'Turkey/PROPN *attacked/VERB/attack Syria/PROPN ./PUNCT', 'asserted'],
  ['negation', 'Turkey/PROPN did/AUX/do not/PART *attack/VERB Syria/PROPN ./PUNCT', 'negated'],
  ['negation through a gerund (issue 7)', 'Iran/PROPN has/AUX/have not/PART officially/ADV acknowledged/VERB/acknowledge *sending/VERB/send troops/NOUN/troop ./PUNCT', 'negated'],
  ['will', 'Iran/PROPN will/AUX *send/VERB troops/NOUN/troop ./PUNCT', 'planned'],
  ['plan verb + to', 'Iran/PROPN plans/VERB/plan to/PART *send/VERB troops/NOUN/troop ./PUNCT', 'planned'],
  ['could (left as it was)', 'Turkey/PROPN could/AUX *attack/VERB Syria/PROPN ./PUNCT', 'hypothetical'],
  ['progressive', 'Syrian/ADJ troops/NOUN/troop are/AUX/be *attacking/VERB/attack Aleppo/PROPN ./PUNCT', 'ongoing'],
  // 1. The walk back stops at a clause word (whatever its tag) and at a new subject pronoun.
  ['whether opens a clause the negation does not reach', 'He/PRON did/AUX/do not/PART say/VERB whether/ADP he/PRON decided/VERB/decide to/PART leave/VERB or/CCONJ was/AUX/be *forced/VERB/force out/ADP ./PUNCT', 'hypothetical'],
  ['when opens a clause', 'The/DET glitch/NOUN was/AUX/be not/PART reported/VERB/report when/ADV the/DET plane/NOUN *made/VERB/make its/PRON maiden/ADJ flight/NOUN ./PUNCT', 'asserted'],
  ['because opens a clause', 'Turkey/PROPN did/AUX/do not/PART retaliate/VERB because/ADP Russia/PROPN *apologized/VERB/apologize ./PUNCT', 'asserted'],
  ['after opens a clause', 'Iran/PROPN will/AUX not/PART talk/VERB after/ADP Iraq/PROPN *attacked/VERB/attack ./PUNCT', 'asserted'],
  ['a subject pronoun starts a clause', 'Airlines/NOUN/airline will/AUX display/VERB the/DET aircraft/NOUN they/PRON *intend/VERB to/PART launch/VERB ./PUNCT', 'asserted'],
  ['a wh-word starts a clause', 'We/PRON want/VERB to/PART know/VERB what/PRON *happened/VERB/happen ./PUNCT', 'asserted'],
  ['"not all" negates the quantifier', 'The/DET GAO/PROPN agreed/VERB/agree ,/PUNCT though/SCONJ not/PART all/DET claims/NOUN/claim were/AUX/be *upheld/VERB/uphold ./PUNCT', 'asserted'],
  ['the pronoun subject keeps its own negation', 'Apple/PROPN said/VERB/say it/PRON will/AUX not/PART *release/VERB the/DET phone/NOUN ./PUNCT', 'negated'],
  // 2. A negation stays on the verb before "to".
  ['"does not attempt to compete": attempt is negated', 'The/DET 7e7/NOUN does/AUX/do not/PART *attempt/VERB to/PART compete/VERB ./PUNCT', 'negated'],
  ['"does not attempt to compete": compete is not', 'The/DET 7e7/NOUN does/AUX/do not/PART attempt/VERB to/PART *compete/VERB ./PUNCT', 'asserted'],
  ['"do not need to buy": buy is not negated', 'We/PRON do/AUX not/PART need/VERB to/PART *buy/VERB aircraft/NOUN ./PUNCT', 'asserted'],
  ['"not to buy" negates the infinitive', 'The/DET minister/NOUN told/VERB/tell airlines/NOUN/airline not/PART to/PART *buy/VERB European/ADJ aircraft/NOUN ./PUNCT', 'negated'],
  ['"not going to" carries the negation', 'Iran/PROPN is/AUX/be not/PART going/VERB/go to/PART *attack/VERB Iraq/PROPN ./PUNCT', 'negated'],
  ['"not able to" carries the negation', 'The/DET jet/NOUN was/AUX/be not/PART able/ADJ to/PART *land/VERB ./PUNCT', 'negated'],
  // 3. Headline "NP to VERB" is planned.
  ['headline NP to be VERB', 'Singapore/PROPN Airlines/PROPN to/PART be/AUX *compensated/VERB/compensate for/ADP A380/PROPN delays/NOUN/delay', 'planned'],
  ['headline with a mis-tagged subject', 'Apple/VERB to/PART *lower/VERB UK/PROPN iTunes/PROPN prices/NOUN/price', 'planned'],
  ['headline with a lower-case head noun', 'Oil/NOUN prices/NOUN/price to/PART *rise/VERB in/ADP 2009/NUM', 'planned'],
  // 4. Hedges make the embedded event hypothetical.
  ['"it is expected that … will"', 'It/PRON is/AUX/be expected/VERB/expect that/SCONJ films/NOUN/film will/AUX *retail/VERB for/ADP $9.99/NUM ./PUNCT', 'hypothetical'],
  ['"are said to"', 'The/DET new/ADJ MacBooks/PROPN are/AUX/be said/VERB/say to/PART *be/AUX faster/ADJ ./PUNCT', 'hypothetical'],
  ['"is believed to"', 'The/DET order/NOUN is/AUX/be widely/ADV believed/VERB/believe to/PART *be/AUX worth/ADJ $15/NUM billion/NUM ./PUNCT', 'hypothetical'],
  ['"appears to be"', 'The/DET device/NOUN appears/VERB/appear to/PART be/AUX *running/VERB/run a/DET mobile/ADJ system/NOUN ./PUNCT', 'hypothetical'],
  ['"expects to"', 'The/DET company/NOUN expects/VERB/expect to/PART *cut/VERB 4,300/NUM jobs/NOUN/job ./PUNCT', 'hypothetical'],
  ['"is likely to"', 'The/DET deal/NOUN is/AUX/be likely/ADJ to/PART *close/VERB in/ADP March/PROPN ./PUNCT', 'hypothetical'],
  ['a hedge before the pronoun subject', 'Analysts/NOUN/analyst believe/VERB that/SCONJ it/PRON will/AUX *attack/VERB ./PUNCT', 'hypothetical'],
  ['"would like to" is a wish now', 'AirTran/PROPN would/AUX *like/VERB to/PART thank/VERB Boeing/PROPN ./PUNCT', 'asserted'],
];

/** Sentences where a rule must NOT fire. */
const MUST_NOT_FIRE: readonly [string, string, CodedModality][] = [
  ['an infinitive under a noun in a body sentence is no headline', 'The/DET operation/NOUN to/PART *rescue/VERB the/DET pilot/NOUN was/AUX/be carried/VERB/carry out/ADP by/ADP Hezbollah/PROPN ./PUNCT', 'asserted'],
  ['a headline with a verb before "to"', 'Apple/PROPN releases/NOUN/release program/NOUN to/PART *limit/VERB iPod/PROPN volume/NOUN', 'asserted'],
  ['a headline with a lower-case -s verb before "to"', 'Boeing/PROPN rolls/NOUN/roll out/ADP first/ADJ 787/NUM Dreamliner/PROPN to/PART *go/VERB into/ADP service/NOUN', 'asserted'],
  ['a headline with an -ed verb before "to"', 'Boeing/PROPN allowed/ADJ to/PART *bid/VERB for/ADP contracts/NOUN/contract', 'asserted'],
  ['a plain purpose "to" in a body sentence', 'Boeing/PROPN won/VERB/win a/DET contract/NOUN to/PART *supply/VERB tankers/NOUN/tanker ./PUNCT', 'asserted'],
  ['"said that" is reported speech, not a hedge', 'He/PRON said/VERB/say that/SCONJ sales/NOUN/sale *rose/VERB/rise ./PUNCT', 'asserted'],
  ['"said to" without "be" is no hedge', 'Iran/PROPN said/VERB/say to/ADP reporters/NOUN/reporter that/SCONJ troops/NOUN/troop *left/VERB/leave ./PUNCT', 'asserted'],
  ['"said that … will" stays planned', 'The/DET company/NOUN said/VERB/say that/SCONJ it/PRON will/AUX *cut/VERB jobs/NOUN/job ./PUNCT', 'planned'],
  ['"no longer" is still a negation', 'I/PRON could/AUX no/DET longer/ADV *meet/VERB my/PRON duties/NOUN/duty ./PUNCT', 'negated'],
];

for (const [rule, spec, expected] of [...CASES, ...MUST_NOT_FIRE]) {
  test(`modality › ${rule}: "${plain(spec)}" → ${expected}`, () => {
    const { tokens, at } = sentence(spec);
    assert.equal(modalityAt(tokens, at), expected);
  });
}

test('modality › the coder\'s subject bound stops the walk: the negation before the subject is not read', () => {
  // "Not surprisingly, Turkey attacked": the subject "Turkey" ends at token 3.
  const { tokens, at } = sentence('Not/PART surprisingly/ADV Turkey/PROPN *attacked/VERB/attack Syria/PROPN ./PUNCT');
  assert.equal(modalityAt(tokens, at, { subjectEnd: 3 }), 'asserted');
});
