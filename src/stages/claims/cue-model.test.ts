import assert from 'node:assert/strict';
import { test } from 'node:test';
import { depLabelIndex, makeTokenTable, type Doc, type Upos } from '../../model/index.js';
import { loadClaimsLexicon } from '../../app/claims-lexicon.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { cueFeatures, scoreCue, trainCueModel, type CueModel } from './cue-model.js';
import { extractClaims } from './claims.js';
import { parseView, speechArcs } from './syntax.js';

const lexicon = loadClaimsLexicon();

/**
 * A one-sentence doc with a hand-built parse: rows are [word, UPOS, head (1-based, 0 = root), relation, lemma?], the
 * words found left to right in the text.
 */
function parsedDoc(text: string, rows: readonly (readonly [string, Upos, number, string, string?])[]): Doc {
  let from = 0;
  const tokenRows = rows.map(([word, pos, , , lemma]) => {
    const at = text.indexOf(word, from);
    assert.ok(at >= 0, `"${word}" not found after ${from}`);
    from = at + word.length;
    return { start: at, end: at + word.length, pos, lemma: lemma ?? word.toLowerCase() };
  });
  const tokens = makeTokenTable(tokenRows);
  const deps = { length: rows.length, head: Int32Array.from(rows.map(([, , h]) => h - 1)), label: Uint8Array.from(rows.map(([, , , l]) => depLabelIndex(l))) };
  return makeDoc({ text, layers: { tokens, deps, sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: rows.length }], mentions: [] } });
}

// "Critics worry that the law will fail." — "worry" is not in the reporting-verb lexicon.
const FEAR_THAT = parsedDoc('Critics worry that the law will fail.', [
  ['Critics', 'NOUN', 2, 'nsubj', 'critic'], ['worry', 'VERB', 0, 'root'], ['that', 'SCONJ', 7, 'mark'], ['the', 'DET', 5, 'det'],
  ['law', 'NOUN', 7, 'nsubj'], ['will', 'AUX', 7, 'aux'], ['fail', 'VERB', 2, 'ccomp'], ['.', 'PUNCT', 2, 'punct'],
]);
// "Critics worry the dark winter." — an object, no proposition.
const FEAR_OBJECT = parsedDoc('Critics worry the dark winter.', [
  ['Critics', 'NOUN', 2, 'nsubj', 'critic'], ['worry', 'VERB', 0, 'root'], ['the', 'DET', 5, 'det'], ['dark', 'ADJ', 5, 'amod'],
  ['winter', 'NOUN', 2, 'obj'], ['.', 'PUNCT', 2, 'punct'],
]);

const viewOf = (doc: Doc) => parseView(doc.text, doc.layers.tokens!, doc.layers.deps!);

/** A model that knows one thing: "worry" with a clause is a cue. */
const FEAR_MODEL: CueModel = { version: 1, bias: -2, threshold: 0.5, weights: { 'lemma|kind=worry|ccomp': 4 } };

test('claims cue model › features name the lemma, the complement, its "that" and the subject', () => {
  const view = viewOf(FEAR_THAT);
  const features = cueFeatures(view, 1, speechArcs(view, 1));
  for (const f of ['lemma=worry', 'kind=ccomp', 'lemma|kind=worry|ccomp', 'ccomp-mark=that', 'subj-lemma=critic', 'subj-pos=NOUN', 'next=that']) {
    assert.ok(features.includes(f), `${f} missing from ${features.join(' ')}`);
  }
});

// "Critics warned Governor Adeyemi that the dam would fail." — the words beside the verb are a name.
const WARNED_NAME = parsedDoc('Critics warned Governor Adeyemi that the dam would fail.', [
  ['Critics', 'NOUN', 2, 'nsubj', 'critic'], ['warned', 'VERB', 0, 'root', 'warn'], ['Governor', 'PROPN', 4, 'compound'], ['Adeyemi', 'PROPN', 2, 'obj'],
  ['that', 'SCONJ', 9, 'mark'], ['the', 'DET', 7, 'det'], ['dam', 'NOUN', 9, 'nsubj'], ['would', 'AUX', 9, 'aux'], ['fail', 'VERB', 2, 'ccomp'],
  ['.', 'PUNCT', 2, 'punct'],
]);

test('claims cue model › names beside the verb, as its subject or its object count by their class, never by who they are (issue 14)', () => {
  const view = viewOf(WARNED_NAME);
  const features = cueFeatures(view, 1, speechArcs(view, 1));
  for (const f of ['next=PROPN', 'next|lemma=PROPN|warn', 'obj-lemma=PROPN', 'prev=NOUN', 'subj-lemma=critic']) assert.ok(features.includes(f), `${f} missing from ${features.join(' ')}`);
  assert.deepEqual(features.filter((f) => /governor|adeyemi/i.test(f)), [], 'no feature names the governor');
});

test('claims cue model › training is deterministic and separates a separable set', () => {
  const examples = [
    ...Array.from({ length: 20 }, () => ({ features: ['lemma=fear', 'kind=ccomp'], isCue: true })),
    ...Array.from({ length: 20 }, () => ({ features: ['lemma=eat', 'kind=obj'], isCue: false })),
  ];
  const settings = { l2: 0.0001, epochs: 30, rate: 0.5, minCount: 2, threshold: 0.5, seed: 7 };
  const a = trainCueModel(examples, settings);
  assert.deepEqual(trainCueModel(examples, settings), a);
  assert.ok(scoreCue(a, ['lemma=fear', 'kind=ccomp']) > 0.8);
  assert.ok(scoreCue(a, ['lemma=eat', 'kind=obj']) < 0.2);
});

test('claims cue model › a verb outside the lexicon is a cue only with the model: "Critics worry that the law will fail"', () => {
  assert.equal(extractClaims(FEAR_THAT, lexicon).length, 0);
  const [claim, ...rest] = extractClaims(FEAR_THAT, lexicon, FEAR_MODEL);
  assert.equal(rest.length, 0);
  assert.equal(FEAR_THAT.text.slice(claim!.cue!.start, claim!.cue!.end), 'worry');
  assert.equal(claim!.chain[claim!.cueSourceIndex]?.span && FEAR_THAT.text.slice(claim!.chain[0]!.span!.start, claim!.chain[0]!.span!.end), 'Critics');
  assert.equal(FEAR_THAT.text.slice(claim!.content.start, claim!.content.end), 'that the law will fail');
});

test('claims cue model › must not fire: a score below the threshold; an object with no clause is no assertion ("worry the dark winter")', () => {
  assert.equal(extractClaims(FEAR_THAT, lexicon, { ...FEAR_MODEL, threshold: 0.99 }).length, 0);
  const everything: CueModel = { version: 1, bias: 10, threshold: 0.5, weights: {} };
  assert.deepEqual(extractClaims(FEAR_OBJECT, lexicon, everything).map((c) => c.kind), ['evaluation']);
  assert.deepEqual(extractClaims(FEAR_OBJECT, lexicon, FEAR_MODEL), [], 'the model gives "worry" with an object no weight');
});

// "Councillor Okafor criticized the transit budget." — a judgement: the object is what is judged.
const CRITICIZED = parsedDoc('Councillor Okafor criticized the transit budget.', [
  ['Councillor', 'PROPN', 2, 'compound'], ['Okafor', 'PROPN', 3, 'nsubj'], ['criticized', 'VERB', 0, 'root', 'criticize'], ['the', 'DET', 6, 'det'],
  ['transit', 'NOUN', 6, 'compound'], ['budget', 'NOUN', 3, 'obj'], ['.', 'PUNCT', 3, 'punct'],
]);
// "The harbour authority wants to dredge the channel." — a wish: the infinitive is what is wanted.
const WANTS = parsedDoc('The harbour authority wants to dredge the channel.', [
  ['The', 'DET', 3, 'det'], ['harbour', 'NOUN', 3, 'compound'], ['authority', 'NOUN', 4, 'nsubj'], ['wants', 'VERB', 0, 'root', 'want'],
  ['to', 'PART', 6, 'mark'], ['dredge', 'VERB', 4, 'xcomp'], ['the', 'DET', 8, 'det'], ['channel', 'NOUN', 6, 'obj'], ['.', 'PUNCT', 4, 'punct'],
]);
// "The channel seems to be silting up." — a raising verb: its subject says nothing.
const SEEMS = parsedDoc('The channel seems to be silting up.', [
  ['The', 'DET', 2, 'det'], ['channel', 'NOUN', 3, 'nsubj'], ['seems', 'VERB', 0, 'root', 'seem'], ['to', 'PART', 6, 'mark'], ['be', 'AUX', 6, 'aux'],
  ['silting', 'VERB', 3, 'xcomp', 'silt'], ['up', 'ADP', 6, 'compound:prt'], ['.', 'PUNCT', 3, 'punct'],
]);
const JUDGE_MODEL: CueModel = { version: 1, bias: -2, threshold: 0.5, weights: { 'lemma=criticize': 4, 'lemma=want': 4, 'lemma=seem': 4, 'lemma|kind=worry|ccomp': 4 } };

test('claims cue model › a learned cue with an object is a judgement, with an infinitive a wish; with a clause an assertion', () => {
  const text = (doc: Doc, span: { start: number; end: number }) => doc.text.slice(span.start, span.end);
  const [judged, ...more] = extractClaims(CRITICIZED, lexicon, JUDGE_MODEL);
  assert.equal(more.length, 0);
  assert.equal(judged!.kind, 'evaluation');
  assert.equal(text(CRITICIZED, judged!.content), 'the transit budget');
  assert.equal(judged!.chain.map((s) => s.name).join(), 'Councillor Okafor');
  const [wish] = extractClaims(WANTS, lexicon, JUDGE_MODEL);
  assert.equal(wish!.kind, 'desire');
  assert.equal(text(WANTS, wish!.content), 'to dredge the channel');
  assert.deepEqual(extractClaims(FEAR_THAT, lexicon, JUDGE_MODEL).map((c) => c.kind), ['assertion']);
});

test('claims cue model › must not fire: a raising verb is no wish ("The channel seems to be silting up")', () => {
  assert.deepEqual(extractClaims(SEEMS, lexicon, JUDGE_MODEL), []);
});

// "The tenants' union called for a rent freeze across the district." — "for" opens an obl: no object, no clause.
const CALLED_FOR = parsedDoc("The tenants' union called for a rent freeze across the district.", [
  ['The', 'DET', 2, 'det'], ['tenants', 'NOUN', 4, 'nmod:poss', 'tenant'], ["'", 'PART', 2, 'case'], ['union', 'NOUN', 5, 'nsubj'],
  ['called', 'VERB', 0, 'root', 'call'], ['for', 'ADP', 9, 'case'], ['a', 'DET', 9, 'det'], ['rent', 'NOUN', 9, 'compound'],
  ['freeze', 'NOUN', 5, 'obl'], ['across', 'ADP', 12, 'case'], ['the', 'DET', 12, 'det'], ['district', 'NOUN', 9, 'nmod'], ['.', 'PUNCT', 5, 'punct'],
]);
// "The mayor called on Tuesday after the vote." — "on" opens a time.
const CALLED_ON_DAY = parsedDoc('The mayor called on Tuesday after the vote.', [
  ['The', 'DET', 2, 'det'], ['mayor', 'NOUN', 3, 'nsubj'], ['called', 'VERB', 0, 'root', 'call'], ['on', 'ADP', 5, 'case'],
  ['Tuesday', 'PROPN', 3, 'obl'], ['after', 'ADP', 8, 'case'], ['the', 'DET', 8, 'det'], ['vote', 'NOUN', 3, 'obl'], ['.', 'PUNCT', 3, 'punct'],
]);

test('claims › "called for …" is a wish of its subject, found on the arcs without any cue model', () => {
  const [wish, ...more] = extractClaims(CALLED_FOR, lexicon);
  assert.equal(more.length, 0);
  assert.equal(wish!.kind, 'desire');
  assert.equal(CALLED_FOR.text.slice(wish!.cue!.start, wish!.cue!.end), 'called for');
  assert.equal(CALLED_FOR.text.slice(wish!.content.start, wish!.content.end), 'a rent freeze across the district');
  assert.equal(wish!.chain.map((s) => s.name).join(), "tenants' union");
});

test('claims › must not fire: "called on Tuesday" is a time, not an appeal', () => {
  assert.deepEqual(extractClaims(CALLED_ON_DAY, lexicon), []);
});

// "The spokesperson reiterated the council's position that the levy is unlawful." — the clause hangs on the object.
const POSITION_THAT = parsedDoc("The spokesperson reiterated the council's position that the levy is unlawful.", [
  ['The', 'DET', 2, 'det'], ['spokesperson', 'NOUN', 3, 'nsubj'], ['reiterated', 'VERB', 0, 'root', 'reiterate'], ['the', 'DET', 5, 'det'],
  ['council', 'NOUN', 7, 'nmod:poss'], ["'s", 'PART', 5, 'case'], ['position', 'NOUN', 3, 'obj'], ['that', 'SCONJ', 12, 'mark'],
  ['the', 'DET', 10, 'det'], ['levy', 'NOUN', 12, 'nsubj'], ['is', 'AUX', 12, 'cop'], ['unlawful', 'ADJ', 7, 'acl'], ['.', 'PUNCT', 3, 'punct'],
]);

test('claims cue model › an object holding a "that" clause carries a proposition: an assertion, not a judgement', () => {
  const model: CueModel = { version: 1, bias: -2, threshold: 0.5, weights: { 'lemma=reiterate': 4 } };
  assert.deepEqual(extractClaims(POSITION_THAT, lexicon, model).map((c) => c.kind), ['assertion']);
});

// "The coach urged the players to stay calm." — an object told to do something: a demand.
const URGED = parsedDoc('The coach urged the players to stay calm.', [
  ['The', 'DET', 2, 'det'], ['coach', 'NOUN', 3, 'nsubj'], ['urged', 'VERB', 0, 'root', 'urge'], ['the', 'DET', 5, 'det'], ['players', 'NOUN', 3, 'obj', 'player'],
  ['to', 'PART', 7, 'mark'], ['stay', 'VERB', 3, 'xcomp'], ['calm', 'ADJ', 7, 'xcomp'], ['.', 'PUNCT', 3, 'punct'],
]);
// "The senator seems a careful negotiator." — a raising verb with a noun: the writer's judgement.
const SEEMS_NOUN = parsedDoc('The senator seems a careful negotiator.', [
  ['The', 'DET', 2, 'det'], ['senator', 'NOUN', 3, 'nsubj'], ['seems', 'VERB', 0, 'root', 'seem'], ['a', 'DET', 6, 'det'], ['careful', 'ADJ', 6, 'amod'],
  ['negotiator', 'NOUN', 3, 'obj'], ['.', 'PUNCT', 3, 'punct'],
]);

test('claims cue model › an object with an infinitive is a demand ("urged the players to stay calm"): a wish', () => {
  const model: CueModel = { version: 1, bias: -2, threshold: 0.5, weights: { 'lemma=urge': 4 } };
  assert.deepEqual(extractClaims(URGED, lexicon, model).map((c) => c.kind), ['desire']);
});

test('claims cue model › must not fire: a raising verb with a noun ("The senator seems a careful negotiator")', () => {
  assert.deepEqual(extractClaims(SEEMS_NOUN, lexicon, JUDGE_MODEL), []);
});
