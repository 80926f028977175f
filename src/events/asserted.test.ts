import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arcTree as tree } from '../../test/helpers/arc-tree.js';
import { isInModalScope, isPerfectRelative, unassertedReason } from './asserted.js';


test('asserted › a verb in the complement of another trigger is its content: "The man threatened to kill the congresswoman"', () => {
  const { tokens, deps } = tree('The/DET/2/det man/NOUN/3/nsubj threatened/VERB/0/root/threaten to/PART/5/mark kill/VERB/3/xcomp the/DET/7/det congresswoman/NOUN/5/obj ./PUNCT/3/punct');
  assert.equal(unassertedReason(tokens, deps, 4, new Set([2])), 'content-of-event');
  // The threat itself is asserted; without "threatened" as a trigger, "to kill" reads on its own.
  assert.equal(unassertedReason(tokens, deps, 2, new Set([4])), undefined);
});

test('asserted › a coordinated verb shares the complement: "pleaded guilty to threatening to assault and murder an official"', () => {
  const { tokens, deps } = tree('He/PRON/2/nsubj threatened/VERB/0/root/threaten to/PART/4/mark assault/VERB/2/xcomp and/CCONJ/6/cc murder/VERB/4/conj an/DET/8/det official/NOUN/4/obj');
  assert.equal(unassertedReason(tokens, deps, 5, new Set([1, 3])), 'content-of-event');
});

test('asserted › "accused Beijing of bullying" reads the gerund as the accusation\'s content', () => {
  const { tokens, deps } = tree('Hanoi/PROPN/2/nsubj accused/VERB/0/root/accuse Beijing/PROPN/2/obj of/SCONJ/5/mark bullying/VERB/2/advcl/bully its/PRON/7/nmod:poss neighbours/NOUN/5/obj');
  assert.equal(unassertedReason(tokens, deps, 4, new Set([1])), 'content-of-event');
});

test('asserted › a purpose clause is not an event: "Plumbers trained as teachers to fight the vouchers bill"', () => {
  const { tokens, deps } = tree('Plumbers/NOUN/2/nsubj/plumber trained/VERB/0/root/train as/ADP/4/case teachers/NOUN/2/obl/teacher to/PART/6/mark fight/VERB/2/advcl the/DET/9/det vouchers/NOUN/9/compound bill/NOUN/6/obj');
  assert.equal(unassertedReason(tokens, deps, 5, new Set()), 'purpose');
});

test('asserted › a wish or an attempt is not an event: "The Americans wanted to raid a base"; "agreed to withdraw" stays (PLOVER: AGREE)', () => {
  const wanted = tree('The/DET/2/det Americans/PROPN/3/nsubj wanted/VERB/0/root/want to/PART/5/mark raid/VERB/3/xcomp a/DET/7/det base/NOUN/5/obj');
  assert.equal(unassertedReason(wanted.tokens, wanted.deps, 4, new Set()), 'wish-or-attempt');
  const agreed = tree('Rebels/NOUN/2/nsubj/rebel agreed/VERB/0/root/agree to/PART/4/mark withdraw/VERB/2/xcomp from/ADP/6/case Homs/PROPN/4/obl');
  assert.equal(unassertedReason(agreed.tokens, agreed.deps, 3, new Set()), undefined);
});

test('asserted › the to-infinitive of a noun of effort or request is not done: "efforts to urge Ukraine"; "the decision to suspend Garrett" is', () => {
  const efforts = tree('no/DET/2/det efforts/NOUN/0/root/effort to/PART/4/mark urge/VERB/2/acl Ukraine/PROPN/4/obj');
  assert.equal(unassertedReason(efforts.tokens, efforts.deps, 3, new Set()), 'intent-noun');
  const decision = tree("the/DET/3/det league/NOUN/3/nmod:poss decision/NOUN/0/root to/PART/5/mark suspend/VERB/3/acl Garrett/PROPN/5/obj");
  assert.equal(unassertedReason(decision.tokens, decision.deps, 4, new Set()), undefined);
});

test('asserted › a change of an amount is no event: "Japan\'s Nikkei declined 0.3%"; "gunmen killed 12" is one', () => {
  const nikkei = tree("Japan/PROPN/3/nmod:poss 's/PART/1/case Nikkei/PROPN/4/nsubj declined/VERB/0/root/decline 0.3/NUM/6/nummod %/SYM/4/obj");
  assert.equal(unassertedReason(nikkei.tokens, nikkei.deps, 3, new Set()), 'quantity');
  const killed = tree('Gunmen/NOUN/2/nsubj/gunman killed/VERB/0/root/kill 12/NUM/2/obj in/ADP/5/case 2019/NUM/2/obl');
  assert.equal(unassertedReason(killed.tokens, killed.deps, 1, new Set()), undefined);
  const fined = tree('Regulators/NOUN/2/nsubj/regulator fined/VERB/0/root/fine the/DET/4/det bank/NOUN/2/obj $/SYM/2/obj 5/NUM/5/nummod million/NUM/6/compound');
  assert.equal(unassertedReason(fined.tokens, fined.deps, 1, new Set()), undefined);
});

test('asserted › an infinitive allowed, urged or required of someone is not done: "a bill to allow teachers to protest"', () => {
  const { tokens, deps } = tree('to/PART/2/mark allow/VERB/0/root teachers/NOUN/2/obj/teacher to/PART/5/mark protest/VERB/2/xcomp');
  assert.equal(unassertedReason(tokens, deps, 4, new Set()), 'directed');
  // A factive causative keeps its complement: "forced them to flee" — they fled.
  const forced = tree('Troops/NOUN/2/nsubj/troop forced/VERB/0/root/force villagers/NOUN/2/obj/villager to/PART/5/mark flee/VERB/2/xcomp');
  assert.equal(unassertedReason(forced.tokens, forced.deps, 4, new Set()), undefined);
});

test('asserted › a modal on a clause above reaches the act: "he would have objected to Ukraine opening an investigation"', () => {
  const { tokens, deps } = tree('he/PRON/4/nsubj would/AUX/4/aux have/AUX/4/aux objected/VERB/0/root/object to/ADP/6/case Ukraine/PROPN/4/obl opening/VERB/4/advcl/open an/DET/9/det investigation/NOUN/7/obj');
  assert.equal(isInModalScope(tokens, deps, 6), true);
  const may = tree('Rebels/NOUN/3/nsubj/rebel may/AUX/3/aux decide/VERB/0/root to/PART/5/mark strike/VERB/3/xcomp');
  assert.equal(isInModalScope(may.tokens, may.deps, 4), true);
  const negated = tree('Turkey/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod try/VERB/0/root to/PART/6/mark attack/VERB/4/xcomp Syria/PROPN/6/obj');
  assert.equal(isInModalScope(negated.tokens, negated.deps, 5), true);
});

test('asserted › a modal does not reach a reported, temporal or noun-bound act: "could face prison after killing", "said he attacked"', () => {
  const after = tree('He/PRON/3/nsubj could/AUX/3/aux face/VERB/0/root prison/NOUN/3/obj after/SCONJ/6/mark killing/VERB/3/advcl/kill two/NUM/8/nummod guards/NOUN/6/obj/guard');
  assert.equal(isInModalScope(after.tokens, after.deps, 5), false);
  const said = tree('Police/NOUN/2/nsubj said/VERB/0/root/say he/PRON/4/nsubj attacked/VERB/2/ccomp/attack a/DET/6/det guard/NOUN/4/obj');
  assert.equal(isInModalScope(said.tokens, said.deps, 3), false);
  // A negation does not reach an adverbial clause: "did not comment when asked" — the asking happened.
  const asked = tree('He/PRON/4/nsubj did/AUX/4/aux not/PART/4/advmod comment/VERB/0/root when/SCONJ/6/mark asked/VERB/4/advcl/ask');
  assert.equal(isInModalScope(asked.tokens, asked.deps, 5), false);
});

test('asserted › the perfect of a relative clause describes a participant: "the Authority, which has rejected the administration"', () => {
  const { tokens, deps } = tree('The/DET/2/det Authority/PROPN/8/nsubj ,/PUNCT/5/punct which/PRON/5/nsubj rejected/VERB/2/acl:relcl/reject talks/NOUN/5/obj/talk ,/PUNCT/5/punct met/VERB/0/root/meet');
  assert.equal(isPerfectRelative(tokens, deps, 4), false);
  const perfect = tree('The/DET/2/det Authority/PROPN/9/nsubj ,/PUNCT/6/punct which/PRON/6/nsubj has/AUX/6/aux/have rejected/VERB/2/acl:relcl/reject talks/NOUN/6/obj/talk ,/PUNCT/6/punct met/VERB/0/root/meet');
  assert.equal(isPerfectRelative(perfect.tokens, perfect.deps, 5), true);
  // A main-clause perfect is news: "Police have arrested two men".
  const main = tree('Police/NOUN/3/nsubj have/AUX/3/aux/have arrested/VERB/0/root/arrest two/NUM/5/nummod men/NOUN/3/obj/man');
  assert.equal(isPerfectRelative(main.tokens, main.deps, 2), false);
});

test('asserted › issue 14: an infinitive the parser hangs on the object of a verb of allowing is allowed, not done: "to allow teachers to protest"; "forced teachers to flee" is done', () => {
  const allow = tree('Plumbers/NOUN/2/nsubj/plumber trained/VERB/0/root/train to/PART/4/mark allow/VERB/2/advcl teachers/NOUN/4/obj/teacher to/PART/7/mark protest/VERB/5/acl');
  assert.equal(unassertedReason(allow.tokens, allow.deps, 6, new Set()), 'directed');
  const forced = tree('Rebels/NOUN/2/nsubj/rebel forced/VERB/0/root/force teachers/NOUN/2/obj/teacher to/PART/5/mark flee/VERB/3/acl');
  assert.equal(unassertedReason(forced.tokens, forced.deps, 4, new Set()), undefined);
});

test('asserted › what is left to someone, or conjoined as an infinitive to a finite verb, is not done: "leaving others to fight", "had no choice but to surrender"', () => {
  const left = tree('The/DET/2/det cuts/NOUN/3/nsubj/cut left/VERB/0/root/leave workers/NOUN/3/obj/worker to/PART/6/mark fight/VERB/3/xcomp for/ADP/8/case scraps/NOUN/6/obl/scrap');
  assert.equal(unassertedReason(left.tokens, left.deps, 5, new Set()), 'directed');
  const choice = tree('The/DET/2/det rebels/NOUN/3/nsubj/rebel had/VERB/0/root/have no/DET/5/det choice/NOUN/3/obj but/CCONJ/8/cc to/PART/8/mark leave/VERB/3/conj and/CCONJ/10/cc surrender/VERB/8/conj');
  assert.equal(unassertedReason(choice.tokens, choice.deps, 9, new Set()), 'infinitive');
  // Two finite verbs coordinated are two acts told as done.
  const both = tree('The/DET/2/det rebels/NOUN/3/nsubj/rebel left/VERB/0/root/leave and/CCONJ/5/cc surrendered/VERB/3/conj/surrender');
  assert.equal(unassertedReason(both.tokens, both.deps, 4, new Set()), undefined);
});

test('asserted › a purpose infinitive of a noun shares the mood of its verb: "would take measures to oppose it, including calling for a debate"', () => {
  const { tokens, deps } = tree('They/PRON/3/nsubj would/AUX/3/aux take/VERB/0/root measures/NOUN/3/obj/measure to/PART/6/mark oppose/VERB/4/acl it/PRON/6/obj ,/PUNCT/10/punct including/VERB/10/case/include calling/VERB/6/advcl/call for/ADP/13/case a/DET/13/det debate/NOUN/10/obl');
  assert.equal(isInModalScope(tokens, deps, 9), true);
  // Without the modal the measures were taken.
  const done = tree('They/PRON/2/nsubj took/VERB/0/root/take measures/NOUN/2/obj/measure to/PART/5/mark oppose/VERB/3/acl it/PRON/5/obj');
  assert.equal(isInModalScope(done.tokens, done.deps, 4), false);
});

test('asserted › "the Taliban, who have long refused to negotiate" is a relative clause whatever arc the parser gave it', () => {
  const { tokens, deps } = tree('talks/NOUN/0/root/talk with/ADP/4/case the/DET/4/det Taliban/PROPN/1/nmod ,/PUNCT/9/punct who/PRON/9/nsubj have/AUX/9/aux long/ADV/9/advmod refused/VERB/1/parataxis/refuse');
  assert.equal(isPerfectRelative(tokens, deps, 8), true);
  const main = tree('The/DET/2/det Taliban/PROPN/5/nsubj have/AUX/5/aux long/ADV/5/advmod refused/VERB/0/root/refuse');
  assert.equal(isPerfectRelative(main.tokens, main.deps, 4), false);
});
