/** The tokenize stage: tokens with offsets, UPOS, lemmas and sentence-start flags. */
export { createTokenize, tokenizeDoc, TOKENIZE_VERSION } from './tokenize.js';
