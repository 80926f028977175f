import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arcTree as tree } from '../../test/helpers/arc-tree.js';
import { arcRoles, datelineEnd, timeAnchor, type ArcJudge, type ArcToken, type RoleSpan } from './arc-roles.js';


const ACTORS = new Set(['Turkey', 'Russia', 'militants', 'army', 'Israel', 'police', 'Police', 'gunmen', 'Hamas', 'Kabul', 'Aleppo', 'Kandahar', 'Gaza', 'Germany']);
const PLACES = new Set(['Aleppo', 'Kandahar', 'Kabul', 'Gaza', 'Mosul']);

function judge(tokens: readonly ArcToken[]): ArcJudge {
  const words = (s: RoleSpan): string[] => tokens.slice(s.start, s.end).map((t) => t.text);
  return { isActor: (s) => words(s).some((w) => ACTORS.has(w) && !PLACES.has(w)), isPlace: (s) => words(s).some((w) => PLACES.has(w)) };
}

const text = (words: readonly string[], s: RoleSpan | undefined): string => (s ? words.slice(s.start, s.end).join(' ') : '');

test('a coordinated subject is one compound actor and the object the target: "Turkey and Russia attacked the rebel base near Aleppo"', () => {
  const { tokens, deps, words } = tree('Turkey/PROPN/4/nsubj and/CCONJ/3/cc Russia/PROPN/1/conj attacked/VERB/0/root the/DET/7/det rebel/NOUN/7/compound base/NOUN/4/obj near/ADP/9/case Aleppo/PROPN/4/obl ./PUNCT/4/punct');
  const r = arcRoles(tokens, deps, 3, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Turkey', 'Russia']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['the rebel base']);
  assert.equal(text(words, r.place), 'Aleppo');
  assert.equal(r.isPassive, false);
});

test('a passive takes its actor from the by-phrase and its target from the passive subject: "The convoy was attacked by militants in Kandahar"', () => {
  const { tokens, deps, words } = tree('The/DET/2/det convoy/NOUN/4/nsubj:pass was/AUX/4/aux:pass attacked/VERB/0/root by/ADP/6/case militants/NOUN/4/obl:agent in/ADP/8/case Kandahar/PROPN/4/obl ./PUNCT/4/punct');
  const r = arcRoles(tokens, deps, 3, judge(tokens));
  assert.equal(r.isPassive, true);
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['militants']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['The convoy']);
  assert.equal(text(words, r.place), 'Kandahar');
});

test('a controlled infinitive takes the subject of the verb above it: "The army vowed to attack the town"', () => {
  const { tokens, deps, words } = tree('The/DET/2/det army/NOUN/3/nsubj vowed/VERB/0/root to/PART/5/mark attack/VERB/3/xcomp the/DET/7/det town/NOUN/5/obj ./PUNCT/3/punct');
  const r = arcRoles(tokens, deps, 4, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['The army']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['the town']);
});

test('a relative pronoun subject stands for the noun it modifies, not the main clause subject: "Police arrested the man who attacked the guard"', () => {
  const { tokens, deps, words } = tree('Police/NOUN/2/nsubj arrested/VERB/0/root the/DET/4/det man/NOUN/2/obj who/PRON/6/nsubj attacked/VERB/4/acl:relcl the/DET/8/det guard/NOUN/6/obj ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 5, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['the man']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['the guard']);
});

test('an event noun under a light verb takes the verb subject as actor and its on-phrase as target: "Israel launched airstrikes on Gaza"', () => {
  const { tokens, deps, words } = tree('Israel/PROPN/2/nsubj launched/VERB/0/root/launch airstrikes/NOUN/2/obj/airstrike on/ADP/5/case Gaza/PROPN/3/nmod ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 2, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Israel']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['Gaza']);
});

test('an object that names no actor yields to an actor in a to-phrase: "Turkey extradited two suspects to Germany"', () => {
  const { tokens, deps, words } = tree('Turkey/PROPN/2/nsubj extradited/VERB/0/root two/NUM/4/nummod suspects/NOUN/2/obj to/ADP/6/case Germany/PROPN/2/obl ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 1, judge(tokens));
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['Germany']);
});

test('the place of a reporting clause is not the place of the reported event: "Officials in Kabul said militants attacked a checkpoint"', () => {
  const { tokens, deps, words } = tree('Officials/NOUN/4/nsubj in/ADP/3/case Kabul/PROPN/1/nmod said/VERB/0/root militants/NOUN/6/nsubj attacked/VERB/4/ccomp a/DET/8/det checkpoint/NOUN/6/obj ./PUNCT/4/punct');
  const r = arcRoles(tokens, deps, 5, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['militants']);
  assert.equal(r.place, undefined);
  assert.deepEqual(r.clauseChain, [5]);
});

test('the time attached to the trigger clause wins over the time of the reporting clause: "Police said on Tuesday that gunmen killed three villagers on Sunday"', () => {
  const { tokens, deps } = tree('Police/NOUN/2/nsubj said/VERB/0/root on/ADP/4/case Tuesday/PROPN/2/obl that/SCONJ/7/mark gunmen/NOUN/7/nsubj killed/VERB/2/ccomp three/NUM/9/nummod villagers/NOUN/7/obj on/ADP/11/case Sunday/PROPN/7/obl ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 6, judge(tokens));
  assert.equal(timeAnchor(tokens, deps, 10, 11, 6), 6, 'Sunday attaches to killed');
  assert.equal(timeAnchor(tokens, deps, 3, 4, 6), 1, 'Tuesday attaches to said');
  assert.ok(r.clauseChain.includes(6) && !r.clauseChain.includes(1), 'the chain stops at the reported clause');
});

test('an appositive names the actor when the head noun does not: "The group, Hamas, fired rockets"', () => {
  const { tokens, deps, words } = tree('The/DET/2/det group/NOUN/6/nsubj ,/PUNCT/4/punct Hamas/PROPN/2/appos ,/PUNCT/4/punct fired/VERB/0/root rockets/NOUN/6/obj ./PUNCT/6/punct');
  const r = arcRoles(tokens, deps, 5, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Hamas']);
});

test('the possessor of an arrest is the one arrested, and its by-phrase the one arresting: "Police confirmed his arrest by Turkish forces"', () => {
  const { tokens, deps, words } = tree('Police/NOUN/2/nsubj confirmed/VERB/0/root his/PRON/4/nmod:poss arrest/NOUN/2/obj by/ADP/7/case Turkish/ADJ/7/amod forces/NOUN/4/nmod ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 3, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Turkish forces']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['his']);
});

test('a subset introduced by "including" is no second target even when parsed as a conjunct: "Gunmen killed 12 people, including four children"', () => {
  const { tokens, deps, words } = tree('Gunmen/NOUN/2/nsubj killed/VERB/0/root/kill 12/NUM/4/nummod people/NOUN/2/obj ,/PUNCT/8/punct including/VERB/8/case four/NUM/8/nummod children/NOUN/4/conj ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 1, judge(tokens));
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['12 people']);
});

test('object control: the object of "forced" is the one who acts in its to-clause: "Turkey forced the militants to free the hostages"', () => {
  const { tokens, deps, words } = tree('Turkey/PROPN/2/nsubj forced/VERB/0/root/force the/DET/4/det militants/NOUN/2/obj to/PART/6/mark free/VERB/2/xcomp the/DET/8/det hostages/NOUN/6/obj ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 5, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['the militants']);
});

test('a purpose clause is no object control: in "Israel invaded Gaza to attack Hamas" Israel attacks, not Gaza', () => {
  const { tokens, deps, words } = tree('Israel/PROPN/2/nsubj invaded/VERB/0/root/invade Gaza/PROPN/2/obj to/PART/5/mark attack/VERB/2/xcomp Hamas/PROPN/5/obj ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 4, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Israel']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['Hamas']);
});
test('the possessor of a bombing does it and its of-phrase undergoes it: "Russia\'s bombing of Aleppo"', () => {
  const { tokens, deps, words } = tree("Russia/PROPN/3/nmod:poss 's/PART/1/case bombing/NOUN/0/root/bombing of/ADP/5/case Aleppo/PROPN/3/nmod");
  const r = arcRoles(tokens, deps, 2, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Russia']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['Aleppo']);
});

test('the possessor of a trial is the one tried: "Hamas\'s trial" has no actor', () => {
  const { tokens, deps, words } = tree("Police/NOUN/2/nsubj delayed/VERB/0/root/delay Hamas/PROPN/5/nmod:poss 's/PART/3/case trial/NOUN/2/obj/trial");
  const r = arcRoles(tokens, deps, 4, judge(tokens));
  assert.deepEqual(r.actors, []);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['Hamas']);
});

test('a verb of receiving has the receiver as target and the from-phrase as actor: "Israel received rockets from Turkey"', () => {
  const { tokens, deps, words } = tree('Israel/PROPN/2/nsubj received/VERB/0/root/receive rockets/NOUN/2/obj/rocket from/ADP/5/case Turkey/PROPN/2/obl ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 1, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Turkey']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['Israel']);
});

test('a conjunct with a preposition of its own is no second member: "Police arrested Hamas militants, on several charges"', () => {
  const { tokens, deps, words } = tree('Police/NOUN/2/nsubj arrested/VERB/0/root/arrest Hamas/PROPN/4/compound militants/NOUN/2/obj ,/PUNCT/8/punct on/ADP/8/case several/ADJ/8/amod charges/NOUN/4/conj/charge ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 1, judge(tokens));
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['Hamas militants']);
});

test('a participle coordinated with a passive verb is passive too: "The police were attacked and beaten by militants"', () => {
  const { tokens, deps, words } = tree('The/DET/2/det police/NOUN/4/nsubj:pass were/AUX/4/aux:pass attacked/VERB/0/root/attack and/CCONJ/6/cc beaten/VERB/4/conj/beat by/ADP/8/case militants/NOUN/6/obl:agent ./PUNCT/4/punct');
  const r = arcRoles(tokens, deps, 5, judge(tokens));
  assert.equal(r.isPassive, true);
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['militants']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['The police']);
});

test('the one sent does what the purpose clause says: "Turkey sent troops to attack the militants"', () => {
  const { tokens, deps, words } = tree('Turkey/PROPN/2/nsubj sent/VERB/0/root/send troops/NOUN/2/obj/troop to/PART/5/mark attack/VERB/2/advcl the/DET/7/det militants/NOUN/5/obj ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 4, { isActor: (s) => ['Turkey', 'troops', 'militants'].includes(words[s.head]!), isPlace: () => false });
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['troops']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['the militants']);
});

test('a verb of receiving with no giver named keeps its subject as actor: "Hamas bought rockets"', () => {
  const { tokens, deps, words } = tree('Hamas/PROPN/2/nsubj bought/VERB/0/root/buy rockets/NOUN/2/obj/rocket ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 1, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Hamas']);
});

test('a verb with an object that the parser hangs under a noun root is that noun\'s predicate: "Turkey on Tuesday attacked the militants"', () => {
  // The misparse: Turkey is the root and "attacked" a participle modifying it (as in a headline "Man arrested").
  const { tokens, deps, words } = tree('Turkey/PROPN/0/root on/ADP/3/case Tuesday/PROPN/1/nmod attacked/VERB/1/acl/attack the/DET/6/det militants/NOUN/4/obj ./PUNCT/4/punct');
  const r = arcRoles(tokens, deps, 3, judge(tokens));
  assert.equal(r.isPassive, false);
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Turkey']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['the militants']);
  const headline = tree('Militants/NOUN/0/root attacked/VERB/1/acl/attack in/ADP/4/case Kabul/PROPN/2/obl');
  const h = arcRoles(headline.tokens, headline.deps, 1, judge(headline.tokens));
  assert.equal(h.isPassive, true);
  assert.deepEqual(h.targets.map((a) => text(headline.words, a)), ['Militants']);
});

test('a subject the parser reads as a compound of the time word after it still acts: "Turkey today attacked the militants"', () => {
  const { tokens, deps, words } = tree('Turkey/PROPN/2/compound today/NOUN/3/obl:unmarked attacked/VERB/0/root/attack the/DET/5/det militants/NOUN/3/obj ./PUNCT/3/punct');
  const r = arcRoles(tokens, deps, 2, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Turkey']);
});

test('no one in a phrase of time is acted on: "Hamas asked for calm during Israel\'s elections" has no target', () => {
  const { tokens, deps } = tree("Hamas/PROPN/2/nsubj asked/VERB/0/root/ask for/ADP/4/case calm/NOUN/2/obl during/ADP/8/case Israel/PROPN/8/nmod:poss 's/PART/6/case elections/NOUN/2/obl/election ./PUNCT/2/punct");
  const r = arcRoles(tokens, deps, 1, judge(tokens));
  assert.deepEqual(r.targets, []);
});

test('issue 14: a wire dateline the parser made the subject is no participant; what it set after the dash is: "LONDON (AP) — Britain\'s party was accused"', () => {
  const { tokens, deps, words } = tree("LONDON/PROPN/11/nsubj:pass (/PUNCT/3/punct AP/PROPN/1/appos )/PUNCT/3/punct —/PUNCT/9/punct Britain/PROPN/9/nmod:poss 's/PART/6/case Conservative/ADJ/9/amod Party/PROPN/1/appos was/AUX/11/aux:pass accused/VERB/0/root/accuse ./PUNCT/11/punct");
  assert.equal(datelineEnd(tokens), 5);
  const r = arcRoles(tokens, deps, 10, judge(tokens));
  assert.deepEqual(r.targets.map((a) => text(words, a)), ["Britain 's Conservative Party"]);
  // No dateline: a dash inside a clause, or a verb before the dash.
  assert.equal(datelineEnd(tree('Police/NOUN/2/nsubj said/VERB/0/root —/PUNCT/4/punct again/ADV/2/advmod').tokens), 0);
  assert.equal(datelineEnd(tree('Turkey/PROPN/2/nsubj attacked/VERB/0/root Gaza/PROPN/2/obj —/PUNCT/5/punct again/ADV/2/advmod').tokens), 0);
});

test('issue 14: a passive keeps its own subject as the one acted on, even when it names no actor: "sales were hit by the crashes of its jet"', () => {
  const { tokens, deps, words } = tree('sales/NOUN/3/nsubj:pass were/AUX/3/aux:pass hit/VERB/0/root/hit after/ADP/5/case crashes/NOUN/3/obl of/ADP/8/case the/DET/8/det militants/NOUN/5/nmod ./PUNCT/3/punct');
  const r = arcRoles(tokens, deps, 2, judge(tokens));
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['sales']);
});

test('issue 14: a verb the parser conjoined to a noun shares the subject of the clause holding that noun: "Vietnam is one of the critics of claims and has accused Russia"', () => {
  const { tokens, deps, words } = tree('Vietnam/PROPN/3/nsubj is/AUX/3/cop one/NUM/0/root of/ADP/6/case the/DET/6/det critics/NOUN/3/nmod of/ADP/8/case claims/NOUN/6/nmod/claim and/CCONJ/11/cc has/AUX/11/aux accused/VERB/8/conj/accuse Russia/PROPN/11/obj ./PUNCT/3/punct');
  const r = arcRoles(tokens, deps, 10, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Vietnam']);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['Russia']);
});

test('issue 14: a finite verb with no subject arc takes the actor named right before its auxiliary: "This comes as Turkey has attacked Gaza"', () => {
  const { tokens, deps, words } = tree('This/PRON/2/nsubj comes/VERB/0/root/come as/ADP/4/case Turkey/PROPN/2/obl has/AUX/6/aux attacked/VERB/2/ccomp/attack Gaza/PROPN/6/obj ./PUNCT/2/punct');
  const r = arcRoles(tokens, deps, 5, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Turkey']);
  // Not through a preposition of place: in "After clashes in Kabul, have attacked Gaza" Kabul attacked no one.
  const inPlace = tree('After/ADP/2/case clashes/NOUN/6/obl in/ADP/4/case Kabul/PROPN/2/nmod have/AUX/6/aux attacked/VERB/0/root/attack Gaza/PROPN/6/obj');
  assert.deepEqual(arcRoles(inPlace.tokens, inPlace.deps, 5, judge(inPlace.tokens)).actors, []);
});

test('issue 14: a participle the parser made the complement of "be" is a passive: "authorities there were accused" has no actor and the authorities as target', () => {
  const { tokens, deps, words } = tree('the/DET/2/det police/NOUN/4/nsubj there/PRON/4/expl were/VERB/0/root/be accused/VERB/4/xcomp/accuse of/SCONJ/7/mark lying/VERB/5/advcl/lie ./PUNCT/4/punct');
  const r = arcRoles(tokens, deps, 4, judge(tokens));
  assert.equal(r.isPassive, true);
  assert.deepEqual(r.actors, []);
  assert.deepEqual(r.targets.map((a) => text(words, a)), ['the police']);
});

test('issue 14: a subject the parser drew into a fronted time phrase as its conjunct still acts: "In October, Rep. Turkey, R-W.Va., attacked Gaza"', () => {
  const { tokens, deps, words } = tree('In/ADP/2/case October/PROPN/7/obl/october ,/PUNCT/2/punct Rep./PROPN/5/compound Turkey/PROPN/2/conj ,/PUNCT/2/punct attacked/VERB/0/root/attack Gaza/PROPN/7/obj ./PUNCT/7/punct');
  const r = arcRoles(tokens, deps, 6, judge(tokens));
  assert.deepEqual(r.actors.map((a) => text(words, a)), ['Rep. Turkey']);
});

test('issue 14 › "the son of Hamas\'s founder was stabbed" stabbed the son: a kin noun is not the one it is kin to; "members of Hamas" are Hamas', () => {
  const son = tree("The/DET/2/det son/NOUN/8/nsubj:pass of/ADP/6/case Hamas/PROPN/6/nmod:poss 's/PART/4/case founder/NOUN/2/nmod was/AUX/8/aux:pass stabbed/VERB/0/root/stab");
  assert.deepEqual(arcRoles(son.tokens, son.deps, 7, judge(son.tokens)).targets.map((t) => text(son.words, t)), ['The son']);
  const members = tree('Police/NOUN/2/nsubj arrested/VERB/0/root/arrest members/NOUN/2/obj/member of/ADP/5/case Hamas/PROPN/3/nmod');
  assert.deepEqual(arcRoles(members.tokens, members.deps, 1, judge(members.tokens)).targets.map((t) => text(members.words, t)), ['Hamas']);
});

test('issue 14 › "he" in a clause under a reporting verb is left to coreference; "it" still stands for the reporting state: "Russia said it attacked …"', () => {
  const he = tree('The/DET/2/det army/NOUN/3/nsubj said/VERB/0/root/say he/PRON/5/nsubj attacked/VERB/3/ccomp/attack Kabul/PROPN/5/obj');
  assert.deepEqual(arcRoles(he.tokens, he.deps, 4, judge(he.tokens)).actors.map((a) => text(he.words, a)), ['he']);
  const it = tree('Russia/PROPN/2/nsubj said/VERB/0/root/say it/PRON/4/nsubj attacked/VERB/2/ccomp/attack Aleppo/PROPN/4/obj');
  assert.deepEqual(arcRoles(it.tokens, it.deps, 3, judge(it.tokens)).actors.map((a) => text(it.words, a)), ['Russia']);
});
