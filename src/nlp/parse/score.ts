/**
 * Attachment scores of predicted trees against gold ones. Scored words: those whose gold UPOS is not PUNCT
 * (punctuation excluded, as in the CoNLL-X and most English parsing reports). UAS: head right; LAS: head and
 * full relation (with its subtype, "obl:tmod") right; LAS on the universal part compares the relation before ":".
 * Per-relation LAS is recall-oriented: of the scored words whose gold relation (universal part) is R, the share
 * with the right head and the right universal relation.
 */
import { DEP_LABELS } from '../../model/deps.js';

/** Running totals; create with createParseScore, fill with addSentence. */
export interface ParseScore {
  words: number;
  headRight: number;
  labelledRight: number;
  universalRight: number;
  /** Including punctuation, for reference. */
  allWords: number;
  allLabelledRight: number;
  readonly byRelation: Map<string, { gold: number; right: number }>;
}

/** Empty totals. */
export function createParseScore(): ParseScore {
  return { words: 0, headRight: 0, labelledRight: 0, universalRight: 0, allWords: 0, allLabelledRight: 0, byRelation: new Map() };
}

function universal(relation: string): string {
  const colon = relation.indexOf(':');
  return colon < 0 ? relation : relation.slice(0, colon);
}

/**
 * Adds one sentence. Gold heads are 1-based (0 = root) as in CoNLL-U; predicted heads 0-based (-1 = root), as
 * parseSentence returns them; predicted labels are DEP_LABELS indices.
 */
export function addSentence(score: ParseScore, gold: { heads: ArrayLike<number>; relations: readonly string[]; upos: readonly string[] }, predicted: { head: Int32Array; label: Uint8Array }): void {
  for (let i = 0; i < gold.relations.length; i++) {
    const headRight = gold.heads[i]! - 1 === predicted.head[i]!;
    const goldRelation = gold.relations[i]!;
    const predictedRelation = DEP_LABELS[predicted.label[i]!] ?? 'dep';
    const labelledRight = headRight && predictedRelation === goldRelation;
    score.allWords++;
    if (labelledRight) score.allLabelledRight++;
    if (gold.upos[i] === 'PUNCT') continue;
    const universalRight = headRight && universal(predictedRelation) === universal(goldRelation);
    score.words++;
    if (headRight) score.headRight++;
    if (labelledRight) score.labelledRight++;
    if (universalRight) score.universalRight++;
    const key = universal(goldRelation);
    let entry = score.byRelation.get(key);
    if (!entry) score.byRelation.set(key, (entry = { gold: 0, right: 0 }));
    entry.gold++;
    if (universalRight) entry.right++;
  }
}
