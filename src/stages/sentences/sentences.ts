/**
 * The `sentences` stage: sentence spans from the sentence-start flags the tokenize stage set
 * (the rule splitter in src/nlp/split-sentences.ts: no break after "Gen." or mid-sentence "U.S.",
 * closing quotes kept with their sentence, a line break ends a sentence unless it is a soft wrap).
 */
import { TOKEN_FLAG_SENTENCE_START, type Doc, type Sentence, type TokenTable } from '../../model/index.js';
import { defineStage, type Stage } from '../../pipeline/stage.js';

/** Bump when sentence boundaries change. */
export const SENTENCES_VERSION = 1;

/** Sentences of a token table: a new one opens at every token flagged as a sentence start. */
export function sentencesFromTokens(tokens: TokenTable): Sentence[] {
  const sentences: Sentence[] = [];
  let open = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && ((tokens.flags[i] ?? 0) & TOKEN_FLAG_SENTENCE_START) === 0) continue;
    if (i > open) sentences.push({ start: tokens.start[open] ?? 0, end: tokens.end[i - 1] ?? 0, tokenStart: open, tokenEnd: i });
    open = i;
  }
  return sentences;
}

/** Creates the sentences stage. */
export function createSentences(): Stage<'sentences'> {
  return defineStage({
    name: 'sentences',
    version: SENTENCES_VERSION,
    requires: ['tokens'],
    assigns: 'sentences',
    run: (doc: Doc): Sentence[] => sentencesFromTokens(doc.layers.tokens!),
  });
}
