/**
 * Geography shared by the place stage and the evaluation: the gazetteer model, name keys, toponym
 * resolution and recognition. Pure code only; the loader is src/app/load-gazetteer.ts.
 */
export * from './gazetteer.js';
export * from './normalise.js';
export * from './resolve.js';
export * from './hints.js';
export * from './outlet.js';
export * from './compiled.js';
export * from './recognise.js';
