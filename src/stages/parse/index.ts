/** The parse stage: labelled dependency trees (UD relations) from the shipped arc-eager parser. */
export { beamWidthFor, createParse, parseDoc, PARSE_MODEL_RESOURCE, PARSE_VERSION, type ParseOptions } from './parse.js';
