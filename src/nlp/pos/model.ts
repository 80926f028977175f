/**
 * The POS model at run time: a greedy left-to-right averaged perceptron (Collins 2002; Honnibal's
 * "good POS tagger in about 200 lines") over hashed features. Each token's tag is the argmax of its
 * static feature weights plus the weights of features of the tags already chosen to its left; frequent
 * words that take one tag almost always ("the", ",", "and") get it from a tag dictionary without scoring.
 * The weight table is the NER one (open addressing over feature hashes, src/nlp/ner/model.ts); weights stay
 * quantised to int16 as in the file, so a row of 17 tags is 34 bytes and scores are summed as integers.
 */
import { hashString } from '../ner/features.js';
import { DYNAMIC_FEATURE_COUNT, dynamicFeatures, extractPosFeatures, straightenQuotes } from './features.js';
import type { LemmaRules, LemmaRuleTable } from './lemma.js';

/** Facts about how a model was trained, stored in the model file and shown by the model card. */
export interface PosModelInfo {
  readonly name: string;
  readonly version: number;
  readonly task: 'pos';
  /** Tag names in weight-column order (the UPOS_TAGS order of src/model/tokens.ts). */
  readonly tags: readonly string[];
  readonly trainedOn: readonly string[];
  readonly epochs: number;
  readonly seed: number;
  readonly featureCount: number;
  /** Flattened pairs [hash of the word as written, tag, …]: words that get their tag without scoring. */
  readonly tagDictionary: readonly number[];
  /** The UPOS-driven lemmatiser's rules (src/nlp/pos/lemma.ts), when the model has them. */
  readonly lemmaRules?: LemmaRuleTable;
  readonly [key: string]: unknown;
}

/** A loaded POS model. Read-only; one instance serves every document. */
export interface PosModel {
  readonly info: PosModelInfo;
  readonly tagCount: number;
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
}

/** The key of a word in the tag dictionary: FNV of the word as written, quotes straightened. */
export function tagDictionaryKey(word: string): number {
  return hashString(straightenQuotes(word));
}

/**
 * Tag indices (columns of the model, i.e. UPOS_TAGS indices) for one sentence of token strings.
 * @example tagPosWords(model, ['They', 'met', '.']) // → [PRON, VERB, PUNCT] as indices
 */
export function tagPosWords(model: PosModel, words: readonly string[]): Uint8Array {
  const n = words.length;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const t = model.tagCount;
  const { table, weights } = model;
  const mask = (table.length >>> 1) - 1;
  const sentence = extractPosFeatures(words);
  const dynamic = new Uint32Array(DYNAMIC_FEATURE_COUNT);
  const scores = new Int32Array(t);
  let prev1 = t;
  let prev2 = t;
  for (let i = 0; i < n; i++) {
    const known = model.tagDictionary.get(tagDictionaryKey(words[i]!));
    if (known !== undefined) {
      tags[i] = known;
      prev2 = prev1;
      prev1 = known;
      continue;
    }
    scores.fill(0);
    const to = sentence.offsets[i + 1]!;
    dynamicFeatures(sentence, i, prev1, prev2, dynamic);
    for (let f = sentence.offsets[i]!; f < to + DYNAMIC_FEATURE_COUNT; f++) {
      const hash = f < to ? sentence.feats[f]! : dynamic[f - to]!;
      // Inlined lookupRow (src/nlp/ner/model.ts) over the interleaved table.
      const key = hash === 0 ? 1 : hash | 0;
      let slot = key & mask;
      let row = -1;
      for (;;) {
        const k = table[2 * slot]!;
        if (k === key) {
          row = table[2 * slot + 1]!;
          break;
        }
        if (k === 0) break;
        slot = (slot + 1) & mask;
      }
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
  return tags;
}
