/**
 * Training of the arc-eager parser: averaged perceptrons (Collins 2002) for the transition and the relation,
 * trained online with the dynamic oracle of Goldberg & Nivre (2012). In each configuration the model's best
 * legal transition is compared with the best zero-cost one; when the model's choice has a cost, the features
 * move toward the zero-cost transition. From `exploreFrom` on, the parser then follows its own choice with
 * probability `exploreProbability` even when it is wrong (so it learns to recover from its errors); before
 * that it follows the oracle. The relation classifier learns on every arc built whose head is the gold head.
 * Weight rows exist only for features that took part in an update. Averaging uses the lazy trick
 * (keep w and Σ c·Δ; average = w − Σ c·Δ / c). Deterministic: shuffling and exploration draw from a seeded generator.
 */
import { DEP_LABELS } from '../../model/deps.js';
import { seededRandom, shuffleInPlace } from '../ner/train.js';
import { actionFeatures, MAX_ACTION_FEATURES, MAX_RELATION_FEATURES, relationFeatures, sentenceAttributes, type SentenceAttributes } from './features.js';
import { bestLegalAction, bestRelation, type ParseScorer } from './model.js';
import { ACTION_COUNT, applyTransition, arcEnds, initialState, isTerminal, LABEL_CLASS_BITS, LEFT, RIGHT, transitionCosts } from './transitions.js';

/** One training sentence: words, predicted or gold UPOS indices, gold heads (1-based, 0 = root) and relation indices. */
export interface ParseTrainingSentence {
  readonly words: readonly string[];
  readonly upos: Uint8Array;
  /** Hashes of the words' PTB tags (xposHash), for a model with the "xpos" feature group. */
  readonly xpos?: Uint32Array;
  readonly heads: Int32Array;
  readonly relations: Uint8Array;
}

/** Training settings. */
export interface ParseTrainOptions {
  readonly epochs: number;
  readonly seed: number;
  /** First epoch (1-based) in which the parser follows its own wrong choices; Infinity: static oracle path. */
  readonly exploreFrom: number;
  readonly exploreProbability: number;
  /** Normalised word hash → cluster path code: adds the cluster templates (the model must carry the same map). */
  readonly clusters?: ReadonlyMap<number, number>;
  /** Adds the "between" templates (the model's info must list the group). */
  readonly hasBetween?: boolean;
  /** Label sets over LABEL_CLASS_BITS (group "label-classes"; the model's info must list it). */
  readonly hasLabelClasses?: boolean;
  /** Called after each epoch with the share of transitions and of relations the model got right during it. */
  readonly onEpoch?: (epoch: number, actionAccuracy: number, relationAccuracy: number) => void;
}

/** Averaged weights of one classifier: one row of `columns` weights per feature hash. */
export interface TrainedTable {
  readonly columns: number;
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
  /** How many updates touched each row (rare features can be left out of the file: see encodeParseModel). */
  readonly updates: Uint32Array;
}

/** Both classifiers after training. */
export interface TrainedParser {
  readonly actions: TrainedTable;
  readonly relations: TrainedTable;
}

/** A growing perceptron weight table with lazy averaging; feature rows found through open addressing (a Map is slower). */
export class PerceptronTable {
  readonly hashList: number[] = [];
  private keys = new Int32Array(1 << 16);
  private slots = new Int32Array(1 << 16);
  w: Float32Array;
  u: Float64Array;
  private updates = new Uint32Array(1 << 14);

  constructor(readonly columns: number) {
    this.w = new Float32Array(columns << 14);
    this.u = new Float64Array(columns << 14);
  }

  /** The row of a feature hash, or -1. */
  find(hash: number): number {
    const key = hash === 0 ? 1 : hash | 0;
    const mask = this.keys.length - 1;
    let slot = key & mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.slots[slot]!;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  score(feats: Uint32Array, count: number, scores: Float64Array | Int32Array): void {
    const t = this.columns;
    scores.fill(0, 0, t);
    for (let f = 0; f < count; f++) {
      const r = this.find(feats[f]!);
      if (r < 0) continue;
      const base = r * t;
      for (let y = 0; y < t; y++) scores[y]! += this.w[base + y]!;
    }
  }

  update(feats: Uint32Array, count: number, gold: number, guess: number, clock: number): void {
    const t = this.columns;
    for (let f = 0; f < count; f++) {
      const r = this.row(feats[f]!);
      this.updates[r]!++;
      const base = r * t;
      this.w[base + gold]! += 1;
      this.u[base + gold]! += clock;
      this.w[base + guess]! -= 1;
      this.u[base + guess]! -= clock;
    }
  }

  /** Adds `delta` to column `column` of every feature's row (a global update moves whole transition sequences). */
  addColumn(feats: Uint32Array, count: number, column: number, delta: number, clock: number): void {
    const t = this.columns;
    for (let f = 0; f < count; f++) {
      const r = this.row(feats[f]!);
      this.updates[r]!++;
      this.w[r * t + column]! += delta;
      this.u[r * t + column]! += delta * clock;
    }
  }

  /**
   * Starts from trained weights (a warm start): each row's weights become `weights`, with no update history, so
   * the average keeps them whole and what later training adds is averaged as usual. `priorUpdates` is the update
   * count each seeded row starts with (rows of a file already passed its pruning).
   */
  seed(table: { readonly columns: number; readonly hashes: Uint32Array; readonly weights: Float32Array }, priorUpdates: number): void {
    const t = this.columns;
    for (let r = 0; r < table.hashes.length; r++) {
      const row = this.row(table.hashes[r]!);
      this.updates[row] = priorUpdates;
      for (let y = 0; y < t; y++) this.w[row * t + y] = table.weights[r * t + y]!;
    }
  }

  private row(hash: number): number {
    const found = this.find(hash);
    if (found >= 0) return found;
    const r = this.hashList.length;
    this.hashList.push(hash);
    this.insert(hash, r);
    if (2 * this.hashList.length > this.keys.length) this.rehash();
    if (r >= this.updates.length) {
      const updates = new Uint32Array(this.updates.length * 2);
      updates.set(this.updates);
      this.updates = updates;
    }
    if ((r + 1) * this.columns > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return r;
  }

  private insert(hash: number, row: number): void {
    const key = hash === 0 ? 1 : hash | 0;
    const mask = this.keys.length - 1;
    let slot = key & mask;
    while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.slots[slot] = row;
  }

  private rehash(): void {
    this.keys = new Int32Array(this.keys.length * 2);
    this.slots = new Int32Array(this.slots.length * 2);
    this.hashList.forEach((hash, r) => this.insert(hash, r));
  }

  averaged(clock: number): TrainedTable {
    const size = this.hashList.length * this.columns;
    const weights = new Float32Array(size);
    for (let k = 0; k < size; k++) weights[k] = this.w[k]! - this.u[k]! / clock;
    return { columns: this.columns, hashes: Uint32Array.from(this.hashList), weights, updates: this.updates.slice(0, this.hashList.length) };
  }
}

/** Trains both classifiers; returns averaged weights. */
export function trainParser(sentences: readonly ParseTrainingSentence[], options: ParseTrainOptions): TrainedParser {
  const actions = new PerceptronTable(ACTION_COUNT);
  const relations = new PerceptronTable(DEP_LABELS.length);
  const attributes: SentenceAttributes[] = sentences.map((s) => sentenceAttributes(s.words, s.upos, options.clusters, undefined, s.xpos, options.hasBetween === true));
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  const feats = new Uint32Array(MAX_ACTION_FEATURES);
  const relationFeats = new Uint32Array(MAX_RELATION_FEATURES);
  const actionScores = new Float64Array(ACTION_COUNT);
  const relationScores = new Float64Array(DEP_LABELS.length);
  const costs = new Float64Array(ACTION_COUNT);
  let clock = 1;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    const isExploring = epoch >= options.exploreFrom;
    let actionCorrect = 0;
    let actionTotal = 0;
    let relationCorrect = 0;
    let relationTotal = 0;
    for (const s of order) {
      const sentence = sentences[s]!;
      const attr = attributes[s]!;
      const n = sentence.words.length;
      // Gold heads indexed by word number (1..n), as the oracle reads them.
      const goldHead = new Int32Array(n + 1);
      goldHead.set(sentence.heads, 1);
      const state = initialState(n);
      state.labelBits = options.hasLabelClasses === true ? LABEL_CLASS_BITS : undefined;
      while (!isTerminal(state)) {
        const count = actionFeatures(state, attr, feats);
        actions.score(feats, count, actionScores);
        transitionCosts(state, goldHead, costs);
        const predicted = bestLegalAction(state, actionScores);
        let minCost = Infinity;
        for (let a = 0; a < ACTION_COUNT; a++) minCost = Math.min(minCost, costs[a]!);
        let gold = -1;
        for (let a = 0; a < ACTION_COUNT; a++) if (costs[a] === minCost && (gold < 0 || actionScores[a]! > actionScores[gold]!)) gold = a;
        actionTotal++;
        if (costs[predicted] === minCost) actionCorrect++;
        else actions.update(feats, count, gold, predicted, clock);
        const next = costs[predicted] === minCost || (isExploring && random() < options.exploreProbability) ? predicted : gold;
        let relation = 0;
        if (next === LEFT || next === RIGHT) {
          const { h, d } = arcEnds(state, next);
          if (h === 0) relation = bestRelation(0, relationScores);
          else {
            const k = relationFeatures(state, attr, h, d, relationFeats);
            relations.score(relationFeats, k, relationScores);
            relation = bestRelation(h, relationScores);
            if (goldHead[d] === h) {
              const goldRelation = sentence.relations[d - 1]!;
              relationTotal++;
              if (relation === goldRelation) relationCorrect++;
              else relations.update(relationFeats, k, goldRelation, relation, clock);
              // Before exploring, later features see gold relations; after, the model's own.
              if (!isExploring) relation = goldRelation;
            }
          }
        }
        applyTransition(state, next, relation);
        clock++;
      }
    }
    options.onEpoch?.(epoch, actionTotal > 0 ? actionCorrect / actionTotal : 0, relationTotal > 0 ? relationCorrect / relationTotal : 0);
  }
  return { actions: actions.averaged(clock), relations: relations.averaged(clock) };
}

/** A scorer over float weights (for scoring a trained model before it is quantised). */
export function trainedScorer(trained: TrainedParser): ParseScorer {
  const index = (table: TrainedTable): Map<number, number> => new Map(Array.from(table.hashes, (h, r) => [h, r]));
  const actionRows = index(trained.actions);
  const relationRows = index(trained.relations);
  const add = (table: TrainedTable, rows: Map<number, number>, feats: Uint32Array, count: number, scores: Float64Array | Int32Array): void => {
    const t = table.columns;
    scores.fill(0, 0, t);
    for (let f = 0; f < count; f++) {
      const r = rows.get(feats[f]!);
      if (r === undefined) continue;
      for (let y = 0; y < t; y++) scores[y]! += table.weights[r * t + y]!;
    }
  };
  return {
    scoreActions: (feats, count, scores) => add(trained.actions, actionRows, feats, count, scores),
    scoreRelations: (feats, count, scores) => add(trained.relations, relationRows, feats, count, scores),
  };
}
