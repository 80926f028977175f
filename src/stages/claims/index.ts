/** The claims stage: quotes, reported speech and attribution chains with stance. */
export { claimsStage, createClaimsStage, extractClaims, chainMentionIds, CLAIMS_VERSION, type ClaimRecord, type ClaimsOptions } from './claims.js';
export { CLAIMS_LEXICON, CLAIMS_LEXICON_FILES, parseClaimsLexicon, regularForms, type ClaimsLexicon, type ClaimsLexiconTexts, type ClaimsPatterns, type ReportingVerb, type VerbClass, type VerbFrame, type HedgeClass } from './lexicon.js';
export { CLAIMS_CUE_MODEL, cueFeatures, scoreCue, trainCueModel, complementKind, type CueModel, type CueTrainSettings, type ComplementKind } from './cue-model.js';
export { parseView, speechArcs, type ParseView, type SpeechArcs } from './syntax.js';
export { describeSource, type ClaimSource, type SourceContext } from './sources.js';
export { findQuotes, type QuoteSpan } from './quotes.js';
