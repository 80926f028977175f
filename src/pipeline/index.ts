export * from './stage.js';
export * from './run.js';
export * from './registry.js';
