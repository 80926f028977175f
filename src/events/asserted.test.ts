import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DepLabel, Upos } from '../model/index.js';
import type { ArcToken, SentenceDeps } from './arc-roles.js';
import { unassertedReason } from './asserted.js';

/** A hand-built tree from "word/UPOS/head/relation[/lemma]" items, heads 1-based as in CoNLL-U (0 = root). */
function tree(spec: string): { tokens: ArcToken[]; deps: SentenceDeps } {
  const tokens: ArcToken[] = [];
  const head: number[] = [];
  const label: DepLabel[] = [];
  for (const item of spec.split(' ')) {
    const [text, pos, h, rel, lemma] = item.split('/') as [string, Upos, string, DepLabel, string | undefined];
    tokens.push({ text, pos, lemma: lemma ?? text.toLowerCase() });
    head.push(Number(h) - 1);
    label.push(rel);
  }
  return { tokens, deps: { head, label } };
}

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
