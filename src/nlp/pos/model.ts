/**
 * The POS model at run time: a greedy left-to-right averaged perceptron (Collins 2002; Honnibal's
 * "good POS tagger in about 200 lines") over hashed features. Each token's tag is the argmax of its
 * static feature weights plus the weights of features of the tags already chosen to its left; frequent
 * words that take one tag almost always ("the", ",", "and") get it from a tag dictionary without scoring.
 * The weight table is the NER one (open addressing over feature hashes, src/nlp/ner/model.ts); weights stay
 * quantised to int16 as in the file, so a row of 17 tags is 34 bytes and scores are summed as integers.
 */
import { hashString } from '../ner/features.js';
import { createPosFeatureScratch, DYNAMIC_FEATURE_COUNT, dynamicFeatures, extractPosFeatures, straightenQuotes, type PosLexicon } from './features.js';
import type { LemmaRules, LemmaRuleTable } from './lemma.js';

/** Facts about how a model was trained, stored in the model file and shown by the model card. */
export interface PosModelInfo {
  readonly name: string;
  readonly version: number;
  readonly task: 'pos';
  /**
   * Tag names in weight-column order: the UPOS_TAGS order of src/model/tokens.ts, or (version 3) fine tags
   * "UPOS/XPOS" ("VERB/VBD", "AUX/VBD"), whose UPOS is the part before the slash.
   */
  readonly tags: readonly string[];
  readonly trainedOn: readonly string[];
  readonly epochs: number;
  readonly seed: number;
  readonly featureCount: number;
  /** Flattened pairs [hash of the word as written, tag, …]: words that get their tag without scoring. */
  readonly tagDictionary: readonly number[];
  /** The UPOS-driven lemmatiser's rules (src/nlp/pos/lemma.ts), when the model has them. */
  readonly lemmaRules?: LemmaRuleTable;
  /** Optional feature groups the model was trained with ("rich", "ambiguity", "clusters"); none in older files. */
  readonly featureGroups?: readonly string[];
  /** Flattened pairs [normalised word hash, ambiguity class bitmask, …] (group "ambiguity"). */
  readonly ambiguityClasses?: readonly number[];
  /** Flattened pairs [normalised word hash, cluster path code, …] (group "clusters"). */
  readonly wordClusters?: readonly number[];
  readonly [key: string]: unknown;
}

/** A loaded POS model. Read-only; one instance serves every document. */
export interface PosModel {
  readonly info: PosModelInfo;
  readonly tagCount: number;
  /** The UPOS index (UPOS_TAGS order) of each weight column. */
  readonly upos: Uint8Array;
  /**
   * Open-addressing table of feature hashes, slot s = [table[2s] = tableKey(hash) (0: empty), table[2s+1] = row]:
   * the NER table (buildFeatureTable) with key and row side by side, so a probe touches one cache line.
   */
  readonly table: Int32Array;
  /** rowCount × tagCount weights, quantised (the scale does not change the argmax). */
  readonly weights: Int16Array;
  /** Hash of the word as written → its tag (from info.tagDictionary). */
  readonly tagDictionary: ReadonlyMap<number, number>;
  /** Lemma rules ready for lookup, when the model has them. */
  readonly lemmaRules: LemmaRules | undefined;
  /** Feature groups and word knowledge for the feature extractor (from the info). */
  readonly lexicon: PosLexicon;
}

/** The key of a word in the tag dictionary: FNV of the word as written, quotes straightened. */
export function tagDictionaryKey(word: string): number {
  return hashString(straightenQuotes(word));
}

/**
 * UPOS indices (UPOS_TAGS order) for one sentence of token strings.
 * @example tagPosWords(model, ['They', 'met', '.']) // → [PRON, VERB, PUNCT] as indices
 */
export function tagPosWords(model: PosModel, words: readonly string[]): Uint8Array {
  const tags = tagPosColumns(model, words);
  const upos = model.upos;
  for (let i = 0; i < tags.length; i++) tags[i] = upos[tags[i]!]!;
  return tags;
}

/**
 * The model's own tags (weight columns: UPOS, or fine "UPOS/XPOS" tags) for one sentence of token strings.
 * @example model.info.tags[tagPosColumns(model, ['They', 'met', '.'])[1]!] // → "VERB/VBD" in a fine-tag model
 */
export function tagPosColumns(model: PosModel, words: readonly string[]): Uint8Array {
  const tags = new Uint8Array(words.length);
  if (words.length === 0) return tags;
  if (!model.lexicon.stacked) {
    tagPass(model, words, undefined, tags);
    return tags;
  }
  // A stacked model tags twice: the second pass sees the first pass's tags on both sides ("to" + VERB after it).
  const firstPass = new Uint8Array(words.length);
  tagPass(model, words, undefined, firstPass);
  tagPass(model, words, firstPass, tags);
  return tags;
}

/** One greedy left-to-right pass; with `firstPass`, the second pass of a stacked model. Writes `tags`. */
function tagPass(model: PosModel, words: readonly string[], firstPass: Uint8Array | undefined, tags: Uint8Array): void {
  const n = words.length;
  const t = model.tagCount;
  const { table, weights } = model;
  const mask = (table.length >>> 1) - 1;
  // Scratch buffers shared across calls (JS runs one call at a time; none of them escapes this function).
  const sentence = extractPosFeatures(words, FEATURE_SCRATCH, model.lexicon, firstPass);
  const dynamic = DYNAMIC;
  const scores = t <= SCORES.length ? SCORES : new Int32Array(t);
  // Pass 1: tag-dictionary words (their tag does not depend on the tags before them), and the weight row of
  // every static feature of the other words: independent table probes the CPU can overlap.
  const known = new Int16Array(n).fill(-1);
  const total = sentence.offsets[n]!;
  if (ROWS.length < total) ROWS = new Int32Array(Math.max(total, 2 * ROWS.length));
  const rowOf = ROWS;
  for (let i = 0; i < n; i++) {
    const tag = model.tagDictionary.get(tagDictionaryKey(words[i]!));
    if (tag !== undefined) {
      known[i] = tag;
      continue;
    }
    for (let f = sentence.offsets[i]!, to = sentence.offsets[i + 1]!; f < to; f++) rowOf[f] = probe(table, mask, sentence.feats[f]!);
  }
  // Pass 2: greedy left to right; the sums run over the same features in the same order as one pass would.
  let prev1 = t;
  let prev2 = t;
  for (let i = 0; i < n; i++) {
    if (known[i]! >= 0) {
      tags[i] = known[i]!;
      prev2 = prev1;
      prev1 = known[i]!;
      continue;
    }
    scores.fill(0);
    const to = sentence.offsets[i + 1]!;
    const dynamicCount = dynamicFeatures(sentence, i, prev1, prev2, dynamic);
    for (let f = sentence.offsets[i]!; f < to + dynamicCount; f++) {
      const row = f < to ? rowOf[f]! : probe(table, mask, dynamic[f - to]!);
      if (row < 0) continue;
      const w = row * t;
      for (let y = 0; y < t; y++) scores[y]! += weights[w + y]!;
    }
    let best = 0;
    for (let y = 1; y < t; y++) if (scores[y]! > scores[best]!) best = y;
    tags[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
}

/** Row of each static feature of the sentence being tagged (scratch; grows to the longest sentence). */
let ROWS = new Int32Array(0);
const FEATURE_SCRATCH = createPosFeatureScratch();
const DYNAMIC = new Uint32Array(DYNAMIC_FEATURE_COUNT);
/** Sized for the fine tag set; a model with more tags gets its own array. */
const SCORES = new Int32Array(64);

/** lookupRow (src/nlp/ner/model.ts) over the interleaved table: the weight row of a feature hash, or -1. */
function probe(table: Int32Array, mask: number, hash: number): number {
  const key = hash === 0 ? 1 : hash | 0;
  let slot = key & mask;
  for (;;) {
    const k = table[2 * slot]!;
    if (k === key) return table[2 * slot + 1]!;
    if (k === 0) return -1;
    slot = (slot + 1) & mask;
  }
}
