/** Cross-article entity linking. */
export * from './link-entities.js';
export * from './overrides.js';
