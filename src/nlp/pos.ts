/**
 * The POS tagger contract the tokenize stage reads from ctx.resources, kept apart from its wink-nlp
 * implementation (pos-tagger.ts) so that importing a stage does not load a tagger model.
 */
import type { TokenSpans } from './tokenize-text.js';

/** UPOS tag indices (into UPOS_TAGS) and lemmas for a token sequence. */
export interface PosTags {
  readonly pos: Uint8Array;
  readonly lemmas: readonly string[];
  /** PTB tags (UD EWT's XPOS: "VBD", "VBN"), when the tagger predicts them (a fine-tag model). */
  readonly xpos?: readonly string[];
}

/** Tags tokens of a text; passed to the tokenize stage in ctx.resources under POS_TAGGER_RESOURCE. */
export interface PosTagger {
  readonly name: string;
  /** `isSentenceStart[i]` (non-zero: token i opens a sentence) lets a tagger work sentence by sentence. */
  tag(text: string, tokens: TokenSpans, isSentenceStart?: Uint8Array): PosTags;
}

/** The resources key of the POS tagger. */
export const POS_TAGGER_RESOURCE = 'nlp.pos';

