/** Exports: pure functions from store rows to the bytes analysts' tools read. */
export * from './acled.js';
export * from './csv.js';
export * from './ftm.js';
export * from './gdelt.js';
export * from './gexf.js';
export * from './graph.js';
export * from './graphml.js';
export * from './tables.js';
