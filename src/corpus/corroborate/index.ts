/** Corroboration by independent origins. */
export * from './corroborate.js';
