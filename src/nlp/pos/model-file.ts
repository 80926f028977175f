/**
 * The POS model file reuses the NER container (src/nlp/ner/model-file.ts): gzip of "DNER" · header JSON ·
 * an empty gazetteer section · feature hashes (u32) · weights quantised to int16 · a zero transition table
 * (the greedy tagger scores tag history through features). The header's info says `task: "pos"`, lists
 * the tag names in column order (checked against the tag set the caller expects), and holds the tag
 * dictionary and the lemma rules as hashes.
 */
import { DossierError } from '../../model/index.js';
import { buildFeatureTable } from '../ner/model.js';
import { decodeModelFile, encodeNerModel } from '../ner/model-file.js';
import type { PosLexicon } from './features.js';
import { createLemmaRules } from './lemma.js';
import type { PosModel, PosModelInfo } from './model.js';

/** What a trainer hands to the encoder. */
export interface PosModelParts {
  readonly info: PosModelInfo;
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
}

/** Serialises a POS model; rows whose weights all quantise to zero are dropped. */
export function encodePosModel(parts: PosModelParts): Uint8Array {
  const tagCount = parts.info.tags.length;
  return encodeNerModel({
    info: parts.info,
    tagCount,
    hashes: parts.hashes,
    weights: parts.weights,
    transitions: new Float32Array((tagCount + 1) * tagCount),
    gazetteer: [],
    clusters: [],
  });
}

/**
 * The UPOS index of each of a model's tags: the tag itself, or the part before "/" of a fine tag ("VERB/VBD").
 * Throws E_RESOURCE_MISSING when a tag's UPOS is not in `expectedTags`, or a UPOS-only model's tags are not
 * `expectedTags` in the same order.
 */
export function uposOfColumns(tags: readonly string[], expectedTags: readonly string[]): Uint8Array {
  const fine = tags.some((tag) => tag.includes('/'));
  if (!fine && tags.join(' ') !== expectedTags.join(' ')) {
    throw new DossierError('E_RESOURCE_MISSING', `POS model tags "${tags.join(' ')}" differ from the expected "${expectedTags.join(' ')}"`);
  }
  return Uint8Array.from(tags, (tag) => {
    const index = expectedTags.indexOf(tag.split('/')[0]!);
    if (index < 0) throw new DossierError('E_RESOURCE_MISSING', `POS model tag "${tag}" is not one of "${expectedTags.join(' ')}"`);
    return index;
  });
}

/**
 * Reads a POS model file's bytes (gzip) into a ready model. Throws E_RESOURCE_MISSING when the file is not
 * a POS model or its tags do not map onto `expectedTags` (uposOfColumns).
 */
export function decodePosModel(file: Uint8Array, expectedTags: readonly string[]): PosModel {
  const decoded = decodeModelFile(file);
  const info = decoded.info as unknown as PosModelInfo;
  if (info.task !== 'pos') throw new DossierError('E_RESOURCE_MISSING', `model file is for task "${String(info.task ?? 'ner')}", not "pos"`);
  const upos = uposOfColumns(info.tags, expectedTags);
  const { keys, rows } = buildFeatureTable(decoded.hashes);
  const table = new Int32Array(2 * keys.length);
  for (let slot = 0; slot < keys.length; slot++) {
    table[2 * slot] = keys[slot]! | 0;
    table[2 * slot + 1] = rows[slot]!;
  }
  const tagDictionary = new Map<number, number>();
  for (let k = 0; k + 1 < info.tagDictionary.length; k += 2) tagDictionary.set(info.tagDictionary[k]!, info.tagDictionary[k + 1]!);
  return { info, tagCount: decoded.tagCount, upos, table, weights: decoded.quantised, tagDictionary, lemmaRules: info.lemmaRules ? createLemmaRules(info.lemmaRules) : undefined, lexicon: posLexicon(info) };
}

/** The feature extractor's lexicon a model's info describes (older files: no optional group). */
export function posLexicon(info: Pick<PosModelInfo, 'featureGroups' | 'ambiguityClasses' | 'wordClusters'>): PosLexicon {
  const groups = new Set(info.featureGroups ?? []);
  const pairs = (flat: readonly number[] | undefined): Map<number, number> => {
    const map = new Map<number, number>();
    if (flat) for (let k = 0; k + 1 < flat.length; k += 2) map.set(flat[k]!, flat[k + 1]!);
    return map;
  };
  return {
    rich: groups.has('rich'),
    ...(groups.has('ambiguity') ? { ambiguity: pairs(info.ambiguityClasses) } : {}),
    ...(groups.has('clusters') ? { clusters: pairs(info.wordClusters) } : {}),
    ...(groups.has('stacked') ? { stacked: true } : {}),
  };
}
