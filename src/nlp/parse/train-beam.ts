/**
 * Global training of the arc-eager parser for beam decoding (Zhang & Clark 2008; Zhang & Nivre 2011): the
 * transition perceptron scores whole transition sequences (the sum of its transition scores), and is updated on
 * sequences, not single transitions, with the max-violation update of Huang, Fayong & Guo (2012): at the step
 * where the best hypothesis in the beam outscores the correct one by the most, the correct prefix's features
 * gain and the wrong prefix's lose. "Correct" is any path that has lost no gold arc so far (the dynamic oracle's
 * cost), so spurious ambiguity needs no canonical sequence: while such a path is in the beam the best of them is
 * the reference; once all fall out, the reference continues from the last one with its best zero-cost transition.
 * The relation classifier stays local: it learns along one zero-cost path per sentence, as in greedy training.
 * Deterministic: the sentence order is drawn from a seeded generator.
 */
import { DEP_LABELS } from '../../model/deps.js';
import { seededRandom, shuffleInPlace } from '../ner/train.js';
import { beamCandidates, MAX_BEAM_WIDTH, relationOf, selectBest } from './beam.js';
import { actionFeatures, MAX_ACTION_FEATURES, MAX_RELATION_FEATURES, relationFeatures, sentenceAttributes, type SentenceAttributes } from './features.js';
import { bestRelation, type ParseScorer } from './model.js';
import { PerceptronTable, type ParseTrainingSentence, type TrainedParser } from './train.js';
import { ACTION_COUNT, applyTransition, arcEnds, copyState, initialState, isLegal, isTerminal, LABEL_CLASS_BITS, LEFT, RIGHT, resetState, transitionCosts, type ParserState } from './transitions.js';

/** Settings of global training. */
export interface BeamTrainOptions {
  readonly epochs: number;
  readonly seed: number;
  /** Beam width in training (the decoder should use the same). */
  readonly beamWidth: number;
  /** First epoch (1-based) in which configurations carry the relation classifier's own relations (before: gold). */
  readonly exploreFrom: number;
  readonly clusters?: ReadonlyMap<number, number>;
  readonly hasBetween?: boolean;
  readonly hasLabelClasses?: boolean;
  /** Weights to start from (a greedy model's, read from its file): both tables are seeded with them. */
  readonly init?: { readonly actions: SeedTable; readonly relations: SeedTable };
  /** Update count credited to every seeded row (so file pruning by updates keeps them). */
  readonly initUpdates?: number;
  /**
   * Called after each epoch: the share of sentences whose best final hypothesis lost no gold arc, the relation
   * accuracy along the oracle path, and a function that returns the averaged weights so far (for a snapshot).
   */
  readonly onEpoch?: (epoch: number, exactShare: number, relationAccuracy: number, averaged: () => TrainedParser) => void;
}

/** Float weights to seed a table with. */
export interface SeedTable {
  readonly columns: number;
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
}

/** One hypothesis of the training beam: its configuration, score, gold arcs lost and transitions (action | relation << 2). */
interface Hypothesis {
  state: ParserState;
  score: number;
  cost: number;
  history: number[];
}

/** Trains both classifiers globally with a beam; returns averaged weights. */
export function trainBeamParser(sentences: readonly ParseTrainingSentence[], options: BeamTrainOptions): TrainedParser {
  const width = Math.max(1, Math.min(Math.floor(options.beamWidth), MAX_BEAM_WIDTH));
  const actions = new PerceptronTable(ACTION_COUNT);
  const relations = new PerceptronTable(DEP_LABELS.length);
  if (options.init) {
    actions.seed(options.init.actions, options.initUpdates ?? 0);
    relations.seed(options.init.relations, options.initUpdates ?? 0);
  }
  const scorer: ParseScorer = {
    scoreActions: (feats, count, scores) => actions.score(feats, count, scores),
    scoreRelations: (feats, count, scores) => relations.score(feats, count, scores),
  };
  const attributes: SentenceAttributes[] = sentences.map((s) => sentenceAttributes(s.words, s.upos, options.clusters, undefined, s.xpos, options.hasBetween === true));
  const labelBits = options.hasLabelClasses === true ? LABEL_CLASS_BITS : undefined;
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  const search = new BeamSearch(width, scorer, labelBits);
  const relationFeats = new Uint32Array(MAX_RELATION_FEATURES);
  const relationScores = new Float64Array(DEP_LABELS.length);
  const costs = new Float64Array(ACTION_COUNT);
  const feats = new Uint32Array(MAX_ACTION_FEATURES);
  let clock = 1;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    const ownRelations = epoch >= options.exploreFrom;
    let exact = 0;
    let relationRight = 0;
    let relationTotal = 0;
    for (const s of order) {
      const sentence = sentences[s]!;
      const attr = attributes[s]!;
      const n = sentence.words.length;
      const goldHead = new Int32Array(n + 1);
      goldHead.set(sentence.heads, 1);
      // The relation classifier, along one zero-cost path (the first zero-cost transition in id order).
      const walk = initialState(n);
      walk.labelBits = labelBits;
      while (!isTerminal(walk)) {
        transitionCosts(walk, goldHead, costs);
        const action = cheapest(costs);
        let relation = 0;
        if (action === LEFT || action === RIGHT) {
          const { h, d } = arcEnds(walk, action);
          if (h === 0) relation = bestRelation(0, relationScores);
          else {
            const k = relationFeatures(walk, attr, h, d, relationFeats);
            relations.score(relationFeats, k, relationScores);
            relation = bestRelation(h, relationScores);
            const gold = sentence.relations[d - 1]!;
            relationTotal++;
            if (relation === gold) relationRight++;
            else relations.update(relationFeats, k, gold, relation, clock);
            if (!ownRelations) relation = gold;
          }
        }
        applyTransition(walk, action, relation);
      }
      // The transitions, globally: one max-violation update per sentence.
      const result = search.run(attr, n, goldHead);
      if (result.finalCost === 0) exact++;
      if (result.violation) {
        const { reference, predicted } = result.violation;
        let common = 0;
        while (common < reference.length && common < predicted.length && reference[common] === predicted[common]) common++;
        replay(reference, common, +1);
        replay(predicted, common, -1);
      }
      clock++;

      function replay(history: readonly number[], skip: number, delta: number): void {
        const state = initialState(n);
        state.labelBits = labelBits;
        for (let t = 0; t < history.length; t++) {
          const code = history[t]!;
          if (t >= skip) actions.addColumn(feats, actionFeatures(state, attr, feats), code & 3, delta, clock);
          applyTransition(state, code & 3, code >> 2);
        }
      }
    }
    options.onEpoch?.(epoch, sentences.length > 0 ? exact / sentences.length : 0, relationTotal > 0 ? relationRight / relationTotal : 0, () => ({ actions: actions.averaged(clock), relations: relations.averaged(clock) }));
  }
  return { actions: actions.averaged(clock), relations: relations.averaged(clock) };
}

/** The legal transition of least cost (the lowest id among ties). */
function cheapest(costs: Float64Array): number {
  let best = 0;
  for (let a = 1; a < ACTION_COUNT; a++) if (costs[a]! < costs[best]!) best = a;
  return best;
}

/** What one training search found: the gold arcs its best final hypothesis lost, and the prefixes to update. */
interface SearchResult {
  readonly finalCost: number;
  readonly violation?: { readonly reference: readonly number[]; readonly predicted: readonly number[] };
}

/** The training beam, its pools reused from sentence to sentence. */
class BeamSearch {
  private current: Hypothesis[];
  private next: Hypothesis[];
  private readonly candidates: ReturnType<typeof beamCandidates>;
  private readonly chosen: Int32Array;
  private readonly actionScores: Float64Array;
  private readonly actionCosts: Float64Array;
  private readonly feats = new Uint32Array(Math.max(MAX_ACTION_FEATURES, MAX_RELATION_FEATURES));
  private readonly relationScores = new Float64Array(DEP_LABELS.length);
  private readonly goldScores = new Float64Array(ACTION_COUNT);
  private readonly goldCosts = new Float64Array(ACTION_COUNT);
  private capacity = 0;
  private gold: ParserState = initialState(1);

  constructor(
    private readonly width: number,
    private readonly scorer: ParseScorer,
    private readonly labelBits: Int32Array | undefined,
  ) {
    this.current = [];
    this.next = [];
    this.candidates = beamCandidates(width);
    this.chosen = new Int32Array(width);
    this.actionScores = new Float64Array(width * ACTION_COUNT);
    this.actionCosts = new Float64Array(width * ACTION_COUNT);
  }

  private ensure(n: number): void {
    if (this.capacity >= n) return;
    this.capacity = Math.max(2 * n, 64);
    const pool = (): Hypothesis[] => Array.from({ length: this.width }, () => ({ state: initialState(this.capacity), score: 0, cost: 0, history: [] }));
    this.current = pool();
    this.next = pool();
    this.gold = initialState(this.capacity);
  }

  run(attr: SentenceAttributes, n: number, goldHead: Int32Array): SearchResult {
    this.ensure(n);
    const { candidates: cand, feats, width } = this;
    const start = this.current[0]!;
    start.state = resetState(start.state, n);
    start.state.labelBits = this.labelBits;
    start.score = 0;
    start.cost = 0;
    start.history = [];
    copyState(start.state, this.gold);
    let goldScore = 0;
    let goldHistory: number[] = [];
    // The reference's index in the beam, or -1 when it has fallen out.
    let goldAt = 0;
    let size = 1;
    // Only a real violation (the wrong prefix scoring at least as high as the reference) is a perceptron update.
    let maxViolation = 0;
    let violation: SearchResult['violation'];
    for (;;) {
      cand.count = 0;
      let open = 0;
      for (let i = 0; i < size; i++) {
        const hyp = this.current[i]!;
        const state = hyp.state;
        if (isTerminal(state)) {
          push(cand, i, -1, hyp.score);
          continue;
        }
        open++;
        const scores = this.actionScores.subarray(i * ACTION_COUNT, (i + 1) * ACTION_COUNT);
        const costs = this.actionCosts.subarray(i * ACTION_COUNT, (i + 1) * ACTION_COUNT);
        this.scorer.scoreActions(feats, actionFeatures(state, attr, feats), scores);
        transitionCosts(state, goldHead, costs);
        for (let a = 0; a < ACTION_COUNT; a++) if (isLegal(state, a)) push(cand, i, a, hyp.score + scores[a]!);
      }
      const goldOpen = !isTerminal(this.gold);
      if (open === 0 && !goldOpen) break;
      // The reference's best zero-cost transition, from the beam's expansions or scored here when it fell out.
      let goldAction = -1;
      if (goldOpen) {
        const scores = goldAt >= 0 ? this.actionScores.subarray(goldAt * ACTION_COUNT) : this.goldScores;
        const costs = goldAt >= 0 ? this.actionCosts.subarray(goldAt * ACTION_COUNT) : this.goldCosts;
        if (goldAt < 0) {
          this.scorer.scoreActions(feats, actionFeatures(this.gold, attr, feats), scores);
          transitionCosts(this.gold, goldHead, costs);
        }
        let least = Infinity;
        for (let a = 0; a < ACTION_COUNT; a++) least = Math.min(least, costs[a]!);
        for (let a = 0; a < ACTION_COUNT; a++) if (costs[a] === least && (goldAction < 0 || scores[a]! > scores[goldAction]!)) goldAction = a;
        goldScore += scores[goldAction]!;
      }
      const kept = selectBest(cand, width, this.chosen);
      let bestZero = -1;
      for (let k = 0; k < kept; k++) {
        const c = this.chosen[k]!;
        const p = cand.parent[c]!;
        const parent = this.current[p]!;
        const action = cand.action[c]!;
        const child = this.next[k]!;
        copyState(parent.state, child.state);
        child.score = cand.score[c]!;
        if (action < 0) {
          child.cost = parent.cost;
          child.history = parent.history;
        } else {
          const relation = action === LEFT || action === RIGHT ? relationOf(this.scorer, parent.state, attr, action, feats, this.relationScores) : 0;
          applyTransition(child.state, action, relation);
          child.cost = parent.cost + this.actionCosts[p * ACTION_COUNT + action]!;
          child.history = parent.history.concat(action | (relation << 2));
        }
        if (bestZero < 0 && child.cost === 0) bestZero = k;
      }
      [this.current, this.next] = [this.next, this.current];
      size = kept;
      if (bestZero >= 0) {
        // A correct hypothesis survives: the best of them is the reference.
        const hyp = this.current[bestZero]!;
        goldAt = bestZero;
        goldScore = hyp.score;
        goldHistory = hyp.history;
        copyState(hyp.state, this.gold);
      } else if (goldOpen) {
        const relation = goldAction === LEFT || goldAction === RIGHT ? relationOf(this.scorer, this.gold, attr, goldAction, feats, this.relationScores) : 0;
        applyTransition(this.gold, goldAction, relation);
        goldHistory = goldHistory.concat(goldAction | (relation << 2));
        goldAt = -1;
      } else goldAt = -1;
      const best = this.current[0]!;
      if (best.cost > 0 && best.score - goldScore >= maxViolation) {
        maxViolation = best.score - goldScore;
        violation = { reference: goldHistory, predicted: best.history };
      }
    }
    return { finalCost: this.current[0]!.cost, ...(violation ? { violation } : {}) };
  }
}

function push(cand: ReturnType<typeof beamCandidates>, parent: number, action: number, score: number): void {
  const c = cand.count++;
  cand.parent[c] = parent;
  cand.action[c] = action;
  cand.score[c] = score;
}
