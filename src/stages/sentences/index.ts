/** The sentences stage: sentence spans from the tokenizer's sentence-start flags. */
export { createSentences, sentencesFromTokens, SENTENCES_VERSION } from './sentences.js';
