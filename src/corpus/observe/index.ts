/** From an annotated article to corpus-level observations. */
export * from './observe.js';
