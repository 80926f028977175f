import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arcTree as tree } from '../../test/helpers/arc-tree.js';
import { asksQuestion, hasThingObject, isAdvice, isInQuestion, isTopicOrOrigin, isVerbalAttack, lacksRecipient, nonEventUse } from './reported.js';

const words = (s: string) => s.split(' ').map((text) => ({ text }));

test('reported › acts addressed to someone need them; disapproval, rejection and material acts may stand alone', () => {
  for (const code of ['020', '036', '042', '051', '061', '070', '100', '138']) assert.equal(lacksRecipient(code, 1, 0), true, code);
  for (const code of ['090', '112', '120', '141', '150', '163', '173', '190', '0874']) assert.equal(lacksRecipient(code, 1, 0), false, code);
  // With a target, or with parties named together acting on each other ("Russia and Turkey met"), nothing is missing.
  assert.equal(lacksRecipient('042', 1, 1), false);
  assert.equal(lacksRecipient('040', 2, 0), false);
});

test('reported › a question reports nothing: "What\'s America talking about ?" and a quoted question before its cue', () => {
  assert.equal(isInQuestion(words("What 's America talking about ?"), 3), true);
  assert.equal(isInQuestion(words('“ Why did they attack us ? ” he said .'), 4), true);
  // The statement after a question mark, and a plain report, are not questions.
  assert.equal(isInQuestion(words('Police arrested two men on Monday .'), 1), false);
  assert.equal(isInQuestion(words('Asked why ? He said troops attacked the post .'), 7), false);
});

test('reported › "executed a search warrant" and "receive bids" use the verb in another sense; "attacked the convoy" does not', () => {
  const warrant = tree('Officers/NOUN/2/nsubj/officer executed/VERB/0/root/execute a/DET/5/det search/NOUN/5/compound warrant/NOUN/2/obj on/ADP/8/case a/DET/8/det garage/NOUN/2/obl');
  assert.equal(hasThingObject(warrant.tokens, warrant.deps, 1, '180', () => false), true);
  const bids = tree('NASA/PROPN/2/nsubj chose/VERB/0/root/choose to/PART/4/mark receive/VERB/2/xcomp bids/NOUN/4/obj/bid');
  assert.equal(hasThingObject(bids.tokens, bids.deps, 3, '043', () => false), true);
  const convoy = tree('Gunmen/NOUN/2/nsubj/gunman attacked/VERB/0/root/attack the/DET/4/det convoy/NOUN/2/obj');
  assert.equal(hasThingObject(convoy.tokens, convoy.deps, 1, '190', (k) => convoy.tokens[k]!.lemma === 'convoy'), false);
});

test('reported › a counted, named or pronoun object is a participant; other roots are not checked', () => {
  const killed = tree('Troops/NOUN/2/nsubj/troop killed/VERB/0/root/kill 12/NUM/2/obj');
  assert.equal(hasThingObject(killed.tokens, killed.deps, 1, '190', () => false), false);
  const counted = tree('Troops/NOUN/2/nsubj/troop killed/VERB/0/root/kill 12/NUM/4/nummod rebels/NOUN/2/obj/rebel');
  assert.equal(hasThingObject(counted.tokens, counted.deps, 1, '190', () => false), false);
  const named = tree('Netanyahu/PROPN/2/nsubj visited/VERB/0/root/visit Hebron/PROPN/2/obj');
  assert.equal(hasThingObject(named.tokens, named.deps, 1, '042', () => false), false);
  // Seizing a thing is coercion as the lexicon means it: only consult and assault verbs are checked.
  const seized = tree('Police/NOUN/2/nsubj seized/VERB/0/root/seize weapons/NOUN/2/obj/weapon');
  assert.equal(hasThingObject(seized.tokens, seized.deps, 1, '1711', () => false), false);
});

test('reported › "warned people to stay away" is advice, "threatened to kill Omar" and "warned Kyiv of consequences" are threats', () => {
  const advice = tree('Officials/NOUN/3/nsubj/official have/AUX/3/aux warned/VERB/0/root/warn people/NOUN/3/obj to/PART/6/mark stay/VERB/4/acl away/ADV/6/advmod');
  assert.equal(isAdvice(advice.tokens, advice.deps, 2, '130'), true);
  const xcomp = tree('Police/NOUN/2/nsubj warned/VERB/0/root/warn residents/NOUN/2/obj/resident to/PART/5/mark leave/VERB/2/xcomp');
  assert.equal(isAdvice(xcomp.tokens, xcomp.deps, 1, '130'), true);
  const threat = tree('Carlineo/PROPN/2/nsubj threatened/VERB/0/root/threaten to/PART/4/mark kill/VERB/2/xcomp Omar/PROPN/4/obj');
  assert.equal(isAdvice(threat.tokens, threat.deps, 1, '138'), false);
  const consequences = tree('Moscow/PROPN/2/nsubj warned/VERB/0/root/warn Kyiv/PROPN/2/obj of/ADP/5/case consequences/NOUN/2/obl/consequence');
  assert.equal(isAdvice(consequences.tokens, consequences.deps, 1, '130'), false);
});

test('reported › adjectives, orders and the simple present report no act: "the recently released survey", "Visit our centre", "Companies that offer food"', () => {
  const released = tree('the/DET/3/det recently/ADV/3/advmod released/VERB/4/amod/release survey/NOUN/0/root');
  assert.equal(nonEventUse(released.tokens, released.deps, 2, true), 'modifier');
  const visit = tree('Visit/VERB/0/root/visit our/PRON/4/nmod:poss Knowledge/PROPN/4/compound Center/PROPN/1/obj ./PUNCT/1/punct');
  assert.equal(nonEventUse(visit.tokens, visit.deps, 0, true), 'imperative');
  const later = tree('For/ADP/2/case more/ADJ/4/obl ,/PUNCT/2/punct visit/VERB/0/root/visit our/PRON/6/nmod:poss site/NOUN/4/obj ./PUNCT/4/punct');
  assert.equal(nonEventUse(later.tokens, later.deps, 3, true), 'imperative');
  const offer = tree('Companies/NOUN/6/nsubj/company that/PRON/3/nsubj offer/VERB/1/acl:relcl food/NOUN/3/obj make/VERB/0/root up/ADP/5/compound:prt ./PUNCT/5/punct');
  assert.equal(nonEventUse(offer.tokens, offer.deps, 2, true), 'present');
  const provides = tree('The/DET/2/det Corporation/PROPN/3/nsubj provides/VERB/0/root/provide funding/NOUN/3/obj ./PUNCT/3/punct');
  assert.equal(nonEventUse(provides.tokens, provides.deps, 2, true), 'present');
});

test('reported › past, perfect, progressive and headline acts are reported: "Police arrested", "have hit", "Esper accuses China"', () => {
  const arrested = tree('Police/NOUN/2/nsubj arrested/VERB/0/root/arrest two/NUM/4/nummod men/NOUN/2/obj/man ./PUNCT/2/punct');
  assert.equal(nonEventUse(arrested.tokens, arrested.deps, 1, true), undefined);
  const perfect = tree('Rebels/NOUN/3/nsubj/rebel have/AUX/3/aux/have attacked/VERB/0/root/attack the/DET/5/det base/NOUN/3/obj ./PUNCT/3/punct');
  assert.equal(nonEventUse(perfect.tokens, perfect.deps, 2, true), undefined);
  // "hit" may be past: never read as a present.
  const hit = tree('Missiles/NOUN/2/nsubj/missile hit/VERB/0/root/hit the/DET/4/det town/NOUN/2/obj ./PUNCT/2/punct');
  assert.equal(nonEventUse(hit.tokens, hit.deps, 1, true), undefined);
  const headline = tree('Esper/PROPN/2/nsubj accuses/VERB/0/root/accuse China/PROPN/2/obj');
  assert.equal(nonEventUse(headline.tokens, headline.deps, 1, false), undefined);
});

test('reported › what was talked about and where a visitor came from are no party met: "talking about the governor\'s slogan", "arrived from Lyon"', () => {
  const talk = tree("Residents/NOUN/3/nsubj/resident were/AUX/3/aux talking/VERB/0/root/talk about/ADP/8/case the/DET/6/det governor/NOUN/8/nmod:poss 's/PART/6/case slogan/NOUN/3/obl");
  assert.equal(isTopicOrOrigin(talk.tokens, talk.deps, 2, 5), true);
  const came = tree('The/DET/2/det team/NOUN/3/nsubj arrived/VERB/0/root/arrive from/ADP/5/case Lyon/PROPN/3/obl');
  assert.equal(isTopicOrOrigin(came.tokens, came.deps, 2, 4), true);
  // The one met, and a meeting partner in a with-phrase, are parties.
  const met = tree('Rutte/PROPN/2/nsubj met/VERB/0/root/meet with/ADP/4/case Scholz/PROPN/2/obl about/ADP/6/case trade/NOUN/2/obl');
  assert.equal(isTopicOrOrigin(met.tokens, met.deps, 1, 3), false);
  assert.equal(isTopicOrOrigin(met.tokens, met.deps, 1, 5), true);
});

test('reported › an attack in words is no assault: a speech medium, an "as" predicate, or people and things attacked together', () => {
  const tweet = tree('The/DET/2/det senator/NOUN/3/nsubj attacked/VERB/0/root/attack the/DET/5/det mayor/NOUN/3/obj in/ADP/8/case a/DET/8/det tweet/NOUN/3/obl');
  assert.equal(isVerbalAttack(tweet.tokens, tweet.deps, 2, false), true);
  const reckless = tree('Unions/NOUN/2/nsubj/union attacked/VERB/0/root/attack the/DET/4/det budget/NOUN/2/obj as/ADP/6/case reckless/ADJ/2/obl');
  assert.equal(isVerbalAttack(reckless.tokens, reckless.deps, 1, false), true);
  // The caller found people and things (businesses, associates) among those attacked.
  const family = tree('Critics/NOUN/2/nsubj/critic attacked/VERB/0/root/attack his/PRON/4/nmod:poss wife/NOUN/2/obj');
  assert.equal(isVerbalAttack(family.tokens, family.deps, 1, true), true);
  // A physical attack: no medium, a time clause with "as", and a verb of force only in its own sense.
  const raid = tree('Gunmen/NOUN/2/nsubj/gunman attacked/VERB/0/root/attack the/DET/4/det convoy/NOUN/2/obj as/SCONJ/7/mark it/PRON/7/nsubj passed/VERB/2/advcl/pass');
  assert.equal(isVerbalAttack(raid.tokens, raid.deps, 1, false), false);
  const shelled = tree('Troops/NOUN/2/nsubj/troop shelled/VERB/0/root/shell the/DET/4/det town/NOUN/2/obj in/ADP/7/case a/DET/7/det speech/NOUN/2/obl');
  assert.equal(isVerbalAttack(shelled.tokens, shelled.deps, 1, false), false);
});

test('reported › "demanded how he could be so sure" puts a question; "demanded the release of" demands an act', () => {
  assert.equal(asksQuestion(words('The host demanded how he could be so sure'), 3), true);
  assert.equal(asksQuestion(words('Lawmakers asked why the aid was held'), 2), true);
  assert.equal(asksQuestion(words('Iraq demanded the release of prisoners'), 2), false);
});

test('reported › a subjectless conjunct shares its first verb\'s simple present: "the firm expands its reach and investigates threats"', () => {
  const both = tree('The/DET/2/det firm/NOUN/3/nsubj expands/VERB/0/root/expand its/PRON/5/nmod:poss reach/NOUN/3/obj ,/PUNCT/7/punct investigate/VERB/3/conj threats/NOUN/7/obj/threat ./PUNCT/3/punct');
  assert.equal(nonEventUse(both.tokens, both.deps, 6, true), 'present');
  // After a past verb, a bare conjunct is no description: "Police raided the flat and arrest …" is left alone.
  const past = tree('Police/NOUN/2/nsubj raided/VERB/0/root/raid the/DET/4/det flat/NOUN/2/obj and/CCONJ/6/cc arrest/VERB/2/conj two/NUM/8/nummod men/NOUN/6/obj/man ./PUNCT/2/punct');
  assert.equal(nonEventUse(past.tokens, past.deps, 5, true), undefined);
});
