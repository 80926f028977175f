/**
 * Averaged perceptron training for the greedy POS tagger: tag each sentence left to right with the current
 * weights (the dynamic features see the tags predicted so far, as at run time); on a wrong token add its
 * features to the gold tag and subtract them from the predicted one. A feature gets a weight row only when
 * it takes part in an update, which keeps the model small. Words in the tag dictionary take its tag, as at run time. Averaging uses the lazy trick of the NER trainer
 * (keep w and Σ c·Δ; average = w − Σ c·Δ / c). Deterministic: the order is shuffled with a seeded generator.
 */
import { seededRandom, shuffleInPlace } from '../ner/train.js';
import { DYNAMIC_FEATURE_COUNT, dynamicFeatures, extractPosFeatures, lexiconKey, PLAIN_LEXICON, type PosLexicon } from './features.js';
import { tagDictionaryKey, tagPosColumns, type PosModel } from './model.js';

/** One training sentence: token strings and gold tag indices (columns of the model). */
export interface PosTrainingSentence {
  readonly words: readonly string[];
  readonly tags: Uint8Array;
}

/** Training settings. */
export interface PosTrainOptions {
  readonly tagCount: number;
  readonly epochs: number;
  readonly seed: number;
  /** Hash of a word as written (tagDictionaryKey) → its tag: those tokens are not scored nor learned from. */
  readonly tagDictionary?: ReadonlyMap<number, number>;
  /** Optional feature groups and their word knowledge (as the model will carry them). */
  readonly lexicon?: PosLexicon;
  /**
   * The lexicon to extract sentence i's features with, when it is not `lexicon`: ambiguity classes counted
   * without the sentence's own fold, so training sees classes as incomplete as unseen text will have them.
   */
  readonly lexiconOf?: (sentenceIndex: number) => PosLexicon;
  /** The first pass's tag columns of sentence i: trains the second pass of a stacked tagger (see trainStackedPos). */
  readonly firstPassOf?: (sentenceIndex: number) => Uint8Array;
  /** Called after each epoch with the share of tokens tagged correctly during that epoch. */
  readonly onEpoch?: (epoch: number, tokenAccuracy: number) => void;
}

/** Averaged weights: one row of tagCount weights per feature hash. */
export interface PosTrainedWeights {
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
}

/** Trains the tagger; returns averaged weights. */
export function trainPos(sentences: readonly PosTrainingSentence[], options: PosTrainOptions): PosTrainedWeights {
  const t = options.tagCount;
  const extracted = sentences.map((s, i) => extractPosFeatures(s.words, undefined, options.lexiconOf?.(i) ?? options.lexicon ?? PLAIN_LEXICON, options.firstPassOf?.(i)));
  const rowOf = new Map<number, number>();
  const hashList: number[] = [];
  let w = new Float32Array(1 << 16);
  let u = new Float64Array(1 << 16);
  const rowFor = (hash: number): number => {
    let r = rowOf.get(hash);
    if (r === undefined) {
      r = hashList.length;
      rowOf.set(hash, r);
      hashList.push(hash);
      if ((r + 1) * t > w.length) {
        const grownW = new Float32Array(w.length * 2);
        grownW.set(w);
        w = grownW;
        const grownU = new Float64Array(u.length * 2);
        grownU.set(u);
        u = grownU;
      }
    }
    return r;
  };
  let c = 1;
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  const dynamic = new Uint32Array(DYNAMIC_FEATURE_COUNT);
  const scores = new Float64Array(t);
  const addRow = (hash: number): void => {
    const r = rowOf.get(hash);
    if (r === undefined) return;
    const base = r * t;
    for (let y = 0; y < t; y++) scores[y]! += w[base + y]!;
  };
  const update = (hash: number, gold: number, guess: number): void => {
    const base = rowFor(hash) * t;
    w[base + gold]! += 1;
    u[base + gold]! += c;
    w[base + guess]! -= 1;
    u[base + guess]! -= c;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let correct = 0;
    let total = 0;
    for (const s of order) {
      const gold = sentences[s]!.tags;
      const words = sentences[s]!.words;
      const sentence = extracted[s]!;
      let prev1 = t;
      let prev2 = t;
      for (let i = 0; i < gold.length; i++) {
        const known = options.tagDictionary?.get(tagDictionaryKey(words[i]!));
        if (known !== undefined) {
          total++;
          if (known === gold[i]) correct++;
          prev2 = prev1;
          prev1 = known;
          continue;
        }
        scores.fill(0);
        const from = sentence.offsets[i]!;
        const to = sentence.offsets[i + 1]!;
        for (let f = from; f < to; f++) addRow(sentence.feats[f]!);
        const dynamicCount = dynamicFeatures(sentence, i, prev1, prev2, dynamic);
        for (let f = 0; f < dynamicCount; f++) addRow(dynamic[f]!);
        let guess = 0;
        for (let y = 1; y < t; y++) if (scores[y]! > scores[guess]!) guess = y;
        const g = gold[i]!;
        total++;
        if (guess === g) correct++;
        else {
          for (let f = from; f < to; f++) update(sentence.feats[f]!, g, guess);
          for (let f = 0; f < dynamicCount; f++) update(dynamic[f]!, g, guess);
        }
        c++;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    options.onEpoch?.(epoch, total > 0 ? correct / total : 0);
  }

  const rowCount = hashList.length;
  const averaged = new Float32Array(rowCount * t);
  for (let k = 0; k < rowCount * t; k++) averaged[k] = w[k]! - u[k]! / c;
  return { hashes: Uint32Array.from(hashList), weights: averaged };
}

/**
 * Trains a stacked tagger (feature group "stacked"): a first pass as trainPos does, and a second pass whose
 * features also see the first pass's tags on both sides. The second pass learns from first-pass tags as noisy as
 * on unseen text: each of `folds` first-pass taggers, trained on the other folds (seed + 1 + fold), tags its fold
 * (a jackknife). `toModel` turns first-pass weights into a tagger (encode and decode with a lexicon that is not
 * stacked). Returns one weight set: the first pass's rows, then the second pass's (their hashes are salted apart:
 * features.ts); a second-pass row whose hash collides with a first-pass one is dropped.
 */
export function trainStackedPos(sentences: readonly PosTrainingSentence[], options: PosTrainOptions, folds: number, toModel: (firstPass: PosTrainedWeights) => PosModel): PosTrainedWeights {
  if (options.lexiconOf) throw new Error('trainStackedPos: per-sentence lexicons (lexiconOf) are not supported');
  const firstPassTags = new Array<Uint8Array>(sentences.length);
  for (let f = 0; f < folds; f++) {
    const rest = sentences.filter((_, i) => i % folds !== f);
    const model = toModel(trainPos(rest, { ...options, seed: options.seed + 1 + f, onEpoch: undefined }));
    sentences.forEach((s, i) => {
      if (i % folds === f) firstPassTags[i] = tagPosColumns(model, s.words);
    });
  }
  const first = trainPos(sentences, options);
  const second = trainPos(sentences, { ...options, firstPassOf: (i) => firstPassTags[i]! });
  const t = options.tagCount;
  const seen = new Set(first.hashes);
  const kept: number[] = [];
  second.hashes.forEach((hash, r) => {
    if (!seen.has(hash)) kept.push(r);
  });
  const hashes = new Uint32Array(first.hashes.length + kept.length);
  hashes.set(first.hashes);
  const weights = new Float32Array(hashes.length * t);
  weights.set(first.weights);
  kept.forEach((r, k) => {
    hashes[first.hashes.length + k] = second.hashes[r]!;
    weights.set(second.weights.subarray(r * t, (r + 1) * t), (first.hashes.length + k) * t);
  });
  return { hashes, weights };
}

/**
 * The tag dictionary: words (as written) seen at least `minCount` times whose most frequent tag has at least
 * `minShare` of their occurrences ("the", ",", "and"). Returns hash → tag and the flattened pairs for the file.
 */
export function buildTagDictionary(sentences: readonly PosTrainingSentence[], minCount = 20, minShare = 0.97): { map: Map<number, number>; pairs: number[] } {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) {
    s.words.forEach((word, i) => {
      let byTag = counts.get(word);
      if (!byTag) counts.set(word, (byTag = new Map()));
      byTag.set(s.tags[i]!, (byTag.get(s.tags[i]!) ?? 0) + 1);
    });
  }
  const map = new Map<number, number>();
  for (const [word, byTag] of counts) {
    let total = 0;
    let bestTag = 0;
    let bestCount = 0;
    for (const [tag, count] of byTag) {
      total += count;
      if (count > bestCount) [bestTag, bestCount] = [tag, count];
    }
    if (total >= minCount && bestCount / total >= minShare) map.set(tagDictionaryKey(word), bestTag);
  }
  const pairs = [...map].sort((a, b) => a[0] - b[0]).flat();
  return { map, pairs };
}

/**
 * Ambiguity classes: for each normalised word (lexiconKey) seen at least `minCount` times, the bitmask of the
 * tags that have at least `minShare` of its occurrences. Rare words get none, so training sees classes as
 * reliable as at run time. Returns the map and the flattened pairs for the file (sorted by key).
 */
export function buildAmbiguityClasses(sentences: readonly PosTrainingSentence[], minCount = 3, minShare = 0.05): { map: Map<number, number>; pairs: number[] } {
  const counts = new Map<number, Map<number, number>>();
  for (const s of sentences) {
    s.words.forEach((word, i) => {
      const key = lexiconKey(word);
      let byTag = counts.get(key);
      if (!byTag) counts.set(key, (byTag = new Map()));
      byTag.set(s.tags[i]!, (byTag.get(s.tags[i]!) ?? 0) + 1);
    });
  }
  const map = new Map<number, number>();
  for (const [key, byTag] of counts) {
    let total = 0;
    for (const count of byTag.values()) total += count;
    if (total < minCount) continue;
    let mask = 0;
    for (const [tag, count] of byTag) if (count / total >= minShare) mask |= 1 << tag;
    map.set(key, mask);
  }
  const pairs = [...map].sort((a, b) => a[0] - b[0]).flat();
  return { map, pairs };
}

/** A fine tag set: "UPOS/XPOS" pairs, and a sentence's tags as columns of it. */
export interface FineTagSet {
  readonly tags: readonly string[];
  readonly columns: (sentence: { readonly upos: readonly string[]; readonly xpos: readonly string[] }) => Uint8Array;
}

/**
 * The fine tags a tagger predicts instead of bare UPOS: each UPOS/XPOS pair of training seen at least `minCount`
 * times ("VERB/VBD", "VERB/VBN", "AUX/VBD"), so the tag history tells a past tense from a participle and an
 * auxiliary from a main verb. A rarer pair stands for its UPOS's commonest pair, so the UPOS read off a
 * predicted tag is still the gold one in training. Ordered by UPOS (`uposTags` order), then by count, then by
 * name: the same data gives the same columns.
 */
export function buildFineTagSet(sentences: readonly { readonly upos: readonly string[]; readonly xpos: readonly string[] }[], uposTags: readonly string[], minCount = 20): FineTagSet {
  const counts = new Map<string, number>();
  for (const s of sentences) s.upos.forEach((upos, i) => counts.set(`${upos}/${s.xpos[i] ?? '_'}`, (counts.get(`${upos}/${s.xpos[i] ?? '_'}`) ?? 0) + 1));
  const uposOf = (pair: string): number => uposTags.indexOf(pair.split('/')[0]!);
  const ranked = [...counts].filter(([pair]) => uposOf(pair) >= 0).sort((a, b) => uposOf(a[0]) - uposOf(b[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const tags: string[] = [];
  const commonest = new Map<string, number>();
  for (const [pair, count] of ranked) {
    const upos = pair.split('/')[0]!;
    // A UPOS's commonest pair is kept whatever its count, so every UPOS has a column.
    if (count >= minCount || !commonest.has(upos)) {
      if (!commonest.has(upos)) commonest.set(upos, tags.length);
      tags.push(pair);
    }
  }
  for (const upos of uposTags) if (!commonest.has(upos)) tags.push(`${upos}/_`);
  return fineTagSet(tags);
}

/** The fine tag set of a model's tags (buildFineTagSet's order: each UPOS's first tag is its commonest). */
export function fineTagSet(tags: readonly string[]): FineTagSet {
  const index = new Map(tags.map((tag, i) => [tag, i]));
  const commonest = new Map<string, number>();
  tags.forEach((tag, i) => {
    const upos = tag.split('/')[0]!;
    if (!commonest.has(upos)) commonest.set(upos, i);
  });
  return {
    tags,
    columns: (s) => Uint8Array.from(s.upos, (upos, i) => index.get(`${upos}/${s.xpos[i] ?? '_'}`) ?? commonest.get(upos) ?? 0),
  };
}
