/** The parse stage: labelled dependency trees (UD relations) from the shipped arc-eager parser. */
export { createParse, parseDoc, PARSE_MODEL_RESOURCE, PARSE_VERSION } from './parse.js';
