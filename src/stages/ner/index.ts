/** The ner stage: PER/ORG/LOC/MISC mentions from the shipped statistical tagger. */
export { createNer, findMentions, NER_MODEL_RESOURCE, NER_VERSION } from './ner.js';
