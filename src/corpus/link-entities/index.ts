/** Cross-article entity linking. */
export * from './link-entities.js';
