/** Passage-level text reuse between articles. */
export * from './text-reuse.js';
