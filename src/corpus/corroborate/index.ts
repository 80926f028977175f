/** Corroboration by independent origins. */
export * from './corroborate.js';
/** Which chain links are real sources. */
export * from './real-source.js';
