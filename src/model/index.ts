/** The document model: the only module every other part of Dossier may import. */
export * from './doc.js';
export * from './errors.js';
export * from './layers.js';
export * from './span.js';
export * from './tokens.js';
export * from './deps.js';
export * from './raw-article.js';
