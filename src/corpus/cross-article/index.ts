/** Cross-article rules (near-duplicate groups, event merging, corroboration refresh) over a transaction port. */
export * from './corpus-tx.js';
export * from './cross-article.js';
export * from './memory-corpus.js';
export * from './describe-events.js';
