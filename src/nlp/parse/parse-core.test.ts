import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEP_LABELS, depLabelIndex } from '../../model/deps.js';
import { DossierError, UPOS_TAGS } from '../../model/index.js';
import { seededRandom } from '../ner/train.js';
import { lexiconKey } from '../pos/features.js';
import { actionFeatures, MAX_ACTION_FEATURES, sentenceAttributes, xposHash } from './features.js';
import { averageParseModels, decodeParseModel, encodeParseModel, readParseModelParts } from './model-file.js';
import { beamCandidates, beamParseWithScorer, parseSentenceBeam, selectBest } from './beam.js';
import { modelScorer, parseSentence, parseWithScorer } from './model.js';
import { addSentence, createParseScore } from './score.js';
import { trainParser, trainedScorer, type ParseTrainingSentence } from './train.js';
import { trainBeamParser } from './train-beam.js';
import { isProjective, liftToProjective, parseTreebank } from './treebank.js';
import { ACTION_COUNT, applyTransition, arcEnds, copyState, finishTree, initialState, isLegal, isTerminal, LABEL_CLASS_BITS, resetState, transitionCosts, type ParserState } from './transitions.js';

/** A sentence we wrote, with its UD tree (1-based heads, 0 = root). */
interface Tree {
  readonly words: string[];
  readonly upos: string[];
  readonly heads: number[];
  readonly relations: string[];
}

const ARREST: Tree = {
  words: ['Police', 'arrested', 'two', 'men', 'in', 'Lagos', 'on', 'Friday', '.'],
  upos: ['NOUN', 'VERB', 'NUM', 'NOUN', 'ADP', 'PROPN', 'ADP', 'PROPN', 'PUNCT'],
  heads: [2, 0, 4, 2, 6, 2, 8, 2, 2],
  relations: ['nsubj', 'root', 'nummod', 'obj', 'case', 'obl', 'case', 'obl', 'punct'],
};

const RESIGN: Tree = {
  words: ['The', 'minister', ',', 'who', 'resigned', 'on', 'Monday', ',', 'said', 'the', 'talks', 'had', 'failed', '.'],
  upos: ['DET', 'NOUN', 'PUNCT', 'PRON', 'VERB', 'ADP', 'PROPN', 'PUNCT', 'VERB', 'DET', 'NOUN', 'AUX', 'VERB', 'PUNCT'],
  heads: [2, 9, 5, 5, 2, 7, 5, 5, 0, 11, 13, 13, 9, 9],
  relations: ['det', 'nsubj', 'punct', 'nsubj', 'acl:relcl', 'case', 'obl', 'punct', 'root', 'det', 'nsubj', 'aux', 'ccomp', 'punct'],
};

const uposIndex = (tags: readonly string[]): Uint8Array => Uint8Array.from(tags, (t) => UPOS_TAGS.indexOf(t as (typeof UPOS_TAGS)[number]));
const goldHeads = (tree: Tree): Int32Array => Int32Array.from([0, ...tree.heads]);

/** Follows zero-cost transitions to the end; returns how many words end without their gold head. */
function lossOfBestCompletion(state: ParserState, gold: Int32Array): number {
  const costs = new Float64Array(ACTION_COUNT);
  while (!isTerminal(state)) {
    transitionCosts(state, gold, costs);
    const best = costs.indexOf(Math.min(...costs));
    applyTransition(state, best, 0);
  }
  // Arcs as the transitions built them (before finishTree attaches leftovers): the oracle's own measure.
  let wrong = 0;
  for (let w = 1; w <= state.n; w++) if (state.head[w] !== gold[w]) wrong++;
  return wrong;
}

function cloneState(state: ParserState): ParserState {
  const copy = initialState(state.n);
  for (const key of ['stack', 'head', 'label', 'left1', 'left2', 'right1', 'right2', 'leftCount', 'rightCount', 'leftLabels', 'rightLabels'] as const) copy[key].set(state[key]);
  copy.depth = state.depth;
  copy.b = state.b;
  return copy;
}

describe('arc-eager transitions and dynamic oracle', () => {
  for (const tree of [ARREST, RESIGN]) {
    it(`rebuilds the gold tree of "${tree.words.slice(0, 3).join(' ')} …" by always taking a zero-cost transition`, () => {
      const gold = goldHeads(tree);
      assert.equal(lossOfBestCompletion(initialState(tree.words.length), gold), 0);
    });

    it(`prices each transition of "${tree.words.slice(0, 3).join(' ')} …" at exactly the gold arcs it loses, on random paths`, () => {
      const gold = goldHeads(tree);
      const random = seededRandom(7);
      const costs = new Float64Array(ACTION_COUNT);
      for (let trial = 0; trial < 30; trial++) {
        const state = initialState(tree.words.length);
        while (!isTerminal(state)) {
          const before = lossOfBestCompletion(cloneState(state), gold);
          transitionCosts(state, gold, costs);
          const legal: number[] = [];
          for (let a = 0; a < ACTION_COUNT; a++) {
            if (!isLegal(state, a)) {
              assert.equal(costs[a], Infinity);
              continue;
            }
            legal.push(a);
            const next = cloneState(state);
            applyTransition(next, a, 0);
            assert.equal(lossOfBestCompletion(next, gold), before + costs[a]!, `action ${a} at b=${state.b}, depth=${state.depth}`);
          }
          applyTransition(state, legal[Math.floor(random() * legal.length)]!, 0);
        }
      }
    });
  }

  it('gives every sentence exactly one root, even when the transitions leave words unattached', () => {
    const state = initialState(4);
    for (let k = 0; k < 4; k++) applyTransition(state, 0, 0); // SHIFT only: nothing attached
    const tree = finishTree(state, depLabelIndex('root'), () => depLabelIndex('parataxis'));
    assert.deepEqual([...tree.head], [-1, 0, 0, 0]);
    assert.equal(DEP_LABELS[tree.label[0]!], 'root');
    assert.equal(DEP_LABELS[tree.label[1]!], 'parataxis');
  });

  it('reuses a configuration for the next sentence, shorter or longer, as a fresh one', () => {
    const used = initialState(6);
    for (let k = 0; k < 3; k++) applyTransition(used, 3, depLabelIndex('obj')); // RIGHT arcs along the sentence
    for (const n of [4, 6, 9]) {
      const reused = resetState(n === 9 ? used : structuredClone(used), n);
      const fresh = initialState(n);
      assert.equal(reused.n, n);
      assert.deepEqual([reused.depth, reused.b, reused.stack[0]], [1, 1, 0]);
      for (const key of ['head', 'label', 'left1', 'left2', 'right1', 'right2', 'leftCount', 'rightCount', 'leftLabels', 'rightLabels'] as const) {
        assert.deepEqual([...reused[key].subarray(0, n + 1)], [...fresh[key]], `${key} for n = ${n}`);
      }
    }
  });

  it('names the head and dependent of the arc LEFT and RIGHT would build', () => {
    const state = initialState(3);
    applyTransition(state, 0, 0); // SHIFT word 1
    assert.deepEqual(arcEnds(state, 2), { h: 2, d: 1 });
    assert.deepEqual(arcEnds(state, 3), { h: 1, d: 2 });
  });

  it('makes the largest unattached fragment the root when ROOT took no dependent', () => {
    // "Talks ended . Police left": SHIFT Talks, LEFT (Talks <- ended), SHIFT ended, RIGHT (ended -> .), then SHIFT the rest.
    const state = initialState(5);
    applyTransition(state, 0, 0);
    applyTransition(state, 2, depLabelIndex('nsubj'));
    applyTransition(state, 0, 0);
    applyTransition(state, 3, depLabelIndex('punct'));
    applyTransition(state, 0, 0);
    applyTransition(state, 0, 0);
    const tree = finishTree(state, depLabelIndex('root'), () => depLabelIndex('parataxis'));
    assert.deepEqual([...tree.head], [1, -1, 1, 1, 1]);
  });
});

describe('treebank reader', () => {
  it('keeps syntactic words and skips multiword-token lines and empty nodes', () => {
    const text = [
      '# text = We didn\'t go.',
      '1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_',
      '2-3\tdidn\'t\t_\t_\t_\t_\t_\t_\t_\t_',
      '2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_',
      '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_',
      '4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No',
      '4.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t4:conj\t_',
      '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
      '',
    ].join('\n');
    const [sentence] = parseTreebank(text);
    assert.deepEqual(sentence!.words, ['We', 'did', "n't", 'go', '.']);
    assert.deepEqual([...sentence!.heads], [4, 4, 4, 0, 4]);
    assert.deepEqual(sentence!.relations, ['nsubj', 'aux', 'advmod', 'root', 'punct']);
  });

  it('tells crossing arcs from nested ones', () => {
    assert.equal(isProjective(ARREST.heads), true);
    assert.equal(isProjective(RESIGN.heads), true);
    // "A hearing is scheduled on the issue today": "on the issue" belongs to "hearing" across "is scheduled".
    assert.equal(isProjective([2, 4, 4, 0, 7, 7, 2, 4]), false);
  });

  it('lifts a crossing arc to the head of its head, and leaves a projective tree as it is', () => {
    // "issue" (7) leaves "hearing" (2) for the verb (4) that dominates the words its arc spanned.
    assert.deepEqual([...liftToProjective([2, 4, 4, 0, 7, 7, 2, 4])], [2, 4, 4, 0, 7, 7, 4, 4]);
    assert.deepEqual([...liftToProjective(ARREST.heads)], ARREST.heads);
    // Two crossing arcs (3 → 1 and 1 → 4 both span the root word 2): the shorter is lifted first, then the other
    // follows its head up.
    const lifted = liftToProjective([3, 0, 2, 1, 2]);
    assert.equal(isProjective(lifted), true);
    assert.deepEqual([...lifted], [2, 0, 2, 2, 2]);
  });
});

describe('parser training and model file', () => {
  const training: ParseTrainingSentence[] = [ARREST, RESIGN].map((t) => ({
    words: t.words,
    upos: uposIndex(t.upos),
    heads: Int32Array.from(t.heads),
    relations: Uint8Array.from(t.relations, depLabelIndex),
  }));
  const trained = trainParser(training, { epochs: 8, seed: 13, exploreFrom: 3, exploreProbability: 0.9 });
  const info = { name: 'parse-test', version: 1, task: 'parse' as const, labels: [...DEP_LABELS], trainedOn: ['two sentences we wrote'], epochs: 8, seed: 13 };

  it('learns the trees of its training sentences', () => {
    for (const t of [ARREST, RESIGN]) {
      const parsed = parseWithScorer(trainedScorer(trained), sentenceAttributes(t.words, uposIndex(t.upos)), t.words.length);
      assert.deepEqual([...parsed.head], t.heads.map((h) => h - 1));
      assert.deepEqual([...parsed.label].map((l) => DEP_LABELS[l]), t.relations);
    }
  });

  it('parses the same after a round trip through the model file', () => {
    const model = decodeParseModel(encodeParseModel({ info, actions: trained.actions, relations: trained.relations }));
    assert.equal(model.info.name, 'parse-test');
    for (const t of [ARREST, RESIGN]) {
      const parsed = parseSentence(model, t.words, uposIndex(t.upos));
      assert.deepEqual([...parsed.head], t.heads.map((h) => h - 1));
      assert.deepEqual([...parsed.label].map((l) => DEP_LABELS[l]), t.relations);
    }
  });

  it('uses cluster features when trained with clusters, and carries the clusters through the file', () => {
    const clusterPairs = [lexiconKey('police'), 0b1010, lexiconKey('minister'), 0b1011, lexiconKey('arrested'), 0b1100, lexiconKey('said'), 0b1101];
    const clusters = new Map<number, number>();
    for (let k = 0; k < clusterPairs.length; k += 2) clusters.set(clusterPairs[k]!, clusterPairs[k + 1]!);
    const attr = sentenceAttributes(ARREST.words, uposIndex(ARREST.upos), clusters);
    assert.equal(attr.cluster?.[1], 0b1010, '"Police" (word 1) has the cluster of "police"');
    assert.equal(attr.cluster?.[3], 0, '"two" has none');
    const withClusters = trainParser(training, { epochs: 8, seed: 13, exploreFrom: 3, exploreProbability: 0.9, clusters });
    assert.ok(withClusters.actions.hashes.length > trained.actions.hashes.length);
    const model = decodeParseModel(encodeParseModel({ info: { ...info, featureGroups: ['clusters'], wordClusters: clusterPairs }, actions: withClusters.actions, relations: withClusters.relations }));
    assert.equal(model.clusters?.get(lexiconKey('said')), 0b1101);
    for (const t of [ARREST, RESIGN]) assert.deepEqual([...parseSentence(model, t.words, uposIndex(t.upos)).head], t.heads.map((h) => h - 1));
  });

  it('uses PTB-tag features when trained with them (group "xpos"), and parses with them after the round trip', () => {
    // ARREST's tags as EWT writes them: "arrested" VBD (a past tense, where UPOS only says VERB).
    const xposOf = (t: Tree): Uint32Array => Uint32Array.from(t.upos, (upos, i) => xposHash(upos === 'VERB' ? (t.words[i]!.endsWith('ed') ? 'VBD' : 'VBZ') : upos === 'PUNCT' ? '.' : 'NN'));
    const plain = sentenceAttributes(ARREST.words, uposIndex(ARREST.upos));
    const attr = sentenceAttributes(ARREST.words, uposIndex(ARREST.upos), undefined, undefined, xposOf(ARREST));
    assert.equal(attr.xpos?.[0], 0, 'ROOT has no PTB tag');
    assert.equal(attr.xpos?.[2], xposHash('VBD'));
    const state = initialState(ARREST.words.length);
    const out = new Uint32Array(MAX_ACTION_FEATURES);
    const withTags = actionFeatures(state, attr, out);
    assert.ok(withTags > actionFeatures(state, plain, out) && withTags <= MAX_ACTION_FEATURES);
    const withXpos = trainParser(training.map((s, i) => ({ ...s, xpos: xposOf([ARREST, RESIGN][i]!) })), { epochs: 8, seed: 13, exploreFrom: 3, exploreProbability: 0.9 });
    assert.ok(withXpos.actions.hashes.length > trained.actions.hashes.length);
    const model = decodeParseModel(encodeParseModel({ info: { ...info, featureGroups: ['xpos'] }, actions: withXpos.actions, relations: withXpos.relations }));
    for (const t of [ARREST, RESIGN]) assert.deepEqual([...parseSentence(model, t.words, uposIndex(t.upos), xposOf(t)).head], t.heads.map((h) => h - 1));
  });

  it('uses the "between" features when trained with them: verbs and punctuation between two words, coordination cues', () => {
    const plain = sentenceAttributes(ARREST.words, uposIndex(ARREST.upos));
    const attr = sentenceAttributes(ARREST.words, uposIndex(ARREST.upos), undefined, undefined, undefined, true);
    const verbs = ARREST.upos.filter((tag) => tag === 'VERB').length;
    assert.equal(attr.verbsUpTo?.[ARREST.words.length], verbs, 'the running count reaches every verb of the sentence');
    assert.equal(attr.punctUpTo?.[ARREST.words.length], ARREST.upos.filter((tag) => tag === 'PUNCT').length);
    const state = initialState(ARREST.words.length);
    const out = new Uint32Array(MAX_ACTION_FEATURES);
    const withBetween = actionFeatures(state, attr, out);
    assert.ok(withBetween > actionFeatures(state, plain, out) && withBetween <= MAX_ACTION_FEATURES);
    const withGroup = trainParser(training, { epochs: 8, seed: 13, exploreFrom: 3, exploreProbability: 0.9, hasBetween: true });
    assert.ok(withGroup.actions.hashes.length > trained.actions.hashes.length);
    const model = decodeParseModel(encodeParseModel({ info: { ...info, featureGroups: ['between'] }, actions: withGroup.actions, relations: withGroup.relations }));
    assert.equal(model.hasBetween, true);
    for (const t of [ARREST, RESIGN]) assert.deepEqual([...parseSentence(model, t.words, uposIndex(t.upos)).head], t.heads.map((h) => h - 1));
  });

  it('keeps "ccomp" apart from "nsubj" and "appos" from "obj" in the label sets of group "label-classes"', () => {
    const bit = (label: string): number => LABEL_CLASS_BITS[depLabelIndex(label)]!;
    assert.notEqual(bit('ccomp'), bit('nsubj'));
    assert.notEqual(bit('appos'), bit('obj'));
    assert.equal(bit('nmod:desc'), bit('nmod'), 'a rare subtype shares its base relation\'s bit');
    assert.equal(bit('reparandum'), bit('goeswith'), 'the rarest relations share one bit');
    assert.equal(new Set(LABEL_CLASS_BITS).size, 32);
    const withClasses = trainParser(training, { epochs: 8, seed: 13, exploreFrom: 3, exploreProbability: 0.9, hasLabelClasses: true });
    const model = decodeParseModel(encodeParseModel({ info: { ...info, featureGroups: ['label-classes'] }, actions: withClasses.actions, relations: withClasses.relations }));
    assert.equal(model.hasLabelClasses, true);
    for (const t of [ARREST, RESIGN]) assert.deepEqual([...parseSentence(model, t.words, uposIndex(t.upos)).head], t.heads.map((h) => h - 1));
  });

  it('averages models into one that reads the union of their feature groups and parses as they do', () => {
    const plain = encodeParseModel({ info, actions: trained.actions, relations: trained.relations });
    const withGroup = trainParser(training, { epochs: 8, seed: 14, exploreFrom: 3, exploreProbability: 0.9, hasBetween: true });
    const between = encodeParseModel({ info: { ...info, seed: 14, featureGroups: ['between'] }, actions: withGroup.actions, relations: withGroup.relations });
    const averaged = averageParseModels([readParseModelParts(plain), readParseModelParts(between)]);
    assert.deepEqual(averaged.featureGroups, ['between']);
    assert.ok(averaged.actions.hashes.length >= Math.max(trained.actions.hashes.length, withGroup.actions.hashes.length) - 1);
    const model = decodeParseModel(encodeParseModel({ info: { ...info, featureGroups: averaged.featureGroups }, actions: averaged.actions, relations: averaged.relations }));
    for (const t of [ARREST, RESIGN]) assert.deepEqual([...parseSentence(model, t.words, uposIndex(t.upos)).head], t.heads.map((h) => h - 1));
  });

  it('rejects bytes that are not a parser model with a typed error', () => {
    assert.throws(() => decodeParseModel(new Uint8Array([1, 2, 3])), (e: unknown) => e instanceof DossierError && e.code === 'E_RESOURCE_MISSING');
  });

  it('returns an empty tree for an empty sentence', () => {
    const model = decodeParseModel(encodeParseModel({ info, actions: trained.actions, relations: trained.relations }));
    assert.equal(parseSentence(model, [], new Uint8Array(0)).head.length, 0);
  });
});

describe('attachment scores', () => {
  it('leaves punctuation out and compares full relations for LAS, universal parts per relation', () => {
    const score = createParseScore();
    const gold = { heads: [2, 0, 2], relations: ['nsubj', 'root', 'punct'], upos: ['NOUN', 'VERB', 'PUNCT'] };
    // Subject attached right with the subtype nsubj:pass; the full stop attached wrongly (not scored).
    addSentence(score, gold, { head: Int32Array.from([1, -1, 0]), label: Uint8Array.from(['nsubj:pass', 'root', 'punct'], depLabelIndex) });
    assert.equal(score.words, 2);
    assert.equal(score.headRight, 2);
    assert.equal(score.labelledRight, 1);
    assert.equal(score.universalRight, 2);
    assert.deepEqual(score.byRelation.get('nsubj'), { gold: 1, right: 1 });
  });
});

describe('beam search and global training', () => {
  const training: ParseTrainingSentence[] = [ARREST, RESIGN].map((t) => ({
    words: t.words,
    upos: uposIndex(t.upos),
    heads: Int32Array.from(t.heads),
    relations: Uint8Array.from(t.relations, depLabelIndex),
  }));
  const info = { name: 'parse-test', version: 1, task: 'parse' as const, labels: [...DEP_LABELS], trainedOn: ['two sentences we wrote'], epochs: 8, seed: 13 };

  it('keeps the best candidates best first, ties in candidate order', () => {
    const cand = beamCandidates(2);
    [3, 7, 5, 7, 1].forEach((score, c) => {
      cand.parent[c] = c;
      cand.action[c] = 0;
      cand.score[c] = score;
    });
    cand.count = 5;
    const chosen = new Int32Array(3);
    assert.equal(selectBest(cand, 3, chosen), 3);
    assert.deepEqual([...chosen], [1, 3, 2]);
  });

  it('copies a configuration into a reused one', () => {
    const state = initialState(ARREST.words.length);
    for (const action of [0, 2, 0, 3]) applyTransition(state, action, depLabelIndex('obj'));
    const copy = resetState(initialState(20), 3);
    copyState(state, copy);
    assert.deepEqual([copy.n, copy.depth, copy.b], [state.n, state.depth, state.b]);
    assert.deepEqual([...copy.head.subarray(0, state.n + 1)], [...state.head]);
    assert.deepEqual([...copy.stack.subarray(0, copy.depth)], [...state.stack.subarray(0, state.depth)]);
  });

  it('decodes with a beam of 1 exactly as the greedy parser does', () => {
    const trained = trainParser(training, { epochs: 3, seed: 13, exploreFrom: 2, exploreProbability: 0.9 });
    const model = decodeParseModel(encodeParseModel({ info, actions: trained.actions, relations: trained.relations }));
    // A sentence the two-sentence model has not seen, so its greedy parse has errors for the beam to repeat.
    const words = ['The', 'army', 'said', 'police', 'arrested', 'the', 'minister', 'in', 'Lagos', '.'];
    const upos = uposIndex(['DET', 'NOUN', 'VERB', 'NOUN', 'VERB', 'DET', 'NOUN', 'ADP', 'PROPN', 'PUNCT']);
    const greedy = parseSentence(model, words, upos);
    const attr = sentenceAttributes(words, upos);
    const beam1 = beamParseWithScorer(modelScorer(model), attr, words.length, 1);
    assert.deepEqual([...beam1.head], [...greedy.head]);
    assert.deepEqual([...beam1.label], [...greedy.label]);
  });

  it('learns its training trees globally with a beam, and the file tells the decoder its width', () => {
    const trained = trainBeamParser(training, { epochs: 8, seed: 13, beamWidth: 4, exploreFrom: 3 });
    const model = decodeParseModel(encodeParseModel({ info: { ...info, beam: 4 }, actions: trained.actions, relations: trained.relations }));
    assert.equal(model.info.beam, 4);
    for (const t of [ARREST, RESIGN]) {
      const parsed = parseSentenceBeam(model, t.words, uposIndex(t.upos), undefined, 4);
      assert.deepEqual([...parsed.head], t.heads.map((h) => h - 1));
      assert.deepEqual([...parsed.label].map((l) => DEP_LABELS[l]), t.relations);
    }
  });

  it('starts from another model\'s weights when asked (a warm start keeps what that model knew)', () => {
    const greedy = trainParser(training, { epochs: 8, seed: 13, exploreFrom: 3, exploreProbability: 0.9 });
    const warm = trainBeamParser(training, { epochs: 1, seed: 13, beamWidth: 4, exploreFrom: 1, init: greedy, initUpdates: 2 });
    assert.ok(warm.actions.hashes.length >= greedy.actions.hashes.length);
    assert.ok(Math.min(...warm.actions.updates.subarray(0, greedy.actions.hashes.length)) >= 2, 'seeded rows count as updated');
    const model = decodeParseModel(encodeParseModel({ info: { ...info, beam: 4 }, actions: warm.actions, relations: warm.relations }, { minUpdates: 2 }));
    for (const t of [ARREST, RESIGN]) assert.deepEqual([...parseSentenceBeam(model, t.words, uposIndex(t.upos), undefined, 4).head], t.heads.map((h) => h - 1));
  });

  it('returns an empty tree for an empty sentence with a beam too', () => {
    const trained = trainBeamParser(training, { epochs: 1, seed: 13, beamWidth: 2, exploreFrom: 1 });
    const model = decodeParseModel(encodeParseModel({ info, actions: trained.actions, relations: trained.relations }));
    assert.equal(parseSentenceBeam(model, [], new Uint8Array(0), undefined, 4).head.length, 0);
  });
});
