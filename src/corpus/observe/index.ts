/** From an annotated article to corpus-level observations. */
export * from './observe.js';
/** Which claims deny or confirm what they answer. */
export * from './report-stance.js';
