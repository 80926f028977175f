/**
 * The dependency parser at run time: greedy arc-eager parsing (src/nlp/parse/transitions.ts) with two linear
 * classifiers over hashed features, their weights quantised to int16 as in the model file: one picks the
 * transition (SHIFT, REDUCE, LEFT, RIGHT), the other the relation of the arc LEFT or RIGHT builds. One parse
 * per sentence; no arc crosses it.
 */
import { DEP_LABELS, depLabelIndex } from '../../model/deps.js';
import { actionFeatures, attributeScratch, MAX_ACTION_FEATURES, MAX_RELATION_FEATURES, relationFeatures, sentenceAttributes, type SentenceAttributes } from './features.js';
import { ACTION_COUNT, applyTransition, arcEnds, finishTree, initialState, isLegal, isTerminal, LABEL_CLASS_BITS, LEFT, RIGHT, resetState, type ParserState } from './transitions.js';

/** Facts about how a model was trained, stored in the model file and shown by the model card. */
export interface ParseModelInfo {
  readonly name: string;
  readonly version: number;
  readonly task: 'parse';
  /** Relation names in weight-column order (DEP_LABELS of src/model/deps.ts). */
  readonly labels: readonly string[];
  readonly trainedOn: readonly string[];
  readonly epochs: number;
  readonly seed: number;
  /** Optional feature groups ("clusters"); none in older files. */
  readonly featureGroups?: readonly string[];
  /** Flattened pairs [normalised word hash, cluster path code, …] (group "clusters"). */
  readonly wordClusters?: readonly number[];
  readonly [key: string]: unknown;
}

/**
 * A linear classifier's weights: an open-addressing table of feature hashes, slot s = [table[2s] = key
 * (hash, 0 remapped to 1; 0 marks an empty slot), table[2s+1] = row], and rowCount × columns weights.
 */
export interface WeightTable {
  readonly columns: number;
  readonly table: Int32Array;
  readonly weights: Int16Array;
}

/** A loaded parser. Read-only; one instance serves every document. */
export interface ParseModel {
  readonly info: ParseModelInfo;
  /** Rows (distinct features) of the action classifier; its weights are only in packedActions. */
  readonly actionRows: number;
  readonly relations: WeightTable;
  /**
   * The action classifier, packed for speed: slot s = [key, w0 | w1 << 16, w2 | w3 << 16, 0] (int16 pairs), so a
   * probe and its four weights share one cache line. Built by packActionTable at load time; the unpacked table is
   * not kept (23 MB less in every thread that loads the model).
   */
  readonly packedActions: Int32Array;
  /** Normalised word hash → cluster path code, when the model was trained with cluster features. */
  readonly clusters?: ReadonlyMap<number, number>;
  /** Whether the model was trained with the "between" feature group (features.ts). */
  readonly hasBetween?: boolean;
  /** Whether the model was trained with the "label-classes" group (label sets over LABEL_CLASS_BITS). */
  readonly hasLabelClasses?: boolean;
}

/** Packs a 4-column weight table into the one-slot layout of ParseModel.packedActions. */
export function packActionTable(actions: WeightTable): Int32Array {
  const slots = actions.table.length >>> 1;
  const packed = new Int32Array(4 * slots);
  for (let slot = 0; slot < slots; slot++) {
    const key = actions.table[2 * slot]!;
    if (key === 0) continue;
    const base = 4 * actions.table[2 * slot + 1]!;
    const w = actions.weights;
    packed[4 * slot] = key;
    packed[4 * slot + 1] = (w[base]! & 0xffff) | (w[base + 1]! << 16);
    packed[4 * slot + 2] = (w[base + 2]! & 0xffff) | (w[base + 3]! << 16);
  }
  return packed;
}

/** A parsed sentence: head[i] is the 0-based index of word i's head in the sentence (-1: the root), label[i] a DEP_LABELS index. */
export interface ParsedSentence {
  readonly head: Int32Array;
  readonly label: Uint8Array;
}

/** Relation indices the decoder assigns itself. */
export const ROOT_RELATION = depLabelIndex('root');
const PUNCT_RELATION = depLabelIndex('punct');
const PARATAXIS_RELATION = depLabelIndex('parataxis');
const PUNCT_POS = 13;

/** Builds the open-addressing table over distinct feature hashes (row r holds hashes[r]). */
export function buildWeightTable(hashes: ArrayLike<number>, weights: Int16Array, columns: number): WeightTable {
  let size = 1;
  while (size < hashes.length * 2) size <<= 1;
  const table = new Int32Array(2 * size);
  const mask = size - 1;
  for (let r = 0; r < hashes.length; r++) {
    const key = tableKey(hashes[r] ?? 0);
    let slot = key & mask;
    while (table[2 * slot] !== 0 && table[2 * slot] !== key) slot = (slot + 1) & mask;
    table[2 * slot] = key;
    table[2 * slot + 1] = r;
  }
  return { columns, table, weights };
}

function tableKey(hash: number): number {
  return hash === 0 ? 1 : hash | 0;
}

/** The weight row of a feature hash, or -1 when the model does not know it. */
export function probeRow(table: Int32Array, hash: number): number {
  const key = tableKey(hash);
  const mask = (table.length >>> 1) - 1;
  let slot = key & mask;
  for (;;) {
    const k = table[2 * slot]!;
    if (k === key) return table[2 * slot + 1]!;
    if (k === 0) return -1;
    slot = (slot + 1) & mask;
  }
}

/**
 * The slot of each of `count` feature hashes in an open-addressing table whose slot s keeps its key at
 * table[s << shift] (shift 1: WeightTable.table, 2: packedActions), or -1 for a hash the model does not know.
 * The first probe of every feature is loaded before any is compared: the loads do not wait on one another's cache
 * misses (a compare-and-branch per probe, mispredicted half the time, would serialise them).
 */
function findSlots(table: Int32Array, shift: number, feats: Uint32Array, count: number, slots: Int32Array): void {
  const mask = (table.length >>> shift) - 1;
  for (let f = 0; f < count; f++) {
    const hash = feats[f]!;
    const key = hash === 0 ? 1 : hash | 0;
    KEYS[f] = key;
    const slot = key & mask;
    slots[f] = slot;
    FIRST[f] = table[slot << shift]!;
  }
  for (let f = 0; f < count; f++) {
    const key = KEYS[f]!;
    let k = FIRST[f]!;
    let slot = slots[f]!;
    while (k !== key) {
      if (k === 0) {
        slot = -1;
        break;
      }
      slot = (slot + 1) & mask;
      k = table[slot << shift]!;
    }
    slots[f] = slot;
  }
}

/** Adds the weights of `count` features to scores[0 .. columns). */
function score(weights: WeightTable, feats: Uint32Array, count: number, scores: Int32Array): void {
  const { columns, table, weights: w } = weights;
  scores.fill(0, 0, columns);
  findSlots(table, 1, feats, count, ROWS);
  for (let f = 0; f < count; f++) {
    const slot = ROWS[f]!;
    if (slot < 0) continue;
    const base = table[2 * slot + 1]! * columns;
    for (let y = 0; y < columns; y++) scores[y]! += w[base + y]!;
  }
}

/** Something that scores feature vectors: the run-time tables, or the trainer's float weights. */
export interface ParseScorer {
  /** Fills scores[0..ACTION_COUNT) for the action features. */
  scoreActions(feats: Uint32Array, count: number, scores: Float64Array | Int32Array): void;
  /** Fills scores[0..DEP_LABELS.length) for the relation features. */
  scoreRelations(feats: Uint32Array, count: number, scores: Float64Array | Int32Array): void;
}

/** The best relation for arc h → d, never 'root' below the artificial ROOT. */
export function bestRelation(h: number, scores: ArrayLike<number>): number {
  if (h === 0) return ROOT_RELATION;
  let best = -1;
  for (let y = 0; y < DEP_LABELS.length; y++) {
    if (y === ROOT_RELATION) continue;
    if (best < 0 || scores[y]! > scores[best]!) best = y;
  }
  return best;
}

/** The best legal transition under `scores`. */
export function bestLegalAction(state: ParserState, scores: ArrayLike<number>): number {
  let best = -1;
  for (let a = 0; a < ACTION_COUNT; a++) if (isLegal(state, a) && (best < 0 || scores[a]! > scores[best]!)) best = a;
  return best;
}

/** Greedy parse of one sentence with any scorer (shared by run time and evaluation during training). */
export function parseWithScorer(scorer: ParseScorer, attr: SentenceAttributes, n: number, labelBits?: Int32Array): ParsedSentence {
  const state = initialState(n);
  state.labelBits = labelBits;
  const feats = new Uint32Array(Math.max(MAX_ACTION_FEATURES, MAX_RELATION_FEATURES));
  const actionScores = new Float64Array(ACTION_COUNT);
  const relationScores = new Float64Array(DEP_LABELS.length);
  while (!isTerminal(state)) {
    const count = actionFeatures(state, attr, feats);
    scorer.scoreActions(feats, count, actionScores);
    const action = bestLegalAction(state, actionScores);
    let relation = 0;
    if (action === LEFT || action === RIGHT) {
      const { h, d } = arcEnds(state, action);
      if (h !== 0) {
        const k = relationFeatures(state, attr, h, d, feats);
        scorer.scoreRelations(feats, k, relationScores);
      }
      relation = bestRelation(h, relationScores);
    }
    applyTransition(state, action, relation);
  }
  return finishTree(state, ROOT_RELATION, (w) => (attr.pos[w] === PUNCT_POS + 1 ? PUNCT_RELATION : PARATAXIS_RELATION));
}

/** The scorer over a loaded model's quantised tables (for code that holds a ParseScorer; parseSentence scores inline). */
export function modelScorer(model: ParseModel): ParseScorer {
  const ints = new Int32Array(Math.max(ACTION_COUNT, DEP_LABELS.length));
  return {
    scoreActions(feats, count, scores) {
      scorePackedActions(model.packedActions, feats, count, ints);
      for (let y = 0; y < ACTION_COUNT; y++) scores[y] = ints[y]!;
    },
    scoreRelations(feats, count, scores) {
      score(model.relations, feats, count, ints);
      for (let y = 0; y < DEP_LABELS.length; y++) scores[y] = ints[y]!;
    },
  };
}

// Scratch buffers shared by calls (JS runs one call at a time on a thread; none escapes parseSentence).
const MAX_FEATURES = Math.max(MAX_ACTION_FEATURES, MAX_RELATION_FEATURES);
const FEATS = new Uint32Array(MAX_FEATURES);
const ACTION_SCORES = new Int32Array(ACTION_COUNT);
const RELATION_SCORES = new Int32Array(DEP_LABELS.length);
const ROWS = new Int32Array(MAX_FEATURES);
const KEYS = new Int32Array(MAX_FEATURES);
const FIRST = new Int32Array(MAX_FEATURES);
const SLOTS = new Int32Array(MAX_FEATURES);
let scratchAttributes = attributeScratch(128);
let scratchState: ParserState | undefined;

/** Fills scores[0..4) with the packed action table's scores of `count` features. */
function scorePackedActions(packed: Int32Array, feats: Uint32Array, count: number, scores: Int32Array): void {
  findSlots(packed, 2, feats, count, SLOTS);
  let shift = 0;
  let reduce = 0;
  let left = 0;
  let right = 0;
  for (let f = 0; f < count; f++) {
    const slot = SLOTS[f]!;
    if (slot < 0) continue;
    const a = packed[(slot << 2) + 1]!;
    const b = packed[(slot << 2) + 2]!;
    shift += (a << 16) >> 16;
    reduce += a >> 16;
    left += (b << 16) >> 16;
    right += b >> 16;
  }
  scores[0] = shift;
  scores[1] = reduce;
  scores[2] = left;
  scores[3] = right;
}

/**
 * Parses one sentence given its words and UPOS indices (UPOS_TAGS order).
 * @example parseSentence(model, ['Troops', 'fired', '.'], [NOUN, VERB, PUNCT]) // head [1, -1, 1], labels nsubj, root, punct
 */
export function parseSentence(model: ParseModel, words: readonly string[], upos: ArrayLike<number>, xpos?: ArrayLike<number>): ParsedSentence {
  const n = words.length;
  if (n === 0) return { head: new Int32Array(0), label: new Uint8Array(0) };
  if (scratchAttributes.word.length < n + 1) scratchAttributes = attributeScratch(2 * n);
  const attr = sentenceAttributes(words, upos, model.clusters, scratchAttributes, xpos, model.hasBetween === true);
  const state = (scratchState = resetState(scratchState, n));
  state.labelBits = model.hasLabelClasses === true ? LABEL_CLASS_BITS : undefined;
  const packed = model.packedActions;
  while (!isTerminal(state)) {
    const count = actionFeatures(state, attr, FEATS);
    scorePackedActions(packed, FEATS, count, ACTION_SCORES);
    const action = bestLegalAction(state, ACTION_SCORES);
    let relation = 0;
    if (action === LEFT || action === RIGHT) {
      const { h, d } = arcEnds(state, action);
      if (h !== 0) {
        const k = relationFeatures(state, attr, h, d, FEATS);
        score(model.relations, FEATS, k, RELATION_SCORES);
      }
      relation = bestRelation(h, RELATION_SCORES);
    }
    applyTransition(state, action, relation);
  }
  return finishTree(state, ROOT_RELATION, (w) => (attr.pos[w] === PUNCT_POS + 1 ? PUNCT_RELATION : PARATAXIS_RELATION));
}
