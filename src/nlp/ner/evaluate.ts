/**
 * Scores a model on gold documents: tags each document (with the document-level rules given) and adds
 * every sentence's chunks to an EntityScorer restricted to the types the set covers.
 */
import type { MentionType } from '../../model/index.js';
import type { GoldDocument } from './corpus-format.js';
import type { NerModel } from './model.js';
import { EntityScorer } from './score.js';
import { DEFAULT_CONSISTENCY, tagDocument, type ConsistencyOptions } from './tag-document.js';
import { chunksFromIob } from './tags.js';

/** Entity-level scores of one set, and how many tokens were tagged. */
export interface NerSetScore {
  readonly scorer: EntityScorer;
  readonly tokens: number;
}

/** Tags and scores `docs` on `types` (exact span and type). */
export function scoreNerSet(model: NerModel, docs: readonly GoldDocument[], types: readonly MentionType[], consistency: ConsistencyOptions = DEFAULT_CONSISTENCY): NerSetScore {
  const scorer = new EntityScorer();
  let tokens = 0;
  for (const doc of docs) {
    const predicted = tagDocument(model, doc.sentences.map((s) => s.words), consistency);
    doc.sentences.forEach((s, i) => {
      tokens += s.words.length;
      scorer.add(chunksFromIob(s.tags), predicted[i] ?? [], types);
    });
  }
  return { scorer, tokens };
}
