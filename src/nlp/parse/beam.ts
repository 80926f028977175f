/**
 * Beam-search decoding for the arc-eager parser (Zhang & Clark 2008; Zhang & Nivre 2011): instead of the single
 * best transition, the `width` highest-scoring configurations survive each step, ranked by the sum of their
 * transition scores, so an early choice that looked best locally can be overtaken by a path that scores better
 * as a whole. The relation of each arc is still the relation classifier's best for it (not part of the beam).
 * A configuration whose buffer is empty is carried to the next step unchanged, since arc-eager paths for one
 * sentence differ in length (a word left on the stack needs no REDUCE). Width 1 is exactly greedy decoding.
 */
import { DEP_LABELS } from '../../model/deps.js';
import { actionFeatures, attributeScratch, MAX_ACTION_FEATURES, MAX_RELATION_FEATURES, relationFeatures, sentenceAttributes, type SentenceAttributes } from './features.js';
import { bestRelation, modelScorer, parseSentence, ROOT_RELATION, type ParsedSentence, type ParseModel, type ParseScorer } from './model.js';
import { ACTION_COUNT, applyTransition, arcEnds, copyState, finishTree, initialState, isLegal, isTerminal, LABEL_CLASS_BITS, LEFT, RIGHT, resetState, type ParserState } from './transitions.js';

/** The widest beam the decoder accepts (the candidate arrays are sized for it). */
export const MAX_BEAM_WIDTH = 64;

/** Candidate expansions of one step: parent hypothesis, transition (-1: carried as it is) and total score. */
export interface BeamCandidates {
  count: number;
  readonly parent: Int32Array;
  readonly action: Int32Array;
  readonly score: Float64Array;
}

/** Room for the expansions of a beam of `width`. */
export function beamCandidates(width: number): BeamCandidates {
  const size = width * ACTION_COUNT;
  return { count: 0, parent: new Int32Array(size), action: new Int32Array(size), score: new Float64Array(size) };
}

/**
 * Indices (into `candidates`) of the `width` best candidates, best first, written to `into`; returns how many.
 * Ties keep candidate order (earlier parent, then lower transition id), as greedy decoding's strict ">" does.
 */
export function selectBest(candidates: BeamCandidates, width: number, into: Int32Array): number {
  let kept = 0;
  for (let c = 0; c < candidates.count; c++) {
    const s = candidates.score[c]!;
    if (kept === width && s <= candidates.score[into[kept - 1]!]!) continue;
    let at = kept < width ? kept++ : kept - 1;
    while (at > 0 && candidates.score[into[at - 1]!]! < s) {
      into[at] = into[at - 1]!;
      at--;
    }
    into[at] = c;
  }
  return kept;
}

/** Scratch of one beam decoder: two pools of configurations (this step's and the next) and the candidates. */
interface BeamScratch {
  width: number;
  capacity: number;
  current: ParserState[];
  next: ParserState[];
  scores: Float64Array;
  nextScores: Float64Array;
  candidates: BeamCandidates;
  chosen: Int32Array;
}

function beamScratch(width: number, n: number): BeamScratch {
  const capacity = Math.max(n, 64);
  const pool = (): ParserState[] => Array.from({ length: width }, () => initialState(capacity));
  return { width, capacity, current: pool(), next: pool(), scores: new Float64Array(width), nextScores: new Float64Array(width), candidates: beamCandidates(width), chosen: new Int32Array(width) };
}

let scratch: BeamScratch | undefined;
const FEATS = new Uint32Array(Math.max(MAX_ACTION_FEATURES, MAX_RELATION_FEATURES));
const ACTION_SCORES = new Float64Array(ACTION_COUNT);
const RELATION_SCORES = new Float64Array(DEP_LABELS.length);

/** The relation the classifier gives the arc `action` (LEFT or RIGHT) would build in `state`. */
export function relationOf(scorer: ParseScorer, state: ParserState, attr: SentenceAttributes, action: number, feats: Uint32Array, scores: Float64Array): number {
  const { h, d } = arcEnds(state, action as typeof LEFT | typeof RIGHT);
  if (h === 0) return ROOT_RELATION;
  const k = relationFeatures(state, attr, h, d, feats);
  scorer.scoreRelations(feats, k, scores);
  return bestRelation(h, scores);
}

/**
 * Parses one sentence (attributes of words 1..n) with a beam of `width` configurations; width 1 is greedy.
 * @example beamParseWithScorer(modelScorer(model), attributes, 9, 8) // the tree of the best of 8 paths
 */
export function beamParseWithScorer(scorer: ParseScorer, attr: SentenceAttributes, n: number, width: number, labelBits?: Int32Array): ParsedSentence {
  if (n === 0) return { head: new Int32Array(0), label: new Uint8Array(0) };
  const w = Math.max(1, Math.min(Math.floor(width), MAX_BEAM_WIDTH));
  if (!scratch || scratch.width !== w || scratch.capacity < n) scratch = beamScratch(w, 2 * n);
  const s = scratch;
  const start = (s.current[0] = resetState(s.current[0], n));
  start.labelBits = labelBits;
  s.scores[0] = 0;
  let size = 1;
  for (;;) {
    const cand = s.candidates;
    cand.count = 0;
    let open = 0;
    for (let i = 0; i < size; i++) {
      const state = s.current[i]!;
      if (isTerminal(state)) {
        pushCandidate(cand, i, -1, s.scores[i]!);
        continue;
      }
      open++;
      const count = actionFeatures(state, attr, FEATS);
      scorer.scoreActions(FEATS, count, ACTION_SCORES);
      for (let a = 0; a < ACTION_COUNT; a++) if (isLegal(state, a)) pushCandidate(cand, i, a, s.scores[i]! + ACTION_SCORES[a]!);
    }
    if (open === 0) break;
    const kept = selectBest(cand, w, s.chosen);
    for (let k = 0; k < kept; k++) {
      const c = s.chosen[k]!;
      const parent = s.current[cand.parent[c]!]!;
      const action = cand.action[c]!;
      const child = s.next[k]!;
      copyState(parent, child);
      if (action >= 0) {
        const relation = action === LEFT || action === RIGHT ? relationOf(scorer, parent, attr, action, FEATS, RELATION_SCORES) : 0;
        applyTransition(child, action, relation);
      }
      s.nextScores[k] = cand.score[c]!;
    }
    [s.current, s.next] = [s.next, s.current];
    [s.scores, s.nextScores] = [s.nextScores, s.scores];
    size = kept;
  }
  // The pools are reused: finishTree reads the best configuration before the next sentence overwrites it.
  return finishTree(s.current[0]!, ROOT_RELATION, (word) => (attr.pos[word] === PUNCT_CODE ? PUNCT_RELATION : PARATAXIS_RELATION));
}

const PUNCT_CODE = 13 + 1;
const PUNCT_RELATION = DEP_LABELS.indexOf('punct');
const PARATAXIS_RELATION = DEP_LABELS.indexOf('parataxis');

function pushCandidate(cand: BeamCandidates, parent: number, action: number, score: number): void {
  const c = cand.count++;
  cand.parent[c] = parent;
  cand.action[c] = action;
  cand.score[c] = score;
}

const scorers = new WeakMap<ParseModel, ParseScorer>();
let attributes = attributeScratch(128);

/**
 * Parses one sentence of a loaded model with a beam of `width` (1 or less: the greedy parseSentence), given its
 * words and UPOS indices as parseSentence takes them.
 * @example parseSentenceBeam(model, ['Troops', 'fired', '.'], [NOUN, VERB, PUNCT], undefined, 8)
 */
export function parseSentenceBeam(model: ParseModel, words: readonly string[], upos: ArrayLike<number>, xpos: ArrayLike<number> | undefined, width: number): ParsedSentence {
  if (width <= 1) return parseSentence(model, words, upos, xpos);
  let scorer = scorers.get(model);
  if (!scorer) scorers.set(model, (scorer = modelScorer(model)));
  if (attributes.word.length < words.length + 1) attributes = attributeScratch(2 * words.length);
  const attr = sentenceAttributes(words, upos, model.clusters, attributes, xpos, model.hasBetween === true);
  return beamParseWithScorer(scorer, attr, words.length, width, model.hasLabelClasses === true ? LABEL_CLASS_BITS : undefined);
}
